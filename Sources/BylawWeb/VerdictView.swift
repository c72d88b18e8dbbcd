import Bylaw
import BylawAudit
import BylawDiagnostics

/// A checked decision as a page section: the verdict, every failed rule with its title, message, the article
/// it cites and the evidence, then errors, then passed and not-applicable rules folded, then the receipt.
/// Sensitive values are shown masked, as `check` prints them.
enum VerdictView {
    static let text = TextTable([
        "verdict.compliant": ("合规", "Compliant"),
        "verdict.non_compliant": ("不合规", "Not compliant"),
        "verdict.needs_review": ("需要复核", "Needs review"),
        "verdict.invalid": ("材料不完整或有误，无法审查", "Invalid input: cannot be checked"),
        "verdict.error": ("规则评估出错", "A rule could not be evaluated"),
        "violations": ("违反的规定", "Violations"),
        "warnings": ("需要注意", "Warnings"),
        "errors": ("无法评估的规则", "Rules that could not be evaluated"),
        "passed": ("符合的规定", "Rules passed"),
        "na": ("不适用的规定", "Rules not applicable"),
        "rule": ("规则", "Rule"),
        "title": ("规定", "Requirement"),
        "cite": ("依据条款", "Article cited"),
        "message": ("问题", "Finding"),
        "evidence": ("依据的数值", "Evidence"),
        "decision": ("决定", "Decision"),
        "kind": ("类型", "Kind"),
        "date": ("日期", "Date"),
        "unit": ("单位", "Unit"),
        "rulesets": ("适用的规则集", "Rule sets applied"),
        "receipt": ("审计记录回执", "Audit receipt"),
        "receipt.seq": ("记录序号", "Record number"),
        "receipt.id": ("记录编号", "Record id"),
        "receipt.chain": ("链哈希", "Chain hash"),
        "receipt.open": ("查看审计记录", "Open the audit record"),
        "receipt.none": ("本次审查未记录", "This check was not recorded"),
        "notes": ("提示", "Notes"),
        "count": ("共 %1 条规则：%2 条符合，%3 条未通过，%4 条不适用", "%1 rules: %2 passed, %3 failed, %4 not applicable"),
        "print": ("打印", "Print"),
        "explain": ("解释", "Explain"),
    ])

    /// - Parameter kindLabel: how the kind is shown (the title of its rule sets), the kind itself by default.
    /// - Parameter explainable: the decision as sent (its name, text and whether it is JSON), for the "explain"
    ///   button beside each failed rule; nil shows none.
    static func render(
        _ raw: DecisionResult, receipt: Receipt?, kindLabel: String? = nil,
        explainable: (name: String, text: String, json: Bool)? = nil, _ ctx: PageContext
    ) -> String {
        let r = raw.masked()
        let t = { (k: String) in text(k, ctx.lang) }
        var out = "<section class=\"result\" aria-labelledby=\"verdict\">"
        out +=
            "<p id=\"verdict\" class=\"verdict \(r.verdict.rawValue)\" role=\"status\">"
            + "\(t("verdict." + r.verdict.rawValue))</p>"
        out += "<table class=\"facts\"><tbody>"
        for (k, v) in [("decision", r.id), ("kind", kindLabel ?? r.kind), ("date", r.date), ("unit", r.unit)] {
            out += "<tr><th scope=\"row\">\(t(k))</th><td>\(HTML.h(v ?? "—"))</td></tr>"
        }
        let sets = r.ruleSets.map { "\($0.id) \($0.version)" }.joined(separator: "，")
        out += "<tr><th scope=\"row\">\(t("rulesets"))</th><td>\(HTML.h(sets.isEmpty ? "—" : sets))</td></tr>"
        out += "</tbody></table>"
        let failed = r.results(.failed)
        let counts = t("count").replacingOccurrences(of: "%1", with: String(r.results.count))
            .replacingOccurrences(of: "%2", with: String(r.results(.passed).count))
            .replacingOccurrences(of: "%3", with: String(failed.count))
            .replacingOccurrences(of: "%4", with: String(r.results(.notApplicable).count))
        out += "<p>\(HTML.h(counts))</p>"
        let explain = explainable != nil
        out += findings(
            failed.filter { $0.severity == .violation }, heading: t("violations"), id: "violations", explain, ctx)
        out += findings(
            failed.filter { $0.severity != .violation }, heading: t("warnings"), id: "warnings", explain, ctx)
        out += findings(r.results(.error), heading: t("errors"), id: "errors", explain, ctx)
        if let e = explainable {
            out +=
                "<form id=\"explain-form\" method=\"post\" action=\"\(ctx.url("/check/explain"))\" class=\"noprint\">"
            out += ctx.csrfField + "<input type=\"hidden\" name=\"name\" value=\"\(HTML.h(e.name))\">"
            out += "<input type=\"hidden\" name=\"json\" value=\"\(e.json)\">"
            out += "<input type=\"hidden\" name=\"document\" value=\"\(HTML.h(e.text))\"></form>"
        }
        if !r.diagnostics.isEmpty {
            out += "<h2>\(t("notes"))</h2><ul class=\"diagnostics\">"
            for d in r.diagnostics { out += "<li>\(HTML.h(d.severity.rawValue)): \(HTML.h(d.message))</li>" }
            out += "</ul>"
        }
        out += folded(r.results(.passed), heading: t("passed"), ctx)
        out += folded(r.results(.notApplicable), heading: t("na"), ctx)
        out += receiptSection(receipt, ctx)
        return out + "</section>"
    }

    private static func findings(
        _ results: [RuleResult], heading: String, id: String, _ explain: Bool, _ ctx: PageContext
    ) -> String {
        guard !results.isEmpty else { return "" }
        let t = { (k: String) in text(k, ctx.lang) }
        var out = "<h2 id=\"\(id)\">\(HTML.h(heading))（\(results.count)）</h2><table class=\"findings\"><thead><tr>"
        out += "<th scope=\"col\">\(t("rule"))</th><th scope=\"col\">\(t("title"))</th>"
        out += "<th scope=\"col\">\(t("cite"))</th><th scope=\"col\">\(t("message"))</th></tr></thead><tbody>"
        for r in results {
            out += "<tr data-rule=\"\(HTML.h(r.ruleID))\"><td><code>\(HTML.h(r.ruleID))</code>"
            if explain {
                out += "<br><button type=\"submit\" form=\"explain-form\" name=\"rule\" value=\"\(HTML.h(r.ruleID))\" "
                out += "class=\"noprint\">\(t("explain"))</button>"
            }
            out += "</td>"
            out += "<td>\(HTML.h(r.title))</td><td class=\"cite\">\(HTML.h(r.cite))</td><td>"
            out += "<p>\(HTML.h(r.message ?? r.error ?? ""))</p>"
            if !r.evidence.isEmpty {
                out += "<p class=\"muted\">\(t("evidence"))：</p><ul class=\"evidence\">"
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
        var out = "<details><summary>\(HTML.h(heading))（\(results.count)）</summary><ul>"
        for r in results {
            out +=
                "<li><code>\(HTML.h(r.ruleID))</code> \(HTML.h(r.title)) <span class=\"cite\">\(HTML.h(r.cite))</span></li>"
        }
        return out + "</ul></details>"
    }

    private static func receiptSection(_ receipt: Receipt?, _ ctx: PageContext) -> String {
        let t = { (k: String) in text(k, ctx.lang) }
        guard let receipt else { return "<p class=\"muted\">\(t("receipt.none"))</p>" }
        var out = "<h2>\(t("receipt"))</h2><table class=\"receipt-table\"><tbody>"
        out += "<tr><th scope=\"row\">\(t("receipt.seq"))</th><td>\(receipt.seq)</td></tr>"
        out +=
            "<tr><th scope=\"row\">\(t("receipt.id"))</th><td class=\"receipt\">\(HTML.h(receipt.recordID))</td></tr>"
        out +=
            "<tr><th scope=\"row\">\(t("receipt.chain"))</th><td class=\"receipt\">\(HTML.h(receipt.chainHash))</td></tr>"
        out += "<tr><th scope=\"row\">\(t("receipt"))</th><td class=\"receipt\">\(HTML.h(receipt.text))</td></tr>"
        out += "</tbody></table>"
        if ctx.user?.may(.trail) == true {
            out +=
                "<p class=\"noprint\"><a href=\"\(ctx.url("/trail/record"))?seq=\(receipt.seq)\">\(t("receipt.open"))</a></p>"
        }
        return out
    }
}
