import Bylaw
import BylawJobs
import BylawReports
import Crypto
import Foundation

/// 批量审计: upload a workbook or CSV, confirm or edit the proposed column mapping, watch the run, read the
/// HTML report in the page and download it as CSV, JSON or JUnit. Runs go through `AuditJob`, as `bylaw audit`.
enum BatchPage {
    static func handle(
        _ request: WebRequest, _ ctx: PageContext, backend: WebBackend, runs: BatchRuns, user: WebUser
    ) -> WebResponse {
        let w = { (id: String) in Words.text(id, ctx.lang) }
        let library = backend.library()
        switch (request.method, request.path) {
        case (.get, "/batch"):
            return uploadForm(ctx, library: library, problem: nil)
        case (.post, "/batch"):
            let kind = request.form["kind"] ?? ""
            guard library.kinds.contains(kind) else {
                return uploadForm(ctx, library: library, problem: w("web.batch.badkind"))
            }
            guard let file = request.files.first(where: { $0.field == "file" && !$0.bytes.isEmpty }) else {
                return uploadForm(ctx, library: library, problem: w("web.batch.nofile"))
            }
            switch runs.create(
                owner: user.name, kind: kind, upload: file, library: library,
                language: ctx.lang == .zh ? .chinese : .english)
            {
            case .failure(let f):
                return uploadForm(ctx, library: library, problem: Words.messages(f.diagnostics, ctx.lang))
            case .success(let run):
                return .redirect(ctx.url("/batch/run") + "?id=" + run.id)
            }
        case (.post, "/batch/start"):
            let id = request.form["id"] ?? ""
            guard runs.get(id, owner: user.name) != nil else { return notFound(ctx) }
            if let f = runs.start(
                id, mapping: request.form["mapping"]?.unixNewlines ?? "", backend: backend, actor: user.name)
            {
                let problem =
                    f.diagnostics.contains { $0.code == "web.busy" }
                    ? w("web.batch.busy") : Words.messages(f.diagnostics, ctx.lang)
                return runPage(ctx, runs.get(id, owner: user.name), problem: problem)
            }
            return .redirect(ctx.url("/batch/run") + "?id=" + id)
        case (.get, "/batch/run"):
            return runPage(ctx, runs.get(request.query["id"] ?? "", owner: user.name), problem: nil)
        case (.get, "/batch/status"):
            guard let run = runs.get(request.query["id"] ?? "", owner: user.name) else { return notFound(ctx) }
            let json =
                "{\"done\":\(run.bytesRead),\"total\":\(run.totalBytes ?? 0),\"records\":\(run.done),"
                + "\"finished\":\(run.finished)}"
            return WebResponse(
                status: 200, headers: [("Content-Type", "application/json")] + SecurityHeaders.page,
                body: Array(json.utf8))
        case (.get, "/batch/report"):
            // The report in the page's language, as the service wrote it.
            guard let run = runs.get(request.query["id"] ?? "", owner: user.name),
                let format = AuditReportFormat(rawValue: request.query["format"] ?? ""),
                let path = runs.report(run.id, owner: user.name, format: format, lang: ctx.lang),
                let report = FileManager.default.contents(atPath: path)
            else { return notFound(ctx) }
            let (type, ext) = contentType(format)
            if format == .html, request.query["download"] == nil {
                return WebResponse(
                    status: 200,
                    headers: [
                        ("Content-Type", type),
                        (
                            "Content-Security-Policy",
                            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; "
                                + "script-src \(reportScript)"
                        ),
                        ("X-Content-Type-Options", "nosniff"),
                    ], body: Array(report))
            }
            return .download(Array(report), type: type, filename: "bylaw-audit-\(run.id).\(ext)")
        default:
            return WebApp.notFound(ctx)
        }
    }

    /// The report's own script, allowed by its hash and nothing else: its filters, sorting and language switch
    /// work in the page, while any script a record could smuggle in stays blocked.
    static let reportScript: String = {
        let digest = SHA256.hash(data: Data(HTMLBatchReporter.scriptText.utf8))
        return "'sha256-" + Data(digest).base64EncodedString() + "'"
    }()

    static func contentType(_ format: AuditReportFormat) -> (String, String) {
        switch format {
        case .html: ("text/html; charset=utf-8", "html")
        case .csv: ("text/csv; charset=utf-8", "csv")
        case .json: ("application/json", "json")
        case .junit: ("application/xml", "xml")
        case .jsonl: ("application/jsonl", "jsonl")
        case .text: ("text/plain; charset=utf-8", "txt")
        }
    }

    private static func notFound(_ ctx: PageContext) -> WebResponse {
        .html(
            Layout.page(
                title: Words.text("web.batch.title", ctx.lang), ctx, active: "/batch",
                body: "<p>\(Words.text("web.batch.norun", ctx.lang))</p>"),
            status: 404)
    }

    private static func uploadForm(_ ctx: PageContext, library: RuleLibrary, problem: String?) -> WebResponse {
        let w = { (id: String) in Words.text(id, ctx.lang) }
        var body = problem.map { "<p class=\"bad\" role=\"alert\">\(HTML.h($0))</p>" } ?? ""
        body += "<form method=\"post\" action=\"\(ctx.url("/batch"))\" enctype=\"multipart/form-data\">\(ctx.csrfField)"
        body += "<fieldset><legend>\(w("web.batch.upload"))</legend>"
        body +=
            "<div class=\"field\"><label for=\"kind\">\(w("web.batch.kind"))</label><select id=\"kind\" name=\"kind\">"
        for k in library.kinds {
            body += "<option value=\"\(HTML.h(k))\">\(HTML.h(CheckPage.kindLabel(k, library, ctx.lang)))</option>"
        }
        body += "</select></div><div class=\"field\"><label for=\"file\">\(w("web.batch.file"))</label>"
        body += "<input type=\"file\" id=\"file\" name=\"file\" accept=\".xlsx,.csv\" required></div>"
        body += "<button type=\"submit\" class=\"primary\">\(w("web.batch.propose"))</button></fieldset></form>"
        return .html(
            Layout.page(title: w("web.batch.title"), ctx, active: "/batch", body: body),
            status: problem == nil ? 200 : 400)
    }

    private static func runPage(_ ctx: PageContext, _ run: BatchRuns.Run?, problem: String?) -> WebResponse {
        let w = { (id: String) in Words.text(id, ctx.lang) }
        guard let run else { return notFound(ctx) }
        var body = "<p><strong>\(HTML.h(run.filename))</strong> · <code>\(HTML.h(run.kind))</code></p>"
        body += problem.map { "<p class=\"bad\" role=\"alert\">\(HTML.h($0))</p>" } ?? ""
        if !run.started || problem != nil {
            body += "<form method=\"post\" action=\"\(ctx.url("/batch/start"))\">\(ctx.csrfField)"
            body += "<input type=\"hidden\" name=\"id\" value=\"\(HTML.h(run.id))\"><h2>\(w("web.batch.mapping"))</h2>"
            body +=
                "<p>\(w("web.batch.mapping.hint"))</p><label for=\"mapping\">\(w("web.batch.mapping.label"))</label>"
            body += "<textarea id=\"mapping\" name=\"mapping\" rows=\"22\" cols=\"100\" spellcheck=\"false\">"
            body += HTML.h(run.proposal) + "</textarea>"
            body += "<p><button type=\"submit\" class=\"primary\">\(w("web.batch.start"))</button></p></form>"
        } else if !run.finished {
            body += "<p role=\"status\">\(Words.text("web.batch.running", ctx.lang, String(run.done)))</p>"
            body += "<label for=\"progress\">\(w("web.batch.progress"))</label> <progress id=\"progress\" "
            body += "data-poll=\"\(ctx.url("/batch/status"))?id=\(HTML.h(run.id))\" value=\"\(run.bytesRead)\" "
            body += "max=\"\(max(1, run.totalBytes ?? 1))\"></progress>"
        } else if let failure = run.failure {
            body += "<p class=\"bad\" role=\"alert\">\(HTML.h(Words.text("web.batch.failed", ctx.lang, failure)))</p>"
        } else {
            body +=
                "<p class=\"verdict \(run.summary[.nonCompliant, default: 0] > 0 ? "non_compliant" : "compliant")\" "
            body +=
                "role=\"status\" id=\"batch-done\">\(HTML.h(Words.text("web.batch.done", ctx.lang, String(run.total))))</p><ul>"
            for v in Verdict.allCases where run.summary[v, default: 0] > 0 {
                body +=
                    "<li>\(HTML.h(Words.text("web.labelled", ctx.lang, VerdictView.name(v.rawValue, ctx.lang), String(run.summary[v, default: 0]))))</li>"
            }
            body += "</ul><p>\(w("web.batch.downloads"))"
            let base = ctx.url("/batch/report") + "?id=" + HTML.h(run.id)
            for (format, name) in [(AuditReportFormat.html, "HTML"), (.csv, "CSV"), (.json, "JSON"), (.junit, "JUnit")]
            {
                body += "<a href=\"\(base)&amp;format=\(format.rawValue)&amp;download=1\" download>\(name)</a> "
            }
            body +=
                "</p><h2>\(w("web.batch.report"))</h2><iframe class=\"report\" title=\"\(w("web.batch.report"))\" src=\"\(base)&amp;format=html\"></iframe>"
        }
        return .html(Layout.page(title: w("web.batch.title"), ctx, active: "/batch", body: body))
    }
}
