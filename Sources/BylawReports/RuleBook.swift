import Bylaw
import BylawCEL
import BylawDiagnostics
import BylawLocale

/// `bylaw doc`: a rule book a reviewer can read without YAML. For every rule set its source, effective dates,
/// scope, parameters and inputs; for every rule its id, title, severity, citation, applicability and requirement
/// (CEL exactly as written) and message; decision tables as tables; an index by article; extension relations.
/// Deterministic: no dates or times, rule sets in folder and file order.
public struct RuleBook: Sendable {
    let library: RuleLibrary
    /// One piece per rule-set file, in the order given.
    let sets: [RuleSet]
    /// The language of the book's own words, and of rules' titles and messages where the author gave English
    /// (`title_en`, `message_en`). Nil: headings and labels in both languages (`Rules · 规则`), sentences in
    /// English, the rule sets' own text as written.
    public var language: Language?

    /// The book of the rule sets read from `files` (every set of the library when nil).
    public init(library: RuleLibrary, files: [String]? = nil) {
        self.library = library
        var seen: Set<String> = []
        let unique = library.ruleSets.filter { seen.insert($0.file).inserted }
        if let files {
            sets = files.compactMap { f in unique.first { $0.file == f } }
        } else {
            sets = unique
        }
    }

    /// One book of the rule sets of several books (from several libraries), in order.
    public init(merging books: [RuleBook]) {
        var library = books.first?.library ?? RuleLibrary.load(files: [], calendarsRoot: ".")
        library.include(books.dropFirst().map(\.library))
        self.library = library
        sets = books.flatMap(\.sets)
    }

    public var markdown: String { RuleBookMarkdown.render(blocks) }
    public var html: String { RuleBookHTML.render(blocks, title: label("book.title"), language: language) }

    /// The language of sentences: the book's, or English in a book of both.
    var words: Language { language ?? .english }

    /// A heading, label or column name: in the book's language, or `English · 中文` in a book of both.
    func label(_ id: String) -> String {
        guard let language else { return Language.english.text(id) + " · " + Language.chinese.text(id) }
        return language.text(id)
    }

    /// A table's column name: in the book's words (a book of both keeps them short, in English).
    func column(_ id: String) -> String { words.text(id) }

    /// The catalogue's sentence `id` in the book's words, its `{0}`, `{1}`, … replaced by `arguments` (links,
    /// code) in place.
    func sentence(_ id: String, _ arguments: [Inline]) -> [Inline] {
        let template = Catalogue.entry(id)?.text(words) ?? id
        var out: [Inline] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}"),
            let n = Int(rest[rest.index(after: open)..<close]), arguments.indices.contains(n)
        {
            if open > rest.startIndex { out.append(.text(String(rest[..<open]))) }
            out.append(arguments[n])
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { out.append(.text(String(rest))) }
        return out
    }

    /// A rule's or set's title as the book's reader sees it: the author's English in an English book.
    func title(_ original: String, english: String?) -> String {
        language == .english ? english ?? original : original
    }

    var blocks: [Block] {
        var out: [Block] = [
            .heading(level: 1, text: [.text(label("book.title"))], anchor: "rule-book"),
            .paragraph(
                sentence(
                    sets.count == 1 ? "book.intro-one" : "book.intro",
                    [.text(String(sets.count)), .text(String(ownRuleCount)), .code("bylaw doc")])),
            .bullets(
                sets.map {
                    [
                        .link(
                            "\(title($0.title, english: $0.titleEnglish)) (\($0.id) \($0.version))",
                            anchor: Self.anchor($0))
                    ]
                }
                    + [[.link(label("book.index"), anchor: "index-by-article")]]),
        ]
        for set in sets { out += section(set) }
        out += index
        return out
    }

    private var ownRuleCount: Int { sets.reduce(0) { $0 + own($1.rules.map(\.location.file), in: $1) } }
    private func own(_ files: [String], in set: RuleSet) -> Int { files.filter { $0 == set.file }.count }

    static func anchor(_ set: RuleSet) -> String { Anchor.make("set", set.id, set.version) }
    static func anchor(_ set: RuleSet, rule: Rule) -> String { Anchor.make("rule", set.id, set.version, rule.id) }

    /// A link when `target` is in this book, else the text as code.
    func link(_ text: String, _ anchor: String, in target: RuleSet) -> Inline {
        sets.contains { $0.file == target.file } ? .link(text, anchor: anchor) : .code(text)
    }

    /// The parent version a piece was built on.
    func parent(of set: RuleSet) -> RuleSet? {
        guard let link = set.parents.first else { return nil }
        return library.ruleSets.first { $0.file == link.file && $0.parents == Array(set.parents.dropFirst()) }
    }

    // MARK: one rule set

    private func section(_ set: RuleSet) -> [Block] {
        var out: [Block] = [
            .heading(level: 2, text: [.text(title(set.title, english: set.titleEnglish))], anchor: Self.anchor(set)),
            .fields(header(set)),
        ]
        if let d = set.description { out.append(.paragraph([.text(d)])) }
        let params = set.parameters.filter { $0.location?.file == set.file }
        if !params.isEmpty {
            out.append(.heading(level: 3, text: [.text(label("book.parameters"))], anchor: nil))
            out.append(
                .table(
                    header: ["book.col.name", "book.col.value", "book.col.meaning", "book.col.source"].map(column),
                    rows: params.map { p in
                        var value: [Inline] = [.code(ValueText.literal(p.value))]
                        if let old = p.overridden {
                            value += sentence("book.replaces", [.code(ValueText.literal(old))])
                        }
                        var source: [Inline] = p.source.map { [.text($0)] } ?? []
                        if p.uncertain {
                            source += (source.isEmpty ? [] : [.text(" ")]) + [.strong(label("book.uncertain"))]
                        }
                        return [[.code("params." + p.name)], value, [.text(p.description ?? "")], source]
                    }))
        }
        let fields = inputRows(set)
        if !fields.isEmpty {
            out.append(
                .heading(
                    level: 3, text: [.text(label(set.parents.isEmpty ? "book.input" : "book.added-input"))], anchor: nil
                ))
            out.append(
                .table(
                    header: ["book.col.field", "book.col.type", "book.col.required", "book.col.meaning"].map(column),
                    rows: fields))
        }
        let lets = set.lets.filter { $0.expression.location.file == set.file }
        if !lets.isEmpty {
            out.append(.heading(level: 3, text: [.text(label("book.named-values"))], anchor: nil))
            out.append(.paragraph([.text(words.text("book.named-values-note"))]))
            out.append(
                .table(
                    header: ["book.col.name", "book.col.expression"].map(column),
                    rows: lets.map { [[.code($0.name)], [.code($0.expression.source)]] }))
        }
        for table in set.tables where table.location.file == set.file { out += self.table(table) }
        out.append(.heading(level: 3, text: [.text(label("book.rules"))], anchor: nil))
        let inherited = set.rules.filter { $0.location.file != set.file }
        if let parent = parent(of: set), !inherited.isEmpty {
            out.append(
                .paragraph(
                    sentence("book.inherited", [link(parent.id, Self.anchor(parent), in: parent)])
                        + inherited.enumerated().flatMap { i, r -> [Inline] in
                            (i == 0 ? [] : [.text(", ")]) + [link(r.id, Self.anchor(parent, rule: r), in: parent)]
                        }))
        }
        for rule in set.rules where rule.location.file == set.file { out += self.rule(rule, in: set) }
        return out
    }

    private func header(_ set: RuleSet) -> [(label: String, value: [Inline])] {
        var f: [(label: String, value: [Inline])] = [
            (label("book.rule-set"), [.code(set.id)] + sentence("book.version", [.text(set.version)]))
        ]
        var source: [Inline] = [.text(set.source["title"] ?? "")]
        for (key, id) in [("issuer", "book.issued-by"), ("version", "book.source-version")] {
            if let v = set.source[key] { source += sentence(id, [.text(v)]) }
        }
        if let v = set.source["article"] { source.append(.text(words.listSeparator + v)) }
        f.append((label("book.source"), source))
        if let note = set.source["note"] { f.append((label("book.note"), [.text(note)])) }
        if let url = set.source["url"] { f.append((label("book.text"), [.code(url)])) }
        f.append((label("book.in-force"), [.text(period(set.declaredFrom, set.declaredUntil))]))
        var applies = sentence("book.kind", [.code(set.appliesTo)])
        if let units = set.scopeUnits {
            let list = units.enumerated().flatMap { i, u in (i == 0 ? [] : [.text(", ")]) + [Inline.code(u)] }
            let parts = sentence("book.units", [.text("\u{0}")])
            for part in parts {
                if case .text("\u{0}") = part { applies += list } else { applies.append(part) }
            }
        }
        f.append((label("book.applies-to"), applies))
        if let parent = parent(of: set) {
            let list = versions(of: parent.id).enumerated().flatMap { i, v -> [Inline] in
                (i == 0 ? [] : [.text(", ")]) + [link(v.version, Self.anchor(v), in: v)]
            }
            var text: [Inline] = []
            for part in sentence("book.extends-text", [.code(parent.id), .text("\u{0}")]) {
                if case .text("\u{0}") = part { text += list } else { text.append(part) }
            }
            f.append((label("book.extends"), text))
        }
        let children = Set(sets.filter { $0.extends == set.id }.map(\.id)).sorted()
        if !children.isEmpty {
            f.append(
                (
                    label("book.extended-by"),
                    children.enumerated().flatMap { i, c in (i == 0 ? [] : [.text(", ")]) + [Inline.code(c)] }
                ))
        }
        if let c = set.calendarName { f.append((label("book.calendar"), [.code(c)])) }
        if !set.sensitive.isEmpty {
            f.append(
                (
                    label("book.masked"),
                    set.sensitive.enumerated().flatMap { i, s in (i == 0 ? [] : [.text(", ")]) + [Inline.code(s)] }
                ))
        }
        f.append((label("book.file"), [.code(set.file)]))
        return f
    }

    private func versions(of id: String) -> [RuleSet] {
        var seen: Set<String> = []
        return library.ruleSets.filter { $0.id == id && seen.insert($0.file).inserted }
    }

    func period(_ from: CELDate?, _ until: CELDate?) -> String {
        switch (from, until) {
        case (nil, nil): words.text("book.always")
        case (let f?, nil): words.text("book.from", "\(f)")
        case (nil, let u?): words.text("book.until", "\(u)")
        case (let f?, let u?): words.text("book.from-until", "\(f)", "\(u)")
        }
    }

    // MARK: inputs

    private func inputRows(_ set: RuleSet) -> [[[Inline]]] {
        let inherited = Set(parent(of: set).map { flatten($0.input, prefix: "").map(\.path) } ?? [])
        return flatten(set.input, prefix: "").filter { !inherited.contains($0.path) }.map { f in
            [
                [.code(f.path)], [.text(f.type)],
                f.optional
                    ? [.text(words.text("book.no"))]
                    : f.within.map { sentence("book.yes-when", [.code($0)]) } ?? [.text(words.text("book.yes"))],
                [.text(f.description ?? "")],
            ]
        }
    }

    /// Every field as a row: `asset.book_value`, `approvals[].body`; `within` names the nearest optional group.
    func flatten(_ schema: ObjectSchema, prefix: String, within: String? = nil) -> [InputRow] {
        var out: [InputRow] = []
        for f in schema.fields {
            let path = prefix + f.name
            let inner = f.optional ? path : within
            switch f.type {
            case .object(let o):
                out.append(
                    InputRow(
                        path: path, type: words.text("book.type.group"), optional: f.optional, within: within,
                        description: Self.meaning(f)))
                out += flatten(o, prefix: path + ".", within: inner)
            case .list(.object(let o)):
                out.append(
                    InputRow(
                        path: path, type: words.text("book.type.object-list"), optional: f.optional,
                        within: within, description: Self.meaning(f)))
                out += flatten(o, prefix: path + "[].", within: inner)
            default:
                let least = f.minimum.map { " ≥ \($0)" } ?? ""
                out.append(
                    InputRow(
                        path: path, type: typeWords(f.type) + least, optional: f.optional, within: within,
                        description: Self.meaning(f)))
            }
        }
        return out
    }

    /// A field's meaning in the rule book: its label, then its description.
    static func meaning(_ f: FieldSpec) -> String? {
        let parts = [f.label, f.description].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: "：")
    }

    struct InputRow {
        var path: String
        var type: String
        var optional: Bool
        var within: String?
        var description: String?
    }

    func typeWords(_ t: FieldType) -> String {
        switch t {
        case .bool: words.text("book.type.bool")
        case .int: words.text("book.type.int")
        case .decimal: words.text("book.type.decimal")
        case .string: words.text("book.type.string")
        case .date: words.text("book.type.date")
        case .enumeration(let values): words.text("book.type.enum", values.joined(separator: words.listSeparator))
        case .list(let item): words.text("book.type.list", typeWords(item))
        case .object: words.text("book.type.group")
        }
    }

    // MARK: tables and rules

    static let hitWords: [DecisionTable.HitPolicy: String] = [
        .first: "book.hit.first", .unique: "book.hit.unique", .any: "book.hit.any", .collect: "book.hit.collect",
    ]

    private func table(_ t: DecisionTable) -> [Block] {
        var out: [Block] = [
            .heading(level: 3, text: [.text(label("book.decision-table") + " "), .code(t.name + "()")], anchor: nil)
        ]
        if let d = t.description { out.append(.paragraph([.text(d)])) }
        out.append(
            .paragraph([
                .strong(words.text("book.hit-policy", t.hit.rawValue)),
                .text(
                    (words == .chinese ? "" : " ") + words.text(Self.hitWords[t.hit] ?? "")
                        + (words == .chinese ? "。" : ".")),
            ]))
        let header = t.inputs.map(\.source) + [column("book.col.result")]
        var rows: [[[Inline]]] = t.rows.map { row in
            row.cellSources.map { c -> [Inline] in c == "-" || c == "any" ? [.text(words.text("book.any"))] : [.code(c)]
            }
                + [[.code(ValueText.literal(row.output))]]
        }
        if let d = t.defaultOutput {
            rows.append(
                t.inputs.map { _ in [Inline.text(words.text("book.otherwise"))] } + [[.code(ValueText.literal(d))]])
        }
        out.append(.table(header: header, rows: rows))
        if t.defaultOutput == nil, t.hit != .collect {
            out.append(.paragraph([.text(words.text("book.no-default"))]))
        }
        return out
    }

    private func rule(_ rule: Rule, in set: RuleSet) -> [Block] {
        var fields: [(label: String, value: [Inline])] = [
            (label("book.article"), [.text(rule.cite)]),
            (label("book.severity"), [.text(words.text("book.severity." + rule.severity.rawValue))]),
        ]
        if let target = rule.tightens, let parent = parent(of: set),
            let old = parent.rules.first(where: { $0.id == target })
        {
            fields.append(
                (
                    label("book.tightens"),
                    [link("\(parent.id) \(target)", Self.anchor(parent, rule: old), in: parent)]
                        + sentence("book.in-its-place", [.text(title(old.title, english: old.titleEnglish))])
                ))
        }
        let english = language == .english ? rule.messageEnglish : nil
        fields.append((label("book.message"), [.text((english ?? rule.message).source)]))
        // An English book keeps the original beside the author's English, for a reviewer to compare.
        if language == .english, rule.titleEnglish != nil || english != nil {
            fields.append(
                (
                    label("book.original"),
                    [.text(rule.title)] + (english != nil ? [.text(" — " + rule.message.source)] : [])
                ))
        }
        if rule.when == nil { fields.append((label("book.applies-to"), [.text(words.text("book.every-decision"))])) }
        var out: [Block] = [
            .heading(
                level: 4, text: [.code(rule.id), .text(" " + title(rule.title, english: rule.titleEnglish))],
                anchor: Self.anchor(set, rule: rule)),
            .fields(fields),
        ]
        if let when = rule.when { out.append(.expression(label: label("book.applies-when"), source: when.source)) }
        out.append(.expression(label: label("book.requires"), source: rule.require.source))
        if let d = rule.description { out.append(.paragraph([.text(d)])) }
        return out
    }

    // MARK: index

    private var index: [Block] {
        var order: [String] = []
        var rows: [String: [[Inline]]] = [:]
        for set in sets {
            let regulation = set.source["title"] ?? set.title
            for rule in set.rules where rule.location.file == set.file {
                let key = regulation + "\n" + rule.cite
                let entry: [Inline] = [
                    .link("\(set.id) \(set.version) \(rule.id)", anchor: Self.anchor(set, rule: rule))
                ]
                if rows[key] == nil {
                    order.append(key)
                    rows[key] = [[.text(regulation)], [.text(rule.cite)], entry]
                } else {
                    rows[key]?[2] += [.text(", ")] + entry
                }
            }
        }
        var out: [Block] = [
            .heading(level: 2, text: [.text(label("book.index"))], anchor: "index-by-article"),
            .paragraph([.text(words.text("book.index-note"))]),
            .table(
                header: ["book.col.regulation", "book.col.article", "book.col.rules"].map(column),
                rows: order.compactMap { rows[$0] }),
        ]
        let links = sets.compactMap { set -> [Inline]? in
            guard let parent = parent(of: set) else { return nil }
            return [
                .link("\(set.id) \(set.version)", anchor: Self.anchor(set)), .text(words.text("book.extends-link")),
                .code(parent.id),
            ]
                + (set.scopeUnits.map { [.text(words.text("book.for-units", $0.joined(separator: ", ")))] } ?? [])
        }
        if !links.isEmpty {
            out.append(.heading(level: 2, text: [.text(label("book.extensions"))], anchor: "extensions"))
            out.append(.bullets(links))
        }
        return out
    }
}
