import Bylaw
import BylawDiagnostics

/// An `.xlsx` workbook: the rows of one sheet (the first, or `--sheet NAME`) below its header row (found
/// automatically above title and blank rows, or `--header-row N`), each a record built exactly as a CSV row is
/// (the header through `--map`, cells as text typed by the input schema). A record's position is the sheet's
/// own row number, and its cells' positions are their row and column, so `7:4` is cell D7.
///
/// A workbook that cannot be opened, or breaks or crosses a limit part way, ends with one unreadable record
/// saying why, and the run exits 2.
final class XLSXFileReader: RecordReader {
    let file: String
    private let openPath: String
    private let mapping: CSVMapping?
    private let options: BatchReadOptions
    let limits: XLSXLimits
    var sheet: XLSXSheetStream?
    private var started = false
    var done = false
    private var layout: CSVLayout?
    /// Header text by 1-based column ("" for a column without one).
    private(set) var headers: [String] = []
    /// The sheet read and the workbook's sheets, once the workbook is open.
    private(set) var sheetChoice: SheetChoice?
    /// Whether the workbook counts its serial dates from 1904 (`date1904="1"`, as Excel for Mac once saved).
    private var date1904 = false
    /// Rows read while looking for the header, not yet handed out.
    private var pending: [XLSXRow] = []
    private(set) var merges = XLSXMerges()
    /// Values copied down merged ranges: by column, the text and the last row it fills.
    var fills: [Int: (text: String, bottom: Int)] = [:]
    var failedPartWay = false

    /// How many rows at the top of a sheet are searched for its header.
    static let headerSearchRows = 20

    init(file: String, openPath: String, mapping: CSVMapping?, options: BatchReadOptions, limits: XLSXLimits) {
        self.file = file
        self.openPath = openPath
        self.mapping = mapping
        self.options = options
        self.limits = limits
    }

    deinit { sheet?.cancel() }

    func next() -> BatchRecord? {
        guard !done else { return nil }
        if !started {
            started = true
            do throws(XLSXError) {
                try open()
            } catch {
                return fail(error)
            }
            if let badHeader {
                done = true
                return badHeader
            }
            if done { return nil }
        }
        guard let layout else { return nil }
        while true {
            let row: XLSXRow
            if !pending.isEmpty {
                row = pending.removeFirst()
            } else {
                switch sheet?.next() {
                case .success(let r): row = r
                case .failure(let error): return fail(error)
                case nil:
                    done = true
                    return nil
                }
            }
            let full = filled(row)
            // A row of cells holding only spaces (formatted blank rows, as offices keep them), or only formulas
            // never calculated (a template filled down past the data), has nothing to check: it is skipped as an
            // empty row is.
            if full.problem == nil, full.errors.isEmpty, full.cells.allSatisfy({ $0.text.allSatisfy(\.isWhitespace) }) {
                continue
            }
            return record(full, layout: layout)
        }
    }

    /// Opens the workbook, reads its small parts and merged ranges, starts the sheet and finds its header.
    private func open() throws(XLSXError) {
        let package = try XLSXPackage(path: openPath, limits: limits)
        let book = try XLSXWorkbook.read(package)
        let strings = try XLSXSharedStrings.read(package, part: book.sharedStrings)
        let styles = try XLSXStyles.read(package, part: book.styles)
        let context = XLSXCellContext(
            sharedStrings: strings.strings, styles: styles, date1904: book.date1904, maxCellBytes: limits.maxCellBytes)
        let chosen = try book.tableSheet(
            named: options.sheet, package: package, context: context, mapping: mapping, headerRow: options.headerRow)
        date1904 = book.date1904
        sheetChoice = SheetChoice(file: file, sheet: chosen.name, sheets: book.sheets.map(\.name))
        merges = try XLSXMerges.scan(package, part: chosen.part)
        let stream = XLSXSheetStream(package: package, part: chosen.part, context: context)
        sheet = stream
        try findHeader(stream, sheet: chosen.name)
    }

    /// Reads rows until the header is found, keeping the rows after it.
    private func findHeader(_ stream: XLSXSheetStream, sheet name: String) throws(XLSXError) {
        var top: [XLSXRow] = []
        let wanted = options.headerRow
        reading: while true {
            if let wanted {
                if let last = top.last, last.number >= wanted { break }
            } else if top.count >= Self.headerSearchRows {
                break
            }
            switch stream.next() {
            case .success(let row): top.append(row)
            case .failure(let error): throw error
            case nil: break reading
            }
        }
        let index: Int
        if let wanted {
            guard let k = top.firstIndex(where: { $0.number == wanted }) else {
                throw XLSXError("xlsx.no-header", "row \(wanted) of sheet `\(name)` is empty: it cannot be the header")
            }
            index = k
        } else {
            guard let k = Self.headerIndex(top, mapping: mapping) else {
                done = true
                return
            }
            index = k
        }
        // The row below a header read last, to see whether the header goes on there (`TwoRowHeader`).
        if index == top.count - 1 {
            switch stream.next() {
            case .success(let row): top.append(row)
            case .failure(let error): throw error
            case nil: break
            }
        }
        var header = top[index]
        var lastHeaderRow = index
        if let (joined, upper) = joinedHeader(top, at: index) {
            header = joined
            lastHeaderRow = upper + 1
        }
        headerRow = header.number
        pending = Array(top[(lastHeaderRow + 1)...])
        let width = header.cells.last?.column ?? 0
        headers = Array(repeating: "", count: width + 1)
        for cell in header.cells { headers[cell.column] = cell.text }
        // Columns without a header are left out; a value under one is an error on its row (see `record`).
        var effective = mapping ?? CSVMapping()
        effective.columns[""] = .some(nil)
        // `date: excel` names serial numbers; in a workbook they count in the workbook's own date system.
        if date1904 {
            for (name, format) in effective.formats where format.serials == .excel {
                effective.formats[name]?.serials = .excel1904
            }
        }
        let cells = (1...max(1, width)).map { k in
            CSVRecord.Cell(text: k < headers.count ? headers[k] : "", line: header.number, column: k)
        }
        switch CSVLayout.make(
            header: CSVRecord(line: header.number, cells: cells, raw: []), mapping: effective, file: file,
            types: options.fieldTypes)
        {
        case .success(let l): layout = l
        case .failure(let f):
            failedPartWay = true
            pending = []
            badHeader = BatchRecord(
                source: RecordSource(file: file, position: .row(header.number)),
                body: .unreadable(f.diagnostics + [twoRowHint].compactMap { $0 }), raw: [])
        }
    }

    /// The header as one row when it is written on two (`TwoRowHeader`): the row at `index` and the one below
    /// it, or the one above it and it, adjacent on the sheet. The joined row has the upper row's number. Also the
    /// index of the upper row.
    private func joinedHeader(_ top: [XLSXRow], at index: Int) -> (XLSXRow, Int)? {
        let rows = top.map { row -> (number: Int, texts: [String])? in
            row.problem == nil ? (row.number, TwoRowHeader.texts(row.cells.map { ($0.column, $0.text) })) : nil
        }
        guard
            let (names, upper) = TwoRowHeader.find(
                rows, at: index,
                join: { columns, upper in
                    guard let texts = rows[upper]?.texts else { return nil }
                    return TwoRowHeader.mapped(
                        columns, upper: texts, mapping: mapping, row: top[upper].number,
                        at: SourceLocation(file: file, line: top[upper].number, column: 1), hint: &twoRowHint)
                })
        else { return nil }
        var joined = top[upper]
        joined.cells = names.enumerated().compactMap { k, name in
            name.isEmpty ? nil : XLSXRow.Cell(column: k + 1, text: name)
        }
        return (joined, upper)
    }

    /// Whether `row` names two of a mapping's headers (`known`), or the one header of a mapping of one column:
    /// how both the choice of a sheet (`XLSXWorkbook.tableSheet`) and of its header row tell a header.
    static func namesColumns(_ row: XLSXRow, of known: Set<String>) -> Bool {
        namesColumns(row.cells.map(\.text), of: known)
    }

    /// The same for a row's cell texts (a CSV line's).
    static func namesColumns(_ texts: [String], of known: Set<String>) -> Bool {
        let wanted = min(2, known.count)
        return wanted > 0 && texts.filter { known.contains(CellConverter.headerName($0)) }.count >= wanted
    }

    /// Among rows with these numbers of filled cells, the first that looks like a header: at least two cells and
    /// at least half as many as the fullest row (a title or a note above the table has one or two).
    static func headerLike(filled: [Int]) -> Int? {
        let most = filled.max() ?? 0
        return filled.firstIndex { $0 >= max(2, (most + 1) / 2) }
    }

    /// Why two rows shaped as one header were not joined, told when the header then cannot be read.
    private var twoRowHint: Diagnostic?

    /// The record saying why the header cannot be read, handed out instead of any row.
    private var badHeader: BatchRecord?
    private(set) var headerRow = 0

    /// The header among the first rows: with a mapping, the first row naming two of its headers (one, for a
    /// mapping of one column); else the first row with at least two cells and at least half as many as the
    /// fullest row (a title or a note above the table has one or two).
    static func headerIndex(_ rows: [XLSXRow], mapping: CSVMapping?) -> Int? {
        if let mapping {
            let known = Set(mapping.columns.keys)
            if let k = rows.firstIndex(where: { namesColumns($0, of: known) }) { return k }
        }
        return headerLike(filled: rows.map(\.cells.count)) ?? rows.indices.first
    }
}
