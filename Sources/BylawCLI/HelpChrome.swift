import BylawLocale
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The words the argument parser itself puts around help (`USAGE:`, `OPTIONS:`, `(default: …)`), in the
/// chosen language: the parser has no hook for them, so its finished help text is translated line by line.
enum HelpChrome {
    /// The width help is broken to: `COLUMNS` when it is a number, else the terminal's, else 80 (as the argument
    /// parser decides it).
    static func terminalColumns() -> Int {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(text), n > 0 { return n }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// What `make` returns with the argument parser's width set so wide that it breaks no line (`COLUMNS`,
    /// which it reads when it lays help out), the variable put back after.
    static func unbroken(_ make: () -> String) -> String {
        let saved = getenv("COLUMNS").map { String(cString: $0) }
        setenv("COLUMNS", "100000", 1)
        defer {
            if let saved { setenv("COLUMNS", saved, 1) } else { unsetenv("COLUMNS") }
        }
        return make()
    }

    /// `help` with the parser's own words in `language`; English help is returned as it is.
    static func translate(_ help: String, _ language: Language) -> String {
        guard language != .english else { return help }
        var out = help
        for (english, id) in headings {
            out = out.split(separator: english, omittingEmptySubsequences: false).joined(separator: language.text(id))
        }
        return out.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            // `  See 'bylaw help map <subcommand>' for detailed help.` under a group of subcommands.
            line.hasPrefix("  See ") ? translateError(String(line), language) : translateNotes(String(line), language)
        }.joined(separator: "\n")
    }

    /// The argument parser's error message (`Error: Unknown option '--x'`, its `Help:` and `Usage:` lines) in
    /// `language`, line by line: each line the catalogue has a form for, the first form that matches it whole;
    /// other lines (bylaw's own messages, already in the language) as they are.
    static func translateError(_ message: String, _ language: Language) -> String {
        guard language != .english else { return message }
        return message.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let line = String(line)
            for id in errorForms {
                guard let entry = Catalogue.entry(id), var values = Catalogue.match(entry.english, line) else {
                    continue
                }
                // The parser's list of choices (`'text' and 'json'`, `'a', 'b' and 'c'`) as a Chinese list.
                if id == "help.chrome.parse.invalid-choice", values.count == 3 {
                    values[2] = values[2].replacingOccurrences(of: " and ", with: "、")
                        .replacingOccurrences(of: ", ", with: "、").replacingOccurrences(of: " or ", with: "、")
                }
                return Catalogue.fill(entry.text(language), values)
            }
            return line
        }.joined(separator: "\n")
    }

    /// The forms of the parser's error lines, the specific before the general (`Error: {0}` last among them).
    static let errorForms = [
        "help.chrome.parse.unknown-option", "help.chrome.parse.missing-value", "help.chrome.parse.missing-argument",
        "help.chrome.parse.invalid-choice-list", "help.chrome.parse.invalid-choice", "help.chrome.parse.invalid-value",
        "help.chrome.parse.unexpected-many", "help.chrome.parse.unexpected", "help.chrome.parse.no-value-taken",
        "help.chrome.parse.not-exist", "help.chrome.parse.no-rule-set", "help.chrome.parse.log-level",
        "help.chrome.parse.error", "help.chrome.parse.help", "help.chrome.parse.usage", "help.chrome.parse.see",
        "help.chrome.parse.see-detail",
    ]

    /// The parser's fixed phrases and the catalogue ids of their translations.
    static let headings: [(String, String)] = [
        ("OVERVIEW: ", "help.chrome.overview"), ("USAGE: ", "help.chrome.usage"),
        ("ARGUMENTS:", "help.chrome.arguments"), ("OPTIONS:", "help.chrome.options"),
        ("SUBCOMMANDS:", "help.chrome.subcommands"), ("Show the version.", "help.chrome.version"),
        ("Show help information.", "help.chrome.help"),
        ("  See 'bylaw help <subcommand>' for detailed help.", "help.chrome.see-subcommand"),
    ]

    /// ` (default: x)` and ` (values: a, b; default: x)` at the end of an option's help.
    static func translateNotes(_ line: String, _ language: Language) -> String {
        guard line.hasSuffix(")"), let open = line.range(of: " (values: ") ?? line.range(of: " (default: ")
        else { return line }
        let note = line[line.index(open.lowerBound, offsetBy: 2)...].dropLast()
        var parts: [String] = []
        for part in note.split(separator: "; ") {
            if part.hasPrefix("default: ") {
                parts.append(language.text("help.chrome.default", String(part.dropFirst("default: ".count))))
            } else if part.hasPrefix("values: ") {
                parts.append(language.text("help.chrome.values", String(part.dropFirst("values: ".count))))
            } else {
                return line
            }
        }
        return String(line[..<open.lowerBound]) + "（" + parts.joined(separator: "；") + "）"
    }
}
