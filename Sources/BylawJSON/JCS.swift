import BylawDiagnostics

/// The RFC 8785 JSON Canonicalization Scheme: one byte sequence per JSON value, for hashing audit records.
///
/// - Object members are sorted by their names' UTF-16 code units (not Swift `String` order, which is
///   by canonical equivalence and scalar values), recursively; no whitespace is written.
/// - Strings are written as ES6 `JSON.stringify` writes them: only `"`, `\` and U+0000–U+001F are
///   escaped (`\b \t \n \f \r` short forms, others `\u00xx` in lowercase hex); everything else, including
///   U+2028/U+2029 and characters outside the BMP, is literal UTF-8. Strings are not normalised.
/// - Numbers are the IEEE-754 double nearest their text, written as ES6 `Number.prototype.toString`
///   writes it. NaN and infinities (e.g. the text `1e400`) have no form and are errors.
public enum JCS {
    /// The canonical UTF-8 bytes of `value`. Throws `JSONError.nonFiniteNumber` for a number whose double
    /// is not finite and `JSONError.duplicateName` (offset 0) for an object built with two members of the
    /// same name.
    public static func canonicalize(_ value: JSONValue) throws(JSONError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        try write(value, to: &out)
        return out
    }

    /// Parses JSON text strictly (`JSONValue.parse`) and canonicalises it.
    public static func canonicalize(json bytes: [UInt8]) throws(JSONError) -> [UInt8] {
        try canonicalize(try JSONValue.parse(bytes))
    }

    /// Parses JSON text strictly (`JSONValue.parse`) and canonicalises it.
    public static func canonicalize(json text: String) throws(JSONError) -> [UInt8] {
        try canonicalize(json: Array(text.utf8))
    }

    private static func write(_ value: JSONValue, to out: inout [UInt8]) throws(JSONError) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n):
            if isExactSmallInteger(n.text) {
                out.append(contentsOf: n.text.utf8)
                return
            }
            guard let text = numberText(n.double) else { throw .nonFiniteNumber(n.text) }
            out.append(contentsOf: text.utf8)
        case .string(let s): appendQuoted(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                try write(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            let order =
                isSorted(members)
                ? Array(members.indices)
                : members.indices.sorted {
                    utf16Precedes(members[$0].0, members[$1].0)
                }
            out.append(UInt8(ascii: "{"))
            for (k, index) in order.enumerated() {
                let (name, member) = members[index]
                if k > 0 {
                    // Sorted, so equal names are adjacent.
                    if name.utf8.elementsEqual(members[order[k - 1]].0.utf8) {
                        throw .duplicateName(name, offset: 0)
                    }
                    out.append(UInt8(ascii: ","))
                }
                appendQuoted(name, to: &out)
                out.append(UInt8(ascii: ":"))
                try write(member, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Whether the names are already in canonical order (records are mostly built that way).
    private static func isSorted(_ members: [(String, JSONValue)]) -> Bool {
        var k = 1
        while k < members.count {
            guard utf16Precedes(members[k - 1].0, members[k].0) else { return false }
            k += 1
        }
        return true
    }

    /// Whether `a` sorts before `b` by UTF-16 code units, without transcoding.
    ///
    /// UTF-8 byte order is code-point order, which agrees with UTF-16 order except between a character in
    /// U+E000…U+FFFF (UTF-8 lead byte 0xEE or 0xEF) and one above U+FFFF (lead 0xF0…0xF4, a surrogate pair
    /// in UTF-16, so smaller). The common prefix is whole characters up to the first differing one, whose
    /// lead bytes sit at the same offset in both strings.
    public static func utf16Precedes(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { x in b.withUTF8 { y in utf16Precedes(utf8: x, y) } }
    }

    /// `utf16Precedes` for two runs of valid UTF-8.
    public static func utf16Precedes(utf8 x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        var lead = 0  // offset of the lead byte of the current character
        let n = min(x.count, y.count)
        while i < n && x[i] == y[i] {
            i += 1
            if i < n && x[i] & 0xC0 != 0x80 { lead = i }
        }
        if i == n { return x.count < y.count }
        if x[i] & 0xC0 != 0x80 { lead = i }
        let la = x[lead]
        let lb = y[lead]
        let aAstral = la >= 0xF0
        let bAstral = lb >= 0xF0
        if aAstral != bAstral && (la >= 0xEE && lb >= 0xEE) { return aAstral }
        return x[i] < y[i]
    }

    /// Appends `s` quoted as RFC 8785 (ES6 `JSON.stringify`) writes it.
    public static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { appendQuoted(utf8: $0, to: &out) }
    }

    /// Appends UTF-8 text quoted as RFC 8785 writes it (the same form as `JSONText`).
    public static func appendQuoted(utf8 text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        JSONText.appendQuoted(utf8: text, to: &out)
    }

    /// Whether `text` is an integer literal of at most 15 digits other than `-0`: every such integer is an
    /// exact double whose ES6 form is the literal itself, so the common case skips the double round trip.
    static func isExactSmallInteger(_ text: String) -> Bool {
        var digits = text.utf8[...]
        if digits.first == UInt8(ascii: "-") {
            digits = digits.dropFirst()
            if digits.first == UInt8(ascii: "0") { return false }
        }
        return !digits.isEmpty && digits.count <= 15 && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// `value` as ES6 `Number.prototype.toString` writes it (ECMA-262 §7.1.12.1 Number::toString), or nil
    /// for NaN and infinities.
    ///
    /// Swift's `description` gives the shortest digits that round-trip (nearest to the value on a tie),
    /// which is what ES6 requires; only the layout is redone here.
    static func numberText(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        if value == 0 { return "0" }  // both +0 and -0
        // Decompose Swift's text ("1.2345e+20", "0.001", "100.0", "5e-324") into digits and a point position.
        var text = Substring(value.magnitude.description)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let parsed = Int(text[text.index(after: e)...]) else { return nil }
            exponent = parsed
            text = text[..<e]
        }
        let integerPart: Substring
        let fractionPart: Substring
        if let dot = text.firstIndex(of: ".") {
            integerPart = text[..<dot]
            fractionPart = text[text.index(after: dot)...]
        } else {
            integerPart = text
            fractionPart = ""
        }
        var digits = Array(integerPart.utf8) + Array(fractionPart.utf8)
        // value = 0.d1d2…dk × 10^n, in ECMA-262's terms: s = digits, k = digits.count, n = point.
        var point = integerPart.utf8.count + exponent
        let leadingZeros = digits.prefix { $0 == UInt8(ascii: "0") }.count
        digits.removeFirst(leadingZeros)
        point -= leadingZeros
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        let k = digits.count
        let n = point

        var out: [UInt8] = value < 0 ? [UInt8(ascii: "-")] : []
        if k <= n && n <= 21 {
            out += digits
            out += repeatElement(UInt8(ascii: "0"), count: n - k)
        } else if 0 < n && n <= 21 {
            out += digits[..<n]
            out.append(UInt8(ascii: "."))
            out += digits[n...]
        } else if -6 < n && n <= 0 {
            out += Array("0.".utf8)
            out += repeatElement(UInt8(ascii: "0"), count: -n)
            out += digits
        } else {
            let e = n - 1
            out.append(digits[0])
            if k > 1 {
                out.append(UInt8(ascii: "."))
                out += digits[1...]
            }
            out += Array((e < 0 ? "e-" : "e+").utf8)
            out += Array(String(e.magnitude).utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
