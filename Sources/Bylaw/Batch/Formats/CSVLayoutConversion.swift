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
                row.cells[k].text = text
            case .failure(let problem):
                let cell = row.cells[k]
                problems.append(
                    .error(
                        problem.code,
                        "\(Self.place(row, column: k, header: column.header, path: column.path)): "
                            + problem.message, at: SourceLocation(file: file, line: cell.line, column: cell.column),
                        length: max(1, cell.text.unicodeScalars.count), help: problem.help))
            }
        }
        if !problems.isEmpty { throw YAMLLoadError(diagnostics: problems) }
        return row
    }

    /// `cell D7, column `决策日期` (date)`: the cell as a spreadsheet names it, then its header and field.
    static func place(_ row: CSVRecord, column k: Int, header: String, path: FieldPath) -> String {
        let cell = row.sheetRow.map { "cell " + SpreadsheetName.cell(column: k + 1, row: $0) } ?? "column \(k + 1)"
        return "\(cell), column `\(header)` (\(path))"
    }
}
