import BylawDiagnostics

/// Terminal styling for the text report: ANSI colour only when asked, and record values made safe to print.
struct TextStyle {
    var colour: Bool

    func paint(_ code: String, _ s: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func bold(_ s: String) -> String { paint("1", s) }
    func dim(_ s: String) -> String { paint("2", s) }

    /// `✗ non_compliant`, coloured by verdict.
    func verdict(_ v: Verdict) -> String {
        switch v {
        case .compliant: paint("1;32", "✓ \(v.rawValue)")
        case .needsReview: paint("1;33", "! \(v.rawValue)")
        case .nonCompliant: paint("1;31", "✗ \(v.rawValue)")
        case .error, .invalid: paint("1;35", "✗ \(v.rawValue)")
        }
    }

    /// Record text on one line and harmless on a terminal: line breaks and tabs become spaces; other control
    /// characters (an escape sequence hidden in a spreadsheet cell) and bidirectional overrides become U+FFFD.
    static func oneLine(_ s: String) -> String {
        // Fast path from the UTF-8 bytes: C0 controls and DEL; C1 controls (C2 80–9F); bidirectional controls
        // U+202A–U+202E (E2 80 AA–AE) and U+2066–U+2069 (E2 81 A6–A9).
        func isPlain<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
            var p1: UInt8 = 0
            var p2: UInt8 = 0
            for b in bytes {
                let bidi =
                    p2 == 0xE2
                    && ((p1 == 0x80 && (0xAA...0xAE).contains(b)) || (p1 == 0x81 && (0xA6...0xA9).contains(b)))
                if b < 0x20 || b == 0x7F || (p1 == 0xC2 && b <= 0x9F && b >= 0x80) || bidi { return false }
                p2 = p1
                p1 = b
            }
            return true
        }
        // Over the bytes in place where the string has them so (the generic view is several times slower).
        if s.utf8.withContiguousStorageIfAvailable(isPlain) ?? isPlain(s.utf8) { return s }
        var out = ""
        for ch in s.unicodeScalars {
            switch ch.value {
            case 0x09, 0x0A, 0x0D: out += " "
            case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: out.unicodeScalars.append("\u{FFFD}")
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

/// A plain table with a header line, columns aligned by display width so Chinese titles line up.
struct TextTable {
    var header: [String]
    /// Column indexes aligned to the right (counts).
    var rightAligned: Set<Int>
    var rows: [[String]]

    func render(style: TextStyle) -> String {
        let cells = rows.map { $0.map(TextStyle.oneLine) }
        var widths = header.map { DisplayWidth.of($0) }
        for row in cells {
            for (i, c) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(c)) }
        }
        func line(_ row: [String]) -> String {
            let parts = row.enumerated().map { i, c -> String in
                let w = widths[i]
                if rightAligned.contains(i) { return String(repeating: " ", count: max(0, w - DisplayWidth.of(c))) + c }
                return i == row.count - 1 ? c : DisplayWidth.pad(c, to: w)
            }
            return "  " + parts.joined(separator: "  ") + "\n"
        }
        return style.dim(String(line(header).dropLast())) + "\n" + cells.map(line).joined()
    }
}
