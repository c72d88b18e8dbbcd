import Bylaw
import BylawCEL
import BylawDiagnostics
import BylawLocale

/// Renders `bylaw explain`: text with power-assert diagrams, or the JSON documented in docs/json-output.md.
public enum ExplainReport {
    /// Values longer than this many display cells are cut with `…` in diagrams (JSON has them whole).
    static let maxValueWidth = 60

    // MARK: Text

    /// The text report: a header, then per rule its outcome, `when` and `require` diagrams, `let`s and tables;
    /// its words in `language`, and for an English reader the rules' English titles and messages where given.
    public static func text(_ x: DecisionExplanation, colour: Bool = false, language: Language = .english) -> String {
        let paint = Painter(colour: colour, language: language)
        let r = x.result
        let what = [r.kind, r.id, r.date, r.unit].compactMap { $0 }.joined(separator: "  ")
        var out = paint.bold(language.text("verdict." + r.verdict.rawValue)) + "  " + (what.isEmpty ? r.file : what)
        let sets = r.ruleSets.map(\.label).joined(separator: ", ")
        out += "\n" + paint.dim("  \(r.file)" + (sets.isEmpty ? "" : language.text("check.rule-sets", sets))) + "\n"
        for rule in x.rules {
            out += "\n" + text(rule, paint)
        }
        return out
    }

    private static func text(_ x: RuleExplanation, _ paint: Painter) -> String {
        let l = paint.language
        let r = l == .english ? x.result.inEnglish() : x.result
        let (mark, code): (String, String) =
            switch r.outcome {
            case .passed: ("✓", "1;32")
            case .failed: ("✗", r.severity == .violation ? "1;31" : "1;33")
            case .notApplicable: ("–", "2")
            case .error: ("!", "1;35")
            }
        var out =
            paint.paint(code, mark) + " " + paint.bold(r.ruleID) + "  " + r.title + "  " + paint.paint("36", r.cite)
            + "  " + paint.paint(code, l == .english ? r.outcome.rawValue : l.text("outcome." + r.outcome.rawValue))
            + (r.severity == .violation
                ? ""
                : l == .english
                    ? " (\(r.severity.rawValue))"
                    : l.text("report.severity-aside", l.text("severity." + r.severity.rawValue)))
            + "\n"
        if let m = r.message { out += "  " + m + "\n" }
        if let e = r.error {
            out += "  " + paint.paint("35", l.text("report.error-prefix")) + DiagnosticWording.ruleError(e, l) + "\n"
        }
        if let when = x.when { out += expression("when", when, paint) }
        out += expression("require", x.require, paint)
        if !x.lets.isEmpty {
            out += "  let\n"
            for binding in x.lets { out += "    \(binding.name) = " + shown(binding.value, l) + "\n" }
        }
        for t in x.tables {
            out +=
                "  " + l.text("explain-report.table", t.name, t.hit.rawValue, shown(t.result, l))
                + (t.usedDefault ? l.text("explain-report.default") : "") + "\n"
            for input in t.inputs { out += "    \(input.source) = \(ValueText.literal(input.value))\n" }
            for row in t.rows {
                let head = "    " + l.text("explain-report.row", String(row.row), String(row.line))
                out +=
                    head
                    + (row.matched
                        ? paint.paint("32", l.text("explain-report.matched"))
                        : reason(row, l))
                    + "\n"
            }
            if t.matchedRow == nil { out += "    " + l.text("explain-report.no-row-matched") + "\n" }
        }
        return out
    }

    private static func expression(_ label: String, _ t: ExpressionTrace, _ paint: Painter) -> String {
        guard t.evaluated else {
            return "  \(label)  " + paint.dim(paint.language.text("explain-report.not-evaluated")) + "\n    "
                + oneLine(t.source)
                + "\n"
        }
        var out = "  \(label)\n"
        for line in diagram(t) { out += "    " + line + "\n" }
        if t.nodes.contains(where: { $0.lastIteration && $0.kind != "literal" }) {
            out += "    " + paint.dim(paint.language.text("explain-report.last-iteration")) + "\n"
        }
        return out
    }

    /// The expression on one line, then `|` markers under each sub-expression's anchor and its value:
    /// rightmost values first, each on the highest line where it fits. Columns are display cells.
    public static func diagram(_ t: ExpressionTrace) -> [String] {
        let source = Array(oneLine(t.source).unicodeScalars)
        var column = [0]
        for s in source { column.append(column[column.count - 1] + DisplayWidth.of(s)) }
        func col(_ offset: Int) -> Int { column[max(0, min(offset, source.count))] }

        var items: [(column: Int, text: String)] = []
        var taken: Set<Int> = []
        for node in t.nodes where node.kind != "literal" {
            let c = col(node.anchor)
            guard taken.insert(c).inserted else { continue }
            let text: String
            switch node.value {
            case .success(let v): text = ValueText.literal(v)
            case .failure(let e):
                let inner = t.nodes.contains {
                    $0.offset >= node.offset && $0.offset + $0.length <= node.offset + node.length
                        && ($0.offset, $0.length) != (node.offset, node.length) && $0.value == .failure(e)
                }
                text = inner ? "error" : "error: " + e.message
            }
            items.append((c, cut(text)))
        }
        items.sort { $0.column > $1.column }

        var grid: [[String?]] = [[]]
        func set(_ row: Int, _ c: Int, _ s: String?) {
            while grid.count <= row { grid.append([]) }
            while grid[row].count <= c { grid[row].append(nil) }
            grid[row][c] = s
        }
        func free(_ row: Int, _ from: Int, _ to: Int) -> Bool {
            guard row < grid.count else { return true }
            return (from..<to).allSatisfy { $0 >= grid[row].count || grid[row][$0] == nil }
        }
        for item in items { set(0, item.column, "|") }
        for item in items {
            let width = DisplayWidth.of(item.text)
            var row = 1
            while !free(row, item.column, item.column + width + 1) { row += 1 }
            for above in 1..<row { set(above, item.column, "|") }
            var c = item.column
            for ch in item.text {
                let w = DisplayWidth.of(String(ch))
                set(row, c, String(ch))
                for extra in 1..<max(w, 1) { set(row, c + extra, "") }
                c += max(w, 1)
            }
        }
        var lines = [String(String.UnicodeScalarView(source))]
        for row in grid where !row.isEmpty {
            var s = row.map { $0 ?? " " }.joined()
            while s.last == " " { s.removeLast() }
            lines.append(s)
        }
        return lines
    }

    private static func oneLine(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { "\n\r\t".unicodeScalars.contains($0) ? " " : $0 }))
    }

    private static func cut(_ s: String) -> String {
        guard DisplayWidth.of(s) > maxValueWidth else { return s }
        var out = ""
        for ch in s {
            if DisplayWidth.of(out) + DisplayWidth.of(String(ch)) > maxValueWidth - 1 { break }
            out.append(ch)
        }
        return out + "…"
    }

    private static func shown(_ r: CELResult, _ l: Language = .english) -> String {
        switch r {
        case .success(let v): return ValueText.literal(v)
        case .failure(let e): return l.text("report.error-prefix") + DiagnosticWording.ruleError(e.message, l)
        }
    }

    /// Why a table row did not match, in `l`: its first failing cell and the input held against it.
    private static func reason(_ row: RowExplanation, _ l: Language) -> String {
        guard let cell = row.failedCell, let text = row.cell, let value = row.value else {
            return row.reason ?? l.text("explain-report.did-not-match")
        }
        if l == .english { return row.reason ?? "" }
        let quoted = JSONText.quote(text)
        if let error = row.error {
            return l.text(
                "explain-report.cell-failed", String(cell), quoted, value, DiagnosticWording.ruleError(error, l))
        }
        return l.text("explain-report.cell-mismatch", String(cell), quoted, value)
    }

    private struct Painter {
        var colour: Bool
        var language: Language = .english
        func paint(_ code: String, _ s: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        func bold(_ s: String) -> String { paint("1", s) }
        func dim(_ s: String) -> String { paint("2", s) }
    }

    // MARK: JSON

    /// `{"bylaw_version", "file", …, "verdict", "rule_sets", "rules": [...], "diagnostics"}`.
    public static func json(_ x: DecisionExplanation) -> String {
        let r = x.result
        var f = ["\"bylaw_version\":\(JSONText.quote(BylawVersion.current))", ResultJSON.header(r)]
        f.append("\"rules\":[" + x.rules.map(json).joined(separator: ",") + "]")
        f.append("\"diagnostics\":[" + r.diagnostics.sortedForOutput().map(\.json).joined(separator: ",") + "]")
        return "{" + f.joined(separator: ",") + "}"
    }

    private static func json(_ x: RuleExplanation) -> String {
        let r = x.result
        let f = [
            ResultJSON.ruleHeader(r),
            "\"when\":" + (x.when.map(json) ?? "null"),
            "\"require\":" + json(x.require),
            "\"lets\":["
                + x.lets.map { "{\"name\":\(JSONText.quote($0.name)),\(valueAndError($0.value))}" }
                .joined(separator: ",") + "]",
            "\"tables\":[" + x.tables.map(json).joined(separator: ",") + "]",
        ]
        return "{" + f.joined(separator: ",") + "}"
    }

    private static func json(_ t: ExpressionTrace) -> String {
        let nodes = t.nodes.map { n in
            "{\"offset\":\(n.offset),\"length\":\(n.length),\"anchor\":\(n.anchor),\"kind\":\(JSONText.quote(n.kind)),"
                + valueAndError(n.value) + ",\"last_iteration\":\(n.lastIteration)}"
        }
        return "{\"source\":\(JSONText.quote(t.source)),\"evaluated\":\(t.evaluated),"
            + (t.value.map(valueAndError) ?? "\"value\":null,\"error\":null")
            + ",\"nodes\":[" + nodes.joined(separator: ",") + "]}"
    }

    private static func json(_ t: TableExplanation) -> String {
        let inputs = t.inputs.map { "{\"source\":\(JSONText.quote($0.source)),\"value\":\(ValueText.json($0.value))}" }
        let rows = t.rows.map { r in
            "{\"row\":\(r.row),\"line\":\(r.line),\"matched\":\(r.matched),"
                + "\"failed_cell\":\(r.failedCell.map(String.init) ?? "null"),\"cell\":\(optional(r.cell)),"
                + "\"reason\":\(optional(r.reason))}"
        }
        return "{\"name\":\(JSONText.quote(t.name)),\"hit\":\(JSONText.quote(t.hit.rawValue)),"
            + "\"inputs\":[" + inputs.joined(separator: ",") + "],"
            + "\"matched_row\":\(t.matchedRow.map(String.init) ?? "null"),"
            + valueAndError(t.result) + ",\"default_used\":\(t.usedDefault),"
            + "\"rows\":[" + rows.joined(separator: ",") + "]}"
    }

    /// `"value":…,"error":null` or `"value":null,"error":"message"`.
    private static func valueAndError(_ r: CELResult) -> String {
        switch r {
        case .success(let v): return "\"value\":\(ValueText.json(v)),\"error\":null"
        case .failure(let e): return "\"value\":null,\"error\":\(JSONText.quote(e.message))"
        }
    }

    private static func optional(_ s: String?) -> String { s.map(JSONText.quote) ?? "null" }
}
