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
            // The output is the input without its spaces, with two quotes added around each number: a number
            // is at least one byte and is followed by a delimiter or the end, so this bound holds.
            let capacity = 2 * b.count + 2
            let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
            defer { scratch.deallocate() }
            var ok = false
            let out = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, written in
                var writer = Writer(b: b, out: buffer, scratch: scratch)
                writer.skipSpace()
                if writer.value(depth: 1) {
                    writer.skipSpace()
                    ok = writer.i == b.count
                }
                written = ok ? writer.o : 0
            }
            return ok ? out : nil
        }
    }

    /// Reads `b` and writes its canonical form into `out`, which the caller sized (see `document`).
    private struct Writer {
        let b: UnsafeBufferPointer<UInt8>
        var i = 0
        let out: UnsafeMutableBufferPointer<UInt8>
        /// How much of `out` is written.
        var o = 0
        /// Where an unsorted object's members are copied to while they are written back in order.
        let scratch: UnsafeMutableBufferPointer<UInt8>
        /// The members of the objects being read, innermost last (each object's members are removed when it
        /// ends): one array for the whole document.
        var members: [(name: Range<Int>, from: Int, to: Int)] = []
        var order: [Int] = []

        init(
            b: UnsafeBufferPointer<UInt8>, out: UnsafeMutableBufferPointer<UInt8>,
            scratch: UnsafeMutableBufferPointer<UInt8>
        ) {
            self.b = b
            self.out = out
            self.scratch = scratch
            members.reserveCapacity(64)
        }

        /// Deeper than this and the tree path (with its own limits) takes over.
        static let maxDepth = 64

        mutating func skipSpace() { PlainJSONScan.skipSpace(b, &i) }

        @inline(__always) mutating func put(_ c: UInt8) {
            out[o] = c
            o += 1
        }

        @inline(__always) mutating func put(_ range: Range<Int>) {
            let n = range.count
            _ = UnsafeMutableBufferPointer(rebasing: out[o..<(o + n)])
                .update(fromContentsOf: UnsafeBufferPointer(rebasing: b[range]))
            o += n
        }

        mutating func value(depth: Int) -> Bool {
            guard i < b.count, depth <= Self.maxDepth else { return false }
            switch b[i] {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "\""):
                guard let s = string() else { return false }
                put(UInt8(ascii: "\""))
                put(s)
                put(UInt8(ascii: "\""))
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
            put(UInt8(ascii: "\""))
            put(from..<i)
            put(UInt8(ascii: "\""))
            return true
        }

        mutating func word(_ w: StaticString) -> Bool {
            let from = i
            guard PlainJSONScan.word(w, b, &i) else { return false }
            put(from..<i)
            return true
        }

        mutating func array(depth: Int) -> Bool {
            i += 1
            put(UInt8(ascii: "["))
            skipSpace()
            if i < b.count, b[i] == UInt8(ascii: "]") {
                i += 1
                put(UInt8(ascii: "]"))
                return true
            }
            while true {
                guard value(depth: depth + 1), let more = next(closing: UInt8(ascii: "]")) else { return false }
                if !more { break }
                put(UInt8(ascii: ","))
            }
            put(UInt8(ascii: "]"))
            return true
        }

        /// The members are written as they are read, then put in canonical order in place when they were not.
        /// Names are compared as the input's bytes, without making strings of them.
        mutating func object(depth: Int) -> Bool {
            i += 1
            put(UInt8(ascii: "{"))
            let first = o
            skipSpace()
            if i < b.count, b[i] == UInt8(ascii: "}") {
                i += 1
                put(UInt8(ascii: "}"))
                return true
            }
            // Each member: its name in the input, and where it was written (`"name":value`) in `out`.
            let base = members.count
            var sorted = true
            while true {
                guard let name = string() else { return false }
                skipSpace()
                guard i < b.count, b[i] == UInt8(ascii: ":") else { return false }
                i += 1
                skipSpace()
                if members.count > base { put(UInt8(ascii: ",")) }
                let from = o
                put(UInt8(ascii: "\""))
                put(name)
                put(UInt8(ascii: "\""))
                put(UInt8(ascii: ":"))
                guard value(depth: depth + 1) else { return false }
                if members.count > base, !precedes(members[members.count - 1].name, name) { sorted = false }
                members.append((name, from, o))
                guard let more = next(closing: UInt8(ascii: "}")) else { return false }
                if !more { break }
            }
            if !sorted {
                // Insertion sort: objects have a few dozen members at most.
                order.removeAll(keepingCapacity: true)
                order.append(contentsOf: base..<members.count)
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
                let written = o - first
                _ = UnsafeMutableBufferPointer(rebasing: scratch[0..<written])
                    .update(fromContentsOf: UnsafeBufferPointer(rebasing: out[first..<o]))
                o = first
                for (k, m) in order.enumerated() {
                    if k > 0 { put(UInt8(ascii: ",")) }
                    let from = members[m].from - first
                    let n = members[m].to - members[m].from
                    _ = UnsafeMutableBufferPointer(rebasing: out[o..<(o + n)])
                        .update(fromContentsOf: UnsafeBufferPointer(rebasing: scratch[from..<(from + n)]))
                    o += n
                }
            }
            members.removeSubrange(base...)
            put(UInt8(ascii: "}"))
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
