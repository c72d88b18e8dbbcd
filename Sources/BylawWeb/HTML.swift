import Bylaw
import BylawBatch
import BylawDiagnostics
import BylawLocale
import BylawReports

/// Escaping for HTML text and attribute values. Everything that comes from a decision, a rule set, a record or
/// a request goes through `h`; pages build markup only from literals and escaped values.
enum HTML {
    /// Escapes `& < > " '` (and controls and bidirectional overrides) for text and quoted attributes alike.
    static func h(_ s: String) -> String { MarkupText.escape(s, attribute: true) }

    /// A fragment id made of letters, digits, `-` and `_` only.
    static func id(_ s: String) -> String {
        String(
            s.unicodeScalars.map { c in
                c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c)) ? Character(c) : "-"
            })
    }
}

/// The page languages: Chinese first, English on request.
public enum Lang: String, Sendable, CaseIterable {
    case zh
    case en

    /// The language a request asks for: `?lang=`, then the `lang` cookie, else Chinese.
    static func of(_ request: WebRequest) -> Lang {
        if let q = request.query["lang"], let l = Lang(rawValue: q) { return l }
        if let c = request.cookies["lang"], let l = Lang(rawValue: c) { return l }
        return .zh
    }

    var htmlCode: String { self == .zh ? "zh-Hans" : "en" }

    /// The catalogue's language for this page language.
    var language: Language { self == .zh ? .chinese : .english }
}

/// The catalogue's words for the pages (`web.…` ids), in the page's language with `{0}`, `{1}`, … filled in.
/// The pages' words come from here: a page keeps no table of its own, so no word exists in one language only
/// (the catalogue's completeness test and `WebWordsTests` check the ids the pages name). One exception is
/// left: `FieldProblems.chinese`, the short Chinese forms of five problems beside a form field, whose English
/// is the engine's own message.
enum Words {
    /// The text of `id` in `lang`, `{0}`, `{1}`, … filled from `arguments`; the id itself when there is none.
    static func text(_ id: String, _ lang: Lang, _ arguments: String...) -> String {
        guard let entry = Catalogue.entry(id) else { return id }
        return Catalogue.fill(entry.text(lang.language), arguments)
    }

    /// A diagnostic's severity and message in `lang` (`错误：…` in Chinese, from the catalogue's wording of its
    /// code), as a line of a list.
    static func diagnostic(_ d: Diagnostic, _ lang: Lang) -> String {
        text(
            "web.labelled", lang, DiagnosticWording.severity(d.severity.rawValue, lang.language),
            d.message(in: lang.language))
    }

    /// Diagnostics' messages in `lang`, one after the other in a sentence.
    static func messages(_ diagnostics: [Diagnostic], _ lang: Lang) -> String {
        diagnostics.map { $0.message(in: lang.language) }.joined(separator: text("web.separator", lang))
    }
}
