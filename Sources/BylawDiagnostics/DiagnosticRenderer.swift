import BylawLocale
import Foundation

/// Renders diagnostics for people (`path:line:col: error: message`, the source line, a caret)
/// or for programs (JSON).
public struct DiagnosticRenderer: Sendable {
    /// Returns the text of a file the diagnostics may point into, or `nil` when it is not known.
    public typealias SourceProvider = @Sendable (String) -> String?

    private let source: SourceProvider
    private let colour: Bool
    private let language: Language

    /// - Parameters:
    ///   - colour: ANSI colours for a terminal.
    ///   - source: the text of a named file, for the excerpt under each message.
    public init(colour: Bool = false, source: @escaping SourceProvider = { _ in nil }) {
        self.init(colour: colour, language: .english, source: source)
    }

    /// - Parameters:
    ///   - colour: ANSI colours for a terminal.
    ///   - language: the language of the words around the position (`错误`, `提示`) and of the message.
    ///   - source: the text of a named file, for the excerpt under each message.
    public init(colour: Bool = false, language: Language, source: @escaping SourceProvider = { _ in nil }) {
        self.colour = colour
        self.language = language
        self.source = source
    }

    /// How much of a file excerpts may read: a diagnostic about a huge file never reads it whole. A line past
    /// this point gets no excerpt.
    public static let maxSourceBytes = 1 << 20

    /// The first `maxSourceBytes` of a file on disk, for excerpts; nil when it cannot be read.
    public static let fileSource: SourceProvider = { path in
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: maxSourceBytes) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// The widest excerpt line, in terminal columns: a longer line is shown as a window around the caret.
    static let maxExcerptColumns = 120

    /// One diagnostic as text, ending with a newline.
    public func render(_ d: Diagnostic) -> String {
        var out = ""
        let place = d.location.map { TerminalText.oneLine("\($0): ") } ?? ""
        out +=
            bold(place) + paint(d.severity) + bold(": " + TerminalText.oneLine(d.message(in: language)))
            + dim(" [" + TerminalText.oneLine(d.code) + "]") + "\n"
        if !d.hidesSource, let loc = d.location, let excerpt = excerpt(at: loc, length: d.length) {
            out += excerpt
        }
        if let help = d.help {
            out +=
                "  " + cyan(language.text("diag.help")) + " "
                + TerminalText.oneLine(DiagnosticWording.help(help, language)) + "\n"
        }
        for note in d.notes {
            let where_ = note.location.map { "\($0): " } ?? ""
            out +=
                "  " + cyan(language.text("diag.note")) + " "
                + TerminalText.oneLine(where_ + DiagnosticWording.note(note.message, language)) + "\n"
        }
        return out
    }

    /// Many diagnostics as text, in output order.
    public func render(_ ds: [Diagnostic]) -> String {
        ds.sortedForOutput().map(render).joined()
    }

    /// The source line and a caret under the marked span, or `nil` when the source is unknown.
    func excerpt(at loc: SourceLocation, length: Int) -> String? {
        guard let text = source(loc.file), let whole = Self.line(loc.line, of: text) else { return nil }
        var scalars = Array(whole.unicodeScalars)
        var start = min(max(loc.column - 1, 0), scalars.count)
        // A long line (minified JSON, a huge value) is shown as a window around the caret, so that an excerpt
        // is at most one screen line.
        if scalars.count > Self.maxExcerptColumns {
            let width = Self.maxExcerptColumns / 2
            let from = max(0, min(start - width / 2, scalars.count - width))
            let to = min(scalars.count, from + width)
            var window = Array(scalars[from..<to])
            if from > 0 { window.insert("…", at: 0) }
            if to < scalars.count { window.append("…") }
            start = start - from + (from > 0 ? 1 : 0)
            scalars = window
        }
        let end = min(start + max(length, 1), max(scalars.count, start + 1))
        var prefix = String.UnicodeScalarView()
        prefix.append(contentsOf: scalars[0..<start])
        var marked = String.UnicodeScalarView()
        if start < scalars.count { marked.append(contentsOf: scalars[start..<min(end, scalars.count)]) }
        let indent = String(repeating: " ", count: DisplayWidth.of(String(prefix)))
        let markWidth = max(1, DisplayWidth.of(String(marked)))
        let gutter = String(loc.line)
        let pad = String(repeating: " ", count: gutter.count)
        let shown = String(String.UnicodeScalarView(scalars.map(Self.printable)))
        return "\(pad) |\n\(gutter) | \(shown)\n\(pad) | \(indent)"
            + green("^" + String(repeating: "~", count: markWidth - 1))
            + "\n"
    }

    /// What the excerpt shows for a scalar: tabs as spaces, and bidi or other control characters as U+FFFD,
    /// so an excerpt can never reorder the terminal line it is printed on (one cell each: the caret stays put).
    static func printable(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s == "\t" { return " " }
        return TerminalText.isUnsafe(s) ? "\u{FFFD}" : s
    }

    /// The 1-based `n`th line of `text`, without its terminator.
    static func line(_ n: Int, of text: String) -> Substring? {
        guard n >= 1 else { return nil }
        var current = 1
        var lineStart = text.startIndex
        var i = text.startIndex
        while i < text.endIndex {
            if current == n { break }
            let c = text[i]
            i = text.index(after: i)
            if c == "\n" || c == "\r\n" || c == "\r" {
                current += 1
                lineStart = i
            }
        }
        guard current == n else { return nil }
        var end = lineStart
        while end < text.endIndex, text[end] != "\n", text[end] != "\r\n", text[end] != "\r" {
            end = text.index(after: end)
        }
        return text[lineStart..<end]
    }

    // MARK: colours

    private func sgr(_ code: String, _ s: String) -> String {
        colour && !s.isEmpty ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
    private func bold(_ s: String) -> String { sgr("1", s) }
    private func dim(_ s: String) -> String { sgr("2", s) }
    private func cyan(_ s: String) -> String { sgr("36", s) }
    private func green(_ s: String) -> String { sgr("32", s) }
    private func paint(_ s: Severity) -> String {
        let word = DiagnosticWording.severity(s.rawValue, language)
        return switch s {
        case .error: sgr("1;31", word)
        case .warning: sgr("1;33", word)
        case .note: sgr("1;36", word)
        }
    }
}
