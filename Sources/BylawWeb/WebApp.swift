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

    public init(
        backend: WebBackend, accounts: any WebAccounts, sessions: SessionStore = SessionStore(), base: String = "/ui",
        secureCookies: Bool = false, audits: AuditRuns? = nil
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
    }

    static let sessionCookie = "bylaw_session"

    public func handle(_ request: WebRequest) -> WebResponse {
        if request.method == .get, let asset = Assets.response(request.path) { return asset }
        let lang = Lang.of(request)
        let session = sessions.lookup(request.cookies[Self.sessionCookie])
        let ctx = PageContext(
            lang: lang, user: session?.user, csrf: session?.csrf ?? "", base: base, path: request.path)
        var response: WebResponse
        if request.path == "/signin" {
            response = SignInPage.handle(request, ctx, app: self)
        } else if let session {
            if request.method == .post, !SessionStore.same(request.form["csrf"] ?? "", session.csrf) {
                response = Self.refused(ctx)
            } else {
                response = route(request, ctx, user: session.user)
            }
        } else if request.method == .get {
            let back = request.path == "/" ? "" : "?next=" + FormFields.encode(request.path)
            response = .redirect(base + "/signin" + back)
        } else {
            response = Self.refused(ctx)
        }
        if let asked = request.query["lang"], Lang(rawValue: asked) != nil {
            response.headers.append(("Set-Cookie", "lang=\(asked); Path=\(base); SameSite=Strict; Max-Age=31536000"))
        }
        return response
    }

    /// The pages, each behind the ability it needs.
    static let pages: [(path: String, ability: Ability)] = [
        ("/check", .check), ("/library/book", .book), ("/library", .library), ("/batch", .batchAudit),
        ("/trail", .trail), ("/playground", .playground),
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
        guard user.may(page.ability) else { return Self.forbidden(ctx) }
        let backend = self.backend
        switch (request.method, page.path) {
        case (.get, "/check"): return CheckPage.form(request, ctx, library: backend.library())
        case (.post, "/check") where request.path == "/check/explain":
            return ExplainPage.handle(request, ctx, library: backend.library())
        case (.post, "/check"):
            return CheckPage.submit(request, ctx, library: backend.library()) { try backend.recording(user.name) }
        case (.get, "/library"): return LibraryPage.index(request, ctx, library: backend.library())
        case (.get, "/library/book"): return LibraryPage.book(request, ctx, library: backend.library())
        case (_, "/batch"): return BatchPage.handle(request, ctx, backend: backend, runs: batchRuns, user: user)
        case (_, "/trail"): return TrailPage.handle(request, ctx, open: backend.trail)
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

    static let text = TextTable([
        "refused": (
            "请求未通过安全校验（表单已过期或来源不明），请返回后重试。",
            "The request failed its security check (the form expired or came from elsewhere); go back and try again."
        ),
        "refused.title": ("请求被拒绝", "Request refused"),
        "forbidden": ("您的账户没有使用此页面的权限。", "Your account may not use this page."),
        "forbidden.title": ("无权访问", "Not allowed"),
        "notfound": ("没有这个页面。", "There is no such page."),
        "notfound.title": ("页面不存在", "Not found"),
    ])

    static func refused(_ ctx: PageContext) -> WebResponse {
        .html(
            Layout.page(title: text("refused.title", ctx.lang), ctx, body: "<p>\(text("refused", ctx.lang))</p>"),
            status: 403)
    }

    static func forbidden(_ ctx: PageContext) -> WebResponse {
        .html(
            Layout.page(title: text("forbidden.title", ctx.lang), ctx, body: "<p>\(text("forbidden", ctx.lang))</p>"),
            status: 403)
    }

    static func notFound(_ ctx: PageContext) -> WebResponse {
        .html(
            Layout.page(title: text("notfound.title", ctx.lang), ctx, body: "<p>\(text("notfound", ctx.lang))</p>"),
            status: 404)
    }
}
