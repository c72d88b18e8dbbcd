/// RFC 8785 JSON Canonicalization Scheme: members sorted by the UTF-16 code units of their names,
/// no whitespace, strings escaped as ECMAScript's `JSON.stringify` does, numbers written as
/// ECMAScript's `Number.prototype.toString` of the IEEE-754 double.
public enum JCS {
    /// A value JCS cannot represent (NaN or an infinity).
    public struct Unrepresentable: Error, Sendable, Equatable {
        public var number: String
    }

    public static func canonicalize(_ value: JSONValue) throws(Unrepresentable) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        try write(value, into: &out)
        return out
    }

    /// Parses JSON text and canonicalises it.
    public static func canonicalize(json bytes: [UInt8]) throws -> [UInt8] {
        try canonicalize(JSONValue.parse(bytes))
    }

    static func write(_ value: JSONValue, into out: inout [UInt8]) throws(Unrepresentable) {
        switch value {
        case .null: out += Array("null".utf8)
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .number(let n): out += Array(try number(n).utf8)
        case .string(let s): string(s, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                try write(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            let sorted = members.sorted { $0.0.utf16.lexicographicallyPrecedes($1.0.utf16) }
            for (k, member) in sorted.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                string(member.0, into: &out)
                out.append(UInt8(ascii: ":"))
                try write(member.1, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func string(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let hex = Array("0123456789abcdef".utf8)
        for b in s.utf8 {
            switch b {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x08: out += [0x5C, UInt8(ascii: "b")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0C: out += [0x5C, UInt8(ascii: "f")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0..<0x20: out += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// ECMAScript's Number::toString of the double nearest to the number's text.
    static func number(_ n: JSONNumber) throws(Unrepresentable) -> String {
        guard let d = Double(n.text), d.isFinite else { throw Unrepresentable(number: n.text) }
        return format(d)
    }

    /// ECMAScript's Number::toString for a finite double (shortest round-trip digits).
    public static func format(_ d: Double) -> String {
        if d == 0 { return "0" }
        let negative = d < 0
        // Swift prints the shortest digits that round-trip; take them apart into digits and exponent.
        var text = "\(abs(d))"
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        var digits = text
        var pointAt = digits.count
        if let dot = digits.firstIndex(of: ".") {
            pointAt = digits.distance(from: digits.startIndex, to: dot)
            digits.remove(at: dot)
        }
        // Strip leading zeros (moving the point) and trailing zeros.
        while digits.count > 1, digits.first == "0" {
            digits.removeFirst()
            pointAt -= 1
        }
        while digits.count > 1, digits.last == "0" { digits.removeLast() }
        let k = digits.count
        let nPoint = pointAt + exponent  // value = 0.digits × 10^nPoint
        var out = negative ? "-" : ""
        if k <= nPoint && nPoint <= 21 {
            out += digits + String(repeating: "0", count: nPoint - k)
        } else if 0 < nPoint && nPoint <= 21 {
            out += String(digits.prefix(nPoint)) + "." + String(digits.dropFirst(nPoint))
        } else if -6 < nPoint && nPoint <= 0 {
            out += "0." + String(repeating: "0", count: -nPoint) + digits
        } else {
            let e = nPoint - 1
            out += String(digits.prefix(1)) + (k > 1 ? "." + String(digits.dropFirst()) : "")
            out += "e" + (e >= 0 ? "+" : "-") + String(abs(e))
        }
        return out
    }
}
