import Bylaw
import BylawBatch
import BylawDiagnostics
import BylawLocale

/// The pieces of the HTML audit report, each escaped at the point where text meets markup.
enum HTMLParts {
    static func text(_ s: String) -> String { MarkupText.escape(s) }
    static func attr(_ s: String) -> String { "\"" + MarkupText.escape(s, attribute: true) + "\"" }

    /// The unit filter's key of a unit: `u:` and the name, `n:` for records without a unit, `o:` for the units
    /// counted together as `(other units)` (a unit whose name is nil when `others` is true).
    static func unitKey(_ unit: String?, others: Bool = false) -> String {
        unit.map { "u:" + $0 } ?? (others ? "o:" : "n:")
    }

    /// The unit filter's key of a row of the unit tally.
    static func unitKey(_ u: BatchTally.UnitCount) -> String { unitKey(u.unit, others: u.isOtherUnits) }

    /// `1,234,567`.
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n.magnitude))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(d)
        }
        return (n < 0 ? "-" : "") + out
    }

    static func head(_ run: BatchRunInfo, _ l: Language = .english) -> String {
        let none = l.text("report.none-parenthesised")
        var meta = [l.text("html.inputs", run.inputs.isEmpty ? none : run.inputs.joined(separator: ", "))]
        if let asOf = run.asOf { meta.append(l.text("html.as-of", l.proseDate(asOf))) }
        let sets = run.ruleSets.map { "\($0.id) \($0.version)" }.joined(separator: ", ")
        meta.append(l.text("html.rule-sets", sets.isEmpty ? none : sets))
        meta.append("bylaw " + run.bylawVersion)
        let title = text(l.text("html.title"))
        return "<!DOCTYPE html>\n<html lang=\"\(l.htmlTag)\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<meta name=\"generator\" content=\(attr("bylaw " + run.bylawVersion))>\n"
            + "<title>\(title) · bylaw</title>\n<style>\n" + HTMLAssets.css + "</style>\n</head>\n<body>\n"
            + "<header class=\"top\"><div class=\"wrap\"><h1>\(title)</h1>\n<p class=\"meta\">"
            + meta.map { "<span>" + text($0) + "</span>" }.joined(separator: "") + "</p></div></header>\n<main>\n"
    }

    static func figures(_ t: BatchTally, _ l: Language = .english) -> String {
        var out = "<section class=\"figures\" aria-label=\(attr(l.text("html.figures")))>\n"
        out += figure("records", l.text("html.records"), t.records, share: nil)
        for v in BatchReports.verdictOrder {
            out += figure(
                v.rawValue, TextBatchReporter.name(v, l), t.count(v), share: Ratio(part: t.count(v), whole: t.records))
        }
        return out + "</section>\n"
    }

    private static func figure(_ cls: String, _ label: String, _ n: Int, share: Ratio?) -> String {
        "<div class=\"figure \(cls)\" data-verdict=\(attr(cls)) data-count=\"\(n)\"><span class=\"n\">\(grouped(n))</span>"
            + "<span class=\"l\">\(text(label))</span>"
            + (share.map { "<span class=\"s\">\($0.percent)</span>" } ?? "") + "</div>\n"
    }

    static func chartPanel(
        _ title: String, _ subtitle: String, chart: SVGBarChart, shown: Int, of total: Int, empty: String,
        _ l: Language = .english
    ) -> String {
        var out = "<figure class=\"panel chart\">\n<figcaption><h2>\(text(title))</h2>"
        out += "<span class=\"muted\">\(text(subtitle))</span></figcaption>\n"
        out += total == 0 ? "<p class=\"empty\">\(text(empty))</p>\n" : chart.render() + "\n"
        if shown < total {
            out += "<p class=\"muted\">\(text(l.text("html.largest", String(shown), String(total))))</p>\n"
        }
        return out + "</figure>\n"
    }

    static func ruleTable(_ rules: [BatchTally.RuleCount], _ l: Language = .english) -> String {
        guard !rules.isEmpty else { return "" }
        func th(_ id: String, num: Bool = false) -> String {
            (num ? "<th class=\"num\">" : "<th>") + text(l.text(id)) + "</th>"
        }
        var out = "<details class=\"panel\" id=\"by-rule\"><summary>\(text(l.text("html.rule-table")))</summary>\n"
        out +=
            "<table class=\"grid\"><thead><tr>" + th("html.col.rule-set") + th("html.col.rule") + th("html.col.title")
        out += th("html.col.cite") + th("html.col.severity") + th("html.col.failed", num: true)
        out += th("html.col.errors", num: true) + "</tr></thead><tbody>\n"
        for r in rules {
            out += "<tr><td>\(text(r.ruleSet))</td><td class=\"key\">\(text(r.ruleID))</td><td>\(text(r.title(l)))</td>"
            out +=
                "<td>\(text(r.cite))</td><td>\(text(l == .english ? r.severity.rawValue : l.text("severity." + r.severity.rawValue)))</td>"
            out += "<td class=\"num\">\(grouped(r.failed))</td><td class=\"num\">\(grouped(r.errors))</td></tr>\n"
        }
        return out + "</tbody></table></details>\n"
    }

    static func unitTable(_ tally: BatchTally, _ l: Language = .english) -> String {
        let units = tally.byUnit
        guard !units.isEmpty else { return "" }
        var out = "<details class=\"panel\" id=\"by-unit\"><summary>\(text(l.text("html.unit-table")))</summary>\n"
        out += "<table class=\"grid\"><thead><tr><th>\(text(l.text("html.col.unit")))</th>"
        out += "<th class=\"num\">\(text(l.text("html.col.records")))</th>"
        for v in [Verdict.nonCompliant, .needsReview, .invalid, .error] {
            out += "<th class=\"num\">\(text(TextBatchReporter.name(v, l)))</th>"
        }
        out += "<th class=\"num\">\(text(l.text("html.col.share")))</th></tr></thead><tbody>\n"
        for u in units {
            out += "<tr><td>\(text(u.label(in: l)))</td><td class=\"num\">\(grouped(u.records))</td>"
            for v in [Verdict.nonCompliant, .needsReview, .invalid, .error] {
                out += "<td class=\"num\">\(grouped(u.count(v)))</td>"
            }
            out += "<td class=\"num\">\(u.nonCompliantShare.percent)</td></tr>\n"
        }
        out += "</tbody></table>"
        if tally.unitsCapped {
            out +=
                "<p class=\"muted\">" + text(TextBatchReporter.capNote(tally, l)) + (l == .chinese ? "。" : ".") + "</p>"
        }
        return out + "</details>\n"
    }

    /// The filter bar, hidden until the script shows it (it does nothing without the script).
    static func controls(
        _ rules: [BatchTally.RuleCount], _ units: [BatchTally.UnitCount], listed: Int, _ l: Language = .english
    ) -> String {
        var out = "<div class=\"controls\" id=\"controls\" hidden>\n"
        out += "<input type=\"search\" id=\"q\" placeholder=\(attr(l.text("html.filter")))"
        out += " aria-label=\(attr(l.text("html.filter-label")))>\n"
        out += "<select id=\"f-verdict\" aria-label=\(attr(l.text("html.col.verdict")))><option value=\"\">"
        out += text(l.text("html.all-verdicts")) + "</option>"
        for v in [Verdict.nonCompliant, .needsReview, .invalid, .error] {
            out += "<option value=\(attr(v.rawValue))>\(text(TextBatchReporter.name(v, l)))</option>"
        }
        out += "</select>\n<select id=\"f-rule\" aria-label=\(attr(l.text("html.col.rule")))><option value=\"\">"
        out += text(l.text("html.all-rules")) + "</option>"
        for r in rules {
            out += "<option value=\(attr(r.ruleSet + "/" + r.ruleID))>\(text(r.ruleID + " " + r.title(l)))</option>"
        }
        out += "</select>\n<select id=\"f-unit\" aria-label=\(attr(l.text("html.col.unit")))><option value=\"\">"
        out += text(l.text("html.all-units")) + "</option>"
        for u in units where u.records > u.count(.compliant) {
            out += "<option value=\(attr(unitKey(u)))>\(text(u.label(in: l)))</option>"
        }
        out += "</select>\n"
        out += "<button type=\"button\" id=\"f-clear\">\(text(l.text("html.clear")))</button>\n"
        out += "<span class=\"muted\" id=\"shown\">\(text(l.text("html.shown", grouped(listed))))</span>\n</div>\n"
        return out
    }

    /// The head of the table of records, in `l`.
    static func tableHead(_ l: Language = .english) -> String {
        func th(_ sort: String?, _ id: String, num: Bool = false) -> String {
            "<th" + (sort.map { " data-sort=\"\($0)\"" } ?? "") + " scope=\"col\"" + (num ? " class=\"num\"" : "") + ">"
                + text(l.text(id)) + "</th>"
        }
        return "<div class=\"scroll\">\n<table class=\"records\" id=\"records-table\">\n"
            + "<colgroup><col class=\"src\"><col class=\"rec\"><col class=\"unit\"><col class=\"date\"><col class=\"v\">"
            + "<col class=\"n\"><col class=\"findings\"></colgroup>\n<thead><tr>"
            + th("num", "html.col.source") + th("text", "html.col.record") + th("text", "html.col.unit")
            + th("text", "html.col.date") + th("text", "html.col.verdict") + th("num", "html.col.rules", num: true)
            + th(nil, "html.col.findings") + "</tr></thead>\n<tbody>\n"
    }

    /// One record's table row. `data-rules` holds ` set/id ` pairs for the rule filter; the source cell sorts by
    /// input order.
    static func row(_ item: BatchItem, unitKey: String, language l: Language = .english) -> String {
        let r = item.result
        let findings = BatchReports.findings(r, in: l)
        let ruleKeys = " " + findings.map { $0.ruleSet + "/" + $0.ruleID }.joined(separator: " ") + " "
        var out =
            "<tr data-verdict=\(attr(r.verdict.rawValue)) data-unit=\(attr(unitKey)) data-rules=\(attr(ruleKeys))>"
        out += "<td data-value=\"\(item.index)\" class=\"src\">\(text(item.source.description))</td>"
        out +=
            "<td class=\"rec\">\(text(r.id ?? ""))" + (r.kind.map { "<div class=\"muted\">\(text($0))</div>" } ?? "")
            + "</td>"
        out += "<td class=\"unit\">\(text(r.unit ?? ""))</td><td class=\"date\">\(text(r.date ?? ""))</td>"
        out +=
            "<td class=\"v\"><span class=\"verdict \(r.verdict.rawValue)\">\(text(TextBatchReporter.name(r.verdict, l)))</span></td>"
        out += "<td class=\"num n\" data-value=\"\(findings.count)\">\(findings.count)</td><td class=\"findings\">"
        let diagnostics = r.diagnostics.sortedForOutput()
        if !diagnostics.isEmpty {
            out += "<ul class=\"diags\">"
            for d in diagnostics { out += "<li class=\"\(d.severity.rawValue)\">\(text(d.description(in: l)))</li>" }
            out += "</ul>"
        }
        if !findings.isEmpty {
            out += "<ul>"
            for f in findings {
                out += "<li class=\"finding \(f.outcome == .error ? "error" : f.severity.rawValue)\">"
                out += "<span class=\"key\">\(text(f.ruleID))</span> \(text(f.title)) <cite>\(text(f.cite))</cite>"
                if let m = f.message { out += "<div class=\"msg\">\(text(m))</div>" }
                if let e = f.error { out += "<div class=\"msg err\">\(text(l.text("report.error-prefix") + e))</div>" }
                if let p = f.provisional {
                    out += "<div class=\"msg\">\(text(l.text("report.provisional-prefix") + p.message(l)))</div>"
                }
                if !f.evidence.isEmpty {
                    out += "<div class=\"ev\">"
                    out += f.evidence.map { "<code>\(text($0.path)) = \(text(ValueText.literal($0.value)))</code>" }
                        .joined(separator: " ")
                    out += "</div>"
                }
                out += "</li>"
            }
            out += "</ul>"
        }
        return out + "</td></tr>\n"
    }
}
