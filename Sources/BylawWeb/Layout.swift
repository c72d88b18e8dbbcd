import Bylaw

/// What every page knows about the request it answers.
struct PageContext: Sendable {
    var lang: Lang
    var user: WebUser?
    var csrf: String
    /// Where the pages are mounted (`/ui`).
    var base: String
    /// The path of this page below the mount, for the language switch.
    var path: String

    func url(_ path: String) -> String { base + path }

    /// The hidden CSRF field every form carries.
    var csrfField: String { "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.h(csrf))\">" }
}

/// The frame around every page: language, navigation limited to what the account may do, sign-out.
enum Layout {
    static func page(title: String, _ ctx: PageContext, active: String = "", body: String) -> String {
        let w = { (id: String) in Words.text(id, ctx.lang) }
        var nav = ""
        if let user = ctx.user {
            let items: [(Ability, String, String)] = [
                (.check, "/check", w("web.layout.nav.check")), (.library, "/library", w("web.layout.nav.library")),
                (.batchAudit, "/batch", w("web.layout.nav.batch")), (.trail, "/trail", w("web.layout.nav.trail")),
                (.playground, "/playground", w("web.layout.nav.playground")),
            ]
            nav = "<nav aria-label=\"\(w("web.layout.nav.label"))\"><ul>"
            for (ability, path, label) in items where user.may(ability) {
                let current = path == active ? " aria-current=\"page\"" : ""
                nav += "<li><a href=\"\(ctx.url(path))\"\(current)>\(label)</a></li>"
            }
            nav += "</ul></nav>"
            nav +=
                "<form class=\"signout\" method=\"post\" action=\"\(ctx.url("/signout"))\">\(ctx.csrfField)"
                + "<span>\(w("web.layout.signedin")) <strong>\(HTML.h(user.name))</strong></span> "
                + "<button type=\"submit\">\(w("web.layout.signout"))</button></form>"
        }
        let other: Lang = ctx.lang == .zh ? .en : .zh
        return """
            <!doctype html>
            <html lang="\(ctx.lang.htmlCode)">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.h(title)) · \(w("web.layout.app"))</title>
            <link rel="stylesheet" href="\(ctx.url("/static/app.css"))">
            <script src="\(ctx.url("/static/app.js"))" defer></script></head>
            <body><a class="skip" href="#main">\(w("web.layout.skip"))</a>
            <header><span class="brand">\(w("web.layout.app"))</span>\(nav)
            <a class="lang" href="\(ctx.url(ctx.path))?lang=\(other.rawValue)" lang="\(other.htmlCode)">\(Words.text("web.layout.language." + other.rawValue, other))</a></header>
            <main id="main" tabindex="-1"><h1>\(HTML.h(title))</h1>
            \(body)
            </main></body></html>
            """
    }
}
