import Bylaw
import BylawCEL
import BylawReports
import Foundation

/// 规则库: the rule sets in force on a date with every version of each, the rule book of one version, and a
/// search over rule ids, articles and words in titles, messages and descriptions.
enum LibraryPage {
    static func today() -> String {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd"
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")
        f.locale = Locale(identifier: "en_US_POSIX")
        return f.string(from: Date())
    }

    static func index(_ request: WebRequest, _ ctx: PageContext, library: RuleLibrary) -> WebResponse {
        let w = { (id: String) in Words.text(id, ctx.lang) }
        let date = request.query["date"].flatMap { $0.isEmpty ? nil : $0 } ?? today()
        let q = (request.query["q"] ?? "").trimmed
        var body = "<form method=\"get\" action=\"\(ctx.url("/library"))\" class=\"noprint\" role=\"search\">"
        body += "<div class=\"field\"><label for=\"date\">\(w("web.library.date"))</label>"
        body += "<input type=\"date\" id=\"date\" name=\"date\" value=\"\(HTML.h(date))\"></div>"
        body += "<div class=\"field\"><label for=\"q\">\(w("web.library.search"))</label>"
        body += "<input type=\"search\" id=\"q\" name=\"q\" value=\"\(HTML.h(q))\"></div>"
        body += "<button type=\"submit\">\(w("web.library.go"))</button></form>"
        guard let day = CELDate(iso: date) else {
            body += "<p class=\"bad\">\(w("web.library.bad.date"))</p>"
            return .html(Layout.page(title: w("web.library.title"), ctx, active: "/library", body: body), status: 400)
        }
        let inForce = library.ruleSets.filter { $0.isInForce(on: day) }
        if !q.isEmpty { body += search(q, in: inForce, ctx) }
        body += "<h2>\(HTML.h(Words.text("web.library.inforce", ctx.lang, date)))</h2>"
        guard !inForce.isEmpty else {
            return .html(
                Layout.page(
                    title: w("web.library.title"), ctx, active: "/library",
                    body: body + "<p>\(w("web.library.none"))</p>"))
        }
        body +=
            "<table><thead><tr><th scope=\"col\">\(w("web.library.ruleset"))</th><th scope=\"col\">\(w("web.library.kind"))</th>"
        body += "<th scope=\"col\">\(w("web.library.version"))</th><th scope=\"col\">\(w("web.library.effective"))</th>"
        body += "<th scope=\"col\">\(w("web.library.source"))</th><th scope=\"col\">\(w("web.library.rules"))</th>"
        body += "<th scope=\"col\">\(w("web.library.versions"))</th></tr></thead><tbody>"
        for set in inForce.sorted(by: { ($0.appliesTo, $0.id) < ($1.appliesTo, $1.id) }) {
            body += "<tr><td><strong>\(HTML.h(set.title))</strong><br><code>\(HTML.h(set.id))</code> "
            if ctx.user?.may(.book) == true { body += "<a href=\"\(bookURL(set, ctx))\">\(w("web.library.book"))</a>" }
            body += "</td>"
            body += "<td><code>\(HTML.h(set.appliesTo))</code></td><td>\(HTML.h(set.version))</td>"
            body +=
                "<td class=\"date\">\(HTML.h(period(set, ctx.lang)))</td><td>\(HTML.h(set.source["title"] ?? ""))</td>"
            body += "<td>\(set.rules.count)</td><td>"
            let others = library.ruleSets.filter { $0.id == set.id && $0.file != set.file }
            body += others.map {
                Words.text("web.parenthesis", ctx.lang, version($0, ctx), HTML.h(period($0, ctx.lang)))
            }
            .joined(separator: "<br>")
            body += LibraryDiffView.links(set.id, in: library, ctx)
            body += "</td></tr>"
        }
        body += "</tbody></table>"
        return .html(Layout.page(title: w("web.library.title"), ctx, active: "/library", body: body))
    }

    static func bookURL(_ set: RuleSet, _ ctx: PageContext) -> String {
        ctx.url("/library/book") + "?ruleset=" + FormFields.encode(set.id) + "&amp;version="
            + FormFields.encode(set.version)
    }

    /// A version number, linked to its rule book for those who may read it.
    static func version(_ set: RuleSet, _ ctx: PageContext) -> String {
        ctx.user?.may(.book) == true
            ? "<a href=\"\(bookURL(set, ctx))\">\(HTML.h(set.version))</a>" : HTML.h(set.version)
    }

    static func period(_ set: RuleSet, _ lang: Lang) -> String {
        let from = set.effectiveFrom.map { "\($0)" } ?? "—"
        let until = set.effectiveUntil.map { "\($0)" }
        let w = { (id: String) in Words.text(id, lang) }
        return lang == .zh
            ? "\(from) \(w("web.library.from"))" + (until.map { " — \($0) \(w("web.library.until"))" } ?? "")
            : "\(w("web.library.from")) \(from)" + (until.map { " \(w("web.library.until")) \($0)" } ?? "")
    }

    /// Rules whose id, article, title, message or description contains `q` (case-insensitive).
    static func matches(_ q: String, in sets: [RuleSet]) -> [(RuleSet, Rule)] {
        let needle = q.lowercased()
        return sets.flatMap { set in
            set.rules.filter { r in
                [r.id, r.cite, r.title, r.message.source, r.description ?? ""].contains {
                    $0.lowercased().contains(needle)
                }
            }.map { (set, $0) }
        }
    }

    private static func search(_ q: String, in sets: [RuleSet], _ ctx: PageContext) -> String {
        let w = { (id: String) in Words.text(id, ctx.lang) }
        let found = matches(q, in: sets)
        let heading = Words.text("web.library.results", ctx.lang, q, String(found.count))
        var out = "<h2 id=\"results\">\(HTML.h(heading))</h2>"
        guard !found.isEmpty else { return out + "<p>\(w("web.library.noresults"))</p>" }
        out +=
            "<table><thead><tr><th scope=\"col\">\(w("web.library.rule"))</th><th scope=\"col\">\(w("web.library.ruletitle"))</th>"
        out +=
            "<th scope=\"col\">\(w("web.library.cite"))</th><th scope=\"col\">\(w("web.library.ruleset"))</th></tr></thead><tbody>"
        for (set, rule) in found {
            out += "<tr><td><code>\(HTML.h(rule.id))</code></td><td>\(HTML.h(rule.title))</td>"
            out += "<td class=\"cite\">\(HTML.h(rule.cite))</td>"
            out += "<td>\(HTML.h(set.title)) \(version(set, ctx))</td></tr>"
        }
        return out + "</tbody></table>"
    }

    /// The rule book of one version, as `bylaw doc --format html` renders it (a page of its own, styled inline:
    /// its CSP allows inline style and nothing else).
    static func book(_ request: WebRequest, _ ctx: PageContext, library: RuleLibrary) -> WebResponse {
        let id = request.query["ruleset"] ?? ""
        let version = request.query["version"]
        guard let set = library.ruleSets.first(where: { $0.id == id && (version == nil || $0.version == version) })
        else { return WebApp.notFound(ctx) }
        let html = RuleBook(library: library, files: [set.file]).html
        return WebResponse(
            status: 200,
            headers: [
                ("Content-Type", "text/html; charset=utf-8"),
                (
                    "Content-Security-Policy",
                    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"
                ),
                ("X-Content-Type-Options", "nosniff"),
            ], body: Array(html.utf8))
    }
}
