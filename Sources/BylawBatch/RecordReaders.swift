import BylawDiagnostics
import BylawJSON
import BylawYAML

/// Reads the records of one input, in order.
protocol RecordReader: AnyObject {
    /// The next record, or nil when the input is done.
    func next() -> BatchRecord?
    /// Whether the input stopped part way for a reason the records already said (the run then exits 2).
    var failedPartWay: Bool { get }
}

extension RecordReader {
    var failedPartWay: Bool { false }
}

/// The largest record (a JSON line, an array item, a CSV row, a document) read, as for a decision file.
let maxRecordBytes = YAMLLimits.decision.maxBytes

/// JSON Lines: one JSON text per line; blank lines are skipped. A line that is not valid JSON is a record whose
/// problem is found when it is parsed (on a worker), with its line and column.
final class JSONLinesReader: RecordReader {
    private let stream: ByteStream
    private let file: String
    private var line = 0

    init(stream: ByteStream, file: String) {
        self.stream = stream
        self.file = file
        stream.skipBOM()
    }

    func next() -> BatchRecord? {
        while true {
            if stream.available == 0, !stream.fill() { return nil }
            line += 1
            let source = RecordSource(file: file, position: .line(line))
            let start = YAMLMark(line: line, column: 1, offset: stream.consumed)
            guard let end = stream.find(0x0A, from: 0, limit: maxRecordBytes) else {
                if stream.available > maxRecordBytes {
                    return tooLong(source)
                }
                let raw = stream.take(stream.available)  // the last line, without a newline
                if isBlank(raw) { return nil }
                return BatchRecord(source: source, body: .json(start), raw: raw)
            }
            // The newline may already have been in the buffer, beyond the limit.
            if end > maxRecordBytes { return tooLong(source) }
            var raw = stream.take(end)
            stream.skip(1)
            if raw.last == 0x0D { raw.removeLast() }
            if isBlank(raw) { continue }
            return BatchRecord(source: source, body: .json(start), raw: raw)
        }
    }

    private func isBlank(_ raw: [UInt8]) -> Bool {
        raw.allSatisfy(JSONSpace.contains)
    }

    /// A line over the limit: reported once, then skipped through its newline without keeping it.
    private func tooLong(_ source: RecordSource) -> BatchRecord {
        let head = stream.take(256)
        while true {
            if let end = stream.find(0x0A, from: 0, limit: 1 << 20) {
                stream.skip(end + 1)
                break
            }
            stream.skip(stream.available)
            if !stream.fill() { break }
        }
        let d = Diagnostic.error(
            "json.limit.size", "the line is longer than the limit of \(maxRecordBytes) bytes",
            at: SourceLocation(file: file, line: line, column: 1))
        return BatchRecord(source: source, body: .unreadable([d]), raw: head)
    }
}

/// A JSON array of records, read item by item: each item's text is cut out by tracking nesting and strings,
/// and parsed on a worker. A break in the array's own structure ends the file with one unreadable record.
final class JSONArrayReader: RecordReader {
    private let stream: ByteStream
    private let file: String
    /// The position of the next unread byte.
    private var position = TextPosition()
    private var state = State.start

    private enum State { case start, item, afterItem, done }

    init(stream: ByteStream, file: String) {
        self.stream = stream
        self.file = file
        stream.skipBOM()
    }

    /// Consumes one byte, keeping the line and column.
    private func advance() {
        guard let c = stream.peek(0) else { return }
        position.advance(past: c)
        stream.skip(1)
    }

    private func skipSpace() {
        while let c = stream.peek(0), JSONSpace.contains(c) { advance() }
    }

    private func broken(_ message: String) -> BatchRecord {
        state = .done
        let d = Diagnostic.error(
            "json.syntax", message, at: SourceLocation(file: file, line: position.line, column: position.column))
        return BatchRecord(
            source: RecordSource(file: file, position: .line(position.line)), body: .unreadable([d]), raw: [])
    }

    func next() -> BatchRecord? {
        while true {
            skipSpace()
            switch state {
            case .done:
                return nil
            case .start:
                guard stream.peek(0) == UInt8(ascii: "[") else { return broken("expected `[` to start an array") }
                advance()
                skipSpace()
                if stream.peek(0) == UInt8(ascii: "]") {
                    advance()
                    state = .done
                    return trailing()
                }
                state = .item
            case .afterItem:
                guard let c = stream.peek(0) else { return broken("the array is not closed with `]`") }
                advance()
                if c == UInt8(ascii: "]") {
                    state = .done
                    return trailing()
                }
                guard c == UInt8(ascii: ",") else { return broken("expected `,` or `]` after an array item") }
                state = .item
            case .item:
                state = .afterItem
                return item()
            }
        }
    }

    /// After the closing `]`: only whitespace may follow.
    private func trailing() -> BatchRecord? {
        skipSpace()
        guard stream.peek(0) == nil else { return broken("unexpected text after the array") }
        return nil
    }

    /// One item: bytes up to the `,` or `]` that ends it at nesting depth 0, outside strings.
    private func item() -> BatchRecord? {
        let start = YAMLMark(line: position.line, column: position.column, offset: stream.consumed)
        let source = RecordSource(file: file, position: .line(position.line))
        var scanner = ItemScanner()
        var n = 0
        while let c = stream.peek(n), !scanner.ends(at: c) {
            n += 1
            if n > maxRecordBytes { return oversized(scanned: n, scanner: scanner, start: start, source: source) }
        }
        var raw: [UInt8] = []
        raw.reserveCapacity(n)
        for _ in 0..<n {
            if let c = stream.peek(0) { raw.append(c) }
            advance()
        }
        while let last = raw.last, JSONSpace.contains(last) { raw.removeLast() }
        return BatchRecord(source: source, body: .json(start), raw: raw)
    }

    /// An item over the limit: reported with its first bytes, then scanned to its end without being kept, so
    /// reading goes on with the next item.
    private func oversized(scanned n: Int, scanner: ItemScanner, start: YAMLMark, source: RecordSource)
        -> BatchRecord
    {
        let head = (0..<256).compactMap { stream.peek($0) }
        for _ in 0..<n { advance() }
        var scanner = scanner
        while let c = stream.peek(0), !scanner.ends(at: c) { advance() }
        let d = Diagnostic.error(
            "json.limit.size", "the array item is larger than the limit of \(maxRecordBytes) bytes",
            at: SourceLocation(file: file, line: start.line, column: start.column))
        return BatchRecord(source: source, body: .unreadable([d]), raw: head)
    }
}

/// Finds where a JSON array item ends: the `,` or `]` at nesting depth 0, outside strings.
public struct ItemScanner {
    private var depth = 0
    private var inString = false
    private var escaped = false

    public init() {}

    /// Takes the next byte; true when it ends the item (and is not part of it).
    public mutating func ends(at c: UInt8) -> Bool {
        if inString {
            if escaped {
                escaped = false
            } else if c == UInt8(ascii: "\\") {
                escaped = true
            } else if c == UInt8(ascii: "\"") {
                inString = false
            }
        } else if c == UInt8(ascii: "\"") {
            inString = true
        } else if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
            depth += 1
        } else if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
            if depth == 0 { return true }
            depth -= 1
        } else if c == UInt8(ascii: ","), depth == 0 {
            return true
        }
        return false
    }
}

/// A file holding one JSON or YAML document that is one record.
final class SingleDocumentReader: RecordReader {
    private var record: BatchRecord?

    init(record: BatchRecord) { self.record = record }

    func next() -> BatchRecord? {
        defer { record = nil }
        return record
    }
}

/// A YAML stream: each document is a record. A file with one document is one record named by the file alone.
final class YAMLStreamReader: RecordReader {
    private let stream: YAMLDocumentStream
    private let file: String
    private var lookahead: (node: YAMLNode, bytes: [UInt8])?
    /// A syntax error met while looking ahead past the first document: reported after that document.
    private var pendingError: YAMLLoadError?
    private var first = true
    private var done = false

    init(stream: YAMLDocumentStream, file: String) {
        self.stream = stream
        self.file = file
    }

    func next() -> BatchRecord? {
        guard !done else { return nil }
        if let pendingError {
            self.pendingError = nil
            return failed(pendingError)
        }
        do {
            let current: (node: YAMLNode, bytes: [UInt8])
            if let lookahead {
                current = lookahead
                self.lookahead = nil
            } else {
                guard let doc = try stream.nextWithBytes() else {
                    done = true
                    return nil
                }
                current = doc
            }
            var position = RecordSource.Position.line(current.node.start.line)
            if first {
                first = false
                do {
                    lookahead = try stream.nextWithBytes()
                    if lookahead == nil { position = .wholeFile }
                } catch {
                    pendingError = error
                }
            }
            return BatchRecord(
                source: RecordSource(file: file, position: position), body: .document(current.node), raw: current.bytes)
        } catch {
            return failed(error)
        }
    }

    /// A YAML syntax error leaves the rest of the stream unreadable: one record says where, then the file ends.
    /// A read error ends the file without a record here: `BatchReader` reports it once, with its reason.
    private func failed(_ error: YAMLLoadError) -> BatchRecord? {
        done = true
        if error.diagnostics.contains(where: { $0.code == "io.unreadable" }) { return nil }
        let line = error.diagnostics.first?.location?.line
        return BatchRecord(
            source: RecordSource(file: file, position: line.map { .line($0) } ?? .wholeFile),
            body: .unreadable(error.diagnostics), raw: [])
    }
}
