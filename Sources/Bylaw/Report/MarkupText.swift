/// Escaping for XML 1.0 and HTML text: the one routine behind the JUnit and HTML reports.
///
/// `&`, `<`, `>`, `"` and `'` become references. Characters XML 1.0 cannot carry at all (C0 controls other
/// than tab, line feed and carriage return, U+FFFE, U+FFFF) and the DEL and C1 controls, which HTML calls
/// parse errors, become U+FFFD, so a stray control byte in a spreadsheet cell never makes the report unreadable.
public enum MarkupText {
    /// `s` escaped for element content or, with `attribute`, for a quoted attribute value. In attributes tab,
    /// line feed and carriage return become character references, which XML parsers would otherwise turn into
    /// spaces; in content a carriage return does, which they would otherwise drop.
    public static func escape(_ s: String, attribute: Bool = false) -> String {
        if isPlain(s) { return s }
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\r": out += "&#13;"
            case "\n": if attribute { out += "&#10;" } else { out.unicodeScalars.append(ch) }
            case "\t": if attribute { out += "&#9;" } else { out.unicodeScalars.append(ch) }
            default:
                let v = ch.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF {
                    out.unicodeScalars.append("\u{FFFD}")
                } else {
                    out.unicodeScalars.append(ch)
                }
            }
        }
        return out
    }

    /// True when no character of `s` needs escaping: the common case, answered from the UTF-8 bytes without
    /// building a new string. C1 controls are C2 80–C2 9F; U+FFFE and U+FFFF are EF BF BE and EF BF BF.
    private static func isPlain(_ s: String) -> Bool {
        var p1: UInt8 = 0
        var p2: UInt8 = 0
        for b in s.utf8 {
            switch b {
            case 0x00..<0x20, 0x22, 0x26, 0x27, 0x3C, 0x3E, 0x7F: return false
            case 0x80...0x9F where p1 == 0xC2: return false
            case 0xBE...0xBF where p1 == 0xBF && p2 == 0xEF: return false
            default: break
            }
            p2 = p1
            p1 = b
        }
        return true
    }
}
