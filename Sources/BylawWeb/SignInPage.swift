/// 登录: the service's accounts. A sign-in form carries a CSRF token of its own (a pre-session cookie), so a
/// page elsewhere cannot sign a browser in to an account of its choosing.
enum SignInPage {
    static let preCookie = "bylaw_signin"

    static func handle(_ request: WebRequest, _ ctx: PageContext, app: WebApp) -> WebResponse {
        let next = safeNext(request.query["next"] ?? request.form["next"])
        if request.method == .post {
            let token = request.cookies[preCookie] ?? ""
            guard SessionStore.same(request.form["csrf"] ?? "", token) else {
                return app.refuse(.csrf, actor: nil, request, ctx)
            }
            let name = request.form["name"] ?? ""
            guard let user = app.accounts.authenticate(name: name, password: request.form["password"] ?? "") else {
                // Recorded as the API records its refusals; the name typed is data, not the actor.
                let failure = app.refusals.record(
                    .signin, actor: nil, route: "POST \(app.base)/signin", detail: [("account_given", name)],
                    backend: app.backend)
                return form(ctx, app: app, next: next, error: true, unrecorded: failure?.text(in: ctx.lang.language))
            }
            let session = app.sessions.start(user)
            var r = WebResponse.redirect(app.base + next)
            r.headers.append(("Set-Cookie", app.cookie(WebApp.sessionCookie, session.id)))
            r.headers.append(("Set-Cookie", app.cookie(preCookie, "", maxAge: 0)))
            return r
        }
        return form(ctx, app: app, next: next, error: false, ended: request.query["ended"] == "1")
    }

    private static func form(
        _ page: PageContext, app: WebApp, next: String, error: Bool, ended: Bool = false, unrecorded: String? = nil
    ) -> WebResponse {
        var ctx = page
        let lang = page.lang
        let w = { (id: String) in Words.text(id, lang) }
        let token = SessionStore.token()
        ctx.csrf = token
        ctx.user = nil
        var body = error ? "<p class=\"bad\" role=\"alert\">\(w("web.signin.wrong"))</p>" : ""
        if let unrecorded {
            body += "<p class=\"bad\">\(HTML.h(Words.text("web.refusal.unrecorded", lang, unrecorded)))</p>"
        }
        if ended {
            body +=
                "<p class=\"bad\" role=\"alert\" id=\"session-ended\">\(HTML.h(Words.text("web.session.ended", lang)))</p>"
        }
        body += "<form method=\"post\" action=\"\(ctx.url("/signin"))\">\(ctx.csrfField)"
        body += "<input type=\"hidden\" name=\"next\" value=\"\(HTML.h(next))\">"
        body += "<div class=\"field\"><label for=\"name\">\(w("web.signin.name"))</label>"
        body += "<input type=\"text\" id=\"name\" name=\"name\" autocomplete=\"username\" required autofocus></div>"
        body += "<div class=\"field\"><label for=\"password\">\(w("web.signin.password"))</label>"
        body +=
            "<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required></div>"
        body += "<p><button type=\"submit\" class=\"primary\">\(w("web.signin.submit"))</button></p></form>"
        var r = WebResponse.html(Layout.page(title: w("web.signin.title"), ctx, body: body), status: error ? 401 : 200)
        r.headers.append(("Set-Cookie", app.cookie(preCookie, token)))
        return r
    }

    /// Only a path of the pages themselves: never another host or scheme. Without one, `/`: the first page the
    /// account may use (not a page its role would be refused, which would be recorded as a refusal).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), next != "/signin",
            next.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
        else { return "/" }
        return next
    }
}
