import BylawDiagnostics
import BylawYAML

extension CSVMapping {
    /// The keys a mapping file may have: `columns` for CSV and workbooks, `fields` and `constants` for JSON
    /// Lines, JSON and YAML records.
    static let keys = ["columns", "fields", "constants"]

    /// Reads `fields:` (the record's path: the decision's path, or `~` to drop it).
    mutating func readFields(_ node: YAMLNode) -> [Diagnostic] {
        guard let pairs = node.mapping else {
            return [
                .error("map.not-mapping", "`fields` must map each field of a record to a field path", at: node.location)
            ]
        }
        var diags: [Diagnostic] = []
        var sources: [[String]: YAMLNode] = [:]
        var targets: [[String]: YAMLNode] = [:]
        for pair in pairs {
            guard let from = Self.names(pair.key, diags: &diags) else { continue }
            if let first = sources[from] {
                diags.append(
                    .error(
                        "map.duplicate-path", "`\(from.joined(separator: "."))` is mapped twice", at: pair.key.location,
                        notes: [.init(message: "the first", location: first.location)]))
                continue
            }
            sources[from] = pair.key
            if let s = pair.value.scalar, s.isNull, s.style == .plain {
                records.moves.append(.init(from: from, to: nil, location: pair.key.location))
                continue
            }
            guard let to = Self.names(pair.value, diags: &diags) else { continue }
            if let first = targets[to] {
                diags.append(
                    .error(
                        "map.duplicate-path", "two fields map to `\(to.joined(separator: "."))`",
                        at: pair.value.location, notes: [.init(message: "the first", location: first.location)]))
                continue
            }
            targets[to] = pair.value
            records.moves.append(.init(from: from, to: to, location: pair.key.location))
        }
        return diags
    }

    /// Reads `constants:` (a field path: the value every record without it gets).
    mutating func readConstants(_ node: YAMLNode) -> [Diagnostic] {
        guard let pairs = node.mapping else {
            return [.error("map.not-mapping", "`constants` must map field paths to values", at: node.location)]
        }
        var diags: [Diagnostic] = []
        for pair in pairs {
            guard let path = Self.names(pair.key, diags: &diags) else { continue }
            if let s = pair.value.scalar, s.isNull {
                diags.append(
                    .error(
                        "map.bad-constant", "the constant for `\(path.joined(separator: "."))` has no value",
                        at: pair.value.location, help: "give a value, or leave the line out"))
                continue
            }
            records.constants.append((path, pair.value))
        }
        return diags
    }

    /// A path of field names (`disposal.date`); list items cannot be named here.
    private static func names(_ node: YAMLNode, diags: inout [Diagnostic]) -> [String]? {
        let text = node.scalar?.text ?? ""
        guard let path = FieldPath(text), path.segments.allSatisfy({ if case .field = $0 { true } else { false } })
        else {
            diags.append(
                .error(
                    "map.bad-path", "`\(text)` is not a path of field names", at: node.location,
                    length: max(1, text.unicodeScalars.count),
                    help: "names separated by dots, such as `disposal.date`; list items cannot be mapped here"))
            return nil
        }
        return path.segments.map(\.description)
    }
}

extension FieldPath.Segment: CustomStringConvertible {
    public var description: String {
        switch self {
        case .field(let name): name
        case .index(let n): String(n)
        }
    }
}
