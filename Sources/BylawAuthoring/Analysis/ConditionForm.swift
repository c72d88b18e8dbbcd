import Bylaw
import BylawCEL
import BylawDiagnostics

/// A condition written out in one canonical way, so that two rule sets' conditions can be compared: `let`
/// names are replaced by their expressions, `params.x` by its value, `decision.f` by `f`; numbers are written
/// without trailing zeros and every operator is parenthesised.
struct Form: Sendable {
    var text: String
    /// The decision paths it reads (`asset.book_value`, `approvals`); a path reads everything under it.
    var paths: [[String]]
    /// The path itself when the expression is nothing but a field path.
    var chain: [String]?

    /// True when some path of `self` lies under or above some path of `other`.
    func isRelated(to other: Form) -> Bool {
        paths.contains { p in other.paths.contains { q in p.starts(with: q) || q.starts(with: p) } }
    }
}

/// A comparison of an expression with a number: `notice_days >= 5`, `amount <= params.max_amount`.
struct Bound: Sendable {
    enum Side: Sendable { case lower, upper, both }
    var subject: Form
    var side: Side
    var strict: Bool
    var value: CELDecimal
    /// The parameter the number came from, if any.
    var parameter: String?
}

/// Writes the conditions of one rule set in canonical form.
struct Canonicaliser {
    let lets: [String: CELExpr]
    let letASTs: [String: CELAST]
    let params: [String: CELValue]
    let tables: [String: [CELExpr]]
    let input: ObjectSchema

    init(_ set: RuleSet) {
        input = set.input
        letASTs = Dictionary(set.lets.map { ($0.name, $0.expression.program.ast) }, uniquingKeysWith: { a, _ in a })
        lets = letASTs.mapValues(\.root)
        params = Dictionary(set.parameters.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        tables = Dictionary(
            set.tables.map { ($0.name, $0.inputs.map(\.program.ast.root)) }, uniquingKeysWith: { a, _ in a })
    }

    /// The top-level conjuncts of `ast`, looking through `let` names, each with its text as written.
    func conjuncts(_ ast: CELAST) -> [(e: CELExpr, text: String)] {
        conjuncts(ast.root, source: Array(ast.source.unicodeScalars), depth: 0)
    }

    private func conjuncts(_ e: CELExpr, source: [Unicode.Scalar], depth: Int) -> [(e: CELExpr, text: String)] {
        let written = { (x: CELExpr) -> String in
            let start = max(0, min(x.offset, source.count))
            let end = max(start, min(x.offset + x.length, source.count))
            return String(String.UnicodeScalarView(source[start..<end]))
        }
        guard depth < 64 else { return [(e, written(e))] }
        switch e.kind {
        case .call("_&&_", nil, let args):
            return args.flatMap { conjuncts($0, source: source, depth: depth + 1) }
        case .ident(let name):
            if let ast = letASTs[name] {
                return conjuncts(ast.root, source: Array(ast.source.unicodeScalars), depth: depth + 1)
            }
            return [(e, written(e))]
        default: return [(e, written(e))]
        }
    }

    func form(_ e: CELExpr, bound: Set<String> = [], depth: Int = 0) -> Form {
        guard depth < 64 else { return Form(text: "…", paths: [[]]) }
        let sub = { (x: CELExpr, b: Set<String>) in form(x, bound: b, depth: depth + 1) }
        switch e.kind {
        case .literal(let l): return Form(text: Self.literal(l), paths: [])
        case .ident(let name):
            if bound.contains(name) { return Form(text: name, paths: []) }
            if let root = lets[name] {
                let f = sub(root, [])
                return Form(text: "(" + f.text + ")", paths: f.paths)
            }
            switch name {
            case "params", "today": return Form(text: name, paths: [])
            case "decision": return Form(text: name, paths: [[]])
            default: return Form(text: name, paths: [[name]], chain: [name])
            }
        case .select(let operand, let field, let testOnly):
            if case .ident(let root) = operand.kind, !bound.contains(root), lets[root] == nil {
                if root == "params", let v = params[field] {
                    return Form(text: ValueText.literal(Self.normalised(v)), paths: [])
                }
                if root == "decision" {
                    return Form(text: testOnly ? "has(\(field))" : field, paths: [[field]], chain: [field])
                }
            }
            let o = sub(operand, bound)
            if let chain = o.chain {
                let path = chain + [field]
                let text = path.joined(separator: ".")
                return Form(text: testOnly ? "has(\(text))" : text, paths: [path], chain: testOnly ? nil : path)
            }
            return Form(text: testOnly ? "has(\(o.text).\(field))" : "\(o.text).\(field)", paths: o.paths)
        case .call(let function, let target, let args):
            if target == nil, args.isEmpty, let inputs = tables[function] {
                return Form(text: function + "()", paths: inputs.flatMap { sub($0, []).paths })
            }
            let t = target.map { sub($0, bound) }
            let a = args.map { sub($0, bound) }
            let paths = (t.map { $0.paths } ?? []) + a.flatMap(\.paths)
            return Form(text: Self.call(function, target: t?.text, args: a.map(\.text)), paths: paths)
        case .list(let items):
            let f = items.map { sub($0, bound) }
            return Form(text: "[" + f.map(\.text).joined(separator: ", ") + "]", paths: f.flatMap(\.paths))
        case .map(let entries):
            let f = entries.map { (sub($0.key, bound), sub($0.value, bound)) }
            return Form(
                text: "{" + f.map { "\($0.0.text): \($0.1.text)" }.joined(separator: ", ") + "}",
                paths: f.flatMap { $0.0.paths + $0.1.paths })
        case .comprehension(let c):
            let range = sub(c.range, bound)
            let variables = [c.variable] + (c.variable2.map { [$0] } ?? [])
            let inner = bound.union(variables)
            let parts = [c.predicate] + (c.transform.map { [$0] } ?? [])
            let body = parts.map { sub($0, inner) }
            return Form(
                text: "\(range.text).\(c.kind.rawValue)(\(variables.joined(separator: ", ")), "
                    + body.map(\.text).joined(separator: ", ") + ")",
                paths: range.paths + body.flatMap(\.paths))
        case .error: return Form(text: "?", paths: [[]])
        }
    }

    /// `e` as a comparison of an expression with a number, when it is one.
    func bound(_ e: CELExpr) -> Bound? {
        guard case .call(let function, nil, let args) = e.kind, args.count == 2 else { return nil }
        let ops: [String: (Bound.Side, Bool)] = [
            "_>=_": (.lower, false), "_>_": (.lower, true), "_<=_": (.upper, false), "_<_": (.upper, true),
            "_==_": (.both, false),
        ]
        guard let (side, strict) = ops[function] else { return nil }
        if let (value, parameter) = number(args[1]), number(args[0]) == nil {
            return Bound(subject: form(args[0]), side: side, strict: strict, value: value, parameter: parameter)
        }
        if let (value, parameter) = number(args[0]), number(args[1]) == nil {
            let flipped: Bound.Side = side == .lower ? .upper : side == .upper ? .lower : .both
            return Bound(subject: form(args[1]), side: flipped, strict: strict, value: value, parameter: parameter)
        }
        return nil
    }

    /// True for a field declared `int`, false for one declared `decimal`, nil when the type is not known.
    func isWhole(_ subject: Form) -> Bool? {
        guard let chain = subject.chain, let first = chain.first, var field = input.field(first) else { return nil }
        for name in chain.dropFirst() {
            guard case .object(let o) = field.type, let next = o.field(name) else { return nil }
            field = next
        }
        switch field.type {
        case .int: return true
        case .decimal: return false
        default: return nil
        }
    }

    /// A number written as a literal, a negated literal or a numeric parameter.
    func number(_ e: CELExpr) -> (CELDecimal, String?)? {
        switch e.kind {
        case .literal(.int(_, let text)), .literal(.double(_, let text)):
            return CELDecimal(text).map { ($0, nil) }
        case .call("-_", nil, let args) where args.count == 1:
            guard let (v, p) = number(args[0]), p == nil, let neg = CELDecimal("-" + v.description) else { return nil }
            return (neg, nil)
        case .select(let operand, let field, false):
            guard case .ident("params") = operand.kind, lets["params"] == nil else { return nil }
            switch params[field] {
            case .int(let i): return (CELDecimal(i), field)
            case .decimal(let d): return (d, field)
            default: return nil
            }
        default: return nil
        }
    }

    static func literal(_ l: CELLiteral) -> String {
        switch l {
        case .int(_, let text), .double(_, let text):
            return CELDecimal(text).map { ValueText.literal(.decimal($0.normalisedValue)) } ?? text
        case .string(let s): return JSONText.quote(s)
        default: return ValueText.literal(l.celValue)
        }
    }

    static func normalised(_ v: CELValue) -> CELValue {
        switch v {
        case .int(let i): return .decimal(CELDecimal(i))
        case .decimal(let d): return .decimal(d.normalisedValue)
        default: return v
        }
    }

    static let infix: [String: String] = [
        "_||_": "||", "_&&_": "&&", "_==_": "==", "_!=_": "!=", "_<_": "<", "_<=_": "<=", "_>_": ">", "_>=_": ">=",
        "@in": "in", "_+_": "+", "_-_": "-", "_*_": "*", "_/_": "/", "_%_": "%",
    ]

    static func call(_ function: String, target: String?, args: [String]) -> String {
        if let op = infix[function], target == nil, args.count == 2 { return "(\(args[0]) \(op) \(args[1]))" }
        switch (function, target, args.count) {
        case ("!_", nil, 1): return "!" + args[0]
        case ("-_", nil, 1): return "-" + args[0]
        case ("_?_:_", nil, 3): return "(\(args[0]) ? \(args[1]) : \(args[2]))"
        case ("_[_]", nil, 2): return "\(args[0])[\(args[1])]"
        default:
            return (target.map { $0 + "." } ?? "") + function + "(" + args.joined(separator: ", ") + ")"
        }
    }
}

extension CELDecimal {
    /// The value without trailing fractional zeros: `5.00` is written `5`.
    var normalisedValue: CELDecimal {
        var s = significand
        var k = scale
        while k > 0, s % 10 == 0 {
            s /= 10
            k -= 1
        }
        return CELDecimal(significand: s, scale: k) ?? self
    }

    /// The greatest integer not above the value, or the least not below it.
    func integer(roundingUp: Bool) -> CELDecimal {
        guard scale > 0 else { return self }
        var divisor: Int128 = 1
        for _ in 0..<scale { divisor *= 10 }
        var q = significand / divisor
        let r = significand % divisor
        if r != 0, roundingUp, significand > 0 { q += 1 }
        if r != 0, !roundingUp, significand < 0 { q -= 1 }
        return CELDecimal(significand: q, scale: 0) ?? self
    }
}

extension CELLiteral {
    var celValue: CELValue {
        switch self {
        case .bool(let b): .bool(b)
        case .int(let i, _): .int(i)
        case .uint(let u): .uint(u)
        case .double(let d, _): .double(d)
        case .string(let s): .string(s)
        case .bytes(let b): .bytes(b)
        case .null: .null
        }
    }
}
