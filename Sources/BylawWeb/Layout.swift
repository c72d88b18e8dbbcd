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
    static let text = TextTable([
        "app": ("bylaw 规则审查", "bylaw rule checks"),
        "nav.check": ("审查一份决定", "Check a decision"),
        "nav.library": ("规则库", "Rule library"),
        "nav.batch": ("批量审计", "Batch audit"),
        "nav.trail": ("审计日志", "Audit trail"),
        "nav.playground": ("规则试验", "Rule playground"),
        "signout": ("退出", "Sign out"),
        "signedin": ("当前用户", "Signed in as"),
        "skip": ("跳到正文", "Skip to content"),
        "switch": ("English", "中文"),
        "nav.label": ("主导航", "Main navigation"),
    ])

    static func page(title: String, _ ctx: PageContext, active: String = "", body: String) -> String {
        let t = { (k: String) in text(k, ctx.lang) }
        var nav = ""
        if let user = ctx.user {
            let items: [(Ability, String, String)] = [
                (.check, "/check", "nav.check"), (.library, "/library", "nav.library"),
                (.batchAudit, "/batch", "nav.batch"), (.trail, "/trail", "nav.trail"),
                (.playground, "/playground", "nav.playground"),
            ]
            nav = "<nav aria-label=\"\(t("nav.label"))\"><ul>"
            for (ability, path, key) in items where user.may(ability) {
                let current = path == active ? " aria-current=\"page\"" : ""
                nav += "<li><a href=\"\(ctx.url(path))\"\(current)>\(t(key))</a></li>"
            }
            nav += "</ul></nav>"
            nav +=
                "<form class=\"signout\" method=\"post\" action=\"\(ctx.url("/signout"))\">\(ctx.csrfField)"
                + "<span>\(t("signedin")) <strong>\(HTML.h(user.name))</strong></span> "
                + "<button type=\"submit\">\(t("signout"))</button></form>"
        }
        let other: Lang = ctx.lang == .zh ? .en : .zh
        return """
            <!doctype html>
            <html lang="\(ctx.lang.htmlCode)">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.h(title)) · \(t("app"))</title>
            <link rel="stylesheet" href="\(ctx.url("/static/app.css"))">
            <script src="\(ctx.url("/static/app.js"))" defer></script></head>
            <body><a class="skip" href="#main">\(t("skip"))</a>
            <header><span class="brand">\(t("app"))</span>\(nav)
            <a class="lang" href="\(ctx.url(ctx.path))?lang=\(other.rawValue)" lang="\(other.htmlCode)">\(t("switch"))</a></header>
            <main id="main" tabindex="-1"><h1>\(HTML.h(title))</h1>
            \(body)
            </main></body></html>
            """
    }
}
