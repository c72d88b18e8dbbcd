import BylawBatch

/// Escaping for XML 1.0 and HTML text: the one routine behind the JUnit and HTML reports.
///
/// `&`, `<`, `>`, `"` and `'` become references. Characters XML 1.0 cannot carry at all (C0 controls other
/// than tab, line feed and carriage return, U+FFFE, U+FFFF) and the DEL and C1 controls, which HTML calls
/// parse errors, become U+FFFD, so a stray control byte in a spreadsheet cell never makes the report unreadable;
/// so do the bidirectional overrides and isolates, so that no value can reorder the text around it.
public enum MarkupText {
    /// `s` escaped for element content or, with `attribute`, for a quoted attribute value. In attributes tab,
    /// line feed and carriage return become character references, which XML parsers would otherwise turn into
    /// spaces; in content a carriage return does, which they would otherwise drop.
    public static func escape(_ s: String, attribute: Bool = false) -> String {
        if isPlain(s) { return s }
        // Byte by byte: every character that needs a reference is ASCII, and the two multi-byte cases (C1
        // controls, U+FFFE/U+FFFF) are recognised by their last byte and replace the lead bytes just copied.
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 32)
        var p1: UInt8 = 0
        var p2: UInt8 = 0
        for b in s.utf8 {
            switch b {
            case 0x26: out += Ref.amp
            case 0x3C: out += Ref.lt
            case 0x3E: out += Ref.gt
            case 0x22: out += Ref.quot
            case 0x27: out += Ref.apos
            case 0x0D: out += Ref.cr
            case 0x0A: if attribute { out += Ref.lf } else { out.append(b) }
            case 0x09: if attribute { out += Ref.tab } else { out.append(b) }
            case 0x00..<0x20, 0x7F: out += replacement
            case 0x80...0x9F where p1 == 0xC2:
                out.removeLast()
                out += replacement
            case 0xBE...0xBF where p1 == 0xBF && p2 == 0xEF:
                out.removeLast(2)
                out += replacement
            // Bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069): a value must never
            // reorder the page it is shown in.
            case 0xAA...0xAE where p1 == 0x80 && p2 == 0xE2, 0xA6...0xA9 where p1 == 0x81 && p2 == 0xE2:
                out.removeLast(2)
                out += replacement
            default: out.append(b)
            }
            p2 = p1
            p1 = b
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The references, as UTF-8.
    private enum Ref {
        static let amp = Array("&amp;".utf8)
        static let lt = Array("&lt;".utf8)
        static let gt = Array("&gt;".utf8)
        static let quot = Array("&quot;".utf8)
        static let apos = Array("&#39;".utf8)
        static let cr = Array("&#13;".utf8)
        static let lf = Array("&#10;".utf8)
        static let tab = Array("&#9;".utf8)
    }

    /// U+FFFD in UTF-8.
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

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
            case 0xAA...0xAE where p1 == 0x80 && p2 == 0xE2, 0xA6...0xA9 where p1 == 0x81 && p2 == 0xE2: return false
            default: break
            }
            p2 = p1
            p1 = b
        }
        return true
    }
}
