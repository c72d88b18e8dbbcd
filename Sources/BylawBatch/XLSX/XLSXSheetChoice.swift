import Foundation

extension XLSXWorkbook {
    /// The sheet a run reads: the one `named`, else the table. Offices often put a cover or notes sheet first,
    /// so without a name the table is the first sheet whose first rows hold a header, in order of preference:
    /// a row naming two of the mapping's headers (one, for a mapping of one column); else a row of at least two
    /// cells (notes are a cell to a row); else the first sheet. With `headerRow`, only that row is looked at,
    /// and only a row naming the mapping's headers moves the choice off the first sheet (any data row has
    /// several cells). A sheet looked at that cannot be read is refused, as it would be if it were read. Hidden
    /// sheets (an old copy of the ledger, a lookup list) are passed over unless every sheet is hidden; `--sheet`
    /// still names one.
    func tableSheet(
        named: String?, package: XLSXPackage, context: XLSXCellContext, mapping: CSVMapping?, headerRow: Int?
    ) throws(XLSXError) -> Sheet {
        if let named {
            // A name typed without the spaces a sheet's tab hides (`处置台账 `) still names it, when only one does.
            let trimmedMatches = sheets.filter { CellConverter.trimmed($0.name) == CellConverter.trimmed(named) }
            guard
                let found = sheets.first(where: { $0.name == named })
                    ?? (trimmedMatches.count == 1 ? trimmedMatches.first : nil)
            else {
                let names = sheets.map { "`\($0.name)`" }.joined(separator: ", ")
                throw XLSXError("xlsx.no-sheet", "the workbook has no sheet `\(named)` (its sheets: \(names))")
            }
            return found
        }
        let visible = sheets.contains { !$0.hidden } ? sheets.filter { !$0.hidden } : sheets
        guard let first = visible.first else { throw XLSXError("xlsx.no-sheet", "the workbook has no worksheet") }
        guard visible.count > 1 else { return first }
        let known = Set((mapping?.columns.keys).map(Array.init) ?? [])
        var multiCell: Sheet?
        var headerOnly: Sheet?
        var blankForm: Sheet?
        for sheet in visible {
            let rows = try Self.topRows(of: sheet, package: package, context: context, headerRow: headerRow)
            if let at = rows.firstIndex(where: { XLSXFileReader.namesColumns($0, of: known) }) {
                // A blank form (填报模板) before the filled ledger: the header and nothing under it, the sheet
                // ending there. A later sheet naming the columns with rows under them is the table.
                let ended = headerRow == nil && rows.count < XLSXFileReader.headerSearchRows
                if ended, at == rows.count - 1 {
                    if headerOnly == nil { headerOnly = sheet }
                    continue
                }
                return sheet
            }
            if headerRow == nil, let at = rows.firstIndex(where: { $0.cells.count >= 2 }) {
                // Without a mapping, a sheet whose header-like row is its last is a blank form too.
                if known.isEmpty, at == rows.count - 1, rows.count < XLSXFileReader.headerSearchRows {
                    if blankForm == nil { blankForm = sheet }
                    continue
                }
                if known.isEmpty { return sheet }
                if multiCell == nil { multiCell = sheet }
            }
        }
        return headerOnly ?? multiCell ?? blankForm ?? first
    }

    /// The rows where a header may be: the first `XLSXFileReader.headerSearchRows`, or row `headerRow` alone.
    private static func topRows(
        of sheet: Sheet, package: XLSXPackage, context: XLSXCellContext, headerRow: Int?
    ) throws(XLSXError) -> [XLSXRow] {
        let probe = XLSXSheetStream(package: package, part: sheet.part, context: context)
        defer { probe.cancel() }
        var rows: [XLSXRow] = []
        while rows.count < XLSXFileReader.headerSearchRows {
            guard let next = probe.next() else { break }
            let row = try next.get()
            if let headerRow {
                if row.number == headerRow { return [row] }
                if row.number > headerRow { return [] }
                continue
            }
            rows.append(row)
        }
        return headerRow == nil ? rows : []
    }
}
