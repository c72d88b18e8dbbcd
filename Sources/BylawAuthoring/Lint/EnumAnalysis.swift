import Bylaw
import BylawCEL
import BylawDiagnostics
import BylawYAML

/// Comparisons of an `enum` field with a text that is not one of its values (`category == "文体"` when the enum
/// lists `文化`, `体育`): such a comparison is never true (`!=` never false), which is a misspelling far more
/// often than an intent.
///
/// A field is found by its path from a top-level field, `decision`, a `let` that is a path itself, or the
/// variable of a comprehension over a list of such fields (`members.all(m, m.role == "主席")`). Read forms:
/// `==` and `!=` either way round, `x in ["a", "b"]` and `"a" in list_of_enum`.
public struct EnumAnalysis: LintAnalysis {
    public init() {}

    public var checks: [LintCheck] { [LintChecks.unknownEnumValue] }

    public func run(_ input: LintInput) -> [Diagnostic] {
        input.eachPiece { set in
            var scope: [String: FieldType] = ["decision": .object(set.input)]
            for field in set.input.fields { scope[field.name] = field.type }
            var out: [ItemFinding] = []
            for binding in set.lets {
                let node = input.sources.node(binding.expression.location.file, [.key("let"), .key(binding.name)])
                out += findings(binding.expression, node: node, scope: scope)
                if let type = Self.type(of: binding.expression.program.ast.root, in: scope) {
                    scope[binding.name] = type
                }
            }
            for rule in set.rules {
                if let when = rule.when {
                    out += findings(when, node: input.sources.rule(rule, "when"), scope: scope)
                }
                out += findings(rule.require, node: input.sources.rule(rule, "require"), scope: scope)
            }
            return out
        }
    }

    private func findings(_ e: Expression, node: YAMLNode?, scope: [String: FieldType]) -> [ItemFinding] {
        var found: [(literal: CELExpr, value: String, allowed: [String], field: String)] = []
        Self.walk(e.program.ast.root, scope: scope) { node, scope in
            guard case .call(let function, nil, let args) = node.kind, args.count == 2 else { return }
            switch function {
            case "_==_", "_!=_":
                for (a, b) in [(args[0], args[1]), (args[1], args[0])] {
                    guard case .enumeration(let allowed)? = Self.type(of: a, in: scope),
                        case .literal(.string(let text)) = b.kind, !allowed.contains(text)
                    else { continue }
                    found.append((b, text, allowed, Self.text(a, in: e.source)))
                }
            case "@in":
                if case .enumeration(let allowed)? = Self.type(of: args[0], in: scope),
                    case .list(let items) = args[1].kind
                {
                    for item in items {
                        guard case .literal(.string(let text)) = item.kind, !allowed.contains(text) else { continue }
                        found.append((item, text, allowed, Self.text(args[0], in: e.source)))
                    }
                }
                if case .list(.enumeration(let allowed))? = Self.type(of: args[1], in: scope),
                    case .literal(.string(let text)) = args[0].kind, !allowed.contains(text)
                {
                    found.append((args[0], text, allowed, Self.text(args[1], in: e.source)))
                }
            default: return
            }
        }
        return found.map { f in
            let guess = Spelling.closest(to: f.value, among: f.allowed)
            let listed = f.allowed.map { "`\($0)`" }.joined(separator: ", ")
            let help = guess.map { "did you mean `\($0)`? the enum is \(listed)" } ?? "the enum is \(listed)"
            let at = node?.location(ofValueOffset: f.literal.offset) ?? e.location
            return ItemFinding(
                diagnostic: LintChecks.unknownEnumValue.diagnostic(
                    "`\(f.value)` is not a value of `\(f.field)`, so this comparison never holds", at: at,
                    length: f.literal.length, help: help),
                reads: [e])
        }
    }

    /// Calls `visit` on every node with the names in scope there.
    private static func walk(
        _ node: CELExpr, scope: [String: FieldType], _ visit: (CELExpr, [String: FieldType]) -> Void
    ) {
        visit(node, scope)
        guard case .comprehension(let c) = node.kind else {
            for child in node.children { walk(child, scope: scope, visit) }
            return
        }
        walk(c.range, scope: scope, visit)
        var inner = scope
        for name in [c.variable] + (c.variable2.map { [$0] } ?? []) { inner[name] = nil }
        if case .list(let element)? = type(of: c.range, in: scope) {
            if let second = c.variable2 { inner[second] = element } else { inner[c.variable] = element }
        }
        walk(c.predicate, scope: inner, visit)
        if let t = c.transform { walk(t, scope: inner, visit) }
    }

    /// The declared type of a field path (`asset.category`), when `node` is one.
    static func type(of node: CELExpr, in scope: [String: FieldType]) -> FieldType? {
        switch node.kind {
        case .ident(let name): return scope[name]
        case .select(let operand, let field, false):
            guard case .object(let schema)? = type(of: operand, in: scope) else { return nil }
            return schema.field(field)?.type
        default: return nil
        }
    }

    private static func text(_ node: CELExpr, in source: String) -> String {
        let scalars = Array(source.unicodeScalars)
        let start = min(max(0, node.offset), scalars.count)
        let end = min(start + max(0, node.length), scalars.count)
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}
