import Bylaw
import BylawAudit
import Foundation

/// 审计日志, for auditors and audit-admins: filter the records, open one, verify the chain with a progress bar,
/// and (audit-admins only, as the API's export) download the export.
enum TrailPage {
    static func handle(
        _ request: WebRequest, _ ctx: PageContext, open: @escaping @Sendable () throws -> AuditStore,
        verifications: TrailVerifications, user: WebUser
    ) -> WebResponse {
        let w = { (id: String) in Words.text(id, ctx.lang) }
        switch (request.method, request.path) {
        case (.get, "/trail/verify"), (.get, "/trail/verify/status"):
            return TrailVerifyView.show(request, ctx, runs: verifications, user: user)
        case (.post, "/trail/verify"):
            return TrailVerifyView.start(ctx, runs: verifications, user: user, open: open)
        default: break
        }
        let store: AuditStore
        do {
            store = try open()
        } catch {
            return .html(
                Layout.page(
                    title: w("web.trail.title"), ctx, active: "/trail",
                    body:
                        "<p class=\"bad\">\(HTML.h(Words.text("web.trail.unavailable", ctx.lang, AuditStoreError(describing: error).text(in: ctx.lang.language))))</p>"
                ),
                status: 503)
        }
        do throws(AuditStoreError) {
            switch (request.method, request.path) {
            case (.get, "/trail"): return try list(request, ctx, store)
            case (.get, "/trail/record"): return try record(request, ctx, store)
            case (.get, "/trail/export"): return try export(store)
            default: return WebApp.notFound(ctx)
            }
        } catch {
            return .html(
                Layout.page(
                    title: w("web.trail.title"), ctx, active: "/trail",
                    body:
                        "<p class=\"bad\">\(HTML.h(Words.text("web.trail.unavailable", ctx.lang, error.text(in: ctx.lang.language))))</p>"
                ),
                status: 503)
        }
    }

    private static func list(_ request: WebRequest, _ ctx: PageContext, _ store: AuditStore) throws(AuditStoreError)
        -> WebResponse
    {
        let w = { (id: String) in Words.text(id, ctx.lang) }
        var filter = RecordFilter()
        let q = { (k: String) in request.query[k].flatMap { $0.trimmed.isEmpty ? nil : $0.trimmed } }
        filter.kind = q("kind")
        filter.unit = q("unit")
        filter.verdict = q("verdict")
        filter.from = q("from")
        filter.to = q("to")
        filter.limit = 200
        var body = "<form method=\"get\" action=\"\(ctx.url("/trail"))\" class=\"noprint\">"
        let fields = [
            ("kind", w("web.trail.kind"), "text"), ("unit", w("web.trail.unit"), "text"),
            ("from", w("web.trail.from"), "date"), ("to", w("web.trail.to"), "date"),
        ]
        for (key, label, type) in fields {
            body += "<div class=\"field\"><label for=\"\(key)\">\(label)</label><input type=\"\(type)\" id=\"\(key)\" "
            body += "name=\"\(key)\" value=\"\(HTML.h(q(key) ?? ""))\"></div>"
        }
        body +=
            "<div class=\"field\"><label for=\"verdict\">\(w("web.trail.verdict"))</label><select id=\"verdict\" name=\"verdict\">"
        body += "<option value=\"\">\(w("web.trail.all"))</option>"
        for v in ["compliant", "non_compliant", "needs_review", "invalid", "error", "refused"] {
            let shown = verdict(v, ctx.lang)
            body += "<option value=\"\(v)\"\(filter.verdict == v ? " selected" : "")>\(HTML.h(shown))</option>"
        }
        body += "</select></div><button type=\"submit\">\(w("web.trail.filter"))</button></form>"
        body += "<form method=\"post\" action=\"\(ctx.url("/trail/verify"))\" class=\"noprint\">\(ctx.csrfField)"
        body += "<p><button type=\"submit\" class=\"primary\">\(w("web.trail.verify.start"))</button></p></form>"
        if ctx.user?.may(.trailExport) == true {
            body +=
                "<p class=\"noprint\"><a class=\"download\" id=\"export\" href=\"\(ctx.url("/trail/export"))\" download>"
            body += "\(HTML.h(Words.text("web.trail.export", ctx.lang)))</a><br><span class=\"muted\">"
            body += "\(HTML.h(Words.text("web.trail.export.hint", ctx.lang)))</span></p>"
        }
        let rows = try store.list(filter)
        guard !rows.isEmpty else { return page(ctx, body + "<p>\(w("web.trail.empty"))</p>") }
        body += "<table><thead><tr>"
        for heading in [
            w("web.trail.seq"), w("web.trail.at"), w("web.trail.actor"), w("web.trail.kind"), w("web.trail.decision"),
            w("web.trail.date"), w("web.trail.unit"), w("web.trail.verdict"),
        ] {
            body += "<th scope=\"col\">\(heading)</th>"
        }
        body += "</tr></thead><tbody>"
        for r in rows {
            body += "<tr><td><a href=\"\(ctx.url("/trail/record"))?seq=\(r.seq)\">\(r.seq)</a></td>"
            let recorded = String(r.recordedAt.prefix(19)).replacingOccurrences(of: "T", with: " ")
            body += "<td>\(HTML.h(recorded))</td>"
            // A refused request has no decision: what was refused, and why, stands in its place.
            let what = r.verdict == "refused" ? try refusal(r.seq, store, ctx.lang) : r.decisionID ?? ""
            for v in [r.actor, r.kind ?? "", what] { body += "<td>\(HTML.h(v))</td>" }
            // A date is not broken at its hyphens in a narrow column.
            body += "<td class=\"date\">\(HTML.h(r.decisionDate ?? ""))</td><td>\(HTML.h(r.unit ?? ""))</td>"
            body += "<td>\(HTML.h(verdict(r.verdict, ctx.lang)))</td></tr>"
        }
        return page(ctx, body + "</tbody></table>")
    }

    private static func record(_ request: WebRequest, _ ctx: PageContext, _ store: AuditStore) throws(AuditStoreError)
        -> WebResponse
    {
        let w = { (id: String) in Words.text(id, ctx.lang) }
        let key = request.query["seq"] ?? request.query["id"] ?? ""
        guard !key.isEmpty, key.count < 100, let bytes = try store.canonical(of: key) else {
            return .html(
                Layout.page(
                    title: w("web.trail.title"), ctx, active: "/trail", body: "<p>\(w("web.trail.norecord"))</p>"),
                status: 404)
        }
        var shown = String(decoding: bytes, as: UTF8.self)
        if let object = try? JSONSerialization.jsonObject(with: Data(bytes)),
            let pretty = try? JSONSerialization.data(
                withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        {
            shown = String(decoding: pretty, as: UTF8.self)
        }
        let title = Words.text("web.trail.record", ctx.lang, key)
        let body =
            "<p class=\"noprint\"><a href=\"\(ctx.url("/trail"))\">\(w("web.trail.back"))</a></p><pre class=\"record\">\(HTML.h(shown))</pre>"
        return .html(Layout.page(title: title, ctx, active: "/trail", body: body))
    }

    /// Every record's canonical form, one a line: what `bylaw log export` and `GET /v1/log/export` give.
    private static func export(_ store: AuditStore) throws(AuditStoreError) -> WebResponse {
        var out: [UInt8] = []
        try store.forEachCanonical {
            out += $0
            out.append(0x0A)
        }
        return .download(
            out, type: "application/x-ndjson; charset=utf-8", filename: "bylaw-trail-\(LibraryPage.today()).jsonl")
    }

    /// A refused request in words: why (`role`, `csrf`, `signin` with the name typed) and the route.
    static func refusal(_ seq: Int64, _ store: AuditStore, _ lang: Lang) throws(AuditStoreError) -> String {
        guard let bytes = try store.canonical(of: String(seq)),
            let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        else { return "" }
        let route = object["route"] as? String ?? ""
        switch object["reason"] as? String {
        case "signin":
            return Words.text("web.trail.refusal.signin", lang, object["account_given"] as? String ?? "")
        case "csrf": return Words.text("web.trail.refusal.csrf", lang, route)
        default: return Words.text("web.trail.refusal.role", lang, route)
        }
    }

    /// A record's verdict in words; `refused` is the verdict of a refused request.
    static func verdict(_ v: String, _ lang: Lang) -> String {
        v == "refused" ? Words.text("web.trail.verdict.refused", lang) : VerdictView.name(v, lang)
    }

    private static func page(_ ctx: PageContext, _ body: String) -> WebResponse {
        .html(Layout.page(title: Words.text("web.trail.title", ctx.lang), ctx, active: "/trail", body: body))
    }
}
