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

    /// The run's facts under the page's title, in `l`.
    static func meta(_ run: BatchRunInfo, _ l: Language) -> [String] {
        let none = l.text("report.none-parenthesised")
        var meta = [l.text("html.inputs", run.inputs.isEmpty ? none : run.inputs.joined(separator: ", "))]
        if let asOf = run.asOf { meta.append(l.text("html.as-of", l.proseDate(asOf))) }
        let sets = run.ruleSets.map { "\($0.id) \($0.version)" }.joined(separator: ", ")
        meta.append(l.text("html.rule-sets", sets.isEmpty ? none : sets))
        meta.append("bylaw " + run.bylawVersion)
        return meta
    }

    static func head(_ run: BatchRunInfo, _ l: Language = .english) -> String {
        let facts = meta(run, l).indices.map { i in label("span", l) { meta(run, $0)[i] } }
        return "<!DOCTYPE html>\n<html lang=\"\(l.htmlTag)\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<meta name=\"generator\" content=\(attr("bylaw " + run.bylawVersion))>\n"
            + label("title", l) { $0.text("html.title") + " · bylaw" } + "\n<style>\n" + HTMLAssets.css
            + "</style>\n</head>\n<body>\n<header class=\"top\"><div class=\"wrap\">" + languageSwitch(l)
            + label("h1", l, id: "html.title") + "\n<p class=\"meta\">" + facts.joined(separator: "")
            + "</p></div></header>\n<main>\n"
    }

    static func figures(_ t: BatchTally, _ l: Language = .english) -> String {
        var out = "<section class=\"figures\"" + labelAttribute("aria-label", l) { $0.text("html.figures") } + ">\n"
        out += figure("records", label("span", l, " class=\"l\"", id: "html.records"), t.records, share: nil)
        for v in BatchReports.verdictOrder {
            let name = label("span", l, " class=\"l\"") { TextBatchReporter.name(v, $0) }
            out += figure(v.rawValue, name, t.count(v), share: Ratio(part: t.count(v), whole: t.records))
        }
        return out + "</section>\n"
    }

    /// One summary figure; `label` is its markup.
    private static func figure(_ cls: String, _ label: String, _ n: Int, share: Ratio?) -> String {
        "<div class=\"figure \(cls)\" data-verdict=\(attr(cls)) data-count=\"\(n)\"><span class=\"n\">\(grouped(n))</span>"
            + label + (share.map { "<span class=\"s\">\($0.percent)</span>" } ?? "") + "</div>\n"
    }

    /// A chart with its caption; `subtitle` in a language, and the other texts, are catalogue ids.
    static func chartPanel(
        _ title: String, _ subtitle: (Language) -> String, chart: SVGBarChart, shown: Int, of total: Int,
        empty: String, _ l: Language = .english
    ) -> String {
        var out = "<figure class=\"panel chart\">\n<figcaption>" + label("h2", l, id: title)
        out += label("span", l, " class=\"muted\"", subtitle) + "</figcaption>\n"
        out += total == 0 ? label("p", l, " class=\"empty\"", id: empty) + "\n" : chart.render() + "\n"
        if shown < total {
            out += label("p", l, " class=\"muted\"") { $0.text("html.largest", String(shown), String(total)) } + "\n"
        }
        return out + "</figure>\n"
    }

    static func ruleTable(_ rules: [BatchTally.RuleCount], _ l: Language = .english) -> String {
        guard !rules.isEmpty else { return "" }
        func th(_ id: String, num: Bool = false) -> String { label("th", l, num ? " class=\"num\"" : "", id: id) }
        var out = "<details class=\"panel\" id=\"by-rule\">" + label("summary", l, id: "html.rule-table") + "\n"
        out +=
            "<table class=\"grid\"><thead><tr>" + th("html.col.rule-set") + th("html.col.rule") + th("html.col.title")
        out += th("html.col.cite") + th("html.col.severity") + th("html.col.failed", num: true)
        out += th("html.col.errors", num: true) + "</tr></thead><tbody>\n"
        for r in rules {
            out += "<tr><td>\(text(r.ruleSet))</td><td class=\"key\">\(text(r.ruleID))</td><td>\(text(r.title(l)))</td>"
            out += "<td>\(text(r.cite))</td>" + label("td", l) { severity(r.severity, $0) }
            out += "<td class=\"num\">\(grouped(r.failed))</td><td class=\"num\">\(grouped(r.errors))</td></tr>\n"
        }
        return out + "</tbody></table></details>\n"
    }

    /// A rule's severity as the rule table writes it: the machine name in English, the catalogue's word else.
    private static func severity(_ s: RuleSeverity, _ l: Language) -> String {
        l == .english ? s.rawValue : l.text("severity." + s.rawValue)
    }

    static func unitTable(_ tally: BatchTally, _ l: Language = .english) -> String {
        let units = tally.byUnit
        guard !units.isEmpty else { return "" }
        var out = "<details class=\"panel\" id=\"by-unit\">" + label("summary", l, id: "html.unit-table") + "\n"
        out += "<table class=\"grid\"><thead><tr>" + label("th", l, id: "html.col.unit")
        out += label("th", l, " class=\"num\"", id: "html.col.records")
        for v in [Verdict.nonCompliant, .needsReview, .invalid, .error] {
            out += label("th", l, " class=\"num\"") { TextBatchReporter.name(v, $0) }
        }
        out += label("th", l, " class=\"num\"", id: "html.col.share") + "</tr></thead><tbody>\n"
        for u in units {
            out += "<tr>" + label("td", l) { u.label(in: $0) } + "<td class=\"num\">\(grouped(u.records))</td>"
            for v in [Verdict.nonCompliant, .needsReview, .invalid, .error] {
                out += "<td class=\"num\">\(grouped(u.count(v)))</td>"
            }
            out += "<td class=\"num\">\(u.nonCompliantShare.percent)</td></tr>\n"
        }
        out += "</tbody></table>"
        if tally.unitsCapped {
            out += label("p", l, " class=\"muted\"") {
                TextBatchReporter.capNote(tally, $0) + ($0 == .chinese ? "。" : ".")
            }
        }
        return out + "</details>\n"
    }

    /// The filter bar, hidden until the script shows it (it does nothing without the script).
    static func controls(
        _ rules: [BatchTally.RuleCount], _ units: [BatchTally.UnitCount], listed: Int, _ l: Language = .english
    ) -> String {
        var out = "<div class=\"controls\" id=\"controls\" hidden>\n"
        func named(_ id: String) -> String { labelAttribute("aria-label", l) { $0.text(id) } }
        out += "<input type=\"search\" id=\"q\"" + labelAttribute("placeholder", l) { $0.text("html.filter") }
        out += named("html.filter-label") + ">\n"
        out += "<select id=\"f-verdict\"" + named("html.col.verdict") + ">"
        out += label("option", l, " value=\"\"", id: "html.all-verdicts")
        for v in [Verdict.nonCompliant, .needsReview, .invalid, .error] {
            out += label("option", l, " value=" + attr(v.rawValue)) { TextBatchReporter.name(v, $0) }
        }
        out += "</select>\n<select id=\"f-rule\"" + named("html.col.rule") + ">"
        out += label("option", l, " value=\"\"", id: "html.all-rules")
        for r in rules {
            out += "<option value=\(attr(r.ruleSet + "/" + r.ruleID))>\(text(r.ruleID + " " + r.title(l)))</option>"
        }
        out += "</select>\n<select id=\"f-unit\"" + named("html.col.unit") + ">"
        out += label("option", l, " value=\"\"", id: "html.all-units")
        for u in units where u.records > u.count(.compliant) {
            out += label("option", l, " value=" + attr(unitKey(u))) { u.label(in: $0) }
        }
        out += "</select>\n" + label("button", l, " type=\"button\" id=\"f-clear\"", id: "html.clear") + "\n"
        out += label("span", l, " class=\"muted\" id=\"shown\"") { $0.text("html.shown", grouped(listed)) }
        return out + "\n</div>\n"
    }

    /// The head of the table of records, in `l`.
    static func tableHead(_ l: Language = .english) -> String {
        func th(_ sort: String?, _ id: String, num: Bool = false) -> String {
            label(
                "th", l, (sort.map { " data-sort=\"\($0)\"" } ?? "") + " scope=\"col\"" + (num ? " class=\"num\"" : ""),
                id: id)
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
        out += "<td data-value=\"\(item.index)\" class=\"src\">\(text(BatchReports.place(item.source, l)))</td>"
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
                if let e = f.error {
                    out +=
                        "<div class=\"msg err\">" + label("span", l, id: "report.error-prefix")
                        + text(DiagnosticWording.ruleError(e, l)) + "</div>"
                }
                if let p = f.provisional {
                    out +=
                        "<div class=\"msg\">"
                        + label("span", l) { $0.text("report.provisional-prefix") + p.message($0) }
                    out += "</div>"
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
