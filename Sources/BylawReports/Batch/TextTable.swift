import Bylaw
import BylawDiagnostics
import BylawLocale

/// Terminal styling for the text report: ANSI colour only when asked, and record values made safe to print.
struct TextStyle {
    var colour: Bool
    var language: Language = .english

    func paint(_ code: String, _ s: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func bold(_ s: String) -> String { paint("1", s) }
    func dim(_ s: String) -> String { paint("2", s) }

    /// `✗ non_compliant`, coloured by verdict.
    func verdict(_ v: Verdict) -> String {
        let word = language.text("verdict." + v.rawValue)
        return switch v {
        case .compliant: paint("1;32", "✓ \(word)")
        case .needsReview: paint("1;33", "! \(word)")
        case .nonCompliant: paint("1;31", "✗ \(word)")
        case .error, .invalid: paint("1;35", "✗ \(word)")
        }
    }

    /// The catalogue's text for `id` in the report's language.
    func text(_ id: String, _ arguments: String...) -> String {
        Catalogue.fill(language.text(id), arguments)
    }

    /// Record text on one line and harmless on a terminal: line breaks and tabs become spaces; other control
    /// characters (an escape sequence hidden in a spreadsheet cell) and bidirectional overrides become U+FFFD.
    static func oneLine(_ s: String) -> String { TerminalText.oneLine(s) }
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
