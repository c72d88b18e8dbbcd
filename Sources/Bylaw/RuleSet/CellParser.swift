import BylawCEL
import BylawDiagnostics
import BylawYAML
import Foundation

/// Parses decision-table cells: `any`/`-`, literals, unary tests, ranges, lists and `{expr: …}`.
enum CellParser {
    static func cell(_ node: YAMLNode, column: CELType, compiler: ExpressionCompiler, into diags: inout [Diagnostic])
        -> Cell?
    {
        if let items = node.sequence {
            var values: [CELValue] = []
            for item in items {
                guard let text = Fields.text(item, what: "a value in a list cell", into: &diags),
                    let v = literal(text, column: column, at: item, into: &diags)
                else { return nil }
                values.append(v)
            }
            return .oneOf(values)
        }
        if node.mapping != nil {
            guard var f = Fields(node, what: "a cell", into: &diags),
                let e = f.required("expr", in: "an expression cell", into: &diags)
            else { return nil }
            f.reportUnknownKeys(in: "an expression cell", into: &diags)
            guard let text = Fields.text(e, what: "`expr`", into: &diags) else { return nil }
            return compiler.compile(
                text, node: e, baseOffset: 0, what: "an expression cell", expectBool: true, extra: ["it": column],
                into: &diags
            ).map(Cell.expression)
        }
        guard let raw = Fields.text(node, what: "a cell", into: &diags) else { return nil }
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text == "any" || text == "-" { return .any }
        for op in ["<=", ">=", "!=", "<", ">", "="] where text.hasPrefix(op) {
            let rest = String(text.dropFirst(op.count)).trimmingCharacters(in: .whitespaces)
            guard let v = literal(rest, column: column, at: node, into: &diags) else { return nil }
            if op == "=" { return .equals(v) }
            guard let cmp = Cell.Comparison(rawValue: op) else { return nil }
            return .compare(cmp, v)
        }
        if let first = text.first, let last = text.last, "[(".contains(first), "])".contains(last), text.contains("..")
        {
            let inner = text.dropFirst().dropLast()
            let bounds = inner.components(separatedBy: "..")
            guard bounds.count == 2,
                let lo = literal(
                    bounds[0].trimmingCharacters(in: .whitespaces), column: column, at: node, into: &diags),
                let hi = literal(bounds[1].trimmingCharacters(in: .whitespaces), column: column, at: node, into: &diags)
            else {
                if bounds.count != 2 {
                    diags.append(.error("table.bad-range", "a range is written `[low..high)`", at: node.location))
                }
                return nil
            }
            if let c = ValueOrder.compare(lo, hi), c > 0 {
                diags.append(
                    .error(
                        "table.bad-range", "the range `\(text)` is empty: its low end is above its high end",
                        at: node.location))
                return nil
            }
            return .range(low: lo, lowInclusive: first == "[", high: hi, highInclusive: last == "]")
        }
        return literal(text, column: column, at: node, into: &diags).map(Cell.equals)
    }

    /// A literal typed by its column: numbers for numeric columns, dates for date columns, text otherwise.
    static func literal(_ text: String, column: CELType, at node: YAMLNode, into diags: inout [Diagnostic]) -> CELValue?
    {
        switch column {
        case .int, .uint, .double, .decimal:
            if let i = DecisionTyper.integer(text) { return .int(i) }
            if DecisionTyper.isPlainDecimal(text), let d = CELDecimal(text) { return .decimal(d) }
            diags.append(
                .error("table.bad-cell", "`\(text)` is not a number, but this column is \(column)", at: node.location))
            return nil
        case .date:
            if let d = DecisionTyper.date(text) { return .date(d) }
            diags.append(
                .error(
                    "table.bad-cell", "`\(text)` is not a date written YYYY-MM-DD, but this column is a date",
                    at: node.location))
            return nil
        case .bool:
            if text == "true" { return .bool(true) }
            if text == "false" { return .bool(false) }
            diags.append(
                .error("table.bad-cell", "`\(text)` is not true or false, but this column is a bool", at: node.location)
            )
            return nil
        case .string:
            return .string(text)
        default:
            if let i = DecisionTyper.integer(text) { return .int(i) }
            if DecisionTyper.isPlainDecimal(text), let d = CELDecimal(text) { return .decimal(d) }
            if let d = DecisionTyper.date(text) { return .date(d) }
            return .string(text)
        }
    }
}
