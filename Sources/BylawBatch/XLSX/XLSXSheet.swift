import Bylaw
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// One row of a worksheet as read: its 1-based number and its non-empty cells in column order.
struct XLSXRow: Sendable {
    struct Cell: Sendable {
        /// 1-based column.
        var column: Int
        var text: String
    }

    var number: Int
    var cells: [Cell]
    /// A cell that cannot be read (an unknown shared string, text over the limit): its column and why.
    var problem: (column: Int, code: String, message: String)?
    /// The columns of cells holding a formula whose value was never saved: not empty but unknown. Whether that
    /// makes the row a problem depends on the column (`XLSXFileReader.record`): a template's formulas filled
    /// down past the data, in rows with nothing else, are no record at all.
    var unvalued: [Int] = []
    /// A cell holding a formula's error (`t="e"`, such as `#N/A`): its column and the error's text.
    struct ErrorCell: Sendable {
        var column: Int
        var text: String
    }
    var errors: [ErrorCell] = []
}

/// The escapes Excel writes in cell text for characters XML cannot hold or keep (ECMA-376 Part 1, 22.4.2.4):
/// `_x000D_` a carriage return, `_x0009_` a tab; `_x005F_` escapes the underscore of text that reads like one.
enum XLSXEscapes {
    static func decoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")), text.contains("_x") else { return text }
        var out = String.UnicodeScalarView()
        let s = Array(text.unicodeScalars)
        var i = 0
        while i < s.count {
            // A control character other than a tab or a line break (`_x0000_`) stays as written.
            if s[i] == "_", i + 6 < s.count, s[i + 1] == "x", s[i + 6] == "_",
                let v = UInt32(String(String.UnicodeScalarView(s[(i + 2)...(i + 5)])), radix: 16),
                s[(i + 2)...(i + 5)].allSatisfy({ $0.properties.isASCIIHexDigit }), let c = Unicode.Scalar(v),
                v >= 0x20 || v == 0x09 || v == 0x0A || v == 0x0D
            {
                out.append(c)
                i += 7
                continue
            }
            out.append(s[i])
            i += 1
        }
        return String(out)
    }
}

/// What turns a cell's XML into text: the shared strings, which styles are dates, the date system.
struct XLSXCellContext: Sendable {
    var sharedStrings: [String]
    var styles: XLSXStyles
    var date1904: Bool
    var maxCellBytes: Int
}

/// Reads a worksheet's rows as the sheet XML is inflated: one thread inflates the part into a bounded channel,
/// another runs FoundationXML's parser over it and puts rows into a second bounded channel, from which `next()`
/// takes them. Memory stays bounded however long the sheet; `cancel()` stops both threads.
///
/// A class because its threads share it.
final class XLSXSheetStream: @unchecked Sendable {
    private let rows = BoundedChannel<XLSXRow>(capacity: 512)
    private let chunks = BoundedChannel<Data>(capacity: 8)

    init(package: XLSXPackage, part: String, context: XLSXCellContext) {
        let rows = rows
        let chunks = chunks
        let limit = package.limits.maxSheetBytes
        Thread.detachNewThread {
            do throws(XLSXError) {
                guard let entry = package.entry(part) else {
                    throw XLSXError("xlsx.not-a-workbook", "the workbook has no part `\(part)` for its sheet")
                }
                try package.stream(entry, name: part, limit: limit) { chunk in
                    if !chunks.put(chunk) { throw CancellationError() }
                }
                chunks.finish()
            } catch {
                chunks.finish(error)
            }
        }
        Thread.detachNewThread {
            let input = ChannelInputStream(chunks)
            let parser = XMLParser(stream: input)
            parser.shouldResolveExternalEntities = false
            let delegate = SheetDelegate(context: context) { row in rows.put(row) }
            parser.delegate = delegate
            // Alone (see `XMLParsing`): the lock is held until the sheet ends or its reader cancels it.
            let ok = XMLParsing.parse(parser)
            chunks.cancel()
            if let failure = input.failure {
                rows.finish(failure)
            } else if !ok, !delegate.stopped {
                rows.finish(
                    XLSXError("xlsx.xml", "the sheet `\(part)` is not well-formed XML (line \(parser.lineNumber))"))
            } else if !delegate.stopped, let cut = delegate.ends.cutShort(part: part, line: parser.lineNumber) {
                rows.finish(cut)
            } else {
                rows.finish()
            }
        }
    }

    /// The next row, nil after the last; an error ends the sheet.
    func next() -> Result<XLSXRow, XLSXError>? {
        switch rows.take() {
        case .success(let row): return .success(row)
        case .failure(let error as XLSXError): return .failure(error)
        case .failure: return .failure(XLSXError("xlsx.broken", "the sheet cannot be read"))
        case nil: return nil
        }
    }

    /// Stops reading: both threads end at their next step.
    func cancel() {
        rows.cancel()
        chunks.cancel()
    }

    deinit { cancel() }
}

/// An input stream over chunks from a channel, for `XMLParser(stream:)`.
private final class ChannelInputStream: InputStream {
    private let channel: BoundedChannel<Data>
    private var current = Data()
    private var offset = 0
    private var status: Stream.Status = .notOpen
    /// The error that ended the chunks, if any.
    private(set) var failure: XLSXError?

    init(_ channel: BoundedChannel<Data>) {
        self.channel = channel
        super.init(data: Data())
    }

    override func open() { status = .open }
    override func close() { status = .closed }
    override var streamStatus: Stream.Status { status }
    override var hasBytesAvailable: Bool { status != .atEnd }
    override var streamError: Error? { failure }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength len: Int) -> Int {
        while offset == current.count {
            switch channel.take() {
            case .success(let chunk):
                current = chunk
                offset = 0
            case .failure(let error):
                // The parser is told the input ended (its handling of -1 calls `streamError`, which the base
                // class leaves unimplemented); the sheet stream reports `failure`, which it checks first.
                failure = error as? XLSXError ?? XLSXError("xlsx.broken", "the sheet cannot be inflated")
                status = .atEnd
                return 0
            case nil:
                status = .atEnd
                return 0
            }
        }
        let n = min(len, current.count - offset)
        current.withUnsafeBytes { all in
            if let base = all.baseAddress {
                buffer.update(from: base.assumingMemoryBound(to: UInt8.self) + offset, count: n)
            }
        }
        offset += n
        return n
    }
}
