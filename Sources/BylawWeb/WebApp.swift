import Bylaw
import BylawAudit
import BylawJobs
import Foundation

/// What the pages run on: the same things the service's API uses.
public struct WebBackend: Sendable {
    /// The rule library in force now (the service reloads it atomically).
    public var library: @Sendable () -> RuleLibrary
    /// Where a check by `actor` is recorded; nil checks without recording.
    public var recording: @Sendable (_ actor: String) throws -> Recording?
    /// The trail, opened for reading (listing and verifying).
    public var trail: @Sendable () throws -> AuditStore

    public init(
        library: @escaping @Sendable () -> RuleLibrary,
        recording: @escaping @Sendable (_ actor: String) throws -> Recording?,
        trail: @escaping @Sendable () throws -> AuditStore
    ) {
        self.library = library
        self.recording = recording
        self.trail = trail
    }
}

/// The web pages: one function from a request to a response. The server mounts it under `base`.
public struct WebApp: Sendable {
    public var backend: WebBackend
    public var accounts: any WebAccounts
    public var sessions: SessionStore
    /// Batch audits started from the pages, kept so a reload finds them.
    public var batchRuns: BatchRuns
    public var base: String
    /// Whether cookies are marked `Secure` (behind TLS).
    public var secureCookies: Bool
    /// Verifications of the trail started from the trail page.
    public var verifications = TrailVerifications()
    /// Refused requests, recorded in the trail.
    public var refusals = Refusals()
    /// The largest request body the pages take (an uploaded workbook or decision), apart from the API's limit.
    public var maxUploadBytes: Int

    /// The upload limit when `BYLAW_WEB_MAX_UPLOAD_BYTES` does not set one: 16 MiB.
    public static let defaultMaxUploadBytes = 16 * 1024 * 1024

    public init(
        backend: WebBackend, accounts: any WebAccounts, sessions: SessionStore = SessionStore(), base: String = "/ui",
        secureCookies: Bool = false, maxUploadBytes: Int = WebApp.defaultMaxUploadBytes, audits: AuditRuns? = nil
    ) {
        self.backend = backend
        self.accounts = accounts
        self.sessions = sessions
        self.batchRuns = BatchRuns(
            audits: audits
                ?? AuditRuns(
                    folder: FileManager.default.temporaryDirectory.appendingPathComponent("bylaw-web-\(getpid())").path)
        )
        self.base = base
        self.secureCookies = secureCookies
        self.maxUploadBytes = maxUploadBytes
    }

    static let sessionCookie = "bylaw_session"

    public func handle(_ request: WebRequest) -> WebResponse {
        if request.method == .get, let asset = Assets.response(request.path) { return asset }
        let lang = Lang.of(request)
        let session = sessions.lookup(request.cookies[Self.sessionCookie])
        let ctx = PageContext(
            lang: lang, user: session?.user, csrf: session?.csrf ?? "", base: base, path: request.path)
        var response: WebResponse
        let presented = request.cookies[Self.sessionCookie].flatMap { $0.isEmpty ? nil : $0 }
        if request.path == "/signin" {
            response = SignInPage.handle(request, ctx, app: self)
        } else if let session {
            if request.method == .post, !SessionStore.same(request.form["csrf"] ?? "", session.csrf) {
                response = refuse(.csrf, actor: session.user.name, request, ctx)
            } else {
                response = route(request, ctx, user: session.user)
            }
        } else if presented != nil {
            // A session this server does not know: it timed out or the server restarted. Sign in again, told why.
            response = sessionEnded(request, ctx)
        } else if request.method == .get {
            let back = request.path == "/" ? "" : "?next=" + FormFields.encode(request.path)
            response = .redirect(base + "/signin" + back)
        } else {
            response = refuse(.csrf, actor: nil, request, ctx)
        }
        if let asked = request.query["lang"], Lang(rawValue: asked) != nil {
            response.headers.append(("Set-Cookie", "lang=\(asked); Path=\(base); SameSite=Strict; Max-Age=31536000"))
        }
        return response
    }

    /// The pages, each behind the ability it needs.
    static let pages: [(path: String, ability: Ability)] = [
        ("/check", .check), ("/library/book", .book), ("/library", .library), ("/batch", .batchAudit),
        ("/trail/export", .trailExport), ("/trail", .trail), ("/playground", .playground),
    ]

    private func route(_ request: WebRequest, _ ctx: PageContext, user: WebUser) -> WebResponse {
        if request.method == .post, request.path == "/signout" {
            sessions.end(request.cookies[Self.sessionCookie])
            var r = WebResponse.redirect(base + "/signin")
            r.headers.append(("Set-Cookie", cookie(Self.sessionCookie, "", maxAge: 0)))
            return r
        }
        if request.path == "/" || request.path.isEmpty {
            let first = Self.pages.first { user.may($0.ability) }?.path ?? "/library"
            return .redirect(base + first)
        }
        guard let page = Self.pages.first(where: { request.path == $0.path || request.path.hasPrefix($0.path + "/") })
        else { return Self.notFound(ctx) }
        guard user.may(page.ability) else { return refuse(.role, actor: user.name, request, ctx) }
        let backend = self.backend
        switch (request.method, page.path) {
        case (.get, "/check"): return CheckPage.form(request, ctx, library: backend.library())
        case (.post, "/check") where request.path == "/check/explain":
            return ExplainPage.handle(request, ctx, library: backend.library())
        case (.post, "/check"):
            return CheckPage.submit(request, ctx, library: backend.library()) { try backend.recording(user.name) }
        case (.get, "/library") where request.path == "/library/diff":
            return LibraryDiffView.show(request, ctx, library: backend.library())
        case (.get, "/library"): return LibraryPage.index(request, ctx, library: backend.library())
        case (.get, "/library/book"): return LibraryPage.book(request, ctx, library: backend.library())
        case (_, "/batch"): return BatchPage.handle(request, ctx, backend: backend, runs: batchRuns, user: user)
        case (_, "/trail"), (.get, "/trail/export"):
            return TrailPage.handle(request, ctx, open: backend.trail, verifications: verifications, user: user)
        case (_, "/playground"): return PlaygroundPage.handle(request, ctx, library: backend.library())
        default: return Self.notFound(ctx)
        }
    }

    func cookie(_ name: String, _ value: String, maxAge: Int? = nil) -> String {
        var c = "\(name)=\(value); Path=\(base); HttpOnly; SameSite=Strict"
        if let maxAge { c += "; Max-Age=\(maxAge)" }
        if secureCookies { c += "; Secure" }
        return c
    }

    /// Refuses the request and records the refusal in the trail. When the trail cannot be written the answer
    /// is 503 and says so, as the API's is.
    func refuse(
        _ reason: Refusals.Reason, actor: String?, _ request: WebRequest, _ ctx: PageContext,
        detail: [(String, String)] = []
    )
        -> WebResponse
    {
        let route = "\(request.method.rawValue) \(base)\(request.path)"
        let failure = refusals.record(reason, actor: actor, route: route, detail: detail, backend: backend)
        let note =
            failure.map {
                "<p class=\"bad\">\(HTML.h(Words.text("web.refusal.unrecorded", ctx.lang, $0.text(in: ctx.lang.language))))</p>"
            } ?? ""
        var r = reason == .role ? Self.forbidden(ctx, note: note) : Self.refused(ctx, note: note)
        if failure != nil { r.status = 503 }
        return r
    }

    static func refused(_ ctx: PageContext, note: String = "") -> WebResponse {
        .html(
            Layout.page(
                title: Words.text("web.refused.title", ctx.lang), ctx,
                body: "<p>\(Words.text("web.refused", ctx.lang))</p>" + note),
            status: 403)
    }

    static func forbidden(_ ctx: PageContext, note: String = "") -> WebResponse {
        .html(
            Layout.page(
                title: Words.text("web.forbidden.title", ctx.lang), ctx,
                body: "<p>\(Words.text("web.forbidden", ctx.lang))</p>" + note),
            status: 403)
    }

    /// The answer to a request whose body is larger than `maxUploadBytes` (413), in the language it asks for.
    public func tooLarge(_ request: WebRequest) -> WebResponse {
        let megabytes = String(format: "%.1f", Double(maxUploadBytes) / 1_048_576).replacingOccurrences(
            of: ".0", with: "")
        let lang = Lang.of(request)
        return bodyProblem(
            request, id: "too-large", Words.text("web.upload.too-large", lang, megabytes),
            title: "web.upload.too-large.title", status: 413)
    }

    /// The answer to a request whose body cannot be read (broken chunked framing, an unknown transfer coding,
    /// a client gone half-way): 400, in the language it asks for. Never the upload limit's 413, which would send
    /// the reader looking for a smaller file.
    public func badBody(_ request: WebRequest) -> WebResponse {
        bodyProblem(
            request, id: "bad-body", Words.text("web.request.bad-body", Lang.of(request)),
            title: "web.request.bad-body.title", status: 400)
    }

    /// The answer to a request whose body did not arrive in time (408): a connection trickling an upload is
    /// let go, in the language it asks for.
    public func slowBody(_ request: WebRequest) -> WebResponse {
        bodyProblem(
            request, id: "bad-body", Words.text("web.request.slow-body", Lang.of(request)),
            title: "web.request.bad-body.title", status: 408)
    }

    /// A page saying why a request's body was not taken, with a link back, for the reader of the request (the
    /// body itself was never read, so the page is built from its path, language and session alone).
    private func bodyProblem(_ request: WebRequest, id: String, _ message: String, title: String, status: Int)
        -> WebResponse
    {
        let lang = Lang.of(request)
        let session = sessions.lookup(request.cookies[Self.sessionCookie])
        let ctx = PageContext(
            lang: lang, user: session?.user, csrf: session?.csrf ?? "", base: base, path: request.path)
        let body =
            "<p class=\"bad\" role=\"alert\" id=\"\(id)\">\(HTML.h(message))</p>"
            + "<p><a href=\"\(ctx.url(request.path))\">\(HTML.h(Words.text("web.back", lang)))</a></p>"
        return .html(Layout.page(title: Words.text(title, lang), ctx, body: body), status: status)
    }

    /// A request with a session cookie this server does not know (timed out, or the server restarted): a GET
    /// goes to sign-in, which says why; a POST is answered with a page saying so and a link to sign in. Either
    /// way the stale cookie is cleared. Nothing is recorded: an ended session is not an attack.
    func sessionEnded(_ request: WebRequest, _ ctx: PageContext) -> WebResponse {
        var r: WebResponse
        if request.method == .get {
            let next = request.path == "/" ? "" : "&next=" + FormFields.encode(request.path)
            r = .redirect(base + "/signin?ended=1" + next)
        } else {
            var anonymous = ctx
            anonymous.user = nil
            let body =
                "<p class=\"bad\" role=\"alert\" id=\"session-ended\">\(HTML.h(Words.text("web.session.ended", ctx.lang)))</p>"
                + "<p><a class=\"primary\" href=\"\(base)/signin\">\(HTML.h(Words.text("web.signin.submit", ctx.lang)))</a></p>"
            r = .html(
                Layout.page(title: Words.text("web.session.ended.title", ctx.lang), anonymous, body: body), status: 401)
        }
        r.headers.append(("Set-Cookie", cookie(Self.sessionCookie, "", maxAge: 0)))
        return r
    }

    static func notFound(_ ctx: PageContext) -> WebResponse {
        .html(
            Layout.page(
                title: Words.text("web.notfound.title", ctx.lang), ctx,
                body: "<p>\(Words.text("web.notfound", ctx.lang))</p>"),
            status: 404)
    }
}
