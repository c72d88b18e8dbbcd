import Bylaw
import BylawAuthoring
import BylawReports

/// What changed between two versions of a rule set (`/library/diff?ruleset=&from=&to=`): the library's own
/// comparison (`RuleSetDiff`, as `bylaw diff` prints it) as tables in the page's language, one per section.
enum LibraryDiffView {
    /// Every version of rule set `id`, oldest first (by the date it comes into force, then by version).
    static func versions(of id: String, in library: RuleLibrary) -> [RuleSet] {
        library.ruleSets.filter { $0.id == id }.sorted {
            ($0.effectiveFrom.map { "\($0)" } ?? "", $0.version) < ($1.effectiveFrom.map { "\($0)" } ?? "", $1.version)
        }
    }

    static func url(_ old: RuleSet, _ new: RuleSet, _ ctx: PageContext) -> String {
        ctx.url("/library/diff") + "?ruleset=" + FormFields.encode(new.id) + "&amp;from="
            + FormFields.encode(old.version) + "&amp;to=" + FormFields.encode(new.version)
    }

    /// Links to what changed between each version and the next.
    static func links(_ id: String, in library: RuleLibrary, _ ctx: PageContext) -> String {
        let all = versions(of: id, in: library)
        guard all.count > 1 else { return "" }
        var out = "<ul class=\"changes\">"
        for k in 1..<all.count {
            let label = Words.text("web.library.diff.link", ctx.lang, all[k - 1].version, all[k].version)
            out += "<li><a href=\"\(url(all[k - 1], all[k], ctx))\">\(HTML.h(label))</a></li>"
        }
        return out + "</ul>"
    }

    static func show(_ request: WebRequest, _ ctx: PageContext, library: RuleLibrary) -> WebResponse {
        let w = { (id: String) in Words.text(id, ctx.lang) }
        let id = request.query["ruleset"] ?? ""
        let all = versions(of: id, in: library)
        guard let old = all.first(where: { $0.version == request.query["from"] }),
            let new = all.first(where: { $0.version == request.query["to"] })
        else {
            return .html(
                Layout.page(
                    title: w("web.library.title"), ctx, active: "/library",
                    body: "<p>\(HTML.h(w("web.library.diff.notfound")))</p>" + back(ctx)),
                status: 404)
        }
        let diff = RuleSetDiff.compare(old, new)
        let title = Words.text("web.library.diff.title", ctx.lang, new.title, old.version, new.version)
        var body = "<p class=\"muted\"><code>\(HTML.h(new.id))</code> · "
        body += HTML.h(
            Words.text(
                "web.library.diff.periods", ctx.lang, LibraryPage.period(old, ctx.lang),
                LibraryPage.period(new, ctx.lang)))
        body += "</p>"
        guard !diff.entries.isEmpty else {
            return page(
                title, ctx, body + "<p id=\"diff-summary\">\(HTML.h(w("web.library.diff.none")))</p>" + back(ctx))
        }
        let rules = diff.entries.filter { $0.section == .rules }
        let changed = Set(rules.filter { $0.change == .changed }.map(\.subject)).count
        let summary = Words.text(
            "web.library.diff.summary", ctx.lang, String(diff.entries.count),
            String(rules.filter { $0.change == .added }.count), String(rules.filter { $0.change == .removed }.count),
            String(changed))
        body += "<p id=\"diff-summary\"><strong>\(HTML.h(summary))</strong></p>"
        // The rules first and open: what a reader of the regulation asks about; the rest folded below.
        let order: [RuleSetDiff.Entry.Section] =
            [.rules] + RuleSetDiff.Entry.Section.allCases.filter { $0 != .rules }
        for section in order {
            let entries = diff.entries.filter { $0.section == section }
            guard !entries.isEmpty else { continue }
            body += "<details class=\"diff\"\(section == .rules ? " open" : "")><summary>"
            let name = HTML.h(w("web.library.diff.section." + section.rawValue))
            body += "\(Words.text("web.library.diff.section.count", ctx.lang, name, String(entries.count)))</summary>"
            body += "<table class=\"diff\" id=\"diff-\(section.rawValue)\"><thead><tr>"
            for col in ["change", "item", "old", "new"] {
                body += "<th scope=\"col\">\(HTML.h(w("web.library.diff.col." + col)))</th>"
            }
            body += "</tr></thead><tbody>"
            for e in entries {
                let item = DiffReport.subject(e, ctx.lang.language) + (e.field.map { " · " + $0 } ?? "")
                body += "<tr class=\"\(e.change.rawValue)\"><td class=\"mark\">"
                body += "\(HTML.h(w("web.library.diff.change." + e.change.rawValue)))</td>"
                body += "<td><code>\(HTML.h(item))</code></td>"
                body +=
                    "<td class=\"\(e.old == nil ? "" : "old")\">\(e.old.map { "<code>\(HTML.h($0))</code>" } ?? "")</td>"
                body +=
                    "<td class=\"\(e.new == nil ? "" : "new")\">\(e.new.map { "<code>\(HTML.h($0))</code>" } ?? "")</td></tr>"
            }
            body += "</tbody></table></details>"
        }
        return page(title, ctx, body + back(ctx))
    }

    static func back(_ ctx: PageContext) -> String {
        "<p class=\"noprint\"><a href=\"\(ctx.url("/library"))\">\(HTML.h(Words.text("web.library.diff.back", ctx.lang)))</a></p>"
    }

    static func page(_ title: String, _ ctx: PageContext, _ body: String) -> WebResponse {
        .html(Layout.page(title: title, ctx, active: "/library", body: body))
    }
}
