import Bylaw
import BylawDiagnostics
import BylawJSON
import BylawYAML

/// One CSV record as read: its cells with their positions and the bytes it spans.
public struct CSVRecord: Sendable, Equatable {
    /// One cell: its text (quotes removed, `""` unescaped, CRLF inside quotes made LF) and where it starts.
    public struct Cell: Sendable, Equatable {
        public var text: String
        /// 1-based line and column (in Unicode scalars) of the cell's first character (its opening quote).
        public var line: Int
        public var column: Int

        public init(text: String, line: Int, column: Int) {
            self.text = text
            self.line = line
            self.column = column
        }
    }

    /// The physical line the record starts on.
    public var line: Int
    public var cells: [Cell]
    /// The record's bytes as in the file, without its line ending.
    public var raw: [UInt8]
    /// The row a spreadsheet shows it on (the header is row 1), for naming cells as `D7`.
    public var sheetRow: Int?
}

/// What `CSVReader.next()` gives.
public enum CSVReadResult: Sendable {
    case record(CSVRecord)
    /// A record that cannot be read: the problem and the record's bytes (as far as they were read).
    case problem(Diagnostic, line: Int, raw: [UInt8])
}

/// Reads CSV as RFC 4180 describes it, record by record in bounded memory: cells separated by commas, quoted
/// cells holding commas, doubled quotes and line breaks, records ended by CRLF, LF or a lone CR (old Mac
/// exports), UTF-8 with or without a byte-order mark. Leniencies: a quote inside an unquoted cell is kept as
/// text; an empty line is skipped. Inside quotes, CRLF becomes LF and a lone CR stays as it is; every line end
/// (CRLF, LF or lone CR) counts as one line for positions.
///
/// A cell that is not valid UTF-8 or has text after its closing quote makes its record a problem and reading
/// goes on with the next record, as it does after a record larger than `maxRecordBytes` (skipped to its end
/// without being kept). An unterminated quote (or a quoted cell running past `maxRecordBytes`, which is what one
/// usually looks like) is a problem after which the file cannot be cut into records: reading stops.
public final class CSVReader {
    private let stream: ByteStream
    private let file: String
    private let maxRecordBytes: Int
    /// The position of the next unread byte.
    private var position = TextPosition()
    private var stopped = false
    /// Records read so far, empty lines included: the row number a spreadsheet gives the last record.
    public private(set) var recordNumber = 0
    /// Whether a record past `maxRecordBytes` ends the reading at once, instead of being scanned to its end:
    /// for the header (a file whose first line never ends, `/dev/zero` or a binary file, is no table, and reading
    /// it to its end could take for ever).
    public var stopsAtOversize = false
    /// The 0-based index of the cell that made the last record a `csv.encoding` problem.
    public private(set) var encodingProblemCell: Int?

    /// The byte between cells: a comma, or what `separator(of:)` finds (a tab in Excel's "Unicode text" and
    /// `.tsv` exports, a semicolon where Excel's list separator is one).
    private let separator: UInt8

    public init(
        stream: ByteStream, file: String, maxRecordBytes: Int = YAMLLimits.decision.maxBytes,
        separator: UInt8 = UInt8(ascii: ",")
    ) {
        self.separator = separator
        self.stream = stream
        self.file = file
        self.maxRecordBytes = maxRecordBytes
        stream.skipBOM()
    }

    private enum State { case cellStart, unquoted, quoted, quoteInQuoted }

    /// The bytes as text, or nil when they are not valid UTF-8. `String(validating:as:)` does this through a
    /// generic path that cost a thousand instructions a cell: the bytes are checked here (`isUTF8`) and then
    /// decoded, which changes nothing in valid UTF-8.
    static func text(_ bytes: [UInt8]) -> String? {
        guard bytes.withUnsafeBufferPointer(isUTF8) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether the bytes are well-formed UTF-8 (Unicode's table 3-7): no overlong form, no surrogate, nothing
    /// past U+10FFFF, no sequence cut short.
    static func isUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 {
                i += 1
            } else if c < 0xC2 {
                return false
            } else if c < 0xE0 {
                guard i + 1 < n, b[i + 1] & 0xC0 == 0x80 else { return false }
                i += 2
            } else if c < 0xF5 {
                // Three bytes (E0–EF) or four (F0–F4). The second byte's range leaves out overlong forms (after
                // E0 and F0), surrogates (after ED) and what lies past U+10FFFF (after F4).
                let length = c < 0xF0 ? 3 : 4
                guard i + length <= n else { return false }
                let second = b[i + 1]
                let low: UInt8 = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80
                let high: UInt8 = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF
                guard second >= low, second <= high else { return false }
                for k in 2..<length where b[i + k] & 0xC0 != 0x80 { return false }
                i += length
            } else {
                return false
            }
        }
        return true
    }

    /// The next record, or nil at the end of the file.
    public func next() -> CSVReadResult? {
        while !stopped {
            guard let result = readRecord() else { return nil }
            if case .record(let r) = result, r.raw.isEmpty { continue }
            return result
        }
        return nil
    }

    private func readRecord() -> CSVReadResult? {
        if stream.available == 0, !stream.fill() { return nil }
        recordNumber += 1
        encodingProblemCell = nil
        // The scan works on local copies of the position, the separator and the buffer: a class's stored
        // property read or written for every byte costs a dynamic exclusivity check each time.
        var position = self.position
        defer { self.position = position }
        let separator = self.separator
        // INVARIANT: a record starts at the start of a line (column 1).
        let startLine = position.line
        var state = State.cellStart
        var cells: [CSVRecord.Cell] = []
        var cell: [UInt8] = []
        var cellLine = position.line
        var cellColumn = 1
        var problem: Diagnostic?
        var quoteLine = position.line
        var quoteColumn = 1
        var i = 0
        var recordEnd = -1
        var lineEndLength = 0
        /// The first bytes of a record over the limit, which is then skipped rather than kept.
        var oversizedHead: [UInt8]?

        func endCell() {
            if let text = Self.text(cell) {
                cells.append(CSVRecord.Cell(text: text, line: cellLine, column: cellColumn))
            } else {
                if problem == nil {
                    encodingProblemCell = cells.count
                    problem = .error(
                        "csv.encoding", "the cell is not valid UTF-8 text",
                        at: SourceLocation(file: file, line: cellLine, column: cellColumn))
                }
                cells.append(CSVRecord.Cell(text: "", line: cellLine, column: cellColumn))
            }
            cell.removeAll(keepingCapacity: true)
        }

        scan: while true {
            let n = stream.available
            let base = stream.start
            let buffer = stream.buffer
            while i < n {
                // A run of bytes no state acts on (no separator, quote or line end) is taken whole: copied into
                // the cell at once, its columns counted without a step per byte.
                var j = i
                if state != .quoteInQuoted {  // what follows a closing quote is taken byte by byte
                    // A quote or a line end ends a run; outside quotes a separator too.
                    let stop = state == .quoted ? UInt8(ascii: "\"") : separator
                    while j < n {
                        let b = buffer[base + j]
                        if b == stop || b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D { break }
                        j += 1
                    }
                }
                if j > i {
                    cell.append(contentsOf: buffer[(base + i)..<(base + j)])
                    for k in (base + i)..<(base + j) where buffer[k] & 0xC0 != 0x80 { position.column += 1 }
                    if state == .cellStart { state = .unquoted }
                    i = j
                    continue
                }
                let c = buffer[base + i]
                let next: UInt8? = i + 1 < n ? buffer[base + i + 1] : nil
                if c == 0x0D, next == nil, !stream.atEnd {
                    break  // need the next byte to know whether this is CRLF
                }
                switch state {
                case .cellStart, .unquoted, .quoteInQuoted:
                    if c == 0x0A || c == 0x0D {
                        recordEnd = i
                        lineEndLength = c == 0x0D && next == 0x0A ? 2 : 1
                        break scan
                    }
                    if c == separator {
                        endCell()
                        state = .cellStart
                        cellLine = position.line
                        cellColumn = position.column + 1
                    } else if state == .cellStart, c == UInt8(ascii: "\"") {
                        state = .quoted
                        quoteLine = position.line
                        quoteColumn = position.column
                    } else if state == .quoteInQuoted {
                        if c == UInt8(ascii: "\"") {
                            cell.append(c)
                            state = .quoted
                        } else {
                            if problem == nil, position.line > quoteLine {
                                // A quoted cell that ran over lines and is then followed by text: most likely
                                // one stray quote, which took in every line up to the next quote. Those lines
                                // are named, and the quote that opened the cell is where to look.
                                problem = .error(
                                    "csv.stray-quote",
                                    "the quoted cell opened here runs on to line `\(position.line)`, where text follows "
                                        + "its closing quote: lines `\(quoteLine)`–`\(position.line)` were read as this "
                                        + "one cell",
                                    at: SourceLocation(file: file, line: quoteLine, column: quoteColumn),
                                    help: "a quote that opens a cell must close it; a quote inside a cell is written "
                                        + "twice: \"\"")
                            } else if problem == nil {
                                problem = .error(
                                    "csv.text-after-quote",
                                    "text follows the closing quote of a cell",
                                    at: SourceLocation(file: file, line: position.line, column: position.column),
                                    help: "a quote inside a quoted cell is written twice: \"\"")
                            }
                            cell.append(c)
                            state = .unquoted
                        }
                    } else {
                        cell.append(c)
                        state = .unquoted
                    }
                case .quoted:
                    if c == UInt8(ascii: "\"") {
                        state = .quoteInQuoted
                    } else if c == 0x0D, next == 0x0A {
                        // CRLF inside a quoted cell becomes LF; the LF is taken next.
                    } else {
                        cell.append(c)
                    }
                }
                position.advance(past: c, next: next)
                i += 1
            }
            if oversizedHead == nil, i > maxRecordBytes {
                if state == .quoted {
                    stopped = true
                    let raw = stream.take(min(i, 4096))
                    let d = Diagnostic.error(
                        "csv.unterminated-quote",
                        "the quoted cell opened here runs past `\(maxRecordBytes)` bytes, to line "
                            + "`\(position.line)`: its closing quote is missing, and the file is not read further",
                        at: SourceLocation(file: file, line: quoteLine, column: quoteColumn),
                        help: "close the cell with `\"`; a quote inside a quoted cell is written twice")
                    return .problem(d, line: startLine, raw: raw)
                }
                oversizedHead = Array(stream.buffer[stream.start..<stream.start + min(i, 4096)])
                if stopsAtOversize {
                    stopped = true
                    let d = Diagnostic.error(
                        "csv.limit.record", "the record is larger than the limit of \(maxRecordBytes) bytes",
                        at: SourceLocation(file: file, line: startLine, column: 1))
                    return .problem(d, line: startLine, raw: oversizedHead ?? [])
                }
            }
            if oversizedHead != nil {
                // Too large to keep: scan on to the record's end without storing it, then go on after it.
                stream.skip(i)
                i = 0
                cells.removeAll(keepingCapacity: true)
                cell.removeAll(keepingCapacity: true)
            }
            if !stream.fill() {
                if stream.available > i { continue }  // a trailing CR at the end of the input
                if state == .quoted {
                    stopped = true
                    let raw = stream.take(i)
                    return .problem(
                        .error(
                            "csv.unterminated-quote",
                            "the quoted cell opened here is never closed: the file ends inside it, at line "
                                + "`\(position.line)`, and lines `\(quoteLine)`–`\(position.line)` were read as "
                                + "this one cell",
                            at: SourceLocation(file: file, line: quoteLine, column: quoteColumn),
                            help: "close the cell with `\"`; a quote inside a quoted cell is written twice"),
                        line: startLine, raw: raw)
                }
                recordEnd = i
                lineEndLength = 0
                break scan
            }
        }
        let raw = stream.take(recordEnd)
        stream.skip(lineEndLength)
        if lineEndLength > 0 {
            position.newLine()
        }
        if let oversizedHead {
            let d = Diagnostic.error(
                "csv.limit.record", "the record is larger than the limit of \(maxRecordBytes) bytes",
                at: SourceLocation(file: file, line: startLine, column: 1))
            return .problem(d, line: startLine, raw: oversizedHead)
        }
        if raw.isEmpty { return .record(CSVRecord(line: startLine, cells: [], raw: [])) }
        endCell()
        if let problem { return .problem(problem, line: startLine, raw: raw) }
        return .record(CSVRecord(line: startLine, cells: cells, raw: raw, sheetRow: recordNumber))
    }
}

extension CSVReader {
    /// The separator of a delimited text file, from its first line (quoted text skipped): a comma when it has
    /// one; else a tab, else a semicolon, when the line has one of those and no comma; else a comma. The stream
    /// is only looked at (up to 64 KiB), not read.
    static func separator(of stream: ByteStream) -> UInt8 {
        let comma = UInt8(ascii: ","), tab: UInt8 = 0x09, semicolon = UInt8(ascii: ";")
        stream.ensure(64 << 10)
        var seen: Set<UInt8> = []
        var quoted = false
        var i = 0
        while let c = stream.peek(i), i < 64 << 10 {
            if c == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted {
                if c == 0x0A || c == 0x0D || c == comma { break }
                if c == tab || c == semicolon { seen.insert(c) }
            }
            i += 1
        }
        return stream.peek(i) == comma ? comma : seen.contains(tab) ? tab : seen.contains(semicolon) ? semicolon : comma
    }
}
