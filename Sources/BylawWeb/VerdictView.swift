import Bylaw
import BylawAudit
import BylawDiagnostics
import BylawLocale

/// A checked decision as a page section: the verdict, every failed rule with its title, message, the article
/// it cites and the evidence, then errors, then passed and not-applicable rules folded, then the receipt.
/// Sensitive values are shown masked, as `check` prints them.
enum VerdictView {
    /// A verdict (`compliant`, `non_compliant`, …) in words, as the pages show it.
    static func name(_ verdict: String, _ lang: Lang) -> String { Words.text("web.verdict.name." + verdict, lang) }

    /// - Parameter kindLabel: how the kind is shown (the title of its rule sets), the kind itself by default.
    /// - Parameter explainable: the decision as sent (its name, text and whether it is JSON), for the "explain"
    ///   button beside each failed rule; nil shows none.
    static func render(
        _ raw: DecisionResult, receipt: Receipt?, kindLabel: String? = nil,
        explainable: (name: String, text: String, json: Bool)? = nil, _ ctx: PageContext
    ) -> String {
        let r = raw.masked()
        let w = { (id: String) in Words.text(id, ctx.lang) }
        var out = "<section class=\"result\" aria-labelledby=\"verdict\">"
        out +=
            "<p id=\"verdict\" class=\"verdict \(r.verdict.rawValue)\" role=\"status\">"
            + "\(name(r.verdict.rawValue, ctx.lang))</p>"
        out += "<table class=\"facts\"><tbody>"
        let facts = [
            (w("web.verdict.decision"), r.id), (w("web.verdict.kind"), kindLabel ?? r.kind),
            (w("web.verdict.date"), r.date), (w("web.verdict.unit"), r.unit),
        ]
        for (label, v) in facts {
            out += "<tr><th scope=\"row\">\(label)</th><td>\(HTML.h(v ?? "—"))</td></tr>"
        }
        let sets = r.ruleSets.map { "\($0.id) \($0.version)" }.joined(separator: ctx.lang.language.listSeparator)
        out +=
            "<tr><th scope=\"row\">\(w("web.verdict.rulesets"))</th><td>\(HTML.h(sets.isEmpty ? "—" : sets))</td></tr>"
        out += "</tbody></table>"
        let failed = r.results(.failed)
        let counts = Words.text(
            "web.verdict.count", ctx.lang, String(r.results.count), String(r.results(.passed).count),
            String(failed.count), String(r.results(.notApplicable).count))
        out += "<p>\(HTML.h(counts))</p>"
        let explain = explainable != nil
        out += findings(
            failed.filter { $0.severity == .violation }, heading: w("web.verdict.violations"), id: "violations",
            explain, ctx)
        out += findings(
            failed.filter { $0.severity != .violation }, heading: w("web.verdict.warnings"), id: "warnings", explain,
            ctx)
        out += findings(r.results(.error), heading: w("web.verdict.errors"), id: "errors", explain, ctx)
        if let e = explainable {
            out +=
                "<form id=\"explain-form\" method=\"post\" action=\"\(ctx.url("/check/explain"))\" class=\"noprint\">"
            out += ctx.csrfField + "<input type=\"hidden\" name=\"name\" value=\"\(HTML.h(e.name))\">"
            out += "<input type=\"hidden\" name=\"json\" value=\"\(e.json)\">"
            out += "<input type=\"hidden\" name=\"document\" value=\"\(HTML.h(e.text))\"></form>"
        }
        if !r.diagnostics.isEmpty {
            out += "<h2>\(w("web.verdict.notes"))</h2><ul class=\"diagnostics\">"
            for d in r.diagnostics { out += "<li>\(HTML.h(Words.diagnostic(d, ctx.lang)))</li>" }
            out += "</ul>"
        }
        out += folded(r.results(.passed), heading: w("web.verdict.passed"), ctx)
        out += folded(r.results(.notApplicable), heading: w("web.verdict.na"), ctx)
        out += receiptSection(receipt, ctx)
        return out + "</section>"
    }

    private static func findings(
        _ results: [RuleResult], heading: String, id: String, _ explain: Bool, _ ctx: PageContext
    ) -> String {
        guard !results.isEmpty else { return "" }
        let w = { (id: String) in Words.text(id, ctx.lang) }
        let counted = Words.text("web.parenthesis", ctx.lang, heading, String(results.count))
        var out = "<h2 id=\"\(id)\">\(HTML.h(counted))</h2><table class=\"findings\"><thead><tr>"
        out += "<th scope=\"col\">\(w("web.verdict.rule"))</th><th scope=\"col\">\(w("web.verdict.title"))</th>"
        out +=
            "<th scope=\"col\">\(w("web.verdict.cite"))</th><th scope=\"col\">\(w("web.verdict.message"))</th></tr></thead><tbody>"
        for r in results {
            out += "<tr data-rule=\"\(HTML.h(r.ruleID))\"><td><code>\(HTML.h(r.ruleID))</code>"
            if explain {
                out += "<br><button type=\"submit\" form=\"explain-form\" name=\"rule\" value=\"\(HTML.h(r.ruleID))\" "
                out += "class=\"noprint\">\(w("web.verdict.explain"))</button>"
            }
            out += "</td>"
            out += "<td>\(HTML.h(r.title))</td><td class=\"cite\">\(HTML.h(r.cite))</td><td>"
            out += "<p>\(HTML.h(r.message ?? r.error ?? ""))</p>"
            if !r.evidence.isEmpty {
                out += "<p class=\"muted\">\(w("web.verdict.evidence"))</p><ul class=\"evidence\">"
                for e in r.evidence {
                    out += "<li>\(HTML.h(e.path)) = \(HTML.h(ValueText.literal(e.value)))</li>"
                }
                out += "</ul>"
            }
            out += "</td></tr>"
        }
        return out + "</tbody></table>"
    }

    private static func folded(_ results: [RuleResult], heading: String, _ ctx: PageContext) -> String {
        guard !results.isEmpty else { return "" }
        let counted = Words.text("web.parenthesis", ctx.lang, heading, String(results.count))
        var out = "<details><summary>\(HTML.h(counted))</summary><ul>"
        for r in results {
            out +=
                "<li><code>\(HTML.h(r.ruleID))</code> \(HTML.h(r.title)) <span class=\"cite\">\(HTML.h(r.cite))</span></li>"
        }
        return out + "</ul></details>"
    }

    private static func receiptSection(_ receipt: Receipt?, _ ctx: PageContext) -> String {
        let w = { (id: String) in Words.text(id, ctx.lang) }
        guard let receipt else { return "<p class=\"muted\">\(w("web.verdict.receipt.none"))</p>" }
        var out = "<h2>\(w("web.verdict.receipt"))</h2><table class=\"receipt-table\"><tbody>"
        out += "<tr><th scope=\"row\">\(w("web.verdict.receipt.seq"))</th><td>\(receipt.seq)</td></tr>"
        out +=
            "<tr><th scope=\"row\">\(w("web.verdict.receipt.id"))</th><td class=\"receipt\">\(HTML.h(receipt.recordID))</td></tr>"
        out +=
            "<tr><th scope=\"row\">\(w("web.verdict.receipt.chain"))</th><td class=\"receipt\">\(HTML.h(receipt.chainHash))</td></tr>"
        out +=
            "<tr><th scope=\"row\">\(w("web.verdict.receipt"))</th><td class=\"receipt\">\(HTML.h(receipt.text))</td></tr>"
        out += "</tbody></table>"
        if ctx.user?.may(.trail) == true {
            out +=
                "<p class=\"noprint\"><a href=\"\(ctx.url("/trail/record"))?seq=\(receipt.seq)\">\(w("web.verdict.receipt.open"))</a></p>"
        }
        return out
    }
}
