import Bylaw
import BylawCEL
import BylawDiagnostics
import BylawYAML

/// Declarations nothing reads: `let` names, tables, `input` fields and parameters.
///
/// What an expression reads comes from CEL's reference collection (maximal field paths rooted at a
/// declared name) and, for tables, from the calls in its syntax tree. A path read whole (`asset`, or
/// `approvals` in `approvals.map(a, a.body)`) reads every field under it, so fields of list items are never
/// reported: lint cannot follow them through a macro's variable.
///
/// Each declaration is judged once, in the file that declares it, by the reads of every set that holds it: its
/// own and those of every set that extends it (directly or not) among the files linted together. So a parent's
/// field that only a child's rule reads is used, and a parameter a child overrides is unused when nothing in the
/// child (or below it) reads it, whatever the parent reads.
public struct UsageAnalysis: LintAnalysis {
    public init() {}

    public var checks: [LintCheck] {
        [LintChecks.unusedLet, LintChecks.unusedTable, LintChecks.unusedInput, LintChecks.unusedParameter]
    }

    /// The field paths and table calls some expressions read.
    struct Reads {
        var paths: Set<[String]> = []
        var calls: Set<String> = []

        init() {}

        /// Everything the expressions of `set` read, inherited expressions included.
        init(_ set: RuleSet) {
            var expressions: [Expression] = set.lets.map(\.expression)
            for table in set.tables { expressions += table.expressions }
            for rule in set.rules {
                expressions += [rule.when, rule.require].compactMap { $0 }
                for case .expression(let e) in rule.message.parts { expressions.append(e) }
            }
            for e in expressions {
                paths.formUnion(e.program.references)
                for node in e.program.ast.nodes {
                    if case .call(let f, nil, let args) = node.kind, args.isEmpty { calls.insert(f) }
                }
            }
        }

        mutating func add(_ other: Reads) {
            paths.formUnion(other.paths)
            calls.formUnion(other.calls)
        }
    }

    public func run(_ input: LintInput) -> [Diagnostic] {
        let reads = input.ruleSets.map(Reads.init)
        return input.files.flatMap { set in
            var all = Reads()
            for (piece, r) in zip(input.ruleSets, reads)
            where piece.file == set.file || piece.parents.contains(where: { $0.file == set.file }) {
                all.add(r)
            }
            return analyse(set, reads: all, sources: input.sources)
        }
    }

    /// The declarations of `set`'s own file that nothing in `reads` reads.
    func analyse(_ set: RuleSet, reads: Reads, sources: LintSources) -> [Diagnostic] {
        let roots = Set(reads.paths.compactMap(\.first))
        var out: [Diagnostic] = []
        for binding in set.lets where set.declares(binding.expression.location) && !roots.contains(binding.name) {
            let at = sources.key(set.file, [.key("let")], binding.name)?.location ?? binding.expression.location
            out.append(
                LintChecks.unusedLet.diagnostic(
                    "`let` name `\(binding.name)` is not read by any expression", at: at,
                    length: binding.name.unicodeScalars.count))
        }
        for table in set.tables where set.declares(table.location) && !reads.calls.contains(table.name) {
            let at = sources.key(set.file, [.key("tables")], table.name)?.location ?? table.location
            out.append(
                LintChecks.unusedTable.diagnostic(
                    "table `\(table.name)` is not called by any expression (call it as `\(table.name)()`)", at: at,
                    length: table.name.unicodeScalars.count))
        }
        let params = reads.paths.filter { $0.first == "params" }
        if !params.contains(["params"]) {
            let used = Set(params.compactMap { $0.count > 1 ? $0[1] : nil })
            for p in set.parameters where set.declares(p.location) && !used.contains(p.name) {
                let at = sources.key(set.file, [.key("parameters")], p.name)?.location ?? p.location
                let message =
                    p.overridden == nil
                    ? "parameter `\(p.name)` is not read by any expression as `params.\(p.name)`"
                    : "parameter `\(p.name)` is given a new value, but no expression of `\(set.id)` reads "
                        + "`params.\(p.name)`"
                out.append(LintChecks.unusedParameter.diagnostic(message, at: at, length: p.name.unicodeScalars.count))
            }
        }
        // Field reads, with `decision.` dropped; reading `decision` whole reads every field.
        let fieldReads = reads.paths.map { $0.first == "decision" ? Array($0.dropFirst()) : $0 }
        if fieldReads.contains([]) { return out }
        for path in unread(set.declaredInput, prefix: [], reads: fieldReads) {
            let at = InputDeclarations.key(path, in: sources, file: set.file)
            out.append(
                LintChecks.unusedInput.diagnostic(
                    "input field `\(path.joined(separator: "."))` is not read by any expression, table or message",
                    at: at?.location, length: at?.scalar?.text.unicodeScalars.count ?? 1))
        }
        return out
    }

    /// The topmost declared fields under `prefix` that no read touches.
    private func unread(_ schema: ObjectSchema, prefix: [String], reads: [[String]]) -> [[String]] {
        var out: [[String]] = []
        for field in schema.fields {
            let path = prefix + [field.name]
            let touching = reads.filter { r in r.starts(with: path) || path.starts(with: r) }
            if touching.isEmpty {
                out.append(path)
            } else if !touching.contains(where: { path.starts(with: $0) }), case .object(let inner) = field.type {
                // Only some fields under this object are read: look inside.
                out += unread(inner, prefix: path, reads: reads)
            }
        }
        return out
    }
}

/// Where `input` fields are declared: keys may carry the optional marker (`acquired?`) and objects may be
/// written with or without `fields:`.
enum InputDeclarations {
    static func key(_ path: [String], in sources: LintSources, file: String) -> YAMLNode? {
        var node = sources.node(file, [.key("input")])
        var key: YAMLNode?
        for name in path {
            let holder = node?["fields"] ?? node
            guard
                let pair = holder?.mapping?.first(where: {
                    $0.key.scalar?.text == name || $0.key.scalar?.text == name + "?"
                })
            else { return key }
            key = pair.key
            node = pair.value
        }
        return key
    }
}
