import Bylaw
import BylawDiagnostics

extension XLSXFileReader {
    /// `row` with the values of merged ranges above it copied down into its empty cells of their column.
    func filled(_ row: XLSXRow) -> XLSXRow {
        var row = row
        row.cells.sort { $0.column < $1.column }
        for range in merges.byTop[row.number] ?? [] {
            if let cell = row.cells.first(where: { $0.column == range.column }) {
                fills[range.column] = (cell.text, range.bottom)
            }
        }
        guard !fills.isEmpty else { return row }
        for (column, fill) in fills {
            if row.number > fill.bottom {
                fills[column] = nil
            } else if !row.cells.contains(where: { $0.column == column }) {
                row.cells.append(XLSXRow.Cell(column: column, text: fill.text))
            }
        }
        row.cells.sort { $0.column < $1.column }
        return row
    }

    /// The record a data row makes: its cells laid out under the header, as a CSV row would be.
    func record(_ row: XLSXRow, layout: CSVLayout) -> BatchRecord {
        let source = RecordSource(file: file, position: .row(row.number))
        let at = { (column: Int) in SourceLocation(file: self.file, line: row.number, column: column) }
        if let problem = row.problem {
            return BatchRecord(
                source: source, body: .unreadable([.error(problem.code, problem.message, at: at(problem.column))]),
                raw: [])
        }
        // A formula never calculated, under a header: the value the row needs is unknown, not empty.
        if let column = row.unvalued.first(where: { hasHeader($0, layout) }) {
            let d = Diagnostic.error(
                "xlsx.formula-no-value",
                "cell `\(SpreadsheetName.cell(column: column, row: row.number))` holds a formula whose value was never "
                    + "saved (the program that wrote the workbook does not calculate): open it in Excel or WPS and "
                    + "save it, and the values are kept",
                at: at(column))
            return BatchRecord(source: source, body: .unreadable([d]), raw: [])
        }
        // A formula's error in a column the run reads: whatever the column's type, the value is unknown. In a
        // column left out, it is nobody's business.
        let wrong = row.errors.compactMap { e -> Diagnostic? in
            guard e.column <= layout.columns.count, let column = layout.columns[e.column - 1] else { return nil }
            let problem = CellConverter.excelError(e.text.prefix(40))
            var d = Diagnostic.error(
                problem.code,
                "cell \(SpreadsheetName.cell(column: e.column, row: row.number)), column `\(column.header)`"
                    + (column.header == column.path.description ? "" : " (\(column.path))") + ": " + problem.message,
                at: at(e.column), help: problem.help)
            d.subject = column.header
            return d
        }
        if !wrong.isEmpty { return BatchRecord(source: source, body: .unreadable(wrong), raw: []) }
        var cells = (1...layout.width).map { CSVRecord.Cell(text: "", line: row.number, column: $0) }
        for cell in row.cells {
            guard hasHeader(cell.column, layout) else {
                let name = SpreadsheetName.cell(column: cell.column, row: row.number)
                let d = Diagnostic.error(
                    "xlsx.cell-outside-header",
                    "cell \(name) holds `\(cell.text.prefix(40))` but its column has no header in row \(headerRow)",
                    at: at(cell.column), help: "give the column a header, or clear the cell")
                return BatchRecord(source: source, body: .unreadable([d]), raw: [])
            }
            // Shared strings are held to the cell limit where they are used.
            if cell.text.utf8.count > limits.maxCellBytes {
                let name = SpreadsheetName.cell(column: cell.column, row: row.number)
                let d = Diagnostic.error(
                    "xlsx.limit.cell", "cell \(name) holds more than the limit of \(limits.maxCellBytes) bytes",
                    at: at(cell.column))
                return BatchRecord(source: source, body: .unreadable([d]), raw: [])
            }
            cells[cell.column - 1].text = cell.text
        }
        let raw = Array(cells.map { Self.quoted($0.text) }.joined(separator: ",").utf8)
        if raw.count > maxRecordBytes {
            let d = Diagnostic.error(
                "xlsx.limit.record",
                "row \(row.number) is larger than the limit of \(maxRecordBytes) bytes for a record",
                at: at(1))
            return BatchRecord(source: source, body: .unreadable([d]), raw: Array(raw.prefix(4096)))
        }
        return BatchRecord(
            source: source,
            body: .csv(CSVRecord(line: row.number, cells: cells, raw: raw, sheetRow: row.number), layout), raw: raw)
    }

    /// Whether 1-based `column` lies under a header of the layout.
    private func hasHeader(_ column: Int, _ layout: CSVLayout) -> Bool {
        column <= layout.width && column < headers.count && !headers[column].isEmpty
    }

    /// A cell as CSV writes it, for the bytes an audit record keeps of a row.
    static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Ends the workbook with one unreadable record saying why.
    func fail(_ error: XLSXError) -> BatchRecord {
        done = true
        failedPartWay = true
        sheet?.cancel()
        let d = Diagnostic.error(error.code, error.message, at: SourceLocation(file: file, line: 1, column: 1))
        return BatchRecord(source: RecordSource(file: file, position: .wholeFile), body: .unreadable([d]), raw: [])
    }
}
