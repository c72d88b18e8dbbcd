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
}
