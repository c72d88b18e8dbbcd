#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decodes text in another encoding to UTF-8, block by block, through the C library's `iconv` (glibc's knows
/// GB18030 and UTF-16; Foundation on Linux does not know GB18030). A byte sequence that cannot be decoded
/// becomes the byte 0xFF, which is never UTF-8, so the CSV reader finds it at its cell.
///
/// A class because it owns an `iconv_t`.
package final class Transcoder {
    private let cd: iconv_t
    /// Input bytes skipped at an undecodable sequence.
    private let unit: Int
    /// Undecoded bytes: the start of a sequence cut off at the end of the last block.
    private var pending: [UInt8] = []
    private var output = [UInt8](repeating: 0, count: 1 << 16)

    /// A decoder from `encoding` (an iconv name), or nil when the C library does not know it.
    package init?(from encoding: String, unit: Int) {
        guard let cd = iconv_open("UTF-8", encoding), Int(bitPattern: cd) != -1 else { return nil }
        self.cd = cd
        self.unit = unit
    }

    deinit { iconv_close(cd) }

    /// The UTF-8 for `bytes` appended to what was left over; with `final`, a sequence left cut off at the end
    /// is undecodable rather than kept for the next block.
    package func decode(_ bytes: UnsafeRawBufferPointer, final: Bool, into out: inout [UInt8]) {
        pending.append(contentsOf: bytes)
        var consumed = 0
        let total = pending.count
        while consumed < total {
            var status = 0
            var error: Int32 = 0
            var produced = 0
            var left = total - consumed
            pending.withUnsafeMutableBytes { input in
                output.withUnsafeMutableBytes { target in
                    var inPtr = input.baseAddress.map { ($0 + consumed).assumingMemoryBound(to: CChar.self) }
                    var outPtr = target.baseAddress?.assumingMemoryBound(to: CChar.self)
                    var outLeft = target.count
                    status = iconv(cd, &inPtr, &left, &outPtr, &outLeft)
                    error = errno
                    produced = target.count - outLeft
                }
            }
            out.append(contentsOf: output[0..<produced])
            consumed = total - left
            guard status == -1 else { continue }
            switch error {
            case E2BIG:
                continue
            case EINVAL where !final:
                // A sequence cut off by the end of the block: decoded with the next block.
                pending.removeFirst(consumed)
                return
            default:
                // EILSEQ, or a sequence cut off by the end of the file.
                out.append(0xFF)
                consumed = min(total, consumed + unit)
            }
        }
        pending.removeAll(keepingCapacity: true)
    }
}
