import BylawBatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Text a report must hold back until its summary is written: kept in memory up to `memoryLimit` bytes,
/// then moved to an anonymous temporary file (`tmpfile()`, removed by the system when closed or when the
/// process ends) and streamed back by `drain`. This is what keeps a batch report's memory bounded when it
/// lists 300,000 non-compliant records after a summary of all of them.
///
/// When no temporary file can be made (no writable temporary folder), the text stays in memory: the report
/// stays correct and only the memory bound is lost.
public final class SpillBuffer: ReportSink {
    private var pending = ""
    private var pendingBytes = 0
    private var file: UnsafeMutablePointer<FILE>?
    private var spilledBytes = 0
    private var fileFailed = false
    private let memoryLimit: Int

    /// A buffer that keeps up to `memoryLimit` bytes in memory before spilling to a temporary file.
    public init(memoryLimit: Int = 1 << 20) {
        self.memoryLimit = max(0, memoryLimit)
    }

    deinit {
        if let file { fclose(file) }
    }

    /// Bytes written so far, in memory and on disk.
    public var count: Int { pendingBytes + spilledBytes }

    /// Bytes held in memory now: never more than the memory limit plus the last write, unless no temporary
    /// file could be made.
    public var inMemoryCount: Int { pendingBytes }

    /// True once the text has gone to a temporary file.
    public var isSpilled: Bool { file != nil }

    public func write(_ text: String) {
        pending += text
        pendingBytes += text.utf8.count
        if pendingBytes > memoryLimit { spill() }
    }

    /// Writes everything held, in order, to `sink` and empties the buffer for reuse.
    public func drain(to sink: inout some ReportSink) {
        if let file {
            spill()
            rewind(file)
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            var carry: [UInt8] = []
            var left = spilledBytes
            while left > 0 {
                let want = min(left, chunk.count)
                let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, want, file) }
                if n == 0 { break }
                left -= n
                carry += chunk[0..<n]
                let cut = UTF8Boundary.lastComplete(carry)
                sink.write(String(decoding: carry[0..<cut], as: UTF8.self))
                carry.removeFirst(cut)
            }
            if !carry.isEmpty { sink.write(String(decoding: carry, as: UTF8.self)) }
            fclose(file)
            self.file = nil
            spilledBytes = 0
            fileFailed = false
        }
        if !pending.isEmpty { sink.write(pending) }
        pending = ""
        pendingBytes = 0
    }

    private func spill() {
        if file == nil && !fileFailed {
            file = tmpfile()
            fileFailed = file == nil
        }
        guard let file, !fileFailed, !pending.isEmpty else { return }
        let written = pending.utf8.withContiguousStorageIfAvailable { fwrite($0.baseAddress, 1, $0.count, file) }
        let bytes = written ?? Array(pending.utf8).withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        if bytes == pendingBytes {
            spilledBytes += bytes
            pending = ""
            pendingBytes = 0
        } else {
            // INVARIANT: a short write (disk full) keeps the text in memory, never loses it: the partial
            // bytes in the file are ignored because `drain` reads back only `spilledBytes`.
            fileFailed = true
        }
    }
}

/// Where UTF-8 bytes read back in chunks can be cut without splitting a character.
enum UTF8Boundary {
    /// The length of the longest prefix of `bytes` that ends on a complete scalar.
    static func lastComplete(_ bytes: [UInt8]) -> Int {
        var i = bytes.count
        // Walk back over at most three continuation bytes to the lead byte of the last scalar.
        while i > 0 && bytes.count - i < 4 {
            i -= 1
            let b = bytes[i]
            if b & 0xC0 == 0x80 { continue }
            let length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            return i + length <= bytes.count ? bytes.count : i
        }
        return bytes.count
    }
}

/// A sink that collects the report in memory: for tests, and for callers that want the text.
public struct StringSink: ReportSink {
    public var text = ""
    public init() {}
    public mutating func write(_ text: String) { self.text += text }
}
