import BylawAudit
import BylawLocale
import Foundation

/// The trail page's verification: started by a form, then a page with a progress bar that the script follows
/// (`/trail/verify/status`) and that reloads into the result; without script, the page is reloaded by hand.
enum TrailVerifyView {
    static func start(
        _ ctx: PageContext, runs: TrailVerifications, user: WebUser, open: @escaping @Sendable () throws -> AuditStore
    ) -> WebResponse {
        do {
            let id = try runs.start(owner: user.name, open: open)
            return .redirect(ctx.url("/trail/verify") + "?id=" + id)
        } catch {
            let message = AuditStoreError(describing: error).text(in: ctx.lang.language)
            return page(ctx, failure(Words.text("web.trail.verify.failed", ctx.lang, message), ctx), status: 503)
        }
    }

    static func show(_ request: WebRequest, _ ctx: PageContext, runs: TrailVerifications, user: WebUser)
        -> WebResponse
    {
        let w = { (id: String) in Words.text(id, ctx.lang) }
        guard let run = runs.get(request.query["id"] ?? "", owner: user.name) else {
            return page(
                ctx, "<p class=\"bad\" role=\"alert\">\(HTML.h(w("web.trail.verify.gone")))</p>" + back(ctx),
                status: 404)
        }
        if request.path == "/trail/verify/status" {
            let json = "{\"done\":\(run.through),\"total\":\(run.total),\"finished\":\(run.finished)}"
            return WebResponse(
                status: 200, headers: [("Content-Type", "application/json")] + SecurityHeaders.page,
                body: Array(json.utf8))
        }
        let count = Words.text("web.trail.verify.count", ctx.lang, String(run.through), String(run.total))
        var body = "<label for=\"verify-progress\">\(HTML.h(w("web.trail.verify.progress")))</label> "
        body += "<progress id=\"verify-progress\" value=\"\(run.through)\" max=\"\(max(1, run.total))\""
        if !run.finished {
            body += " data-poll=\"\(ctx.url("/trail/verify/status"))?id=\(HTML.h(run.id))\""
        }
        // The script fills the words in as the bar moves: `{0}` and `{1}` are the catalogue's placeholders.
        let template = Words.text("web.trail.verify.count", ctx.lang, "{0}", "{1}")
        body += "></progress> <span class=\"muted\" data-count-template=\"\(HTML.h(template))\">\(HTML.h(count))</span>"
        if let report = run.report {
            body += result(report, ctx)
        } else if let shown = run.failure {
            body += failure(Words.text("web.trail.verify.failed", ctx.lang, shown.text(in: ctx.lang.language)), ctx)
        } else {
            body += "<p role=\"status\" id=\"verify-running\">\(HTML.h(w("web.trail.verify.running")))</p>"
            body += "<noscript><p>\(HTML.h(w("web.trail.verify.noscript"))) "
            body +=
                "<a href=\"\(ctx.url("/trail/verify"))?id=\(HTML.h(run.id))\">\(HTML.h(w("web.trail.verify.reload")))</a></p></noscript>"
        }
        return page(ctx, body + back(ctx))
    }

    /// The outcome in words an auditor can file: the count and the head to keep, or the broken record.
    static func result(_ report: VerifyReport, _ ctx: PageContext) -> String {
        guard let problem = report.problem else {
            let ok = Words.text("web.trail.verify.ok", ctx.lang, String(report.records))
            // The hash set apart as code; the sentence around it in the page's font.
            let head = HTML.h(Words.text("web.trail.verify.head", ctx.lang, String(report.headSeq), "@@HASH@@"))
                .replacingOccurrences(of: "@@HASH@@", with: "<code>\(HTML.h(report.headHash))</code>")
            return "<p class=\"verdict compliant\" role=\"status\" id=\"verify-result\">\(HTML.h(ok))</p>"
                + "<p class=\"head\">\(head)</p>"
        }
        let bad = Words.text("web.trail.verify.bad", ctx.lang, String(problem.seq))
        return "<p class=\"verdict non_compliant\" role=\"alert\" id=\"verify-result\">\(HTML.h(bad))</p>"
            + "<p>\(HTML.h(Words.text("web.trail.verify.reason", ctx.lang, VerifyWording.text(problem.reason, ctx.lang.language))))</p>"
            + "<p class=\"bad\">\(HTML.h(Words.text("web.trail.verify.bad.hint", ctx.lang)))</p>"
    }

    static func failure(_ message: String, _ ctx: PageContext) -> String {
        "<p class=\"verdict error\" role=\"alert\" id=\"verify-result\">\(HTML.h(message))</p>"
    }

    static func back(_ ctx: PageContext) -> String {
        "<div class=\"noprint actions\"><a href=\"\(ctx.url("/trail"))\">\(HTML.h(Words.text("web.trail.back", ctx.lang)))</a> "
            + "<form method=\"post\" action=\"\(ctx.url("/trail/verify"))\" class=\"inline\">\(ctx.csrfField)"
            + "<button type=\"submit\">\(HTML.h(Words.text("web.trail.verify.again", ctx.lang)))</button></form></div>"
    }

    static func page(_ ctx: PageContext, _ body: String, status: Int = 200) -> WebResponse {
        .html(
            Layout.page(title: Words.text("web.trail.verify.title", ctx.lang), ctx, active: "/trail", body: body),
            status: status)
    }
}
