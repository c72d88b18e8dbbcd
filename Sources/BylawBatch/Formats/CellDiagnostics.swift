import BylawDiagnostics

extension CSVLayout {
    /// The diagnostics of the record read from `row`, said as the auditor sees the sheet: a problem at a cell
    /// names the cell (`D7`) and its column's header before the field path; a missing field names the empty
    /// cell of its column, or says that no column gives it and how to map one; a missing `kind` says to give
    /// it with `--kind`. Each gets the column (or path) as its `subject`, so that reports count alike problems.
    func located(_ diagnostics: [Diagnostic], row: CSVRecord) -> [Diagnostic] {
        diagnostics.map { d in
            guard d.subject == nil, d.severity == .error else { return d }
            var d = d
            if d.code == "decision.missing-field", let path = Self.firstQuoted(d.message) {
                missing(&d, path: path, row: row)
            } else if let at = d.location,
                let k = row.cells.firstIndex(where: { $0.line == at.line && $0.column == at.column }),
                k < columns.count, let column = columns[k]
            {
                d.message = Self.place(row, column: k, header: column.header) + ": " + d.message
                d.subject = column.header
            }
            return d
        }
    }

    private func missing(_ d: inout Diagnostic, path: String, row: CSVRecord) {
        if path == "kind" {
            d.subject = "kind"
            d.help = "give the records their kind with --kind" + (d.help.map { " (\($0))" } ?? "")
            return
        }
        let k = columns.firstIndex { column in
            guard let column else { return false }
            let text = column.path.description
            return text == path || text.hasPrefix(path + ".")
        }
        if let k, let column = columns[k] {
            d.message = Self.place(row, column: k, header: column.header) + " is empty: " + d.message
            d.subject = column.header
        } else {
            d.message = "no column gives `\(path)`: " + d.message
            d.subject = path
            d.help = "map the header of the column that holds it with --map (`header: \(path)`)"
        }
    }

    /// `cell D7, column `决策日期``: the cell as a spreadsheet names it, then its header.
    static func place(_ row: CSVRecord, column k: Int, header: String) -> String {
        let cell = row.sheetRow.map { "cell " + SpreadsheetName.cell(column: k + 1, row: $0) } ?? "column \(k + 1)"
        return "\(cell), column `\(header)`"
    }

    /// The text between the first pair of backticks in `message`.
    static func firstQuoted(_ message: String) -> String? {
        let parts = message.split(separator: "`", maxSplits: 2, omittingEmptySubsequences: false)
        return parts.count == 3 ? String(parts[1]) : nil
    }
}
