import BylawYAML

/// The text encodings a CSV file may be in: UTF-8 (with or without a byte-order mark), UTF-16 with a
/// byte-order mark (Excel's "Unicode" saves), and GB18030, the superset of GBK that Excel's plain "CSV" save
/// writes on Chinese Windows. Documented in docs/audit.md.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case gb18030
    case utf16 = "utf-16"

    /// The encoding a user names: `utf-8`, `gb18030` (or `gbk`, `gb2312`, `cp936`, which it contains),
    /// `utf-16`; case and an omitted hyphen do not matter.
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        case "utf-16", "utf16": self = .utf16
        default: return nil
        }
    }

    /// How many bytes of the start of a file decide between UTF-8 and GB18030.
    static let sniffBytes = 1 << 20

    /// What the first bytes of `stream` say, without consuming them: a UTF-8 byte-order mark, a UTF-16 one (with
    /// its byte order), else UTF-8 when the first MiB is valid UTF-8, else GB18030. `chosen` (`--encoding`)
    /// wins over the bytes, except that a UTF-16 byte-order mark still gives the byte order.
    ///
    /// `records` is for JSON, JSON Lines and YAML, judged on their first 64 KiB (a GBK file shows it in its first
    /// record): one stray GBK value among UTF-8 records must not turn every record into other characters, so such
    /// a file is read as GB18030 only when bad sequences outnumber good multi-byte characters, and the stray value
    /// is refused where it is. A CSV file is UTF-8 only when it is nearly all good, since a spreadsheet saved as
    /// GBK holds few Chinese characters beside its numbers.
    static func detect(_ stream: ByteStream, chosen: TextEncoding?, records: Bool = false) -> Detected {
        let b0 = stream.peek(0)
        let b1 = stream.peek(1)
        let utf16BOM: Detected? =
            switch (b0, b1) {
            case (0xFF, 0xFE): .utf16(littleEndian: true, bomLength: 2)
            case (0xFE, 0xFF): .utf16(littleEndian: false, bomLength: 2)
            default: nil
            }
        switch chosen {
        case .utf8: return .utf8
        case .gb18030: return .gb18030
        case .utf16: return utf16BOM ?? .utf16(littleEndian: true, bomLength: 0)
        case nil: break
        }
        if let utf16BOM { return utf16BOM }
        if stream.hasBOM { return .utf8 }
        let sniff = records ? 64 << 10 : sniffBytes
        stream.ensure(sniff)
        let n = min(stream.available, sniff)
        let tally = stream.buffer[stream.start..<stream.start + n].withUnsafeBufferPointer {
            UTF8Prefix.tally($0, complete: stream.atEnd && n == stream.available)
        }
        // GBK text is full of byte pairs that are not UTF-8; a UTF-8 file with a stray GBK cell is mostly
        // valid multi-byte characters, and is read as UTF-8 so that the bad cell is named.
        if records { return tally.multiByte >= tally.invalid ? .utf8 : .gb18030 }
        return tally.invalid == 0 || tally.multiByte >= 20 * tally.invalid ? .utf8 : .gb18030
    }

    /// An encoding as read from a particular file.
    enum Detected: Equatable {
        case utf8
        case gb18030
        case utf16(littleEndian: Bool, bomLength: Int)

        /// The name iconv knows it by, nil for UTF-8 (read as it is).
        var iconvName: String? {
            switch self {
            case .utf8: nil
            case .gb18030: "GB18030"
            case .utf16(let little, _): little ? "UTF-16LE" : "UTF-16BE"
            }
        }

        /// The encoding's name for messages.
        var name: String {
            switch self {
            case .utf8: "UTF-8"
            case .gb18030: "GB18030 (GBK)"
            case .utf16: "UTF-16"
            }
        }

        /// Bytes skipped when a byte sequence cannot be decoded: one code unit.
        var unit: Int {
            if case .utf16 = self { return 2 }
            return 1
        }

        /// Has `stream` decoded from this encoding to UTF-8 as it is read (past a UTF-16 byte-order mark);
        /// nothing for UTF-8. False when this system cannot decode it.
        func decode(_ stream: ByteStream) -> Bool {
            guard let name = iconvName else { return true }
            guard let transcoder = Transcoder(from: name, unit: unit) else { return false }
            var bom = 0
            if case .utf16(_, let length) = self { bom = length }
            stream.decode(with: transcoder, skipping: bom)
            return true
        }
    }
}

/// Counts the UTF-8 in bytes, allowing a sequence cut off at the end when more bytes are to come.
enum UTF8Prefix {
    /// Valid multi-byte characters, and bytes that start no valid character.
    static func tally(_ bytes: UnsafeBufferPointer<UInt8>, complete: Bool) -> (multiByte: Int, invalid: Int) {
        var multiByte = 0
        var invalid = 0
        var i = 0
        while i < bytes.count {
            switch sequence(bytes, at: i, complete: complete) {
            case .some(let length):
                if length > 1 { multiByte += 1 }
                i += max(1, length)
            case nil:
                invalid += 1
                i += 1
            }
        }
        return (multiByte, invalid)
    }

    /// The length of the valid character at `i` (all that is left for one cut off at the end), or nil when none starts there.
    static func sequence(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, complete: Bool) -> Int? {
        let n = bytes.count
        guard let (length, second) = lead(bytes[i]) else { return nil }
        for k in 1..<length {
            guard i + k < n else { return complete ? nil : n - i }
            let t = bytes[i + k]
            if k == 1 ? !second.contains(t) : !(0x80...0xBF).contains(t) { return nil }
        }
        return length
    }

    /// The length of the well-formed sequence (RFC 3629) that byte `c` starts, and the range its second byte
    /// must fall in (which rules out overlong forms, surrogates and code points past U+10FFFF); later bytes fall
    /// in 0x80...0xBF. Nil for a byte that starts none.
    static func lead(_ c: UInt8) -> (length: Int, second: ClosedRange<UInt8>)? {
        switch c {
        case 0x00...0x7F: (1, 0x80...0xBF)
        case 0xC2...0xDF: (2, 0x80...0xBF)
        case 0xE0: (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80...0xBF)
        case 0xED: (3, 0x80...0x9F)
        case 0xF0: (4, 0x90...0xBF)
        case 0xF1...0xF3: (4, 0x80...0xBF)
        case 0xF4: (4, 0x80...0x8F)
        default: nil
        }
    }
}
