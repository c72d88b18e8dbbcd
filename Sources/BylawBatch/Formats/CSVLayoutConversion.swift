import BylawDiagnostics
import BylawYAML

extension CSVLayout {
    /// `row` with every cell read by its column's converter; the problems of all its cells at once, each naming
    /// the cell as a spreadsheet does, its column's header and the field it fills.
    func converted(_ row: CSVRecord, file: String) throws(YAMLLoadError) -> CSVRecord {
        var row = row
        var problems: [Diagnostic] = []
        for k in row.cells.indices where k < columns.count && !row.cells[k].text.isEmpty {
            guard let column = columns[k] else { continue }
            switch column.converter.convert(row.cells[k].text) {
            case .success(let text):
                // Most cells read as written: leave them, and the row's storage, untouched.
                if text.utf8.count != row.cells[k].text.utf8.count || text != row.cells[k].text {
                    row.cells[k].text = text
                }
            case .failure(let problem):
                let cell = row.cells[k]
                var d = Diagnostic.error(
                    problem.code,
                    Self.place(row, column: k, header: column.header)
                        + (column.header == column.path.description ? "" : " (\(column.path))") + ": "
                        + problem.message,
                    at: SourceLocation(file: file, line: cell.line, column: cell.column),
                    length: max(1, cell.text.unicodeScalars.count), help: problem.help)
                d.subject = column.header
                problems.append(d)
            }
        }
        if !problems.isEmpty { throw YAMLLoadError(diagnostics: problems) }
        return row
    }
}
