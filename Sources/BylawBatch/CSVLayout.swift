import Bylaw
import BylawDiagnostics
import BylawJSON
import BylawYAML
import Foundation

/// How a CSV file's columns build a decision: the header's field paths as a tree, checked once per file.
///
/// A row becomes a mapping: each non-empty cell is a text scalar at its column's path; `approvals.0.body` and
/// `approvals.1.body` make a list whose items are taken in index order, skipping items whose cells are all
/// empty; a cell holding a JSON array or object (`[{"body": "省级工会", "date": "2022-03-22"}]`) becomes
/// that structure. Empty cells are absent fields. A JSON cell over one of the JSON limits (`YAMLLimits.decision`:
/// depth, keys, items, nodes, scalar and key length) makes the row unreadable rather than being kept as text.
public struct CSVLayout: Sendable {
    indirect enum Slot: Sendable {
        case cell(Int)
        case object([(String, Slot)])
        case list([(Int, Slot)])
    }

    let fields: [(String, Slot)]
    /// The number of cells every row must have.
    public let width: Int
    /// By column: how its cells are read (nil for a column left out), its header and its field path.
    let columns: [Column?]

    struct Column: Sendable {
        var converter: CellConverter
        var header: String
        var path: FieldPath
    }

    /// The layout for a header record, or the problems with it (at the header cells' positions). `types` gives
    /// the type of the field each column fills, so that its cells are read by type (`CellConverter`).
    public static func make(header: CSVRecord, mapping: CSVMapping?, file: String, types: FieldTypeIndex? = nil)
        -> Result<CSVLayout, LoadFailure>
    {
        var diags: [Diagnostic] = []
        var root = Builder.object([])
        var owners: [FieldPath: Int] = [:]
        var columns = [Column?](repeating: nil, count: header.cells.count)
        for (k, cell) in header.cells.enumerated() {
            let name = CellConverter.headerName(cell.text)
            let at = SourceLocation(file: file, line: cell.line, column: cell.column)
            let path: FieldPath
            if let mapped = mapping?.columns[name] {
                guard let p = mapped else { continue }  // mapped to ~: ignored
                path = p
            } else if let p = FieldPath(name) {
                path = p
            } else {
                diags.append(
                    .error(
                        "csv.bad-header",
                        name.isEmpty
                            ? "column \(k + 1) has no header" : "the header `\(name)` is not a field path",
                        at: at, length: max(1, name.unicodeScalars.count),
                        help: "write a path such as `asset.book_value`, or map the header with --map"))
                continue
            }
            if let other = owners[path] {
                diags.append(
                    .error(
                        "csv.duplicate-column", "columns \(other + 1) and \(k + 1) both give `\(path)`", at: at))
                continue
            }
            owners[path] = k
            columns[k] = Column(
                converter: CellConverter(type: types?.type(of: path), declared: mapping?.formats[name]), header: name,
                path: path)
            if let conflict = root.insert(path.segments[...], column: k) {
                diags.append(
                    .error(
                        "csv.path-conflict", "the column `\(path)` conflicts with another column: \(conflict)", at: at,
                        help: "a field is either a value, a group of fields or a list of items"))
            }
        }
        if !diags.isEmpty { return .failure(LoadFailure(diagnostics: diags)) }
        guard case .object(let members) = root.slot else { return .failure(LoadFailure(diagnostics: [])) }
        return .success(CSVLayout(fields: members, width: header.cells.count, columns: columns))
    }

    /// The decision a row makes (the row must have `width` cells); `number` is its row number (1 = the first
    /// data row), for messages. Throws when a JSON cell is over a JSON limit.
    public func node(_ row: CSVRecord, number: Int?, file: String) throws(YAMLLoadError) -> YAMLNode {
        let at = YAMLMark(line: row.line, column: 1, offset: 0)
        let pairs = try members(fields, row: Row(record: try converted(row, file: file), number: number, file: file))
        return YAMLNode(content: .mapping(pairs), file: file, start: at, end: at)
    }

    /// A row being turned into a tree.
    private struct Row {
        var record: CSVRecord
        var number: Int?
        var file: String
    }

    private func members(_ fields: [(String, Slot)], row: Row) throws(YAMLLoadError) -> [YAMLPair] {
        var pairs: [YAMLPair] = []
        pairs.reserveCapacity(fields.count)
        for (name, slot) in fields {
            guard let value = try value(slot, row: row) else { continue }
            let file = row.file
            let key = YAMLNode(
                content: .scalar(YAMLScalar(text: name, style: .plain, coreType: .string)), file: file,
                start: value.start, end: value.start)
            pairs.append(YAMLPair(key: key, value: value))
        }
        return pairs
    }

    private func value(_ slot: Slot, row: Row) throws(YAMLLoadError) -> YAMLNode? {
        switch slot {
        case .cell(let k):
            guard k < row.record.cells.count, !row.record.cells[k].text.isEmpty else { return nil }
            return try Self.cellNode(row.record.cells[k], column: k + 1, row: row.number, file: row.file)
        case .object(let fields):
            let pairs = try members(fields, row: row)
            guard let first = pairs.first else { return nil }
            return YAMLNode(content: .mapping(pairs), file: row.file, start: first.key.start, end: first.key.start)
        case .list(let items):
            var nodes: [YAMLNode] = []
            nodes.reserveCapacity(items.count)
            for (_, slot) in items {
                if let node = try value(slot, row: row) { nodes.append(node) }
            }
            guard let first = nodes.first else { return nil }
            return YAMLNode(content: .sequence(nodes), file: row.file, start: first.start, end: first.start)
        }
    }

    /// A cell's text as a scalar, or the structure of a JSON array or object it holds. Text that starts like JSON
    /// but is not (`[2023]第5号`) stays text; JSON over a limit is an error naming the row, the column and the
    /// limit, at the cell.
    static func cellNode(_ cell: CSVRecord.Cell, column: Int, row: Int?, file: String) throws(YAMLLoadError)
        -> YAMLNode
    {
        let at = YAMLMark(line: cell.line, column: cell.column, offset: 0)
        if let first = cell.text.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }),
            first == UInt8(ascii: "[") || first == UInt8(ascii: "{")
        {
            do {
                return try JSONNodeReader(file: file, start: at, flatPositions: true).read(Array(cell.text.utf8))
            } catch {
                if let limit = error.diagnostics.first(where: { $0.code.hasPrefix("json.limit.") }) {
                    let place = (row.map { "row \($0), " } ?? "") + "column \(column)"
                    throw YAMLLoadError(diagnostics: [
                        .error(
                            limit.code, "the JSON in \(place) is over a limit: \(limit.message)",
                            at: SourceLocation(file: file, line: cell.line, column: cell.column),
                            help: "a JSON cell is held to the limits of a decision document")
                    ])
                }
            }
        }
        return YAMLNode(
            content: .scalar(YAMLScalar(text: cell.text, style: .plain, coreType: .string)), file: file, start: at,
            end: at)
    }

    /// The tree of paths while the header is read.
    private struct Builder {
        var slot: Slot

        static func object(_ members: [(String, Slot)]) -> Builder { Builder(slot: .object(members)) }

        /// Puts `column` at `path`; a description of the clash when the path is taken in another way.
        mutating func insert(_ path: ArraySlice<FieldPath.Segment>, column: Int) -> String? {
            guard let head = path.first else { return "it is already a group of fields or a list" }
            let rest = path.dropFirst()
            switch (slot, head) {
            case (.object(var members), .field(let name)):
                if let i = members.firstIndex(where: { $0.0 == name }) {
                    var child = Builder(slot: members[i].1)
                    if rest.isEmpty { return "`\(name)` already has fields of its own" }
                    if case .cell = child.slot { return "`\(name)` is already a value" }
                    let problem = child.insert(rest, column: column)
                    members[i].1 = child.slot
                    slot = .object(members)
                    return problem
                }
                members.append((name, Self.fresh(rest, column: column)))
                slot = .object(members)
                return nil
            case (.list(var items), .index(let n)):
                if let i = items.firstIndex(where: { $0.0 == n }) {
                    var child = Builder(slot: items[i].1)
                    if rest.isEmpty { return "item \(n) already has fields of its own" }
                    if case .cell = child.slot { return "item \(n) is already a value" }
                    let problem = child.insert(rest, column: column)
                    items[i].1 = child.slot
                    slot = .list(items.sorted { $0.0 < $1.0 })
                    return problem
                }
                items.append((n, Self.fresh(rest, column: column)))
                slot = .list(items.sorted { $0.0 < $1.0 })
                return nil
            case (.list, .field(let name)):
                return "`\(name)` is a field name where other columns put list item numbers"
            case (.object, .index(let n)):
                return "\(n) is a list item number where other columns put field names"
            case (.cell, _):
                return "a value cannot hold fields"
            }
        }

        static func fresh(_ path: ArraySlice<FieldPath.Segment>, column: Int) -> Slot {
            guard let head = path.first else { return .cell(column) }
            let inner = fresh(path.dropFirst(), column: column)
            switch head {
            case .field(let name): return .object([(name, inner)])
            case .index(let n): return .list([(n, inner)])
            }
        }
    }
}
