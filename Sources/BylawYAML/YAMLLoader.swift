internal import BylawDiagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Loads YAML and JSON (JSON is YAML 1.2 flow style and takes the same path and typing) into
/// node trees with positions, under hard limits.
public enum YAMLLoader {
    /// Loads exactly one document from bytes; `file` names the source in diagnostics.
    public static func load(bytes: [UInt8], file: String, limits: YAMLLimits) throws(YAMLLoadError) -> YAMLNode {
        if bytes.count > limits.maxBytes {
            throw sizeError(bytes.count, file: file, limits: limits)
        }
        var reader = DocumentReader(source: ByteSource(bytes: bytes, limits: limits), file: file, limits: limits)
        do {
            return try reader.single()
        } catch {
            throw QuoteHint.annotate(error, bytes: bytes)
        }
    }

    /// Loads exactly one document from a file, checking its size before parsing.
    ///
    /// A file that cannot be opened or read gives the diagnostic `io.unreadable` without a location.
    public static func load(path: String, limits: YAMLLimits) throws(YAMLLoadError) -> YAMLNode {
        let fd = try openWithinLimit(path, limits: limits)
        var reader = DocumentReader(source: ByteSource(fileDescriptor: fd, limits: limits), file: path, limits: limits)
        do {
            return try reader.single()
        } catch {
            guard error.diagnostics.contains(where: { $0.code == "yaml.syntax" }),
                let bytes = try? readWithinLimit(path, limits: limits)
            else { throw error }
            throw QuoteHint.annotate(error, bytes: bytes)
        }
    }

    /// `load(path:limits:)` that also gives the bytes it parsed, all of them read before parsing: for a caller
    /// that must be able to load exactly the same document again, whatever happens to the file afterwards.
    public static func loadKeepingBytes(path: String, limits: YAMLLimits) throws(YAMLLoadError) -> (
        node: YAMLNode, bytes: [UInt8]
    ) {
        let bytes = try readWithinLimit(path, limits: limits)
        return (try load(bytes: bytes, file: path, limits: limits), bytes)
    }

    /// The whole of a file, refused before it is read when its size is over `limits.maxBytes`, and while it is
    /// read when it grows past it (never more than the limit and one buffer).
    public static func readWithinLimit(_ path: String, limits: YAMLLimits) throws(YAMLLoadError) -> [UInt8] {
        let fd = try openWithinLimit(path, limits: limits)
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw unreadable(path)
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[..<n])
            // A file that grew past the limit since `fstat`.
            if bytes.count > limits.maxBytes { throw sizeError(bytes.count, file: path, limits: limits) }
        }
        return bytes
    }

    /// The file opened for reading, once its size is known to be within `limits.maxBytes`.
    static func openWithinLimit(_ path: String, limits: YAMLLimits) throws(YAMLLoadError) -> Int32 {
        let fd = try openFile(path)
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            close(fd)
            throw unreadable(path)
        }
        if Int(info.st_size) > limits.maxBytes {
            close(fd)
            throw sizeError(Int(info.st_size), file: path, limits: limits)
        }
        return fd
    }

    static func openFile(_ path: String) throws(YAMLLoadError) -> Int32 {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw unreadable(path) }
        return fd
    }

    static func unreadable(_ path: String) -> YAMLLoadError {
        let reason = String(cString: strerror(errno)).lowercased()
        return YAMLLoadError(.error("io.unreadable", "cannot read `\(path)`: \(reason)", at: nil))
    }

    /// The error of a document over the size limit.
    public static func sizeError(_ size: Int, file: String, limits: YAMLLimits) -> YAMLLoadError {
        YAMLLoadError(
            .error(
                "yaml.limit.size", "the file is \(size) bytes, more than the limit of \(limits.maxBytes)",
                at: SourceLocation(file: file, line: 1, column: 1)))
    }
}

/// Multi-document mode: yields one document at a time, in constant memory.
///
/// The input is read incrementally through libyaml's read handler, and the bytes of a finished
/// document are dropped; the stream holds no list of documents. Limits apply per document.
/// After an error the stream stays failed and `next()` throws the same error again.
public final class YAMLDocumentStream {
    private var reader: DocumentReader
    private var failure: YAMLLoadError?

    /// Opens a file for reading document by document.
    public init(path: String, limits: YAMLLimits) throws(YAMLLoadError) {
        let fd = try YAMLLoader.openFile(path)
        reader = DocumentReader(source: ByteSource(fileDescriptor: fd, limits: limits), file: path, limits: limits)
        reader.streaming = true
    }

    /// Reads documents from bytes the caller supplies as libyaml asks for them, so a caller that hashes what it
    /// reads has parsed exactly what it hashed. `read` fills its buffer with up to `size` bytes and returns the
    /// count, 0 at the end of the input, or a negative number on a read error (`io.unreadable`).
    public init(
        file: String, limits: YAMLLimits, read: @escaping (_ buffer: UnsafeMutablePointer<UInt8>, _ size: Int) -> Int
    ) {
        reader = DocumentReader(source: ByteSource(pull: read, limits: limits), file: file, limits: limits)
        reader.streaming = true
    }

    /// Reads documents from bytes already in memory.
    public init(bytes: [UInt8], file: String, limits: YAMLLimits) {
        reader = DocumentReader(source: ByteSource(bytes: bytes, limits: limits), file: file, limits: limits)
        reader.streaming = true
    }

    /// Bytes currently held for the document being read (bounded by one document plus read-ahead).
    var bufferedByteCount: Int { reader.bufferedByteCount }

    /// The next document, or `nil` at the end of the stream.
    public func next() throws(YAMLLoadError) -> YAMLNode? {
        if let failure { throw failure }
        do {
            return try reader.next()
        } catch {
            failure = error
            throw error
        }
    }

    /// The next document with its source bytes (from the document's first token, `---` when there is one,
    /// to just past its last node), or `nil` at the end of the stream. For records that hash what they read.
    public func nextWithBytes() throws(YAMLLoadError) -> (node: YAMLNode, bytes: [UInt8])? {
        reader.keepsDocumentBytes = true
        guard let node = try next() else { return nil }
        return (node, reader.lastDocumentBytes)
    }
}

/// Drives the composer over a stream: stream start, documents, stream end.
struct DocumentReader {
    private var composer: Composer
    private var started = false
    private var ended = false
    var streaming = false {
        didSet { composer.reader.source.slack = streaming ? 1 << 16 : 0 }
    }
    /// When set, `lastDocumentBytes` holds the source bytes of the document `next()` returned last.
    var keepsDocumentBytes = false
    private(set) var lastDocumentBytes: [UInt8] = []

    init(source: ByteSource, file: String, limits: YAMLLimits) {
        composer = Composer(reader: EventReader(source: source, file: file), limits: limits)
    }

    private var reader: EventReader { composer.reader }

    var bufferedByteCount: Int { reader.source.window.count }

    /// The next document, or `nil` after the last.
    mutating func next() throws(YAMLLoadError) -> YAMLNode? {
        if ended { return nil }
        if !started {
            let first = try reader.next()
            guard case .streamStart = first.kind else {
                throw composer.fail("yaml.syntax", "expected the start of a stream", at: first.start)
            }
            started = true
        }
        let event = try reader.next()
        switch event.kind {
        case .streamEnd:
            ended = true
            return nil
        case .documentStart:
            reader.source.documentStart = event.start.offset
            let node = try composer.document(start: event)
            if keepsDocumentBytes {
                lastDocumentBytes = reader.source.bytes(from: event.start.offset, to: node.end.offset) ?? []
            }
            reader.source.discard(before: node.end.offset)
            return node
        default:
            throw composer.fail("yaml.syntax", "expected a document", at: event.start)
        }
    }

    /// Exactly one document: none or a second one is an error.
    mutating func single() throws(YAMLLoadError) -> YAMLNode {
        guard let node = try next() else {
            throw composer.fail(
                "yaml.no-document", "the file holds no document", at: YAMLMark(line: 1, column: 1, offset: 0))
        }
        let after = try reader.next()
        if case .documentStart = after.kind {
            throw composer.fail(
                "yaml.multiple-documents", "a second document starts here; this file must hold exactly one",
                at: after.start)
        }
        return node
    }
}
