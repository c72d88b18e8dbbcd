import BylawCEL

/// Byte steps shared by the readers that take plain JSON without building a tree (`TypedJSON`,
/// `PlainJSONCanonical`): each stops where the input stops being plain and leaves the rest to its caller.
package enum PlainJSONScan {
    package static func skipSpace(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) {
        while i < b.count, JSONSpace.contains(b[i]) { i += 1 }
    }

    /// What may follow a number or a word.
    package static func isDelimiter(_ c: UInt8) -> Bool {
        c == UInt8(ascii: ",") || c == UInt8(ascii: "}") || c == UInt8(ascii: "]") || JSONSpace.contains(c)
    }

    /// At an opening quote: the bytes up to the closing quote when there is no escape or control character
    /// between (`i` left just past the closing quote), and whether any of them is not ASCII; nil otherwise.
    package static func plainString(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> (
        bytes: Range<Int>, ascii: Bool
    )? {
        guard i < b.count, b[i] == UInt8(ascii: "\"") else { return nil }
        let from = i + 1
        let (end, ascii) = plainRun(b, from: from)
        guard end < b.count, b[end] == UInt8(ascii: "\"") else { return nil }
        i = end + 1
        return (from..<end, ascii)
    }

    /// Inside a string, from `from`: where the run of bytes that stand for themselves ends (at a quote, a
    /// backslash, a control character or the end), and whether they are all ASCII.
    static func plainRun(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> (end: Int, ascii: Bool) {
        var i = from
        var high: UInt8 = 0
        while i < b.count, b[i] != UInt8(ascii: "\""), b[i] != UInt8(ascii: "\\"), b[i] >= 0x20 {
            high |= b[i]
            i += 1
        }
        return (i, high < 0x80)
    }

    /// After an item: true at `,` (consumed, with the space after it), false at `closing` (consumed), nil
    /// for anything else.
    package static func next(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, closing: UInt8) -> Bool? {
        skipSpace(b, &i)
        guard i < b.count else { return nil }
        if b[i] == UInt8(ascii: ",") {
            i += 1
            skipSpace(b, &i)
            return true
        }
        guard b[i] == closing else { return nil }
        i += 1
        return false
    }

    /// At `w` followed by a delimiter or the end: moves past it and says so.
    package static func word(_ w: StaticString, _ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Bool {
        let n = w.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        for k in 0..<n where b[i + k] != w.utf8Start[k] { return false }
        guard i + n == b.count || isDelimiter(b[i + n]) else { return false }
        i += n
        return true
    }
}

/// Checking bytes for UTF-8 while making a string of them.
package enum UTF8Text {
    /// `bytes` as a string, or nil when they are not valid UTF-8. The repairing decoder is the standard
    /// library's fast path; its output equals its input exactly when there was nothing to repair (a repair
    /// writes U+FFFD where the first invalid byte was, and no valid sequence starts with that byte there).
    package static func string(validating bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let s = String(decoding: bytes, as: UTF8.self)
        return CodePoints.equal(s, utf8: bytes) ? s : nil
    }

    /// Whether `bytes` are well-formed UTF-8 (RFC 3629: no overlong form, no surrogate, nothing past
    /// U+10FFFF): what `string(validating:)` accepts, without building the string.
    package static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = 0
        /// Whether the byte at `k` exists and lies in `range` (a continuation byte, narrowed after some leads).
        func byte(_ k: Int, in range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool { k < n && range.contains(bytes[k]) }
        while i < n {
            let lead = bytes[i]
            switch lead {
            case 0x00...0x7F: i += 1
            case 0xC2...0xDF:
                guard byte(i + 1) else { return false }
                i += 2
            case 0xE0...0xEF:
                let second: ClosedRange<UInt8> = lead == 0xE0 ? 0xA0...0xBF : (lead == 0xED ? 0x80...0x9F : 0x80...0xBF)
                guard byte(i + 1, in: second), byte(i + 2) else { return false }
                i += 3
            case 0xF0...0xF4:
                let second: ClosedRange<UInt8> = lead == 0xF0 ? 0x90...0xBF : (lead == 0xF4 ? 0x80...0x8F : 0x80...0xBF)
                guard byte(i + 1, in: second), byte(i + 2), byte(i + 3) else { return false }
                i += 4
            default: return false
            }
        }
        return true
    }
}

/// JSON's insignificant whitespace (RFC 8259 §2): space, tab, line feed, carriage return.
package enum JSONSpace {
    @inline(__always) package static func contains(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09
    }
}
