#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Feeds libyaml through its read handler, checking every chunk first, and keeps the bytes of the
/// current document so marks can be turned into byte offsets and scalars into raw source text.
///
/// A class because it owns a file descriptor and is shared with libyaml by pointer.
final class ByteSource {
    /// Fills a buffer with up to `size` bytes: the count read, 0 at the end, negative on a read error.
    typealias Pull = (_ buffer: UnsafeMutablePointer<UInt8>, _ size: Int) -> Int

    private enum Input {
        case memory([UInt8])
        /// Bytes pulled block by block: from a file this source owns, or handed over by a caller who reads (and
        /// may hash) them first.
        case pull(Pull)
    }

    private let input: Input
    /// The file this source reads and closes, if it was made from one.
    private var ownedDescriptor: Int32?
    private var checker: InputChecker
    /// Bytes from absolute offset `windowBase` up to everything read so far.
    private(set) var window: [UInt8] = []
    private(set) var windowBase = 0
    /// Absolute offset of the next byte to read.
    private var readOffset = 0
    /// 3 when a leading UTF-8 BOM was stripped (libyaml never sees it), else 0.
    private(set) var bomLength = 0
    /// Where the current document starts; the size limit counts from here.
    var documentStart = 0
    let maxBytes: Int
    /// Bytes libyaml may read ahead of a document beyond `maxBytes` (stream mode reads in chunks).
    var slack = 0
    /// The problem that made the read handler stop, reported instead of libyaml's "input error".
    private(set) var problem: InputProblem?
    // Cursor for char index -> byte offset.
    private var cursorChar = 0
    private var cursorByte = 0

    init(bytes: [UInt8], limits: YAMLLimits) {
        input = .memory(bytes)
        window = bytes
        checker = InputChecker(bidiAllowed: limits.bidiControlsAllowed)
        maxBytes = limits.maxBytes
        stripBOM()
    }

    convenience init(fileDescriptor: Int32, limits: YAMLLimits) {
        self.init(pull: { systemRead(fileDescriptor, $0, $1) }, limits: limits)
        ownedDescriptor = fileDescriptor
    }

    /// Reads through `pull`: libyaml parses exactly the bytes the caller handed over.
    init(pull: @escaping Pull, limits: YAMLLimits) {
        input = .pull(pull)
        checker = InputChecker(bidiAllowed: limits.bidiControlsAllowed)
        maxBytes = limits.maxBytes
    }

    deinit {
        if let ownedDescriptor { close(ownedDescriptor) }
    }

    private func stripBOM() {
        if window.count >= 3, window[0] == 0xEF, window[1] == 0xBB, window[2] == 0xBF {
            bomLength = 3
            readOffset = 3
            cursorByte = 3
            window.withUnsafeBufferPointer { try? checker.feed(UnsafeBufferPointer(rebasing: $0[0..<3])) }
        }
    }

    /// Fills `buffer` with up to `size` checked bytes; 0 at the end; `nil` on a problem.
    func read(into buffer: UnsafeMutablePointer<UInt8>, size: Int) -> Int? {
        guard problem == nil else { return nil }
        var count = 0
        switch input {
        case .memory(let bytes):
            count = min(size, bytes.count - readOffset)
            guard count > 0 else { return finish() }
            bytes.withUnsafeBufferPointer { all in
                guard let base = all.baseAddress else { return }
                buffer.update(from: base + readOffset, count: count)
            }
        case .pull(let pull):
            let n = pull(buffer, size)
            guard n >= 0 else {
                problem = InputProblem(code: "io.unreadable", message: "cannot read the file", mark: mark())
                return nil
            }
            guard n > 0 else { return finish() }
            count = n
            if readOffset == 0, count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
                bomLength = 3
                cursorByte = 3
                windowBase = 3
                do { try checker.feed(UnsafeBufferPointer(start: buffer, count: 3)) } catch { problem = error }
                memmove(buffer, buffer + 3, count - 3)
                count -= 3
                readOffset = 3
            }
            window.append(contentsOf: UnsafeBufferPointer(start: buffer, count: count))
        }
        do {
            try checker.feed(UnsafeBufferPointer(start: buffer, count: count))
        } catch {
            problem = error
            return nil
        }
        readOffset += count
        if readOffset - documentStart > maxBytes + slack {
            problem = InputProblem(
                code: "yaml.limit.size", message: "the document is larger than the limit of \(maxBytes) bytes",
                mark: mark())
            return nil
        }
        return count
    }

    private func finish() -> Int? {
        do { try checker.finish() } catch {
            problem = error
            return nil
        }
        return 0
    }

    /// The checker's current position (just past the last byte checked).
    private func mark() -> YAMLMark {
        YAMLMark(line: checker.line, column: checker.column, offset: checker.offset)
    }

    /// The absolute byte offset of libyaml's character index `index` (libyaml counts characters).
    func byteOffset(ofCharacter index: Int) -> Int {
        if !checker.sawNonASCII {
            cursorChar = index
            cursorByte = index + bomLength
            return cursorByte
        }
        let end = windowBase + window.count
        while cursorChar < index, cursorByte < end {
            let b = window[cursorByte - windowBase]
            cursorByte += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            cursorChar += 1
        }
        while cursorChar > index, cursorByte > windowBase {
            cursorByte -= 1
            while cursorByte > windowBase, window[cursorByte - windowBase] & 0xC0 == 0x80 { cursorByte -= 1 }
            cursorChar -= 1
        }
        return min(cursorByte, end)
    }

    /// The source text between two absolute byte offsets, when still in the window.
    func text(from start: Int, to end: Int) -> String? {
        let lo = start - windowBase
        let hi = end - windowBase
        guard lo >= 0, hi >= lo, hi <= window.count else { return nil }
        return String(decoding: window[lo..<hi], as: UTF8.self)
    }

    /// The source bytes between two absolute byte offsets, when still in the window.
    func bytes(from start: Int, to end: Int) -> [UInt8]? {
        let lo = start - windowBase
        let hi = end - windowBase
        guard lo >= 0, hi >= lo, hi <= window.count else { return nil }
        return Array(window[lo..<hi])
    }

    /// Forgets bytes before `offset` (a finished document) so a stream runs in constant memory.
    func discard(before offset: Int) {
        if case .memory = input { return }
        let drop = min(max(0, offset - windowBase), window.count, max(0, cursorByte - windowBase))
        guard drop > 0 else { return }
        window.removeFirst(drop)
        windowBase += drop
    }

    /// Line and column of an absolute byte offset in the window (for libyaml reader errors).
    func mark(ofByte target: Int) -> YAMLMark {
        var line = 1
        var column = 1
        var i = max(0, windowBase == 0 ? bomLength : 0)
        while i < min(target, windowBase + window.count) - windowBase {
            let b = window[i]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return YAMLMark(line: line, column: column, offset: target)
    }
}

/// `read(2)`, named apart from `ByteSource.read(into:size:)`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ size: Int) -> Int {
    #if canImport(Glibc)
        Glibc.read(fd, buffer, size)
    #else
        Darwin.read(fd, buffer, size)
    #endif
}
