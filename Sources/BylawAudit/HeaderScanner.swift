import Bylaw
import BylawJSON

/// Reads the few fields `verify` cross-checks (top-level strings and numbers, and the decision's
/// kind, id, date and unit) straight from a record's canonical bytes, skipping everything else without
/// building it: a record holds the whole decision and every outcome, and verify must stay fast.
struct HeaderScanner {
    private let bytes: [UInt8]
    private var i = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

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
        guard peek == UInt8(ascii: "{") else { return false }
        i += 1
        if peek == UInt8(ascii: "}") {
            i += 1
            return true
        }
        while true {
            guard let key = string(), peek == UInt8(ascii: ":") else { return false }
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

    private var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

    /// How far the scanner has read.
    var position: Int { i }

    /// The index of the closing quote of the string starting at `i`, and whether it holds escapes.
    private func stringEnd() -> (end: Int, plain: Bool)? {
        guard peek == UInt8(ascii: "\"") else { return nil }
        var plain = true
        let end = bytes.withUnsafeBufferPointer { buffer -> Int? in
            var j = i + 1
            while true {
                j = Self.nextQuoteOrBackslash(buffer, from: j)
                guard j < buffer.count else { return nil }
                if buffer[j] == UInt8(ascii: "\"") { return j }
                plain = false
                j += 2
            }
        }
        return end.map { ($0, plain) }
    }

    /// The index of the next `"` or `\\` at or after `j` (`buffer.count` when there is none), testing eight
    /// bytes at a time: records are mostly long strings.
    private static func nextQuoteOrBackslash(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = buffer.baseAddress else { return buffer.count }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var j = start
        while j + 8 <= buffer.count {
            let w = UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self)
            let q = w ^ (ones &* 0x22)
            let b = w ^ (ones &* 0x5C)
            if ((q &- ones) & ~q & highs) | ((b &- ones) & ~b & highs) != 0 { break }
            j += 8
        }
        while j < buffer.count, buffer[j] != UInt8(ascii: "\""), buffer[j] != UInt8(ascii: "\\") { j += 1 }
        return j
    }

    /// At a member's `"name":`: moves past it and says so.
    mutating func skipName() -> Bool {
        guard let (j, _) = stringEnd(), j + 1 < bytes.count, bytes[j + 1] == UInt8(ascii: ":") else { return false }
        i = j + 2
        return true
    }

    /// A string value (nil, and nothing consumed, when the value is not a string).
    mutating func string() -> String? {
        guard let (j, plain) = stringEnd() else { return nil }
        let start = i + 1
        i = j + 1
        if plain { return String(decoding: bytes[start..<j], as: UTF8.self) }
        // Rare: escapes. Decode the string through the full JSON reader.
        guard case .string(let s)? = try? JSONValue.parse(Array(bytes[(start - 1)...j])) else { return nil }
        return s
    }

    /// An integer value (nil, and nothing consumed, when the value is not a plain integer).
    mutating func integer() -> Int64? {
        var j = i
        if j < bytes.count, bytes[j] == UInt8(ascii: "-") { j += 1 }
        while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39 { j += 1 }
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
            var depth = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    guard let (j, _) = stringEnd() else { return false }
                    i = j + 1
                    continue
                }
                if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") { depth += 1 }
                if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 {
                        i += 1
                        return true
                    }
                }
                i += 1
            }
            return false
        default:
            let start = i
            while i < bytes.count, !",}]".utf8.contains(bytes[i]) { i += 1 }
            return i > start
        }
    }
}
