import BylawLocale

/// The words the argument parser itself puts around help (`USAGE:`, `OPTIONS:`, `(default: …)`), in the
/// chosen language: the parser has no hook for them, so its finished help text is translated line by line.
enum HelpChrome {
    /// `help` with the parser's own words in `language`; English help is returned as it is.
    static func translate(_ help: String, _ language: Language) -> String {
        guard language != .english else { return help }
        var out = help
        for (english, id) in headings {
            out = out.split(separator: english, omittingEmptySubsequences: false).joined(separator: language.text(id))
        }
        return out.split(separator: "\n", omittingEmptySubsequences: false).map { translateNotes(String($0), language) }
            .joined(separator: "\n")
    }

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
