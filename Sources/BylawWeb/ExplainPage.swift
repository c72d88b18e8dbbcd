import Bylaw
import BylawDiagnostics
import BylawJobs
import BylawReports

/// 解释: why one rule passed or failed, value by value, as `bylaw explain --rule` prints it (sensitive values
/// masked). Explaining records nothing: the decision was recorded when it was checked.
enum ExplainPage {
    static func handle(_ request: WebRequest, _ ctx: PageContext, library: RuleLibrary) -> WebResponse {
        let w = { (id: String) in Words.text(id, ctx.lang) }
        let rule = request.form["rule"] ?? ""
        let name = request.form["name"] ?? "decision.yaml"
        let bytes = Array((request.form["document"] ?? "").utf8)
        let masked: DecisionExplanation
        switch ExplainJob.run(
            bytes: bytes, name: name, json: request.form["json"] == "true", library: library, asOf: nil, rule: rule,
            reveal: false)
        {
        case .failure(let unreadable):
            return refusal(ctx, unreadable.diagnostics)
        case .success(let x):
            guard !ExplainJob.isEmpty(x) else { return refusal(ctx, x.result.diagnostics) }
            masked = x
        }
        var body = "<p>\(HTML.h(Words.text("web.explain.intro", ctx.lang, rule)))</p>"
        body +=
            "<pre class=\"explanation\" id=\"explanation\">\(HTML.h(ExplainReport.text(masked, colour: false, language: ctx.lang.language)))</pre>"
        return .html(Layout.page(title: w("web.explain.title"), ctx, active: "/check", body: body))
    }

    private static func refusal(_ ctx: PageContext, _ problems: [Diagnostic]) -> WebResponse {
        let message = Words.text("web.explain.none", ctx.lang, Words.messages(problems, ctx.lang))
        return .html(
            Layout.page(
                title: Words.text("web.explain.title", ctx.lang), ctx, body: "<p class=\"bad\">\(HTML.h(message))</p>"),
            status: 400)
    }
}
