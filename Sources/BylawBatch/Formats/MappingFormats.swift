import BylawDiagnostics
import BylawYAML

extension CSVMapping {
    /// The keys a column's entry may have when it is a mapping.
    static let formatKeys = ["field", "date", "amount", "unit", "true", "false", "values", "trim"]

    /// A column entry written as a mapping: its `field` node and the format the other keys give, or nil (with
    /// diagnostics) when it is not well formed.
    func readFormat(_ node: YAMLNode, header: String, diags: inout [Diagnostic]) -> (YAMLNode, ColumnFormat)? {
        var format = ColumnFormat()
        var field: YAMLNode?
        let before = diags.count
        for pair in node.mapping ?? [] {
            let key = pair.key.scalar?.text ?? ""
            let value = pair.value
            switch key {
            case "field":
                field = value
            case "date":
                for item in words(value, key: key, diags: &diags) {
                    if item.text == "excel" || item.text == "excel1904" {
                        format.serials = ColumnFormat.SerialSystem(rawValue: item.text)
                    } else if let pattern = DatePattern(item.text) {
                        format.dates.append(pattern)
                    } else {
                        diags.append(
                            .error(
                                "map.bad-date-format", "`\(item.text)` is not a date layout", at: item.location,
                                help: "write the year as yyyy, the month as M or MM and the day as d or dd, such as "
                                    + "`yyyy/M/d`, `yyyy年M月d日`, `d.M.yyyy`; or `excel` for Excel serial numbers"))
                    }
                }
            case "amount", "trim":
                guard let flag = value.scalar, flag.coreType == .bool else {
                    diags.append(.error("map.bad-format", "`\(key)` is true or false", at: value.location))
                    continue
                }
                if key == "amount" { format.amount = flag.text == "true" } else { format.trim = flag.text == "true" }
            case "unit":
                switch value.scalar?.text {
                case "万元": format.tenThousandYuan = true
                case "元": format.tenThousandYuan = false
                default:
                    diags.append(
                        .error(
                            "map.bad-format", "`unit` is `元` or `万元`, the unit the column's amounts are written in",
                            at: value.location))
                }
            case "true":
                format.trueWords = words(value, key: key, diags: &diags).map(\.text)
            case "false":
                format.falseWords = words(value, key: key, diags: &diags).map(\.text)
            case "values":
                guard let pairs = value.mapping else {
                    diags.append(
                        .error(
                            "map.bad-format", "`values` maps texts written in the column to the values they stand for",
                            at: value.location))
                    continue
                }
                for p in pairs {
                    guard let from = p.key.scalar?.text, let to = p.value.scalar?.text else {
                        diags.append(.error("map.bad-format", "a synonym maps text to text", at: p.key.location))
                        continue
                    }
                    format.values[from] = to
                }
            default:
                diags.append(
                    .error(
                        "map.unknown-key", "unknown key `\(key)` for the column `\(header)`", at: pair.key.location,
                        length: max(1, key.unicodeScalars.count),
                        help: "the keys are " + Self.formatKeys.map { "`\($0)`" }.joined(separator: ", ")))
            }
        }
        guard let field else {
            diags.append(
                .error(
                    "map.missing-field", "the column `\(header)` needs `field:`, the path its cells go to",
                    at: node.location))
            return nil
        }
        return diags.count == before ? (field, format) : nil
    }

    /// A scalar or a list of scalars, as nodes.
    private func words(_ node: YAMLNode, key: String, diags: inout [Diagnostic]) -> [(
        text: String, location: SourceLocation
    )] {
        let items = node.sequence ?? [node]
        var out: [(String, SourceLocation)] = []
        for item in items {
            guard let s = item.scalar, !s.text.isEmpty else {
                diags.append(.error("map.bad-format", "`\(key)` takes a text or a list of texts", at: item.location))
                continue
            }
            out.append((s.text, item.location))
        }
        return out
    }
}
