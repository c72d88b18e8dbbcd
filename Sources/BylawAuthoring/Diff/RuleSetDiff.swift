import Bylaw
import BylawCEL

/// What changed between two versions of a rule set: its header, parameters, `let`s, tables (row by row) and rules
/// (by id; a rule whose id changed but whose title did not is a rename).
public struct RuleSetDiff: Sendable {
    /// One difference.
    public struct Entry: Sendable, Equatable {
        public enum Section: String, Sendable, CaseIterable {
            case ruleSet = "rule_set", input, parameters, lets, tables, rules
        }

        public enum Change: String, Sendable {
            case added, removed, changed
        }

        public var section: Section
        public var change: Change
        /// What changed: a rule id, a parameter or `let` name, `table` or `table row 3`, a header key.
        public var subject: String
        /// The part of the subject that changed (`require`, `cite`, `then` …); nil for a whole addition or removal.
        public var field: String?
        /// As written in the old version; nil when added.
        public var old: String?
        /// As written in the new version; nil when removed.
        public var new: String?
        /// For a row of a table (`subject` `approver row 2`): the table's name and the 1-based row, so that a
        /// report can name the row in its reader's language.
        public var table: String? = nil
        public var tableRow: Int? = nil
    }

    public var id: String
    /// `id version (file)` of each side; nil when the set is only on the other side.
    public var old: RuleSet.Identity?
    public var new: RuleSet.Identity?
    public var entries: [Entry]

    /// Compares two versions of a rule set.
    public static func compare(_ a: RuleSet, _ b: RuleSet) -> RuleSetDiff {
        var d = Builder()
        d.header(a, b)
        d.named(.input, Builder.fields(a.input, at: ""), Builder.fields(b.input, at: ""))
        d.named(
            .parameters, a.parameters.map { ($0.name, ValueText.literal($0.value)) },
            b.parameters.map { ($0.name, ValueText.literal($0.value)) })
        d.named(.lets, a.lets.map { ($0.name, $0.expression.source) }, b.lets.map { ($0.name, $0.expression.source) })
        d.tables(a.tables, b.tables)
        d.rules(a.rules, b.rules)
        return RuleSetDiff(id: b.id, old: a.identity, new: b.identity, entries: d.entries)
    }

    /// A set only in the old version (`new` nil) or only in the new one.
    public static func whole(old: RuleSet?, new: RuleSet?) -> RuleSetDiff {
        let set = new ?? old
        let change: Entry.Change = new == nil ? .removed : .added
        let entries = (set?.rules ?? []).map {
            Entry(
                section: .rules, change: change, subject: $0.id, field: nil, old: new == nil ? $0.title : nil,
                new: new == nil ? nil : $0.title)
        }
        return RuleSetDiff(id: set?.id ?? "", old: old?.identity, new: new?.identity, entries: entries)
    }

    private struct Builder {
        var entries: [Entry] = []

        /// Adds an entry when `old` and `new` differ; `row` names a table's row (`table`, 1-based).
        mutating func add(
            _ section: Entry.Section, _ subject: String, _ field: String?, _ old: String?, _ new: String?,
            row: (table: String, number: Int)? = nil
        ) {
            guard old != new else { return }
            let change: Entry.Change = old == nil ? .added : new == nil ? .removed : .changed
            entries.append(
                Entry(
                    section: section, change: change, subject: subject, field: field, old: old, new: new,
                    table: row?.table, tableRow: row?.number))
        }

        mutating func header(_ a: RuleSet, _ b: RuleSet) {
            let fields: [(String, (RuleSet) -> String?)] = [
                ("ruleset", { $0.id }), ("title", { $0.title }), ("title_en", { $0.titleEnglish }),
                ("version", { $0.version }),
                ("applies_to", { $0.appliesTo }), ("effective.from", { $0.declaredFrom.map { "\($0)" } }),
                ("effective.until", { $0.declaredUntil.map { "\($0)" } }), ("extends", { $0.extends }),
                ("calendar", { $0.calendarName }),
            ]
            for (name, value) in fields { add(.ruleSet, name, nil, value(a), value(b)) }
            for key in Set(a.source.keys).union(b.source.keys).sorted() {
                add(.ruleSet, "source." + key, nil, a.source[key], b.source[key])
            }
        }

        /// Named items in the new version's order, then the removed ones in the old version's.
        mutating func named(_ section: Entry.Section, _ a: [(String, String)], _ b: [(String, String)]) {
            let old = Dictionary(a, uniquingKeysWith: { x, _ in x })
            let new = Dictionary(b, uniquingKeysWith: { x, _ in x })
            for (name, value) in b { add(section, name, nil, old[name], value) }
            for (name, value) in a where new[name] == nil { add(section, name, nil, value, nil) }
        }

        mutating func tables(_ a: [DecisionTable], _ b: [DecisionTable]) {
            for t in b {
                guard let o = a.first(where: { $0.name == t.name }) else {
                    add(.tables, t.name, nil, nil, Self.tableShape(t))
                    continue
                }
                add(.tables, t.name, "hit", o.hit.rawValue, t.hit.rawValue)
                add(.tables, t.name, "inputs", Self.list(o.inputs.map(\.source)), Self.list(t.inputs.map(\.source)))
                add(
                    .tables, t.name, "default", o.defaultOutput.map(ValueText.literal),
                    t.defaultOutput.map(ValueText.literal))
                for i in 0..<max(o.rows.count, t.rows.count) {
                    add(
                        .tables, "\(t.name) row \(i + 1)", nil, o.rows.indices.contains(i) ? Self.row(o.rows[i]) : nil,
                        t.rows.indices.contains(i) ? Self.row(t.rows[i]) : nil, row: (t.name, i + 1))
                }
            }
            for o in a where !b.contains(where: { $0.name == o.name }) {
                add(.tables, o.name, nil, Self.tableShape(o), nil)
            }
        }

        /// Every declared field as `(path, spec)`, the spec as a rule set writes it (docs/ruleset-format.md), the
        /// same in every language: `decimal`, `{type: decimal, min: 0, optional: true}`, `{enum: [a, b]}`,
        /// `{list: date}`; a group `{…}` or a list of groups `{list: {…}}`, whose fields follow under `path` or
        /// `path[]`.
        static func fields(_ schema: ObjectSchema, at prefix: String) -> [(String, String)] {
            var out: [(String, String)] = []
            for f in schema.fields {
                let path = prefix.isEmpty ? f.name : prefix + "." + f.name
                var type = f.type
                var suffix = ""
                while case .list(let item) = type {
                    type = item
                    suffix += "[]"
                }
                var options: [String] = []
                if let least = f.minimum { options.append("min: \(least)") }
                if f.optional { options.append("optional: true") }
                if case .object(let inner) = type {
                    out.append((path + suffix, spec(f.type, options)))
                    out += fields(inner, at: path + suffix)
                } else {
                    out.append((path, spec(f.type, options)))
                }
            }
            return out
        }

        /// A field type with its options as the rule set writes it.
        static func spec(_ type: FieldType, _ options: [String]) -> String {
            let rest = options.map { ", " + $0 }.joined()
            switch type {
            case .enumeration(let values): return "{enum: [" + values.joined(separator: ", ") + "]" + rest + "}"
            case .list(let item): return "{list: " + spec(item, []) + rest + "}"
            case .object: return "{…" + rest + "}"
            default: return options.isEmpty ? type.description : "{type: \(type.description)" + rest + "}"
            }
        }

        /// A table added or removed, in the words of its definition: `{hit: first, inputs: [a, b], rows: 14}`.
        static func tableShape(_ t: DecisionTable) -> String {
            "{hit: \(t.hit.rawValue), inputs: " + list(t.inputs.map(\.source)) + ", rows: \(t.rows.count)}"
        }

        static func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }

        static func row(_ r: DecisionTable.Row) -> String {
            "when: " + list(r.cellSources) + ", then: " + ValueText.plain(r.output)
        }

        mutating func rules(_ a: [Rule], _ b: [Rule]) {
            var added = b.filter { r in !a.contains { $0.id == r.id } }
            var removed = a.filter { r in !b.contains { $0.id == r.id } }
            // A rule whose id changed and whose title did not: the same rule renamed.
            var renamed: [(Rule, Rule)] = []
            for r in added {
                if let i = removed.firstIndex(where: { $0.title == r.title }) {
                    renamed.append((removed.remove(at: i), r))
                }
            }
            added.removeAll { r in renamed.contains { $0.1.id == r.id } }
            for r in b {
                if let o = a.first(where: { $0.id == r.id }) {
                    fields(o, r, subject: r.id)
                } else if let (o, _) = renamed.first(where: { $0.1.id == r.id }) {
                    add(.rules, r.id, "id", o.id, r.id)
                    fields(o, r, subject: r.id)
                } else if added.contains(where: { $0.id == r.id }) {
                    add(.rules, r.id, nil, nil, r.title)
                }
            }
            for o in removed { add(.rules, o.id, nil, o.title, nil) }
        }

        mutating func fields(_ o: Rule, _ r: Rule, subject: String) {
            add(.rules, subject, "title", o.title, r.title)
            add(.rules, subject, "cite", o.cite, r.cite)
            add(.rules, subject, "severity", o.severity.rawValue, r.severity.rawValue)
            add(.rules, subject, "when", o.when?.source, r.when?.source)
            add(.rules, subject, "require", o.require.source, r.require.source)
            add(.rules, subject, "message", o.message.source, r.message.source)
            add(.rules, subject, "title_en", o.titleEnglish, r.titleEnglish)
            add(.rules, subject, "message_en", o.messageEnglish?.source, r.messageEnglish?.source)
        }
    }
}

extension RuleSet {
    /// Which version of which set, from which file.
    public struct Identity: Sendable, Equatable {
        public var id: String
        public var version: String
        public var file: String
    }

    public var identity: Identity { Identity(id: id, version: version, file: file) }
}
