import BylawDiagnostics
import BylawYAML
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The formats `bylaw audit` reads.
public enum InputFormat: String, Sendable, CaseIterable {
    case csv, jsonl, json, yaml, xlsx

    /// The format a file name's extension says, if any.
    public static func of(path: String) -> InputFormat? {
        switch (path as NSString).pathExtension.lowercased() {
        // Excel's "Unicode text" save is a tab-separated `.txt` in UTF-16; `.tsv` is tab-separated too.
        case "csv", "tsv", "txt": .csv
        case "jsonl", "ndjson": .jsonl
        case "json": .json
        case "yaml", "yml": .yaml
        // A macro-enabled workbook holds its sheets as `.xlsx` does (macros are never run). An `.xls` or `.et`
        // is sniffed: an old binary workbook goes to the workbook reader, which says to save it as `.xlsx`, and
        // the text some systems export under that name is read as text.
        case "xlsx", "xlsm": .xlsx
        default: nil
        }
    }
}

/// Sees every byte of every input as it is read (to hash the inputs for the audit trail).
public protocol InputObserver: AnyObject {
    func begin(file: String)
    func update(_ bytes: UnsafeRawBufferPointer)
    func end(file: String)
}

/// The sheet a run read of a workbook, and the workbook's sheets: a workbook of several sheets says which one
/// its records came from.
public struct SheetChoice: Sendable, Equatable {
    public var file: String
    public var sheet: String
    public var sheets: [String]
}

/// One input file to read: a path (`-` for standard input) and its format when known before reading.
public struct BatchFile: Sendable, Equatable {
    public var path: String
    public var format: InputFormat?
    /// The size in bytes, when the input is a regular file.
    public var size: Int?
}

/// How files are read beyond their format: `--encoding`, `--sheet`, `--header-row`.
public struct BatchReadOptions: Sendable {
    /// The encoding of CSV files, when the user names it (else detected per file).
    public var encoding: TextEncoding?
    /// The sheet of a workbook to read (else its first).
    public var sheet: String?
    /// The 1-based row of a workbook's sheet that holds the header (else found).
    public var headerRow: Int?
    /// What a workbook may make bylaw inflate and hold.
    public var xlsxLimits: XLSXLimits
    /// The types of the fields columns fill, so that cells are read by type (`CellConverter`).
    public var fieldTypes: FieldTypeIndex?

    public init(
        encoding: TextEncoding? = nil, sheet: String? = nil, headerRow: Int? = nil,
        xlsxLimits: XLSXLimits = .standard, fieldTypes: FieldTypeIndex? = nil
    ) {
        self.fieldTypes = fieldTypes
        self.encoding = encoding
        self.sheet = sheet
        self.headerRow = headerRow
        self.xlsxLimits = xlsxLimits
    }
}

/// Every record of the inputs, in input order: files as named, folders recursively in sorted order.
/// Reading happens on one thread; records are cut out, not parsed (see `BatchRecord`).
public final class BatchReader {
    public let files: [BatchFile]
    /// The bytes of all inputs, when every input is a regular file (for an ETA).
    public let totalBytes: Int?
    /// Files that could not be read once the run had started, or failed part way (each is also an unreadable
    /// record).
    public private(set) var unreadableFiles = 0
    /// The sheet read of each workbook, in input order.
    public private(set) var sheetsRead: [SheetChoice] = []
    /// Rows read but not checked because they are not records (totals, signature lines: `SummaryRow`).
    public private(set) var skipped = SkippedRows()
    /// The current input's reader, when it is a workbook.
    private var workbook: XLSXFileReader?
    private let mapping: CSVMapping?
    private let options: BatchReadOptions
    private let observer: InputObserver?
    private var fileIndex = -1
    private var current: RecordReader?
    private var currentStream: ByteStream?
    private var finishedBytes = 0
    /// Whether the current file's read error has been reported as a record.
    private var readFailureReported = false

    public init(
        files: [BatchFile], mapping: CSVMapping?, options: BatchReadOptions = BatchReadOptions(),
        observer: InputObserver?
    ) {
        self.files = files
        self.mapping = mapping
        self.options = options
        self.observer = observer
        let sizes = files.map(\.size)
        totalBytes = sizes.contains(nil) ? nil : sizes.reduce(0) { $0 + ($1 ?? 0) }
    }

    /// Bytes of the inputs read so far.
    public var bytesRead: Int { finishedBytes + (currentStream?.progress ?? 0) }

    /// The next record of the inputs, or nil after the last.
    public func next() -> BatchRecord? {
        while true {
            if let current, let record = current.next() {
                if case .csv(let row, _) = record.body, let kind = SummaryRow.kind(of: row.cells.lazy.map(\.text)) {
                    skip(record, row: row, kind: kind)
                    continue
                }
                return record
            }
            if let current, current.failedPartWay, !readFailureReported {
                readFailureReported = true
                unreadableFiles += 1
            }
            if let stream = currentStream {
                // Reading may stop before the end (an unterminated quote, a YAML syntax error): the rest still
                // goes through the observer, so the run's hash and size are the whole file's.
                if observer != nil { Self.drain(stream) }
                if let error = stream.readError, !readFailureReported {
                    readFailureReported = true
                    current = unreadable(files[fileIndex].path, reason: String(cString: strerror(error)))
                    continue
                }
            }
            if fileIndex >= 0, fileIndex < files.count {
                finishedBytes += files[fileIndex].size ?? currentStream?.consumed ?? 0
                observer?.end(file: files[fileIndex].path)
            }
            if let choice = workbook?.sheetChoice { sheetsRead.append(choice) }
            workbook = nil
            current = nil
            currentStream = nil
            readFailureReported = false
            fileIndex += 1
            guard fileIndex < files.count else { return nil }
            observer?.begin(file: files[fileIndex].path)
            current = RemappingReader.wrap(open(files[fileIndex]), mapping: mapping)
        }
    }

    private func skip(_ record: BatchRecord, row: CSVRecord, kind: SummaryRow) {
        skipped.add(
            {
                let first = row.cells.first { !$0.text.allSatisfy(\.isWhitespace) }?.text ?? ""
                let text = first.trimmingCharacters(in: .whitespacesAndNewlines)
                return SkippedRow(
                    source: record.source, text: text.count > 40 ? text.prefix(39) + "…" : text, kind: kind)
            }())
    }

    private func open(_ file: BatchFile) -> RecordReader {
        let path = file.path
        let fd = path == "-" ? 0 : openFile(path)
        guard fd >= 0 else { return unreadable(path, reason: String(cString: strerror(errno))) }
        let stream = ByteStream(fileDescriptor: fd, closes: path != "-")
        if let observer { stream.observer = { observer.update($0) } }
        currentStream = stream
        let format = file.format ?? Self.sniff(stream)
        switch format {
        case .csv:
            return csv(stream, path: path)
        case .jsonl:
            return decoding(stream, path: path) ?? JSONLinesReader(stream: stream, file: path)
        case .json:
            return decoding(stream, path: path) ?? json(stream, path: path)
        case .yaml:
            return decoding(stream, path: path) ?? yaml(stream, path: path)
        case .xlsx:
            return xlsx(stream, fd: fd, path: path)
        }
    }

    /// A JSON, JSON Lines or YAML file saved in UTF-16 (with its byte-order mark) or in GB18030/GBK, as Windows
    /// editors save "Unicode" and ANSI text, is decoded to UTF-8 as it is read, as `bylaw check` reads such a
    /// file (`DecisionFile.utf8`). `--encoding` names CSV inputs' encoding only; here it is detected. Nil when the
    /// file is UTF-8 (read as it is), or a reader of the one error when the system cannot decode it.
    private func decoding(_ stream: ByteStream, path: String) -> RecordReader? {
        let encoding = TextEncoding.detect(stream, chosen: nil, records: true)
        return encoding.decode(stream) ? nil : unreadable(path, reason: "this system cannot decode \(encoding.name)")
    }

    /// A CSV file, decoded to UTF-8 as it is read when it is in another encoding (`TextEncoding.detect`).
    private func csv(_ stream: ByteStream, path: String) -> RecordReader {
        let encoding = TextEncoding.detect(stream, chosen: options.encoding)
        guard encoding.decode(stream) else {
            return unreadable(path, reason: "this system cannot decode \(encoding.name)")
        }
        return CSVFileReader(
            stream: stream, file: path, mapping: mapping, encoding: encoding, types: options.fieldTypes,
            headerRow: options.headerRow)
    }

    /// A workbook, read by ZIPFoundation from the very file `stream` reads (through `/dev/fd`, so a file
    /// replaced meanwhile is not read in its place). The stream is read to its end first, so the observer hashes
    /// the whole file before any record; the archive needs to seek, so standard input cannot be a workbook.
    private func xlsx(_ stream: ByteStream, fd: Int32, path: String) -> RecordReader {
        guard path != "-" else {
            return unreadable(
                path,
                [
                    .error(
                        "xlsx.stdin", "a workbook cannot be read from standard input: name the .xlsx file", at: nil)
                ])
        }
        Self.drain(stream)
        let reader = XLSXFileReader(
            file: path, openPath: "/dev/fd/\(fd)", mapping: mapping, options: options, limits: options.xlsxLimits)
        workbook = reader
        return reader
    }

    /// Reads and consumes everything left in `stream`, in bounded memory.
    private static func drain(_ stream: ByteStream) {
        stream.skip(stream.available)
        while stream.fill() { stream.skip(stream.available) }
    }

    private func unreadable(_ path: String, reason: String) -> RecordReader {
        unreadable(path, [.error("io.unreadable", "cannot read `\(path)`: \(reason.lowercased())", at: nil)])
    }

    /// A file that yields no records: one `invalid` result saying why, counted as unreadable.
    private func unreadable(_ path: String, _ diagnostics: [Diagnostic]) -> RecordReader {
        unreadableFiles += 1
        let record = BatchRecord(
            source: RecordSource(file: path, position: .wholeFile), body: .unreadable(diagnostics), raw: [])
        return SingleDocumentReader(record: record)
    }

    /// A `.json` file: an array of records, or one record.
    private func json(_ stream: ByteStream, path: String) -> RecordReader {
        stream.skipBOM()
        if stream.peek(stream.offsetPastSpace(from: 0)) == UInt8(ascii: "[") {
            return JSONArrayReader(stream: stream, file: path)
        }
        let start = YAMLMark(line: 1, column: 1, offset: stream.consumed)
        stream.ensure(maxRecordBytes + 1)
        let source = RecordSource(file: path, position: .wholeFile)
        guard stream.available <= maxRecordBytes else {
            let d = Diagnostic.error(
                "json.limit.size", "the file is larger than the limit of \(maxRecordBytes) bytes for one record",
                at: SourceLocation(file: path, line: 1, column: 1),
                help: "write many records as a JSON array or as JSON Lines")
            Self.drain(stream)
            return SingleDocumentReader(record: BatchRecord(source: source, body: .unreadable([d]), raw: []))
        }
        let raw = stream.takeAll()
        return SingleDocumentReader(record: BatchRecord(source: source, body: .json(start), raw: raw))
    }

    /// A YAML stream, streamed by libyaml from `stream`: the bytes parsed are the very bytes the observer hashed,
    /// even if the file at `path` is replaced while it is read. A read error ends the stream; `next()` reports it
    /// once, with its reason.
    private func yaml(_ stream: ByteStream, path: String) -> RecordReader {
        stream.ensure(3)  // a byte-order mark arrives whole in libyaml's first block, where it is stripped
        let documents = YAMLDocumentStream(file: path, limits: .decision) { buffer, size in
            stream.pull(into: buffer, size: size)
        }
        return YAMLStreamReader(stream: documents, file: path)
    }

    /// Guesses the format from the first bytes: a ZIP archive's signature a workbook, `{` JSON Lines, `[` a JSON array, a first line with commas and
    /// no `: ` CSV (a line ends at LF or CR), anything else YAML.
    static func sniff(_ stream: ByteStream) -> InputFormat {
        stream.ensure(1 << 16)
        var k = stream.offsetPastSpace(from: stream.hasBOM ? 3 : 0)
        if stream.peek(0) == 0x50, stream.peek(1) == 0x4B, stream.peek(2) == 0x03, stream.peek(3) == 0x04 {
            return .xlsx  // a ZIP archive's first local header: "PK\u{3}\u{4}"
        }
        if XLSXPackage.compoundFileSignature.enumerated().allSatisfy({ stream.peek($0.offset) == $0.element }) {
            return .xlsx  // an old binary workbook, or an encrypted one: the workbook reader names it
        }
        guard let first = stream.peek(k) else { return .yaml }
        if first == UInt8(ascii: "{") { return .jsonl }
        if first == UInt8(ascii: "[") { return .json }
        if first == UInt8(ascii: "#") || first == UInt8(ascii: "%") || first == UInt8(ascii: "-") { return .yaml }
        var lineBytes: [UInt8] = []
        while let c = stream.peek(k), c != 0x0A, c != 0x0D, lineBytes.count < 1 << 16 {
            lineBytes.append(c)
            k += 1
        }
        let line = String(decoding: lineBytes, as: UTF8.self)
        if line.contains(","), !line.contains(": "), !line.hasSuffix(":") { return .csv }
        return .yaml
    }
}

/// `open(2)` for reading, named apart from `BatchReader.open(_:)`.
private func openFile(_ path: String) -> Int32 {
    #if canImport(Glibc)
        Glibc.open(path, O_RDONLY)
    #else
        Darwin.open(path, O_RDONLY)
    #endif
}
