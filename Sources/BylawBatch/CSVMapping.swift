import Bylaw
import BylawDiagnostics
import BylawYAML

/// `--map MAPPING.yaml`: which decision field each column header stands for, and how to read its cells.
///
/// ```yaml
/// columns:
///   资产名称: asset.name          # header: field path
///   账面原值: asset.book_value
///   决策日期: {field: date, date: d/M/yyyy}   # a field path and how to read the cells (`ColumnFormat`)
///   备注: ~                       # a column to ignore
/// ```
/// A header the mapping does not name is taken as a field path itself. Documented in docs/audit.md.
public struct CSVMapping: Sendable {
    /// What each mapped header stands for: a path, or nil for a column to ignore.
    public var columns: [String: FieldPath?]
    /// How the cells of a mapped header are read, where the mapping says.
    public var formats: [String: ColumnFormat] = [:]
    /// `fields` and `constants`: for records that are trees (JSON Lines, JSON, YAML); see `RecordMapping`.
    public var records = RecordMapping()

    public init(columns: [String: FieldPath?] = [:]) {
        self.columns = columns
    }

    /// Loads and checks a mapping file; every problem is a diagnostic with its line and column.
    public static func load(path: String) -> Result<CSVMapping, LoadFailure> {
        let root: YAMLNode
        do {
            root = try YAMLLoader.load(path: path, limits: .ruleSet)
        } catch {
            return .failure(LoadFailure(diagnostics: error.diagnostics))
        }
        var diags: [Diagnostic] = []
        var mapping = CSVMapping()
        guard let pairs = root.mapping else {
            return .failure(
                LoadFailure(diagnostics: [
                    .error(
                        "map.not-mapping", "a column mapping is a mapping with one key, `columns`", at: root.location)
                ]))
        }
        var sawColumns = false
        for pair in pairs {
            let key = pair.key.scalar?.text ?? ""
            guard Self.keys.contains(key) else {
                diags.append(
                    .error(
                        "map.unknown-key", "unknown key `\(key)` in a column mapping", at: pair.key.location,
                        length: max(1, key.unicodeScalars.count),
                        help: "the keys are `columns`, `fields` and `constants`"))
                continue
            }
            sawColumns = true
            switch key {
            case "fields": diags += mapping.readFields(pair.value)
            case "constants": diags += mapping.readConstants(pair.value)
            default: diags += mapping.readColumns(pair.value)
            }
        }
        if !sawColumns, diags.isEmpty {
            diags.append(
                .error(
                    "map.missing-columns", "the column mapping has no `columns`", at: root.location,
                    help: "write `columns:` followed by `header: field.path` lines"))
        }
        return diags.hasErrors ? .failure(LoadFailure(diagnostics: diags)) : .success(mapping)
    }

    private mutating func readColumns(_ node: YAMLNode) -> [Diagnostic] {
        guard let pairs = node.mapping else {
            return [
                .error(
                    "map.not-mapping", "`columns` must map each CSV header to a field path", at: node.location)
            ]
        }
        var diags: [Diagnostic] = []
        var targets: [FieldPath: YAMLNode] = [:]
        for pair in pairs {
            // Compared as a header cell is: trimmed, and a header typed on two lines taken as one line.
            guard let written = pair.key.scalar?.text, case let header = CellConverter.headerName(written),
                !header.isEmpty
            else {
                diags.append(.error("map.bad-header", "a header must be non-empty text", at: pair.key.location))
                continue
            }
            var target = pair.value
            if pair.value.mapping != nil {
                guard let (field, format) = readFormat(pair.value, header: header, diags: &diags) else { continue }
                target = field
                formats[header] = format
            }
            guard let value = target.scalar else {
                diags.append(
                    .error(
                        "map.bad-path", "the header `\(header)` must map to a field path such as `asset.book_value`",
                        at: pair.value.location))
                continue
            }
            if value.isNull, value.style == .plain {
                columns[header] = .some(nil)
                continue
            }
            guard let path = FieldPath(value.text) else {
                diags.append(
                    .error(
                        "map.bad-path", "`\(value.text)` is not a field path", at: target.location,
                        length: max(1, value.text.unicodeScalars.count),
                        help: "names separated by dots, with 0-based numbers for list items: `approvals.0.body`"))
                continue
            }
            if let first = targets[path] {
                diags.append(
                    .error(
                        "map.duplicate-path", "two headers map to `\(path)`", at: target.location,
                        length: max(1, value.text.unicodeScalars.count),
                        notes: [.init(message: "the first", location: first.location)]))
                continue
            }
            targets[path] = target
            columns[header] = path
        }
        return diags
    }
}
