import BylawJSON
import BylawYAML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bytes read from a file descriptor (or held in memory) in blocks, for the batch readers: records are cut
/// from the buffer and the buffer refilled, so a file of any size is read in bounded memory.
///
/// A class because it owns a file descriptor.
public final class ByteStream {
    private let fd: Int32?
    private let closesFD: Bool
    /// Unconsumed bytes are `buffer[start...]`.
    private(set) var buffer: [UInt8]
    private(set) var start = 0
    private(set) var atEnd = false
    /// `errno` of a failed read, after which the stream is at its end.
    public private(set) var readError: Int32?
    /// Bytes consumed so far (records handed out, whitespace skipped), for progress.
    public private(set) var consumed = 0
    /// Called with every block as it is read (to hash the input), before any decoding.
    public var observer: ((UnsafeRawBufferPointer) -> Void)?
    private static let blockSize = 1 << 18
    /// Decodes what is read to UTF-8, for a file in another encoding (`decode(with:skipping:)`).
    private var transcoder: Transcoder?
    /// Bytes read from the file and UTF-8 bytes they decoded to, while decoding (for progress).
    private var rawRead = 0
    private var decodedRead = 0

    /// Reads `fd`; `closes` says whether the stream closes it when done.
    public init(fileDescriptor fd: Int32, closes: Bool) {
        self.fd = fd
        self.closesFD = closes
        buffer = []
    }

    /// Bytes already in memory (tests, and input read whole).
    public init(bytes: [UInt8]) {
        fd = nil
        closesFD = false
        buffer = bytes
        atEnd = true
    }

    deinit {
        if closesFD, let fd { close(fd) }
    }

    /// Unconsumed bytes available without reading.
    var available: Int { buffer.count - start }

    /// Bytes of the file consumed so far, for progress: `consumed`, or while decoding, its share of the bytes
    /// read from the file.
    public var progress: Int {
        guard transcoder != nil, decodedRead > 0 else { return consumed }
        return Int(Double(rawRead) * Double(consumed) / Double(decodedRead))
    }

    /// From here on, decodes the unconsumed bytes and everything read after them with `transcoder`, skipping the
    /// first `bom` of them (a byte-order mark).
    func decode(with transcoder: Transcoder, skipping bom: Int) {
        let rest = Array(buffer[min(buffer.count, start + bom)...])
        buffer.removeAll(keepingCapacity: true)
        start = 0
        self.transcoder = transcoder
        rawRead = rest.count + bom
        rest.withUnsafeBytes { transcoder.decode($0, final: atEnd, into: &buffer) }
        decodedRead = buffer.count
    }

    /// Reads one more block; false at the end of the input.
    @discardableResult
    func fill() -> Bool {
        if let transcoder { return fillDecoding(transcoder) }
        guard !atEnd, let fd else { return false }
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: Self.blockSize))
        var n = 0
        repeat {
            n = buffer.withUnsafeMutableBufferPointer { read(fd, $0.baseAddress.map { $0 + old }, Self.blockSize) }
        } while n < 0 && errno == EINTR
        if n < 0 { readError = errno }
        let got = max(0, n)
        buffer.removeLast(Self.blockSize - got)
        if got == 0 {
            atEnd = true
            return false
        }
        if let observer {
            buffer.withUnsafeBytes { observer(UnsafeRawBufferPointer(rebasing: $0[old..<old + got])) }
        }
        return true
    }

    /// `fill()` through the transcoder: reads a block, shows it to the observer as read, appends its UTF-8.
    private func fillDecoding(_ transcoder: Transcoder) -> Bool {
        guard !atEnd, let fd else { return false }
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        var block = [UInt8](repeating: 0, count: Self.blockSize)
        var n = 0
        repeat {
            n = block.withUnsafeMutableBufferPointer { read(fd, $0.baseAddress, Self.blockSize) }
        } while n < 0 && errno == EINTR
        if n < 0 { readError = errno }
        let got = max(0, n)
        let old = buffer.count
        block.withUnsafeBytes { all in
            let bytes = UnsafeRawBufferPointer(rebasing: all[0..<got])
            if got > 0, let observer { observer(bytes) }
            transcoder.decode(bytes, final: got == 0, into: &buffer)
        }
        rawRead += got
        decodedRead += buffer.count - old
        if got == 0 {
            atEnd = true
            return buffer.count > old
        }
        return true
    }

    /// Makes at least `n` unconsumed bytes available when the input has them.
    func ensure(_ n: Int) {
        while available < n, fill() {}
    }

    /// The unconsumed byte at `offset` from the read position, reading more when needed.
    func peek(_ offset: Int) -> UInt8? {
        ensure(offset + 1)
        return offset < available ? buffer[start + offset] : nil
    }

    /// Consumes `n` bytes.
    func skip(_ n: Int) {
        let k = min(n, available)
        start += k
        consumed += k
    }

    /// Consumes and returns `n` bytes.
    func take(_ n: Int) -> [UInt8] {
        let k = min(n, available)
        let out = Array(buffer[start..<start + k])
        skip(k)
        return out
    }

    /// Whether a UTF-8 byte-order mark is at the read position.
    var hasBOM: Bool { peek(0) == 0xEF && peek(1) == 0xBB && peek(2) == 0xBF }

    /// Skips a UTF-8 byte-order mark at the read position.
    func skipBOM() {
        if hasBOM { skip(3) }
    }

    /// The offset of the first byte at or after `offset` that is not JSON whitespace, without consuming.
    func offsetPastSpace(from offset: Int) -> Int {
        var k = offset
        while let c = peek(k), JSONSpace.contains(c) { k += 1 }
        return k
    }

    /// Consumes up to `size` bytes into `target`, reading a block when none is buffered (for a parser that pulls
    /// its input, such as libyaml's): the count, 0 at the end of the input, -1 after a read error.
    func pull(into target: UnsafeMutablePointer<UInt8>, size: Int) -> Int {
        if available == 0, !fill() { return readError == nil ? 0 : -1 }
        let k = min(size, available)
        buffer.withUnsafeBufferPointer { all in
            if let base = all.baseAddress { target.update(from: base + start, count: k) }
        }
        skip(k)
        return k
    }

    /// Reads everything that is left.
    func takeAll() -> [UInt8] {
        while fill() {}
        return take(available)
    }

    /// The offset of the first `byte` at or after `from` among the unconsumed bytes, reading more as needed;
    /// gives up (nil) past `limit` bytes or at the end.
    func find(_ byte: UInt8, from: Int, limit: Int) -> Int? {
        var from = from
        while true {
            let found: Int? = buffer.withUnsafeBufferPointer { all in
                guard let base = all.baseAddress, start + from < all.count else { return nil }
                let p = memchr(base + start + from, Int32(byte), all.count - start - from)
                return p.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) - start }
            }
            if let found { return found }
            from = available
            if from > limit || !fill() { return nil }
        }
    }
}
