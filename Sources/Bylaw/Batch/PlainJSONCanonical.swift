/// The canonical JSON (RFC 8785) of a decision document the audit trail keeps, written straight from JSON
/// bytes that `TypedJSON` has accepted, without the node tree.
///
/// The audit record keeps a document as `DocumentJSON` shows it: strings and numbers as strings of their exact
/// text, `true`, `false` and `null` as themselves, members sorted by UTF-16 code units. From plain JSON that
/// is a copy with the members reordered: a string without escapes or control characters is its own
/// canonical form, and a number becomes the string of its text. This reader still checks every byte it
/// relies on and gives up (nil) at anything else (an escape, a control character, a number with an exponent,
/// a repeated member name), so the caller takes the tree path, which is exact for everything.
public enum PlainJSONCanonical {
    /// The canonical document of one JSON value, or nil when the bytes are not plain (see above).
    public static func document(_ bytes: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBufferPointer { b -> [UInt8]? in
            var writer = Writer(b: b)
            writer.out.reserveCapacity(bytes.count + 16)
            writer.skipSpace()
            guard writer.value(depth: 1) else { return nil }
            writer.skipSpace()
            return writer.i == b.count ? writer.out : nil
        }
    }

    private struct Writer {
        let b: UnsafeBufferPointer<UInt8>
        var i = 0
        var out: [UInt8] = []

        /// Deeper than this and the tree path (with its own limits) takes over.
        static let maxDepth = 64

        mutating func skipSpace() { PlainJSONScan.skipSpace(b, &i) }

        mutating func value(depth: Int) -> Bool {
            guard i < b.count, depth <= Self.maxDepth else { return false }
            switch b[i] {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "\""):
                guard let s = string() else { return false }
                out.append(UInt8(ascii: "\""))
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[s]))
                out.append(UInt8(ascii: "\""))
                return true
            case UInt8(ascii: "t"): return word("true")
            case UInt8(ascii: "f"): return word("false")
            case UInt8(ascii: "n"): return word("null")
            default: return number()
            }
        }

        /// The bytes between the quotes of a string at `i`, moving past it; nil at an escape, a control
        /// character or bytes that are not UTF-8.
        mutating func string() -> Range<Int>? {
            guard let (range, ascii) = PlainJSONScan.plainString(b, &i) else { return nil }
            if !ascii, !UTF8Text.isValid(UnsafeBufferPointer(rebasing: b[range])) { return nil }
            return range
        }

        /// `-`? digits, then `.` digits: written as a string of its text. Exponents and leading zeros go to
        /// the tree path.
        mutating func number() -> Bool {
            let from = i
            if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
            let digits = i
            while i < b.count, isDigit(b[i]) { i += 1 }
            guard i > digits, b[digits] != UInt8(ascii: "0") || i == digits + 1 else { return false }
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                let fraction = i
                while i < b.count, isDigit(b[i]) { i += 1 }
                guard i > fraction else { return false }
            }
            guard i == b.count || isDelimiter(b[i]) else { return false }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[from..<i]))
            out.append(UInt8(ascii: "\""))
            return true
        }

        mutating func word(_ w: StaticString) -> Bool {
            let from = i
            guard PlainJSONScan.word(w, b, &i) else { return false }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[from..<i]))
            return true
        }

        mutating func array(depth: Int) -> Bool {
            i += 1
            out.append(UInt8(ascii: "["))
            skipSpace()
            if i < b.count, b[i] == UInt8(ascii: "]") {
                i += 1
                out.append(UInt8(ascii: "]"))
                return true
            }
            while true {
                guard value(depth: depth + 1), let more = next(closing: UInt8(ascii: "]")) else { return false }
                if !more { break }
                out.append(UInt8(ascii: ","))
            }
            out.append(UInt8(ascii: "]"))
            return true
        }

        /// The members are written as they are read, then put in canonical order in place when they were not.
        /// Names are compared as the input's bytes, without making strings of them.
        mutating func object(depth: Int) -> Bool {
            i += 1
            out.append(UInt8(ascii: "{"))
            let first = out.count
            skipSpace()
            if i < b.count, b[i] == UInt8(ascii: "}") {
                i += 1
                out.append(UInt8(ascii: "}"))
                return true
            }
            // Each member: its name in the input, and where it was written (`"name":value`) in `out`.
            var members: [(name: Range<Int>, from: Int, to: Int)] = []
            var sorted = true
            while true {
                guard let name = string() else { return false }
                skipSpace()
                guard i < b.count, b[i] == UInt8(ascii: ":") else { return false }
                i += 1
                skipSpace()
                if !members.isEmpty { out.append(UInt8(ascii: ",")) }
                let from = out.count
                out.append(UInt8(ascii: "\""))
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[name]))
                out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
                guard value(depth: depth + 1) else { return false }
                if let last = members.last, !precedes(last.name, name) { sorted = false }
                members.append((name, from, out.count))
                guard let more = next(closing: UInt8(ascii: "}")) else { return false }
                if !more { break }
            }
            if !sorted {
                // Insertion sort: objects have a few dozen members at most.
                var order = Array(members.indices)
                for k in 1..<order.count {
                    let m = order[k]
                    var j = k
                    while j > 0, precedes(members[m].name, members[order[j - 1]].name) {
                        order[j] = order[j - 1]
                        j -= 1
                    }
                    // Equal to the one before it in order: a repeated name, which the tree path reports.
                    if j > 0, !precedes(members[order[j - 1]].name, members[m].name) { return false }
                    order[j] = m
                }
                let written = Array(out[first...])
                out.removeSubrange(first...)
                for (k, m) in order.enumerated() {
                    if k > 0 { out.append(UInt8(ascii: ",")) }
                    out.append(contentsOf: written[(members[m].from - first)..<(members[m].to - first)])
                }
            }
            out.append(UInt8(ascii: "}"))
            return true
        }

        func precedes(_ x: Range<Int>, _ y: Range<Int>) -> Bool {
            JCS.utf16Precedes(utf8: UnsafeBufferPointer(rebasing: b[x]), UnsafeBufferPointer(rebasing: b[y]))
        }

        mutating func next(closing: UInt8) -> Bool? { PlainJSONScan.next(b, &i, closing: closing) }

        func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

        func isDelimiter(_ c: UInt8) -> Bool { PlainJSONScan.isDelimiter(c) }
    }
}
