import Bylaw
import BylawCEL

/// Reads a CEL cell of the simple shapes people write — `it >= params.x`, `500000 > it`, `it == "a"`,
/// `it in params.allowed` — as the plain cell it is equivalent to, so tables that use them can be analysed.
/// Anything else is left to the caller to treat as unknown.
enum SimpleCell {
    static func from(_ e: Expression, parameters: [String: CELValue]) -> Cell? {
        guard case .call(let function, nil, let args) = e.program.ast.root.kind, args.count == 2 else { return nil }
        let lhsIsIt = isIt(args[0])
        let rhsIsIt = isIt(args[1])
        if function == "@in" {
            guard lhsIsIt, case .list(let items)? = constant(args[1], parameters) else { return nil }
            guard items.allSatisfy(isScalar) else { return nil }
            return .oneOf(items)
        }
        guard lhsIsIt != rhsIsIt, let value = constant(lhsIsIt ? args[1] : args[0], parameters), isScalar(value)
        else { return nil }
        var op = function
        if rhsIsIt {
            // `k < it` is `it > k`.
            op = ["_<_": "_>_", "_<=_": "_>=_", "_>_": "_<_", "_>=_": "_<=_"][function] ?? function
        }
        let ordered: Bool
        if case .string = value { ordered = false } else { ordered = true }
        switch op {
        case "_==_": return .equals(value)
        case "_!=_": return .compare(.notEqual, value)
        case "_<_" where ordered: return .compare(.less, value)
        case "_<=_" where ordered: return .compare(.lessOrEqual, value)
        case "_>_" where ordered: return .compare(.greater, value)
        case "_>=_" where ordered: return .compare(.greaterOrEqual, value)
        default: return nil
        }
    }

    private static func isIt(_ node: CELExpr) -> Bool {
        if case .ident("it") = node.kind { return true }
        return false
    }

    /// Values a table cell can compare with: numbers, dates, strings and bools (never doubles, whose
    /// matching would not be exact).
    private static func isScalar(_ v: CELValue) -> Bool {
        switch v {
        case .int, .decimal, .date, .string, .bool: true
        default: false
        }
    }

    /// A literal, a list of literals, or `params.<name>`.
    static func constant(_ node: CELExpr, _ parameters: [String: CELValue]) -> CELValue? {
        switch node.kind {
        case .literal(let literal):
            switch literal {
            case .bool(let b): return .bool(b)
            case .int(let i, _): return .int(i)
            case .double(_, let text): return CELDecimal(text).map(CELValue.decimal)
            case .string(let s): return .string(s)
            default: return nil
            }
        case .list(let items):
            var values: [CELValue] = []
            for item in items {
                guard let v = constant(item, parameters) else { return nil }
                values.append(v)
            }
            return .list(values)
        case .select(let operand, let field, false):
            guard case .ident("params") = operand.kind else { return nil }
            return parameters[field]
        default:
            return nil
        }
    }
}
