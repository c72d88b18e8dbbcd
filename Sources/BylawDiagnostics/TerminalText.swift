/// The one sanitiser for text that reaches a terminal or a Markdown page from input or a rule set (a decision
/// id, a rule title, a message, a test name, an actor): C0 and C1 control characters, DEL and the bidirectional
/// controls become U+FFFD, so an escape sequence or an override hidden in a cell can neither rewrite the screen
/// nor reorder a line. Tabs and line breaks become spaces in `oneLine`; `lines` keeps line breaks.
public enum TerminalText {
    /// `s` on one line, harmless on a terminal.
    public static func oneLine(_ s: String) -> String { clean(s, keepingNewlines: false) }

    /// `s` with its line breaks and tabs, every other control character made harmless. With `keepingColour`,
    /// also the SGR colour sequences (`ESC [ digits;… m`) a terminal report paints with; no other escape
    /// sequence (cursor moves, OSC titles and links, erasing) passes.
    public static func lines(_ s: String, keepingColour: Bool = false) -> String {
        guard keepingColour, s.utf8.contains(0x1B) else { return clean(s, keepingNewlines: true) }
        var out = ""
        var rest = Substring(s)
        while let esc = rest.firstIndex(of: "\u{1B}") {
            out += clean(String(rest[..<esc]), keepingNewlines: true)
            let after = rest[rest.index(after: esc)...]
            if after.first == "[" {
                let body = after.dropFirst().prefix { $0.isASCII && ($0.isNumber || $0 == ";") }
                let end = after.dropFirst().dropFirst(body.count)
                if end.first == "m" {
                    out += "\u{1B}[" + body + "m"
                    rest = end.dropFirst()
                    continue
                }
            }
            out += "\u{FFFD}"
            rest = after
        }
        return out + clean(String(rest), keepingNewlines: true)
    }

    /// Whether a scalar is one the sanitiser replaces.
    public static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00..<0x20, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    private static func clean(_ s: String, keepingNewlines: Bool) -> String {
        // Fast path over the UTF-8 bytes: C0 controls and DEL; C1 controls (C2 80–9F); the bidirectional
        // controls (E2 80 8E–8F, E2 80 AA–AE, E2 81 A6–A9) and ARABIC LETTER MARK (D8 9C).
        func isPlain<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
            var p1: UInt8 = 0
            var p2: UInt8 = 0
            for b in bytes {
                if b < 0x20 || b == 0x7F { return false }
                if p1 == 0xC2, (0x80...0x9F).contains(b) { return false }
                if p1 == 0xD8, b == 0x9C { return false }
                if p2 == 0xE2, p1 == 0x80, (0x8E...0x8F).contains(b) || (0xAA...0xAE).contains(b) { return false }
                if p2 == 0xE2, p1 == 0x81, (0xA6...0xA9).contains(b) { return false }
                p2 = p1
                p1 = b
            }
            return true
        }
        if s.utf8.withContiguousStorageIfAvailable(isPlain) ?? isPlain(s.utf8) { return s }
        var out = String.UnicodeScalarView()
        for ch in s.unicodeScalars {
            switch ch.value {
            case 0x0A where keepingNewlines, 0x09 where keepingNewlines: out.append(ch)
            case 0x09, 0x0A, 0x0D: out.append(" ")
            default: out.append(isUnsafe(ch) ? "\u{FFFD}" : ch)
            }
        }
        return String(out)
    }
}
