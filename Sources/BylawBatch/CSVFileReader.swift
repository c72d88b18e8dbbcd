import BylawDiagnostics

/// A CSV file: the first record is the header; every later row is a record. A bad header makes the file one
/// unreadable record; a ragged row or a bad cell is an unreadable record and reading goes on. A cell that cannot
/// be decoded in the file's encoding ends the file with one unreadable record naming the row and the cell, since
/// the rest of the file is most likely in the same wrong encoding.
final class CSVFileReader: RecordReader {
    private let reader: CSVReader
    private let file: String
    private let mapping: CSVMapping?
    private let encoding: TextEncoding.Detected
    private var layout: CSVLayout?
    /// The header's texts, for naming a cell's column.
    private var headers: [String] = []
    private var row = 0
    private var done = false
    /// Whether the file stopped part way because it could not be decoded.
    private(set) var failedPartWay = false

    private let types: FieldTypeIndex?

    init(
        stream: ByteStream, file: String, mapping: CSVMapping?, encoding: TextEncoding.Detected = .utf8,
        types: FieldTypeIndex? = nil
    ) {
        reader = CSVReader(stream: stream, file: file)
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
            guard let next = reader.next() else { return nil }
            row += 1
            result = next
        } while Self.isBlank(result)
        let source = RecordSource(file: file, position: .row(row))
        switch result {
        case .problem(let d, _, let raw):
            if d.code == "csv.encoding" { return undecodable(d, source: source, raw: raw) }
            return BatchRecord(source: source, body: .unreadable([d]), raw: raw)
        case .record(let r):
            guard r.cells.count == layout.width else {
                let d = Diagnostic.error(
                    "csv.ragged-row", "row \(row) has \(r.cells.count) cells but the header has \(layout.width)",
                    at: SourceLocation(file: file, line: r.line, column: 1),
                    help: "a cell holding a comma or a line break must be in double quotes")
                return BatchRecord(source: source, body: .unreadable([d]), raw: r.raw)
            }
            return BatchRecord(source: source, body: .csv(r, layout), raw: r.raw)
        }
    }

    /// A record of cells all empty or spaces.
    private static func isBlank(_ read: CSVReadResult) -> Bool {
        guard case .record(let r) = read else { return false }
        return r.cells.allSatisfy { $0.text.allSatisfy(\.isWhitespace) }
    }

    /// The one record for a file that cannot be decoded: the first bad cell by row, header and cell name.
    private func undecodable(_ d: Diagnostic, source: RecordSource, raw: [UInt8]) -> BatchRecord {
        done = true
        failedPartWay = true
        let k = reader.encodingProblemCell ?? 0
        let cell = SpreadsheetName.cell(column: k + 1, row: reader.recordNumber)
        var place = "row \(row), cell \(cell)"
        if k < headers.count, !headers[k].isEmpty { place += " (column `\(headers[k])`)" }
        if row == 0 { place = "the header row, cell \(cell)" }
        let other = encoding == .utf8 ? "--encoding gb18030" : "--encoding utf-8|gb18030|utf-16"
        let message =
            "\(place) is not valid \(encoding.name) text, so the rest of the file was not read: "
            + "save the sheet from Excel as \"CSV UTF-8\", or name the file's encoding with \(other)"
        let diagnostic = Diagnostic.error("csv.encoding", message, at: d.location)
        return BatchRecord(source: source, body: .unreadable([diagnostic]), raw: raw)
    }

    private func header() -> BatchRecord? {
        guard let first = reader.next() else {
            done = true
            return nil
        }
        switch first {
        case .problem(let d, let line, let raw):
            if d.code == "csv.encoding" {
                return undecodable(d, source: RecordSource(file: file, position: .line(line)), raw: raw)
            }
            done = true
            return BatchRecord(
                source: RecordSource(file: file, position: .line(line)), body: .unreadable([d]), raw: raw)
        case .record(let header):
            headers = header.cells.map(\.text)
            switch CSVLayout.make(header: header, mapping: mapping, file: file, types: types) {
            case .success(let l):
                layout = l
                return next()
            case .failure(let f):
                done = true
                return BatchRecord(
                    source: RecordSource(file: file, position: .line(header.line)), body: .unreadable(f.diagnostics),
                    raw: header.raw)
            }
        }
    }
}
