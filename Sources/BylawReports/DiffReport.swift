import Bylaw
import BylawAuthoring
import BylawDiagnostics
import BylawLocale
import Foundation

/// `bylaw diff` as text, Markdown for a review, or JSON.
public enum DiffReport {
    typealias Entry = RuleSetDiff.Entry

    static func heading(_ d: RuleSetDiff, _ l: Language = .english) -> String {
        switch (d.old, d.new) {
        case (let o?, let n?):
            o.id == n.id
                ? l.text("diff.same-set", n.id, o.version, n.version)
                : l.text("diff.other-set", o.id, o.version, n.id, n.version)
        case (nil, let n?): l.text("diff.added-set", n.id, n.version)
        case (let o?, nil): l.text("diff.removed-set", o.id, o.version)
        default: l.text("diff.set", d.id)
        }
    }

    static let sectionNames: [Entry.Section: String] = [
        .ruleSet: "diff.section.header", .input: "diff.section.input", .parameters: "diff.section.parameters",
        .lets: "diff.section.let", .tables: "diff.section.tables", .rules: "diff.section.rules",
    ]

    static func sectionName(_ section: Entry.Section, _ l: Language) -> String {
        sectionNames[section].map { l.text($0) } ?? section.rawValue
    }

    static func mark(_ e: Entry) -> String {
        switch e.change {
        case .added: "+"
        case .removed: "-"
        case .changed: "~"
        }
    }

    /// What an entry is about, in `l`: its subject, a table's row named as `l` names rows (`approver 第 2 行`).
    public static func subject(_ e: RuleSetDiff.Entry, _ l: Language) -> String {
        guard let table = e.table, let row = e.tableRow else { return e.subject }
        return l.text("diff.table-row", table, String(row))
    }

    /// `+ CS-25: 新规则`, `~ CS-12 require: a → b`.
    static func line(_ e: Entry, _ l: Language = .english) -> String {
        let what = subject(e, l) + (e.field.map { " " + $0 } ?? "")
        let old = oneLine(e.old ?? "")
        let new = oneLine(e.new ?? "")
        switch e.change {
        case .added: return "+ \(what): \(new)"
        case .removed: return "- \(what): \(old)"
        case .changed: return "~ \(what): \(old) → \(new)"
        }
    }

    /// A value written over several lines (a folded expression) on one: each line break and the indentation
    /// around it become one space.
    static func oneLine(_ s: String) -> String {
        guard s.contains("\n") else { return s }
        return s.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    public static func text(_ diffs: [RuleSetDiff], language l: Language = .english) -> String {
        var out = ""
        for d in diffs {
            out += heading(d, l) + "\n"
            if d.entries.isEmpty { out += "  " + l.text("diff.none") + "\n" }
            for section in Entry.Section.allCases {
                let entries = d.entries.filter { $0.section == section }
                guard !entries.isEmpty else { continue }
                out += "  \(sectionName(section, l))\n"
                for e in entries { out += "    " + line(e, l) + "\n" }
            }
        }
        out += summary(diffs, l) + "\n"
        return out
    }

    public static func markdown(_ diffs: [RuleSetDiff], language l: Language = .english) -> String {
        var out = ""
        for d in diffs {
            out += "## " + heading(d, l) + "\n\n"
            if d.entries.isEmpty {
                out += l.text("diff.none-sentence") + "\n\n"
                continue
            }
            for section in Entry.Section.allCases {
                let entries = d.entries.filter { $0.section == section }
                guard !entries.isEmpty else { continue }
                out +=
                    "### \(sectionName(section, l))\n\n" + l.text("diff.table-head") + "\n| --- | --- | --- | --- |\n"
                for e in entries {
                    let what = subject(e, l) + (e.field.map { " · " + $0 } ?? "")
                    out += "| \(mark(e)) | \(cell(what)) | \(e.old.map(code) ?? "") | \(e.new.map(code) ?? "") |\n"
                }
                out += "\n"
            }
        }
        out += summary(diffs, l) + "\n"
        return out
    }

    public static func json(_ diffs: [RuleSetDiff]) -> String {
        func identity(_ i: RuleSet.Identity?) -> String {
            guard let i else { return "null" }
            return
                "{\"id\":\(JSONText.quote(i.id)),\"version\":\(JSONText.quote(i.version)),\"file\":\(JSONText.quote(i.file))}"
        }
        func text(_ s: String?) -> String { s.map(JSONText.quote) ?? "null" }
        let sets = diffs.map { d in
            let entries = d.entries.map { e in
                "{\"section\":\(JSONText.quote(e.section.rawValue)),\"change\":\(JSONText.quote(e.change.rawValue)),"
                    + "\"subject\":\(JSONText.quote(e.subject)),\"field\":\(text(e.field)),"
                    + "\"old\":\(text(e.old)),\"new\":\(text(e.new))}"
            }
            return "{\"id\":\(JSONText.quote(d.id)),\"old\":\(identity(d.old)),\"new\":\(identity(d.new)),"
                + "\"changes\":[" + entries.joined(separator: ",") + "]}"
        }
        let count = diffs.reduce(0) { $0 + $1.entries.count }
        return "{\"differences\":\(count),\"rule_sets\":[" + sets.joined(separator: ",") + "]}"
    }

    static func summary(_ diffs: [RuleSetDiff], _ l: Language = .english) -> String {
        let all = diffs.flatMap(\.entries)
        let rules = all.filter { $0.section == .rules }
        let changedRules = Set(rules.filter { $0.change == .changed }.map(\.subject)).count
        return l.text(
            all.count == 1 ? "diff.summary-one" : "diff.summary", String(all.count),
            String(rules.filter { $0.change == .added }.count), String(rules.filter { $0.change == .removed }.count),
            String(changedRules))
    }

    /// Markdown table cell text: pipes and line breaks escaped.
    private static func cell(_ s: String) -> String {
        oneLine(s).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    private static func code(_ s: String) -> String {
        let inner = cell(s)
        return inner.contains("`") ? "`` " + inner + " ``" : "`" + inner + "`"
    }
}
