import Bylaw
import BylawDiagnostics
import BylawYAML
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The header row and the first rows of a CSV file or a workbook's sheet, read as `bylaw audit` reads them
/// (encoding detected, header found below title rows), for `bylaw map init`.
public struct SheetSample: Sendable {
    /// The header's cells: 1-based column and text.
    public var header: [(column: Int, text: String)]
    /// The spreadsheet row of the header (1 for a CSV file); of its upper row when it is on two.
    public var headerRow: Int
    /// How many rows the header takes: 2 when a group title stands over the columns it groups (`TwoRowHeader`).
    public var headerRows = 1
    /// The first data rows, by column (index 0 is column 1).
    public var rows: [[String]]
    /// The encoding a CSV file was read in, nil for a workbook.
    public var encoding: String?
    /// Whether a workbook counts its serial dates from 1904.
    public var date1904 = false

    /// How many data rows are sampled.
    public static let sampleRows = 200

    /// Reads the sample from `path`; an error says why the file cannot be read. With the `library` and the `kind`
    /// a mapping is proposed for, a header on two rows is joined when its lower row names fields of the kind
    /// (`TwoRowHeader.looksLikeHeader`); without them it is not.
    public static func read(
        path: String, options: BatchReadOptions, library: RuleLibrary? = nil, kind: String? = nil
    ) -> Result<SheetSample, LoadFailure> {
        let known: (String) -> Bool
        if let library, let kind {
            let catalog = FieldCatalog(library: library, kind: kind)
            known = { catalog.match($0) != nil }
        } else {
            known = { _ in false }
        }
        let format = InputFormat.of(path: path)
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            return .failure(
                LoadFailure(diagnostics: [
                    .error(
                        "io.unreadable", "cannot read `\(path)`: \(String(cString: strerror(errno)).lowercased())",
                        at: nil)
                ]))
        }
        let stream = ByteStream(fileDescriptor: fd, closes: true)
        let isWorkbook = format == .xlsx || (format == nil && BatchReader.sniff(stream) == .xlsx)
        do throws(XLSXError) {
            return .success(
                isWorkbook
                    ? try workbook(openPath: "/dev/fd/\(fd)", options: options, known: known)
                    : try csv(stream, file: path, options: options, known: known))
        } catch {
            return .failure(
                LoadFailure(diagnostics: [
                    .error(error.code, error.message, at: SourceLocation(file: path, line: 1, column: 1))
                ]))
        }
    }

    private static func csv(
        _ stream: ByteStream, file: String, options: BatchReadOptions, known: (String) -> Bool
    ) throws(XLSXError) -> SheetSample {
        let encoding = TextEncoding.detect(stream, chosen: options.encoding)
        _ = encoding.decode(stream)  // when it cannot, the header is refused as not readable below
        let reader = CSVReader(stream: stream, file: file, separator: CSVReader.separator(of: stream))
        reader.stopsAtOversize = true
        // Non-blank records with their row numbers, as a spreadsheet numbers them: enough to find the header
        // below a title (as `audit` does) and to sample the rows after it.
        var top: [(number: Int, cells: [String])] = []
        while top.count < XLSXFileReader.headerSearchRows + sampleRows, let result = reader.next() {
            guard case .record(let record) = result else {
                if top.isEmpty, case .problem(let d, _, _) = result, d.code != "csv.encoding" {
                    throw XLSXError(d.code, "the header row: \(d.message)")
                }
                if top.isEmpty {
                    throw XLSXError(
                        "csv.encoding",
                        "the header row cannot be read as \(encoding.name): name the encoding with --encoding")
                }
                continue
            }
            let cells = record.cells.map(\.text)
            if cells.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { continue }
            top.append((record.sheetRow ?? reader.recordNumber, cells))
        }
        guard !top.isEmpty else { throw XLSXError("csv.empty", "the file has no header row") }
        let index: Int
        if let wanted = options.headerRow {
            guard let k = top.firstIndex(where: { $0.number == wanted }) else {
                throw XLSXError("csv.no-header", "row \(wanted) is empty or past the end: it cannot be the header")
            }
            index = k
        } else {
            // As for a sheet (a title or a note above the table has a cell or two).
            let candidates = top.prefix(XLSXFileReader.headerSearchRows)
            index =
                XLSXFileReader.headerLike(
                    filled: candidates.map { $0.cells.filter { !$0.allSatisfy(\.isWhitespace) }.count })
                ?? 0
        }
        var header = top[index].cells.enumerated().map { ($0.offset + 1, CellConverter.headerName($0.element)) }
            .filter { !$0.1.isEmpty }
        var (first, last) = (index, index)
        let texts = top.map { ($0.number, $0.cells.map(CellConverter.headerName)) }
        if let (joined, upper) = twoRow(texts, at: index, known: known) {
            (header, first, last) = (joined, upper, upper + 1)
        }
        let rows = top[(last + 1)...].prefix(sampleRows).map(\.cells)
        var sample = SheetSample(header: header, headerRow: top[first].number, rows: rows, encoding: encoding.name)
        sample.headerRows = last - first + 1
        return sample
    }

    private static func workbook(openPath: String, options: BatchReadOptions, known: (String) -> Bool)
        throws(XLSXError) -> SheetSample
    {
        let package = try XLSXPackage(path: openPath, limits: options.xlsxLimits)
        let book = try XLSXWorkbook.read(package)
        let context = XLSXCellContext(
            sharedStrings: try XLSXSharedStrings.read(package, part: book.sharedStrings).strings,
            styles: try XLSXStyles.read(package, part: book.styles), date1904: book.date1904,
            maxCellBytes: options.xlsxLimits.maxCellBytes)
        // The sheet `audit` will read, so that the mapping proposed is the one for it.
        let sheet = try book.tableSheet(
            named: options.sheet, package: package, context: context, mapping: nil, headerRow: options.headerRow)
        let stream = XLSXSheetStream(package: package, part: sheet.part, context: context)
        defer { stream.cancel() }
        var top: [XLSXRow] = []
        while top.count < XLSXFileReader.headerSearchRows + sampleRows, let next = stream.next() {
            top.append(try next.get())
        }
        let index: Int?
        if let wanted = options.headerRow {
            index = top.firstIndex { $0.number == wanted }
        } else {
            index = XLSXFileReader.headerIndex(Array(top.prefix(XLSXFileReader.headerSearchRows)), mapping: nil)
        }
        guard let index else { throw XLSXError("xlsx.no-header", "the sheet `\(sheet.name)` has no header row") }
        var header = top[index].cells.map { ($0.column, CellConverter.headerName($0.text)) }
        var (first, last) = (index, index)
        let texts = top.map { ($0.number, TwoRowHeader.texts($0.cells.map { ($0.column, $0.text) })) }
        if let (joined, upper) = twoRow(texts, at: index, known: known) {
            (header, first, last) = (joined, upper, upper + 1)
        }
        let width = header.last?.0 ?? 0
        let rows = top[(last + 1)...].map { row in
            var cells = Array(repeating: "", count: width)
            for cell in row.cells where cell.column <= width { cells[cell.column - 1] = cell.text }
            return cells
        }
        var sample = SheetSample(
            header: header, headerRow: top[first].number, rows: rows, encoding: nil, date1904: book.date1904)
        sample.headerRows = last - first + 1
        return sample
    }

    /// The header when it is written on two adjacent rows (`TwoRowHeader`), the row at `index` and the one
    /// below or above it, as `audit` joins them: its named cells, and the index of the upper row. With no mapping
    /// yet to test the names against, the lower row must name fields the rule sets know and must not read as a
    /// record (`TwoRowHeader.looksLikeHeader`).
    private static func twoRow(_ rows: [(number: Int, texts: [String])], at index: Int, known: (String) -> Bool)
        -> ([(Int, String)], Int)?
    {
        let found = TwoRowHeader.find(rows, at: index) { columns, upper in
            // With no mapping to go by, only a group spanning columns is evidence enough.
            guard TwoRowHeader.looksLikeHeader(rows[upper + 1].texts, under: rows[upper].texts, known: known),
                columns.contains(where: \.underGap)
            else { return nil }
            return TwoRowHeader.names(columns, known: [])
        }
        guard let (names, upper) = found else { return nil }
        return (names.enumerated().filter { !$0.element.isEmpty }.map { ($0.offset + 1, $0.element) }, upper)
    }
}
