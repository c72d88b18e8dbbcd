import BylawDiagnostics

/// A CSV file: the header, then one record per row. The header is the first record unless `headerRow` names
/// another, or the first record cannot be a header and a later one among the first few can (a title such as
/// `2024年资产处置台账` above the table, as exported reports have). Columns whose header is empty (Excel keeps
/// formatted columns as trailing commas) are left out; a value under one makes its row unreadable. A bad header
/// makes the file one unreadable record; a ragged row or a bad cell is an unreadable record and reading goes on.
/// A cell that cannot be decoded in the file's encoding ends the file with one unreadable record naming the row
/// and the cell, since the rest of the file is most likely in the same wrong encoding.
final class CSVFileReader: RecordReader {
    private let reader: CSVReader
    private let file: String
    private let mapping: CSVMapping?
    private let encoding: TextEncoding.Detected
    private var layout: CSVLayout?
    /// The header's texts, for naming a cell's column.
    private var headers: [String] = []
    /// The header's line, for messages about a cell under an empty header.
    private var headerLine = 0
    /// The number of cells up to the last column that has a header: a row needs at least these.
    private var headedWidth = 0
    /// Records read while looking for the header, after it, with their spreadsheet rows.
    private var pending: [(CSVReadResult, Int)] = []
    private let headerRow: Int?
    /// The mapping's headers, by which a line below a title is known for the header.
    private let knownHeaders: Set<String>
    /// The spreadsheet row of the record last read, as Excel or WPS shows the file (the header is row 1 in a
    /// plain file; every line that starts a record counts, empty ones included), as a workbook's rows are numbered.
    private var sheetRow = 0
    private var done = false
    /// Whether the file stopped part way because it could not be decoded.
    private(set) var failedPartWay = false

    private let types: FieldTypeIndex?
    /// Why two rows shaped as one header were not joined, told when the header then cannot be read.
    private var twoRowHint: Diagnostic?

    init(
        stream: ByteStream, file: String, mapping: CSVMapping?, encoding: TextEncoding.Detected = .utf8,
        types: FieldTypeIndex? = nil, headerRow: Int? = nil
    ) {
        self.headerRow = headerRow
        knownHeaders = Set(mapping?.columns.keys.map { $0 } ?? [])
        reader = CSVReader(stream: stream, file: file, separator: CSVReader.separator(of: stream))
        reader.stopsAtOversize = true  // until the header is found
        self.file = file
        self.mapping = mapping
        self.encoding = encoding
        self.types = types
    }

    func next() -> BatchRecord? {
        guard !done else { return nil }
        guard let layout else { return header() }
        // A line of empty cells (`,,,,`, as Excel saves formatted blank rows) or of spaces has nothing to check:
        // it is skipped as an empty line is. It keeps its row number, so the rows after it keep theirs.
        var result: CSVReadResult
        repeat {
            if !pending.isEmpty {
                (result, sheetRow) = pending.removeFirst()
            } else {
                guard let next = reader.next() else { return nil }
                (result, sheetRow) = (next, reader.recordNumber)
            }
        } while Self.isBlank(result)
        let source = RecordSource(file: file, position: .row(sheetRow))
        switch result {
        case .problem(let d, _, let raw):
            if d.code == "csv.encoding" { return undecodable(d, source: source, raw: raw, row: sheetRow) }
            return BatchRecord(source: source, body: .unreadable([d]), raw: raw)
        case .record(let r):
            // Cells past the header's last column, or under a column without a header, may be there when empty.
            let fits =
                r.cells.count == layout.width
                || (r.cells.count >= headedWidth && r.cells.dropFirst(layout.width).allSatisfy(\.text.isEmpty))
            guard fits else {
                let d = Diagnostic.error(
                    "csv.ragged-row", "row \(sheetRow) has \(r.cells.count) cells but the header has \(headedWidth)",
                    at: SourceLocation(file: file, line: r.line, column: 1),
                    help: "a cell holding a comma or a line break must be in double quotes")
                return BatchRecord(source: source, body: .unreadable([d]), raw: r.raw)
            }
            if let k = r.cells.indices.first(where: { k in
                (k >= headers.count || headers[k].isEmpty) && !Self.isBlank(r.cells[k].text)
            }) {
                let cell = r.cells[k]
                let d = Diagnostic.error(
                    "csv.cell-outside-header",
                    "row \(sheetRow), cell \(SpreadsheetName.cell(column: k + 1, row: sheetRow)) holds "
                        + "`\(cell.text.prefix(40))` but its column has no header on line \(headerLine)",
                    at: SourceLocation(file: file, line: cell.line, column: cell.column),
                    help: "give the column a header, or clear the cell")
                return BatchRecord(source: source, body: .unreadable([d]), raw: r.raw)
            }
            var cells = r
            if cells.cells.count > layout.width { cells.cells.removeLast(cells.cells.count - layout.width) }
            return BatchRecord(source: source, body: .csv(cells, layout), raw: r.raw)
        }
    }

    /// A record of cells all empty or spaces.
    private static func isBlank(_ read: CSVReadResult) -> Bool {
        guard case .record(let r) = read else { return false }
        return r.cells.allSatisfy { isBlank($0.text) }
    }

    /// Whether a cell holds nothing or only spaces: settled by its first byte when that is a visible ASCII
    /// character, as it is in most cells, without taking the text apart into characters.
    static func isBlank(_ text: String) -> Bool {
        if let b = text.utf8.first, b > 0x20, b < 0x80 { return false }
        return text.allSatisfy(\.isWhitespace)
    }

    /// The one record for a file that cannot be decoded: the first bad cell by row, header and cell name. `row`
    /// is the record's spreadsheet row, the header's when `inHeader`.
    private func undecodable(_ d: Diagnostic, source: RecordSource, raw: [UInt8], row: Int, inHeader: Bool = false)
        -> BatchRecord
    {
        done = true
        failedPartWay = true
        let k = reader.encodingProblemCell ?? 0
        let cell = SpreadsheetName.cell(column: k + 1, row: row)
        var place = "the header row, cell \(cell)"
        if !inHeader {
            place = "row \(row), cell \(cell)"
            if k < headers.count, !headers[k].isEmpty { place += " (column `\(headers[k])`)" }
        }
        let other = encoding == .utf8 ? "--encoding gb18030" : "--encoding utf-8|gb18030|utf-16"
        let message =
            "\(place) is not valid \(encoding.name) text, so the rest of the file was not read: "
            + "save the sheet from Excel as \"CSV UTF-8\", or name the file's encoding with \(other)"
        let diagnostic = Diagnostic.error("csv.encoding", message, at: d.location)
        return BatchRecord(source: source, body: .unreadable([diagnostic]), raw: raw)
    }

    private func header() -> BatchRecord? {
        var top: [CSVReadResult] = []
        var numbers: [Int] = []
        /// The record just above a row `--header-row` names: the upper half of a header on two rows.
        var above: (CSVReadResult, Int)?
        // The first records, up to the wanted header row (numbered as a spreadsheet numbers rows: every line
        // that starts a record, empty ones included) or as many as a title and notes above a table take.
        // A file whose header cannot be read had none of its records read: the run exits 2, as for a workbook.
        func noHeader(_ why: String) -> BatchRecord {
            done = true
            failedPartWay = true
            let row = headerRow ?? 1
            let d = Diagnostic.error(
                "csv.no-header", "row \(row) \(why): it cannot be the header",
                at: SourceLocation(file: file, line: row, column: 1),
                help: "name the row that holds the column headers with --header-row")
            return BatchRecord(source: RecordSource(file: file, position: .line(row)), body: .unreadable([d]), raw: [])
        }
        while let next = reader.next() {
            if let headerRow, reader.recordNumber < headerRow {
                above = reader.recordNumber == headerRow - 1 ? (next, reader.recordNumber) : nil
                continue
            }
            if let headerRow, reader.recordNumber > headerRow || Self.isBlank(next) { return noHeader("is empty") }
            top.append(next)
            numbers.append(reader.recordNumber)
            if case .problem = next { break }
            if headerRow != nil || top.count >= XLSXFileReader.headerSearchRows { break }
            // The first line that is not blank has been read whole: a later line over the record limit is its own
            // error, not the file's. In the usual case it is the header, and nothing more is read ahead.
            if !Self.isBlank(next), top.dropLast().allSatisfy(Self.isBlank) {
                reader.stopsAtOversize = false
                if case .record(let r) = next, canBeHeader(r) { break }
            }
        }
        // A row named past the end: the file is not silently taken for one without records.
        if headerRow != nil, top.isEmpty { return noHeader("is past the end of the file") }
        // Blank records above the header are skipped, as blank rows after it are.
        guard let found = headerIndex(top) else {
            done = true
            return nil
        }
        reader.stopsAtOversize = false
        var index = found
        // A header named by `--header-row` may be the lower half of one on two rows: the row above is kept.
        if let (record, number) = above, index == 0 {
            top.insert(record, at: 0)
            numbers.insert(number, at: 0)
            index = 1
        }
        // The row below a header read last, to see whether the header goes on there (`TwoRowHeader`).
        if index == top.count - 1, case .record = top[index], let next = reader.next() {
            top.append(next)
            numbers.append(reader.recordNumber)
        }
        if let (joined, upper) = joinedHeader(top, numbers: numbers, at: index) {
            top[upper + 1] = .record(joined)
            index = upper + 1
        }
        pending = Array(zip(top, numbers).dropFirst(index + 1))
        let first = top[index]
        switch first {
        case .problem(let d, let line, let raw):
            if d.code == "csv.encoding" {
                return undecodable(
                    d, source: RecordSource(file: file, position: .line(line)), raw: raw, row: numbers[index],
                    inHeader: true)
            }
            done = true
            failedPartWay = true
            return BatchRecord(
                source: RecordSource(file: file, position: .line(line)), body: .unreadable([d]), raw: raw)
        case .record(let header):
            headers = header.cells.map { CellConverter.headerName($0.text) }
            headerLine = header.line
            headedWidth = (headers.lastIndex { !$0.isEmpty } ?? -1) + 1
            switch CSVLayout.make(header: header, mapping: unheadedLeftOut, file: file, types: types) {
            case .success(let l):
                layout = l
                return next()
            case .failure(let f):
                // A row below the header that cannot be decoded is the cause to name: a header on two rows whose
                // lower half is in another encoding reads as a bad header.
                if let (next, number) = pending.first, case .problem(let d, _, let raw) = next, d.code == "csv.encoding"
                {
                    return undecodable(
                        d, source: RecordSource(file: file, position: .row(number)), raw: raw, row: number)
                }
                done = true
                failedPartWay = true
                return BatchRecord(
                    source: RecordSource(file: file, position: .line(header.line)),
                    body: .unreadable(f.diagnostics + [twoRowHint].compactMap { $0 }), raw: header.raw)
            }
        }
    }

    /// The header as one record when it is written on two rows (`TwoRowHeader`): the row at `index` and the
    /// one below it, or the one above it and it. Each joined cell keeps the place of the cell its name comes
    /// from, and the record starts on the upper row's line. Also the index of the upper row.
    private func joinedHeader(_ top: [CSVReadResult], numbers: [Int], at index: Int) -> (CSVRecord, Int)? {
        let rows = top.indices.map { k -> (number: Int, texts: [String])? in
            guard case .record(let r) = top[k], !Self.isBlank(top[k]) else { return nil }
            return (numbers[k], r.cells.map { CellConverter.headerName($0.text) })
        }
        guard
            let (names, upper) = TwoRowHeader.find(
                rows, at: index,
                join: { columns, upper in
                    guard case .record(let u) = top[upper], let texts = rows[upper]?.texts else { return nil }
                    return TwoRowHeader.mapped(
                        columns, upper: texts, mapping: mapping, row: numbers[upper],
                        at: SourceLocation(file: file, line: u.line, column: 1), hint: &twoRowHint)
                }),
            case .record(let u) = top[upper], case .record(let l) = top[upper + 1]
        else { return nil }
        let cells = names.indices.map { k in
            let from =
                k < l.cells.count && !CellConverter.headerName(l.cells[k].text).isEmpty
                ? l.cells[k] : k < u.cells.count ? u.cells[k] : nil
            return CSVRecord.Cell(text: names[k], line: from?.line ?? u.line, column: from?.column ?? k + 1)
        }
        return (CSVRecord(line: u.line, cells: cells, raw: u.raw, sheetRow: l.sheetRow), upper)
    }

    /// The mapping with the columns of an empty header left out.
    private var unheadedLeftOut: CSVMapping {
        var effective = mapping ?? CSVMapping()
        effective.columns[""] = .some(nil)
        return effective
    }

    /// Which of the first records is the header: the one `headerRow` names; else the first record that is not
    /// blank when it can be a header (or when no later one can); else the first later one that can: with a
    /// mapping, one naming two of its headers; without, one whose every cell is empty or a field path, with at
    /// least two of them.
    ///
    /// The records passed over must look like a title or a note: each with fewer filled cells than half the
    /// header's, so a first row that is a header with a mistake in it is reported, not skipped for a data row.
    private func headerIndex(_ top: [CSVReadResult]) -> Int? {
        if headerRow != nil { return top.indices.first }
        guard let first = top.firstIndex(where: { !Self.isBlank($0) }) else { return nil }
        guard case .record(let record) = top[first], !canBeHeader(record) else { return first }
        var widest = 0
        for k in top.indices.dropFirst(first) {
            guard case .record(let r) = top[k] else { return first }
            let filled = Self.filled(r)
            if k > first, canBeHeader(r) { return widest * 2 < filled ? k : first }
            widest = max(widest, filled)
        }
        return first
    }

    private static func filled(_ record: CSVRecord) -> Int {
        record.cells.count { !isBlank($0.text) }
    }

    private func canBeHeader(_ record: CSVRecord) -> Bool {
        let names = record.cells.map { CellConverter.headerName($0.text) }.filter { !$0.isEmpty }
        if XLSXFileReader.namesColumns(names, of: knownHeaders) { return true }
        return names.count >= 2
            && names.allSatisfy { name in mapping?.columns[name] != nil || FieldPath(name) != nil }
    }
}
