import BylawDiagnostics
import BylawLocale

/// The HTML report's language switch: every label of the page carries its text in the other language in an
/// attribute (`data-alt`, or `data-alt-NAME` for a label that is the attribute NAME), and the page's one
/// script swaps them. Authored text (rule titles, messages, record values) has no alternate and stays as it
/// is; the words repeated in every record row (verdicts) and the script's own sentence come from a small
/// table in the script instead, so the page grows by its labels only, not by its rows.
extension HTMLParts {
    /// `words` in `l`, escaped, as the content of `tag`, with `words` in the other language in `data-alt`
    /// (left out when the two are the same, as a unit's name is).
    static func label(
        _ tag: String, _ l: Language, _ attributes: String = "", _ words: (Language) -> String
    ) -> String {
        let shown = words(l)
        let other = words(l.other)
        return "<\(tag)\(attributes)" + (other == shown ? "" : " data-alt=\(attr(other))") + ">\(text(shown))</\(tag)>"
    }

    /// The catalogue's text for `id` as the content of `tag`, with its other language in `data-alt`.
    static func label(_ tag: String, _ l: Language, _ attributes: String = "", id: String) -> String {
        label(tag, l, attributes) { $0.text(id) }
    }

    /// ` NAME="…" data-alt-NAME="…"`: an attribute that is a label (a placeholder, an `aria-label`), with its
    /// other language beside it.
    static func labelAttribute(_ name: String, _ l: Language, _ words: (Language) -> String) -> String {
        " \(name)=\(attr(words(l))) data-alt-\(name)=\(attr(words(l.other)))"
    }

    /// The switch in the page's header: the other language's name, in that language (`language.own-name`, so
    /// that a reader of either finds it). Hidden until the script shows it, since it does nothing without it.
    static func languageSwitch(_ l: Language) -> String {
        "<button type=\"button\" id=\"lang-switch\" hidden lang=\"\(l.other.htmlTag)\" data-alt-lang=\"\(l.htmlTag)\""
            + labelAttribute("title", l) { $0.text("html.switch-title") }
            + (" data-alt=" + attr(l.text("language.own-name"))) + ">" + text(l.other.text("language.own-name"))
            + "</button>"
    }

    /// The words the script writes itself, in both languages: its sentence counting the rows a filter shows
    /// (`{0}` of `{1}`), and the verdict of each row by its machine name. A JSON object, with `<` escaped so
    /// nothing in it can end the script.
    static let scriptWords: String = {
        let languages = Language.allCases.map { l in
            let verdicts = BatchReports.verdictOrder.map {
                JSONText.quote($0.rawValue) + ":" + JSONText.quote(TextBatchReporter.name($0, l))
            }
            let shown = JSONText.quote("shown") + ":" + JSONText.quote(l.text("html.shown-of"))
            return JSONText.quote(l.htmlTag) + ":{" + ([shown] + verdicts).joined(separator: ",") + "}"
        }
        return ("{" + languages.joined(separator: ",") + "}").replacingOccurrences(of: "<", with: "\\u003c")
    }()

    /// The page's script, with the words it writes in both languages.
    static let script: String = HTMLAssets.script.replacingOccurrences(of: "/*words*/null", with: scriptWords)
}

extension Language {
    /// The page's other language, which the switch turns it to.
    var other: Language { self == .chinese ? .english : .chinese }
}
