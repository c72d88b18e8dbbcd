import BylawLocale

/// Minimal JSON text writing for the few places that emit JSON by hand (diagnostics),
/// so that output is byte-for-byte deterministic.
public enum JSONText {
    /// `s` as a JSON string literal, escaping what RFC 8259 requires.
    public static func quote(_ s: String) -> String {
        var s = s
        return s.withUTF8 { text in
            var out: [UInt8] = []
            out.reserveCapacity(text.count + 2)
            appendQuoted(utf8: text, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends UTF-8 text as a JSON string: `"` and `\` escaped, `\b \t \n \f \r` short forms, other
    /// U+0000–U+001F as `\u00xx` in lowercase hex, everything else literal. This is also RFC 8785's string
    /// form. Every byte of a multi-byte UTF-8 sequence is ≥ 0x80, so working byte by byte is exact; eight
    /// bytes are tested at a time and runs that need no escape are copied whole.
    public static func appendQuoted(utf8 text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        guard let base = text.baseAddress else {
            out.append(UInt8(ascii: "\""))
            return
        }
        let count = text.count
        var runStart = 0
        var i = 0
        while i < count {
            if i + 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if !mayNeedEscape(word) {
                    i += 8
                    continue
                }
            }
            let end = min(i + 8, count)
            while i < end {
                let c = base[i]
                if c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") {
                    if runStart < i {
                        out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: i - runStart))
                    }
                    runStart = i + 1
                    appendEscape(c, to: &out)
                }
                i += 1
            }
        }
        if runStart < count {
            out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes may be below 0x20, a `"` or a `\` (never false when one is).
    @inline(__always) private static func mayNeedEscape(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let below = (w &- ones &* 0x20) & ~w & highs
        let q = w ^ (ones &* 0x22)
        let quote = (q &- ones) & ~q & highs
        let b = w ^ (ones &* 0x5C)
        let backslash = (b &- ones) & ~b & highs
        return (below | quote | backslash) != 0
    }

    @inline(__always) private static func appendEscape(_ c: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(c)
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x09: out.append(UInt8(ascii: "t"))
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        default:
            out.append(UInt8(ascii: "u"))
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "0"))
            out.append(hexDigits[Int(c >> 4)])
            out.append(hexDigits[Int(c & 0xF)])
        }
    }
}

extension Diagnostic {
    /// This diagnostic as one JSON object with keys in a fixed order:
    /// `severity, code, message, file, line, column, help, notes`.
    public var json: String { json(in: .english) }

    /// The same object with the message, help and notes in `language`; keys and the code never change.
    public func json(in language: Language) -> String {
        var fields = [
            "\"severity\":\(JSONText.quote(severity.rawValue))",
            "\"code\":\(JSONText.quote(code))",
            "\"message\":\(JSONText.quote(message(in: language)))",
        ]
        if let loc = location {
            fields.append("\"file\":\(JSONText.quote(loc.file))")
            fields.append("\"line\":\(loc.line)")
            fields.append("\"column\":\(loc.column)")
        }
        if let help { fields.append("\"help\":\(JSONText.quote(DiagnosticWording.help(help, language)))") }
        if !notes.isEmpty {
            let ns = notes.map { n -> String in
                var f = ["\"message\":\(JSONText.quote(DiagnosticWording.note(n.message, language)))"]
                if let l = n.location {
                    f += ["\"file\":\(JSONText.quote(l.file))", "\"line\":\(l.line)", "\"column\":\(l.column)"]
                }
                return "{" + f.joined(separator: ",") + "}"
            }
            fields.append("\"notes\":[\(ns.joined(separator: ","))]")
        }
        return "{" + fields.joined(separator: ",") + "}"
    }
}
