import BylawAudit
import BylawDiagnostics
import BylawLocale
import Hummingbird

/// The language a request is answered in, for the service's own messages: `?lang=zh|en`, else the first
/// language of its `Accept-Language` that bylaw speaks (by q-value, then order), else the service's `lang`.
enum APILanguage {
    static func of(_ request: Request, fallback: Language) -> Language {
        if let asked = request.uri.queryParameters.get("lang").flatMap(spoken) { return asked }
        if let header = request.headers[.acceptLanguage], let accepted = accepted(header) { return accepted }
        return fallback
    }

    /// The language an `Accept-Language` value prefers among Chinese and English: the tag with the highest
    /// q-value (1 when not given; 0 refuses it), the earlier one when two are equal. Nil when it names neither.
    static func accepted(_ header: String) -> Language? {
        var best: (language: Language, q: Double)?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first, let language = spoken(tag) else { continue }
            var q = 1.0
            for parameter in parts.dropFirst() where parameter.lowercased().hasPrefix("q=") {
                q = Double(parameter.dropFirst(2)) ?? 0
            }
            if q > 0, q > (best?.q ?? 0) { best = (language, q) }
        }
        return best?.language
    }

    /// Chinese for a tag `zh…`, English for `en…`; nil for any other.
    static func spoken(_ tag: String) -> Language? {
        let t = tag.lowercased()
        return t.hasPrefix("zh") ? .chinese : t.hasPrefix("en") ? .english : nil
    }
}

/// What an `APIError` says: a catalogue entry (`api.…`) and what fills its placeholders, written out in the
/// language of the request that is answered. Never English text in place: the catalogue completeness test
/// refuses an `APIError` built from a string.
public struct APIMessage: Sendable {
    /// The catalogue id.
    public let id: String
    let arguments: [Argument]

    /// What fills one placeholder.
    enum Argument: Sendable {
        /// User text, a number, a name: the same in every language.
        case plain(String)
        /// A catalogue entry of its own, in the same language.
        case entry(String)
        /// A diagnostic's message in the language.
        case diagnostic(Diagnostic)
        /// An audit store's error, in the language when the catalogue has its words.
        case store(AuditStoreError)
        /// Names separated as the language lists them (`a, b` or `a、b`).
        case list([String])
        /// Alternatives: `a or b` or `a或b`.
        case alternatives([String])
    }

    init(_ id: String, _ arguments: [Argument]) {
        self.id = id
        self.arguments = arguments
    }

    /// The entry `id` with `{0}`, `{1}`, … filled from `arguments`, which are the same in every language.
    public static func text(_ id: String, _ arguments: String...) -> APIMessage {
        APIMessage(id, arguments.map(Argument.plain))
    }

    /// The entry `id` with `{0}` the audit store's error, in the reader's language.
    public static func text(_ id: String, store error: AuditStoreError) -> APIMessage {
        APIMessage(id, [.store(error)])
    }

    /// The message in `language`; the id itself when the catalogue has no such entry.
    public func text(in language: Language) -> String {
        guard let entry = Catalogue.entry(id) else { return id }
        let filled = arguments.map { argument -> String in
            switch argument {
            case .plain(let text): text
            case .entry(let id): language.text(id)
            case .diagnostic(let d): d.message(in: language)
            case .store(let e): e.text(in: language)
            case .list(let names): names.joined(separator: language.listSeparator)
            case .alternatives(let names):
                names.dropLast().joined(separator: language.listSeparator)
                    + (names.count > 1 ? language.text("api.or") : "") + (names.last ?? "")
            }
        }
        return Catalogue.fill(entry.text(language), filled)
    }
}
