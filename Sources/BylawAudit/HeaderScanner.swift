import Bylaw
import BylawJSON
import Foundation

/// Reads the few fields `verify` cross-checks (top-level strings and numbers, and the decision's
/// kind, id, date and unit) straight from a record's canonical bytes, skipping everything else without
/// building it: a record holds the whole decision and every outcome, and verify must stay fast.
struct HeaderScanner {
    private let bytes: [UInt8]
    private var i = 0
    /// Where the scanner stops reading: the end of the bytes, or of the range it was given.
    private let end: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        end = bytes.count
    }

    /// A scanner of `range` within `bytes`, which reads nothing outside it (as if it were a copy of it).
    init(_ bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        i = range.lowerBound
        end = range.upperBound
    }

    /// The record's header, or nil when the bytes are not a JSON object of the expected shape.
    static func header(_ canonical: [UInt8]) -> RecordHeader? {
        var s = HeaderScanner(canonical)
        var h = RecordHeader()
        let ok = s.object { key, scanner in
            switch key {
            case "seq": h.seq = scanner.integer()
            case "record_id": h.recordID = scanner.string()
            case "recorded_at": h.recordedAt = scanner.string()
            case "actor": h.actor = scanner.string()
            case "event": h.event = scanner.string()
            case "verdict": h.verdict = scanner.string()
            case "previous_chain_hash": h.previousChainHash = scanner.string()
            case "decision": return scanner.decision(into: &h)
            default: return scanner.skip()
            }
            return true
        }
        return ok && s.i == canonical.count ? h : nil
    }

    /// At the record's `decision` object: reads its kind, id, date and unit into `h`, the last of a repeated
    /// name counting, and says whether it is an object.
    mutating func decision(into h: inout RecordHeader) -> Bool {
        object { inner, sc in
            switch inner {
            case "kind": h.kind = sc.string()
            case "id": h.decisionID = sc.string()
            case "date": h.decisionDate = sc.string()
            case "unit": h.unit = sc.string()
            default: return sc.skip()
            }
            return true
        }
    }

    /// Visits each member of an object; `member` reads or skips its value and says whether that worked.
    mutating func object(_ member: (String, inout HeaderScanner) -> Bool) -> Bool {
        members { name, scanner in member(name.text(in: scanner.bytes), &scanner) }
    }

    /// `object`, with each member's name as it lies in the bytes: no text is made of a name only compared.
    mutating func members(_ member: (ScannedName, inout HeaderScanner) -> Bool) -> Bool {
        guard peek == UInt8(ascii: "{") else { return false }
        i += 1
        if peek == UInt8(ascii: "}") {
            i += 1
            return true
        }
        while true {
            guard let key = name(), peek == UInt8(ascii: ":") else { return false }
            i += 1
            let start = i
            // A string or number read as null (wrong type) still has to be consumed.
            guard member(key, &self) else { return false }
            if i == start, !skip() { return false }
            switch peek {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "}"):
                i += 1
                return true
            default: return false
            }
        }
    }

    private var peek: UInt8? { i < end ? bytes[i] : nil }

    /// How far the scanner has read.
    var position: Int { i }

    /// The index of the closing quote of the string starting at `i`, and whether it holds escapes.
    private func stringEnd() -> (end: Int, plain: Bool)? {
        guard peek == UInt8(ascii: "\"") else { return nil }
        var plain = true
        let close = bytes.withUnsafeBufferPointer { whole -> Int? in
            Self.closingQuote(UnsafeBufferPointer(rebasing: whole[..<end]), from: i + 1, plain: &plain)
        }
        return close.map { ($0, plain) }
    }

    /// The index of the `"` that closes a string whose content starts at `j`; nil when the buffer ends first.
    /// `plain` is cleared when the string holds an escape.
    private static func closingQuote(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, plain: inout Bool)
        -> Int?
    {
        var j = start
        while true {
            j = nextQuoteOrBackslash(buffer, from: j)
            guard j < buffer.count else { return nil }
            if buffer[j] == UInt8(ascii: "\"") { return j }
            plain = false
            j += 2
        }
    }

    /// The index of the next `"` or `\\` at or after `j` (`buffer.count` when there is none), testing eight
    /// bytes at a time: records are mostly long strings.
    private static func nextQuoteOrBackslash(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = buffer.baseAddress else { return buffer.count }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var j = start
        while j + 8 <= buffer.count {
            let w = UInt64(littleEndian: UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self))
            let q = w ^ (ones &* 0x22)
            let b = w ^ (ones &* 0x5C)
            let found = ((q &- ones) & ~q & highs) | ((b &- ones) & ~b & highs)
            // The lowest flagged byte is a true match (a borrow only flags bytes above one), and the word is
            // read little-endian: the match is that many bytes on.
            if found != 0 { return j + found.trailingZeroBitCount / 8 }
            j += 8
        }
        while j < buffer.count, buffer[j] != UInt8(ascii: "\""), buffer[j] != UInt8(ascii: "\\") { j += 1 }
        return j
    }

    /// At a member's `"name":`: moves past it and says so.
    mutating func skipName() -> Bool {
        guard let (j, _) = stringEnd(), j + 1 < end, bytes[j + 1] == UInt8(ascii: ":") else { return false }
        i = j + 2
        return true
    }

    /// The text of the string whose quotes are at `open` and `close` and which holds escapes (rare), decoded by
    /// the full JSON reader; nil when they cannot be decoded.
    private func decoded(_ open: Int, _ close: Int) -> String? {
        guard case .string(let s)? = try? JSONValue.parse(Array(bytes[open...close])) else { return nil }
        return s
    }

    /// A string value (nil, and nothing consumed, when the value is not a string).
    mutating func string() -> String? {
        guard let (j, plain) = stringEnd() else { return nil }
        let open = i
        i = j + 1
        return plain ? String(decoding: bytes[(open + 1)..<j], as: UTF8.self) : decoded(open, j)
    }

    /// A member's name (nil, as `string()` gives, when it is not a string or its escapes cannot be decoded).
    private mutating func name() -> ScannedName? {
        guard let (j, plain) = stringEnd() else { return nil }
        let open = i
        i = j + 1
        if plain { return ScannedName(range: (open + 1)..<j, decoded: nil) }
        return decoded(open, j).map { ScannedName(range: (open + 1)..<j, decoded: $0) }
    }

    /// A string value as `FoundText`, read as `string()` reads it: `.absent`, and nothing consumed, when the
    /// value is not a string; `.absent`, consumed, when its escapes cannot be decoded.
    mutating func text() -> FoundText {
        guard let (j, plain) = stringEnd() else { return .absent }
        let open = i
        i = j + 1
        if plain { return .bytes((open + 1)..<j) }
        return decoded(open, j).map(FoundText.decoded) ?? .absent
    }

    /// At the record's `decision` object: reads its kind, id, date and unit into `found` (at their column
    /// indices, `StoredRow.columnNames`) as `decision(into:)` reads them, and says whether it is an object.
    mutating func decisionTexts(into found: inout FoundTexts) -> Bool {
        members { inner, sc in
            let column: Int
            if inner.is("kind", in: sc.bytes) {
                column = 4
            } else if inner.is("id", in: sc.bytes) {
                column = 5
            } else if inner.is("date", in: sc.bytes) {
                column = 6
            } else if inner.is("unit", in: sc.bytes) {
                column = 7
            } else {
                return sc.skip()
            }
            found[column] = sc.text()
            return true
        }
    }

    /// An integer value (nil, and nothing consumed, when the value is not a plain integer).
    mutating func integer() -> Int64? {
        var j = i
        if j < end, bytes[j] == UInt8(ascii: "-") { j += 1 }
        while j < end, bytes[j] >= 0x30, bytes[j] <= 0x39 { j += 1 }
        guard j > i, let n = Int64(String(decoding: bytes[i..<j], as: UTF8.self)) else { return nil }
        i = j
        return n
    }

    /// Skips one value of any kind.
    mutating func skip() -> Bool {
        guard let c = peek else { return false }
        switch c {
        case UInt8(ascii: "\""):
            guard let (j, _) = stringEnd() else { return false }
            i = j + 1
            return true
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            // Brackets are counted, strings stepped over whole: a record is mostly its outcomes, and this
            // loop reads each of their bytes once.
            let after = bytes.withUnsafeBufferPointer { whole -> Int? in
                let buffer = UnsafeBufferPointer(rebasing: whole[..<end])
                var plain = true
                var depth = 0
                var j = i
                while j < buffer.count {
                    switch buffer[j] {
                    case UInt8(ascii: "\""):
                        guard let close = Self.closingQuote(buffer, from: j + 1, plain: &plain) else { return nil }
                        j = close
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 { return j + 1 }
                    default: break
                    }
                    j += 1
                }
                return nil
            }
            guard let after else {
                i = end
                return false
            }
            i = after
            return true
        default:
            let start = i
            while i < end, !",}]".utf8.contains(bytes[i]) { i += 1 }
            return i > start
        }
    }
}

/// A header text as a record holds it: where a plain string's bytes lie, or an escaped string decoded.
enum FoundText {
    case absent
    case bytes(Range<Int>)
    case decoded(String)
}

typealias FoundTexts = InlineArray<9, FoundText>

/// A member's name as a scan found it: where its bytes lie between the quotes, and its text when it holds
/// escapes (its bytes are then not its text).
struct ScannedName {
    var range: Range<Int>
    var decoded: String?

    func text(in bytes: [UInt8]) -> String { decoded ?? String(decoding: bytes[range], as: UTF8.self) }

    /// Whether the name is `literal`, a plain ASCII name, as comparing texts says. A name without escapes is
    /// compared as bytes, which for such a literal says the same: no other text is canonically equivalent to
    /// one of these names. A name with escapes is compared as the text it decodes to: canonical JSON escapes
    /// none of these names' characters, but a stored body is not trusted to be canonical (`act\u006fr` is
    /// `actor`).
    func `is`(_ literal: StaticString, in bytes: [UInt8]) -> Bool {
        if let decoded { return decoded == literal.description }
        guard range.count == literal.utf8CodeUnitCount else { return false }
        return bytes.withUnsafeBufferPointer { b in
            guard !range.isEmpty, let base = b.baseAddress else { return range.isEmpty }
            return memcmp(base + range.lowerBound, literal.utf8Start, range.count) == 0
        }
    }

    /// Whether the name sorts before `field`, an ASCII name, in canonical (UTF-16) order. A plain name's bytes
    /// are compared: against ASCII, UTF-8 byte order and UTF-16 order agree.
    func precedes(_ field: StaticString, in bytes: [UInt8]) -> Bool {
        if let decoded { return JCS.utf16Precedes(decoded, field.description) }
        return bytes.withUnsafeBufferPointer { b in
            let n = min(range.count, field.utf8CodeUnitCount)
            guard n > 0, let base = b.baseAddress else { return range.count < field.utf8CodeUnitCount }
            let order = memcmp(base + range.lowerBound, field.utf8Start, n)
            return order != 0 ? order < 0 : range.count < field.utf8CodeUnitCount
        }
    }
}
