/// One message of the catalogue: a stable id and its text in both languages.
///
/// Texts may hold numbered placeholders `{0}`, `{1}`, … filled in order by `Language.text(_:_:)`.
public struct CatalogueEntry: Sendable {
    /// A stable, dotted id: `verdict.compliant`, `report.audit.title`, `diag.yaml.duplicate-key`.
    public let id: String
    /// The Simplified Chinese text.
    public let chinese: String
    /// The English text.
    public let english: String

    public init(_ id: String, zh chinese: String, en english: String) {
        self.id = id
        self.chinese = chinese
        self.english = english
    }

    /// The text in `language`.
    public func text(_ language: Language) -> String {
        language == .chinese ? chinese : english
    }
}

/// Everything bylaw says to people, in Chinese and English, keyed by stable ids.
public enum Catalogue {
    /// Every entry, in the order the parts of the catalogue list them.
    public static let entries: [CatalogueEntry] =
        ReportTexts.entries + CheckTexts.entries + AuditTexts.entries + DiagnosticTexts.entries
        + DiagnosticHelpTexts.entries + DiagnosticFormTexts.entries
        + HelpTexts.entries + HelpAuditTexts.entries + HelpReplTexts.entries + HelpLintTexts.entries
        + HelpExplainTexts.entries + HelpAuthoringTexts.entries + HelpDiffTexts.entries + HelpLogTexts.entries
        + ExplainTexts.entries + OperationalTexts.entries + RuleBookTexts.entries + UsageTexts.entries
        + ResultLineTexts.entries + WebTexts.entries + WebCheckTexts.entries + WebPageTexts.entries
        + PostgresTexts.entries + StoreTexts.entries + ServerTexts.entries + VerifyTexts.entries
        + MapProposalTexts.entries + YAMLSyntaxTexts.entries

    /// The entries by id; when an id is listed twice the first wins (the completeness test forbids it).
    static let byID: [String: CatalogueEntry] = {
        var table: [String: CatalogueEntry] = [:]
        for entry in entries where table[entry.id] == nil { table[entry.id] = entry }
        return table
    }()

    /// The entry for `id`, or nil when the catalogue has none.
    public static func entry(_ id: String) -> CatalogueEntry? { byID[id] }

    /// The inverse of `fill`: the values `text` puts where `template` has `{0}`, `{1}`, … (given back by
    /// index; each at least one character, and each up to the first place the template's next words follow),
    /// or nil when `text` is not of that form. The English a piece of code writes is read back this way, so
    /// that the catalogue's Chinese can be said in its place.
    public static func match(_ template: String, _ text: String) -> [String]? {
        var literals: [Substring] = []
        var slots: [Int] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"),
            let close = rest[open...].firstIndex(of: "}"),
            let slot = Int(rest[rest.index(after: open)..<close])
        {
            literals.append(rest[..<open])
            slots.append(slot)
            rest = rest[rest.index(after: close)...]
        }
        literals.append(rest)
        guard text.hasPrefix(literals[0]) else { return nil }
        var remaining = Substring(text).dropFirst(literals[0].count)
        var values = [String](repeating: "", count: (slots.max() ?? -1) + 1)
        for (k, slot) in slots.enumerated() {
            let next = literals[k + 1]
            if next.isEmpty {
                guard k == slots.count - 1, !remaining.isEmpty else { return nil }
                values[slot] = String(remaining)
                remaining = ""
                continue
            }
            guard let found = remaining.firstRange(of: next), found.lowerBound > remaining.startIndex else {
                return nil
            }
            values[slot] = String(remaining[..<found.lowerBound])
            remaining = remaining[found.upperBound...]
        }
        return remaining.isEmpty ? values : nil
    }

    /// `template` with `{0}`, `{1}`, … replaced by `arguments` in order; a placeholder with no argument is left.
    ///
    /// Read as UTF-8: the braces and digits are ASCII, which no byte of another character equals. (Reading it
    /// as characters cost every process a few milliseconds at start, filling the help texts.)
    /// `text` worded by the first of `forms` whose English it matches whole, that form's Chinese with the same
    /// places filled; nil when none matches.
    static func chinese(_ text: String, forms: [CatalogueEntry]) -> String? {
        for e in forms {
            if let values = match(e.english, text) { return fill(e.chinese, values) }
        }
        return nil
    }

    public static func fill(_ template: String, _ arguments: [String]) -> String {
        guard !arguments.isEmpty else { return template }
        var text = template
        return text.withUTF8 { b -> String in
            let open = UInt8(ascii: "{")
            let close = UInt8(ascii: "}")
            guard b.contains(open) else { return template }
            var out: [UInt8] = []
            out.reserveCapacity(b.count + 16 * arguments.count)
            var k = 0
            while k < b.count {
                if b[k] == open, let end = b[(k + 1)...].firstIndex(of: close),
                    let n = Int(String(decoding: UnsafeBufferPointer(rebasing: b[(k + 1)..<end]), as: UTF8.self)),
                    arguments.indices.contains(n)
                {
                    out.append(contentsOf: arguments[n].utf8)
                    k = end + 1
                    continue
                }
                out.append(b[k])
                k += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}

extension Language {
    /// The catalogue's text for `id` in this language, with `{0}`, `{1}`, … filled from `arguments`; the id
    /// itself when the catalogue has no such entry (the completeness test makes that impossible in a release).
    public func text(_ id: String, _ arguments: String...) -> String { text(id, arguments: arguments) }

    /// The same with the arguments as an array.
    public func text(_ id: String, arguments: [String]) -> String {
        guard let entry = Catalogue.entry(id) else { return id }
        return Catalogue.fill(entry.text(self), arguments)
    }

    /// A date for prose: `2025年7月11日` in Chinese, the ISO form `2025-07-11` in English. Text that is not a
    /// real calendar day written `YYYY-MM-DD` (`2022-02-30`, `0000-01-01`) is returned as it is, so that a wrong
    /// date is shown as written rather than as a plausible one.
    public func proseDate(_ iso: String) -> String {
        guard self == .chinese else { return iso }
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard iso.utf8.count == 10, parts.count == 3,
            iso.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || (48...57).contains($0) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), y >= 1, (1...12).contains(m),
            d >= 1, d <= Self.days(in: m, of: y)
        else { return iso }
        return "\(y)年\(m)月\(d)日"
    }

    /// The days of month `m` of year `y` in the Gregorian calendar.
    private static func days(in m: Int, of y: Int) -> Int {
        switch m {
        case 2: (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The separator of a list in prose: `、` in Chinese, `, ` in English.
    public var listSeparator: String { self == .chinese ? "、" : ", " }
}
