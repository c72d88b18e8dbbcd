import Bylaw
import BylawAudit
import BylawCEL
import BylawJobs
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// `bylaw serve`: the jobs of the command line over HTTP. Holds what every request shares — the rule library
/// (reloaded atomically), the audit trail (group-committed), the accounts, the limits and the counters — and
/// builds the router. Every route calls the same BylawJobs entry point as its CLI command.
public final class BylawService: Sendable {
    public let configuration: ServerConfiguration
    public let library: LibraryState
    public let authenticator: Authenticator
    public let metrics = ServerMetrics()
    /// The API's routes as registered, to answer a known path asked with another method 405, not 404.
    let routes = RouteTable()
    public let logger: Logger
    /// The trail checks are recorded to; nil when the service runs without one.
    let trail: GroupCommitTrail?
    let maskingKey: [UInt8]?
    /// Opens the trail read-only for the log routes: a SQLite connection per request, or a PostgreSQL connection
    /// borrowed from the few the service keeps (`PostgresReaders`).
    let openLog: @Sendable (String) throws(AuditStoreError) -> any TrailLog
    /// HTTPS, when the configuration names a certificate and key (read once, at start).
    let tls: TLSConfiguration?
    /// The batch audits running or kept, shared with the web page's batch audit.
    public let audits: AuditRuns

    /// Opens the rule library and the trail as configured.
    /// - Parameter trail: the trail to record to instead of the configured SQLite store (tests, another backend).
    public init(
        configuration: ServerConfiguration, trail: (any AuditTrail)? = nil,
        openLog: @escaping @Sendable (String) throws(AuditStoreError) -> any TrailLog = {
            path throws(AuditStoreError) in
            try AuditStore(readingAt: path)
        },
        logger: Logger = Logger(label: "bylaw.serve")
    ) throws {
        self.configuration = configuration
        self.openLog = openLog
        self.logger = logger
        authenticator = Authenticator(accounts: configuration.accounts, anonymousRoles: configuration.anonymousRoles)
        let maskingKey: [UInt8]?
        if let file = configuration.auditKeyFile {
            guard let data = FileManager.default.contents(atPath: file), !data.isEmpty else {
                throw ConfigurationError("unreadable-key", file)
            }
            maskingKey = Array(data)
        } else {
            maskingKey = nil
        }
        self.maskingKey = maskingKey
        tls = try Self.tls(configuration)
        audits = AuditRuns(
            folder: configuration.auditsFolder
                ?? FileManager.default.temporaryDirectory.appendingPathComponent(
                    "bylaw-audits-\(ProcessInfo.processInfo.processIdentifier)"
                ).path,
            maxRunning: configuration.maxAudits, keepSeconds: configuration.auditRetentionSeconds,
            uploadSeconds: configuration.requestTimeoutSeconds)
        library = try LibraryState(root: configuration.rules, maskingKey: maskingKey)
        if let trail {
            self.trail = GroupCommitTrail(trail)
        } else if let path = configuration.audit {
            self.trail = GroupCommitTrail(try AuditStore(path: path))
        } else {
            self.trail = nil
        }
    }

    /// The router with every route of the API; `extraRoutes` adds more (the web pages under `/ui/`).
    public func router(
        extraRoutes: ((Router<BasicRequestContext>, BylawService) -> Void)? = nil
    ) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        // Outermost: the body a refusal left unread is discarded after the answer is made and logged.
        router.add(
            middleware: LingeringCloseMiddleware(
                seconds: min(configuration.requestTimeoutSeconds, 10), bytes: Self.lingeringBytes))
        router.add(middleware: HeadResponse.Middleware())
        router.add(middleware: RequestLogMiddleware(service: self))
        router.add(
            middleware: JSONErrorMiddleware(metrics: metrics, language: configuration.language, routes: routes))
        addCheckRoutes(to: router)
        addAuthoringRoutes(to: router)
        addLogRoutes(to: router)
        addAuditRoutes(to: router)
        addOperationRoutes(to: router)
        extraRoutes?(router, self)
        return router
    }

    /// The application, ready to run: listening as configured, closing idle connections, sweeping old batch
    /// audits, and stopping the running ones (each ended in the trail) when it stops.
    public func application(
        extraRoutes: ((Router<BasicRequestContext>, BylawService) -> Void)? = nil,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let (host, port) = try configuration.address()
        let idle = TimeAmount.milliseconds(Int64(configuration.idleTimeoutSeconds * 1000))
        let http1 = HTTPServerBuilder.http1(configuration: .init(idleTimeout: idle))
        return Application(
            router: router(extraRoutes: extraRoutes),
            server: try tls.map { tls in try HTTPServerBuilder.tls(http1, tlsConfiguration: tls) } ?? http1,
            configuration: .init(address: .hostname(host, port: port), serverName: "bylaw"),
            services: [AuditHousekeeping(audits: audits, logger: logger)], onServerRunning: onServerRunning,
            logger: logger)
    }

    /// The server's TLS settings from the PEM files the configuration names; a file that cannot be used stops
    /// the start with a message naming it.
    static func tls(_ configuration: ServerConfiguration) throws(ConfigurationError) -> TLSConfiguration? {
        guard let certificate = configuration.tlsCertificate, let key = configuration.tlsKey else { return nil }
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificate)
        } catch {
            throw ConfigurationError("bad-certificate", certificate, "\(error)")
        }
        guard !chain.isEmpty else { throw ConfigurationError("no-certificate", certificate) }
        let privateKey: NIOSSLPrivateKey
        do {
            privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
        } catch {
            throw ConfigurationError("bad-key", key, "\(error)")
        }
        return TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(privateKey))
    }

    /// Reloads the rule library (on SIGHUP): the new one is put in force only when it loads without an error.
    @discardableResult
    public func reloadRules() -> LibraryState.ReloadOutcome {
        let outcome = library.reload()
        switch outcome {
        case .loaded(let generation):
            metrics.reload("loaded")
            logger.notice("rules reloaded", metadata: ["generation": "\(generation)", "rules": "\(library.root)"])
        case .refused(let diagnostics):
            metrics.reload("refused")
            logger.error(
                "rules not reloaded: the library does not load; the previous one keeps serving",
                metadata: [
                    "rules": "\(library.root)",
                    "diagnostics": "\(diagnostics.filter { $0.severity == .error }.prefix(20).map(\.json))",
                ])
        }
        return outcome
    }

    // MARK: - What every route uses

    /// The account the request signs in as, when it may do `permission`; otherwise the refusal (401 or 403),
    /// logged and counted. The actor comes from the credentials alone.
    public func authorize(_ request: Request, _ permission: Permission) throws(APIError) -> Account {
        let outcome = authenticator.authenticate(authorization: request.headers[.authorization])
        let route = "\(request.method) \(request.uri.path)"
        switch outcome {
        case .account(let account):
            guard account.may(permission) else {
                refuse(route: route, reason: "role", account: account.name)
                var e = APIError(
                    .forbidden, "auth.forbidden",
                    APIMessage(
                        "api.auth.forbidden",
                        [
                            .plain(account.name), .plain(permission.rawValue),
                            .alternatives(permission.roles.map(\.rawValue).sorted()),
                        ]))
                e.account = account.name
                throw e
            }
            return account
        case .missing:
            refuse(route: route, reason: "missing", account: nil)
            throw APIError(
                .unauthorized, "auth.missing", .text("api.auth.missing"),
                headers: [.wwwAuthenticate: "Bearer realm=\"bylaw\", Basic realm=\"bylaw\""])
        case .invalid:
            refuse(route: route, reason: "invalid", account: nil)
            throw APIError(
                .unauthorized, "auth.invalid", .text("api.auth.invalid"),
                headers: [.wwwAuthenticate: "Bearer realm=\"bylaw\", Basic realm=\"bylaw\""])
        }
    }

    /// Refused requests are logged (warning) and counted in `/metrics`. A request refused for its role (403)
    /// is also appended to the trail (`recordRefusal`); one without valid credentials (401) is not, so that
    /// anyone who can reach the port cannot grow the trail.
    private func refuse(route: String, reason: String, account: String?) {
        metrics.refusal(reason)
        logger.warning(
            "request refused",
            metadata: ["route": "\(route)", "reason": "\(reason)", "account": "\(account ?? "-")"])
    }

    /// The request body, refused with 413 when it is larger than the limit (by its declared length before a
    /// byte is read, else as soon as it grows past it).
    func body(_ request: Request) async throws -> [UInt8] {
        try Self.refuseCodings(request)
        let limit = configuration.maxBodyBytes
        let tooLarge = APIError(.contentTooLarge, "body.too-large", .text("api.body.too-large", "\(limit)"))
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit { throw tooLarge }
        do {
            let buffer = try await Self.readingBody { try await request.body.collect(upTo: limit) }
            return Array(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw tooLarge
        } catch {
            throw Self.bodyFailure(error)
        }
    }

    /// A body whose bytes are not the content itself is refused before it is read: a `Content-Encoding` other
    /// than `identity` (a gzip body read as YAML would fail on its bytes) with 415 `body.encoding`, and a
    /// `Transfer-Encoding` other than `chunked` (the only one the server removes) with 400 `body.unreadable`.
    package static func refuseCodings(_ request: Request) throws(APIError) {
        let content = tokens(request.headers[.contentEncoding]).filter { $0 != "identity" }
        if let coding = content.first {
            throw APIError(.unsupportedMediaType, "body.encoding", .text("api.body.encoding", coding))
        }
        if tokens(request.headers[.transferEncoding]).contains(where: { $0 != "chunked" }) {
            throw APIError(.badRequest, "body.unreadable", .text("api.body.unreadable"))
        }
    }

    /// The comma-separated tokens of a header's value (`Connection`, `Content-Encoding`, `Transfer-Encoding`),
    /// trimmed and in lower case.
    static func tokens(_ value: String?) -> [String] {
        (value ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty }
    }

    /// What reading a request's body failed with, as the route answers it: a refusal of its own, or the
    /// deadline's cancellation, as it is; anything else (broken chunked framing, an unknown transfer coding, a
    /// client gone half-way) 400 `body.unreadable`, the client's doing and not counted as an internal error.
    static func bodyFailure(_ error: any Error) -> any Error {
        if error is APIError || error is CancellationError { return error }
        return APIError(.badRequest, "body.unreadable", .text("api.body.unreadable"))
    }

    /// Whether the body is JSON (by its content type); anything else is read as YAML, of which JSON is a part.
    /// A form's encoding is refused with 415 (`refuseForms`).
    func isJSON(_ request: Request) throws(APIError) -> Bool {
        try refuseForms(request)
        return request.headers[.contentType]?.lowercased().contains("json") ?? false
    }

    /// A body sent as a form (`application/x-www-form-urlencoded`, what `curl -d` and a browser form send, or
    /// `multipart/form-data`) is refused with 415 `body.media-type` on a route that reads one decision or rule
    /// set: read as YAML it would fail with an error about its text, not about how it was sent (`curl -d` also
    /// drops its line breaks).
    func refuseForms(_ request: Request) throws(APIError) {
        let type = Self.mediaType(request.headers[.contentType])
        guard type == "application/x-www-form-urlencoded" || type == "multipart/form-data" else { return }
        throw APIError(.unsupportedMediaType, "body.media-type", .text("api.body.media-type", type))
    }

    /// The media type of a `Content-Type` value, without its parameters, in lower case; empty without one.
    static func mediaType(_ contentType: String?) -> String {
        guard let contentType else { return "" }
        let type = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return String(type).trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// A request that changes something (any method but GET, HEAD and OPTIONS) made by a web page of another
    /// site is refused with 403 `request.cross-site`, before its credentials are looked at. A browser that
    /// once signed in with Basic keeps sending those credentials, and a page anywhere may post a form to the
    /// service; the API has no CORS, so only requests a page can make without it get here. The browser says
    /// where a request comes from in `Sec-Fetch-Site` (`same-origin` and `none` are let through: the service's
    /// own pages, a typed address); a browser too old to send it sends `Origin`, compared with the request's
    /// host. Programs (curl, the HR system) send neither and are not affected.
    func refuseCrossSite(_ request: Request, crossSite: Bool, route: String) throws(APIError) {
        // A read is answered all the same: the page cannot read the answer without CORS.
        let onlyReads = request.method == .get || request.method == .head || request.method == .options
        guard crossSite, !onlyReads else { return }
        refuse(route: route, reason: "cross-site", account: nil)
        throw APIError(.forbidden, "request.cross-site", .text("api.request.cross-site"))
    }

    /// Whether a browser says a page of another site made the request, whatever its method.
    static func isCrossSite(_ request: Request) -> Bool {
        if let name = Self.secFetchSite, let site = request.headers[name] {
            let s = site.trimmingCharacters(in: .whitespaces).lowercased()
            return s == "cross-site" || s == "same-site"
        }
        guard let origin = request.headers[.origin]?.trimmingCharacters(in: .whitespaces).lowercased() else {
            return false
        }
        // `null`: a sandboxed frame, a file, a redirect across sites.
        guard let start = origin.range(of: "://") else { return true }
        let scheme = String(origin[..<start.lowerBound])
        var authority = String(origin[start.upperBound...])
        while authority.hasSuffix("/") { authority.removeLast() }
        guard let host = request.head.authority?.lowercased(), !host.isEmpty else { return true }
        return Self.withoutDefaultPort(authority, scheme: scheme)
            != Self.withoutDefaultPort(host, scheme: request.head.scheme?.lowercased() ?? scheme)
    }

    /// `host:443` of https, `host:80` of http, as `host`: a browser's Origin and a client's Host may each
    /// name the default port or leave it out.
    static func withoutDefaultPort(_ authority: String, scheme: String) -> String {
        let port = scheme == "https" ? ":443" : scheme == "http" ? ":80" : nil
        if let port, authority.hasSuffix(port) { return String(authority.dropLast(port.count)) }
        return authority
    }

    /// A valid field name, so never nil.
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")

    /// `?as_of=YYYY-MM-DD`.
    func asOf(_ request: Request) throws(APIError) -> CELDate? {
        guard let text = request.uri.queryParameters.get("as_of") else { return nil }
        return try Self.date(text, parameter: "as_of")
    }

    static func date(_ text: String, parameter: String) throws(APIError) -> CELDate {
        guard text.utf8.count == 10, let d = CELDate(iso: text) else {
            throw APIError(.badRequest, "query.bad-date", .text("api.query.bad-date", parameter))
        }
        return d
    }

    /// The threads blocking work runs on. Many more than the cores: a request waiting for the group commit
    /// holds its thread, and the more requests wait together, the more records one commit takes.
    static let workers: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 128)
        pool.start()
        return pool
    }()

    /// Runs blocking work (evaluation, SQLite) on a worker thread, off the server's event loops. When the
    /// request is cancelled (its deadline passed) the caller stops waiting; the work still runs to its end.
    func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let once = ResumeOnce<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                once.set(continuation)
                Self.workers.submit { state in
                    guard case .active = state else {
                        return once.resume(
                            with: .failure(APIError(.serviceUnavailable, "shutting-down", .text("api.shutting-down"))))
                    }
                    once.resume(with: Result { try work() })
                }
            }
        } onCancel: {
            once.resume(with: .failure(CancellationError()))
        }
    }

    /// Ends the request when it takes longer than `request_timeout_seconds`, reading the body included, so a
    /// client trickling a body cannot hold a request open for ever: 408 while the body is still being read
    /// (the client's doing), 503 once it was read (the service's). Work already handed to a thread may still
    /// finish and be recorded; its verdict is then not reported.
    func withDeadline<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let seconds = configuration.requestTimeoutSeconds
        let reading = BodyReading()
        return try await Self.$bodyReading.withValue(reading) {
            // Whether the body was still arriving is read when the deadline is met: by the time `within` returns,
            // the work has been cancelled and its reading ended.
            guard let value = try await Self.within(seconds: seconds, atDeadline: reading.deadlineMet, work) else {
                let shown = seconds == seconds.rounded() ? "\(Int(seconds))" : "\(seconds)"
                if reading.wasReadingAtDeadline {
                    throw APIError(.requestTimeout, "request.body-timeout", .text("api.request.body-timeout", shown))
                }
                throw APIError(.serviceUnavailable, "request.timeout", .text("api.request.timeout", shown))
            }
            return value
        }
    }

    /// `work`'s result, or nil when `seconds` pass first (then `atDeadline` runs, and the work is cancelled).
    /// The deadline is kept by the shared `Watchdog`, not a timer per request: the API's routes and the web
    /// pages' body reading alike.
    public static func within<T: Sendable>(
        seconds: Double, atDeadline: @escaping @Sendable () -> Void = {},
        _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T? {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                await Watchdog.shared.wait(seconds: seconds)
                try Task.checkCancellation()
                atDeadline()
                return nil
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
    }

    /// The body reading of the request being served, seen by its deadline (`withDeadline`).
    @TaskLocal static var bodyReading: BodyReading?

    /// Runs `read` marked as reading the request's body.
    static func readingBody<T>(_ read: () async throws -> T) async rethrows -> T {
        bodyReading?.started()
        defer { bodyReading?.ended() }
        return try await read()
    }

    /// The most a refused body is read and discarded after the answer (`LingeringCloseMiddleware`).
    static let lingeringBytes = 64 << 20

    /// Registers a route: signs the request in for `permission` (nil: open to all), then runs the handler
    /// within the deadline.
    func on(
        _ router: Router<BasicRequestContext>, _ method: HTTPRequest.Method, _ path: RouterPath,
        _ permission: Permission?, _ handler: @escaping @Sendable (Request, Account?) async throws -> Response
    ) {
        routes.add(method, "\(path)")
        if method == .get {
            routes.add(.head, "\(path)")
            router.on(path, method: .head) { request, _ -> Response in
                // The GET route's answer, with the same sign-in, permission and deadline; `HeadResponse` takes
                // the body off, this one's and a refusal's alike.
                try await self.answer(HeadResponse.asGet(request), asked: .head, path, permission, handler)
            }
        }
        router.on(path, method: method) { request, _ -> Response in
            try await self.answer(request, asked: method, path, permission, handler)
        }
    }

    /// A route's answer: signs the request in for `permission`, then runs the handler within the deadline.
    /// - Parameter asked: the method the client used, which a refusal records (HEAD is answered as GET).
    private func answer(
        _ request: Request, asked: HTTPRequest.Method, _ path: RouterPath, _ permission: Permission?,
        _ handler: @escaping @Sendable (Request, Account?) async throws -> Response
    ) async throws -> Response {
        let account: Account?
        let crossSite = Self.isCrossSite(request)
        do throws(APIError) {
            try self.refuseCrossSite(request, crossSite: crossSite, route: "\(asked) \(request.uri.path)")
            account = try permission.map { p throws(APIError) in try self.authorize(request, p) }
        } catch {
            // A refusal is recorded under the account that signed in, unless a page of another site made the
            // request: an image on any page would otherwise grow the trail in a signed-in browser's name.
            if let name = error.account, let permission, !crossSite {
                try await self.recordRefusal(of: name, route: "\(asked) \(path)", permission: permission)
            }
            throw error
        }
        return try await self.withDeadline { try await handler(request, account) }
    }
}

/// A continuation resumed once: by the work when it ends, or by cancellation, whichever comes first.
final class ResumeOnce<T: Sendable>: @unchecked Sendable {
    // INVARIANT: `continuation`, `early` and `done` are read and written only under `lock`.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?
    private var early: Result<T, any Error>?
    private var done = false

    func set(_ c: CheckedContinuation<T, any Error>) {
        lock.lock()
        if let early, !done {
            done = true
            lock.unlock()
            c.resume(with: early)
            return
        }
        continuation = c
        lock.unlock()
    }

    func resume(with result: Result<T, any Error>) {
        lock.lock()
        guard !done else { return lock.unlock() }
        guard let c = continuation else {
            if early == nil { early = result }
            return lock.unlock()
        }
        done = true
        continuation = nil
        lock.unlock()
        c.resume(with: result)
    }
}

extension BylawService {
    /// Appends a `refused` record: the account, the route and the permission it lacked. When the trail cannot
    /// be written the request is answered 503, as a check would be.
    func recordRefusal(of account: String, route: String, permission: Permission) async throws {
        guard let trail else { return }
        let draft = RecordDraft(
            event: "refused", kind: nil, decisionID: nil, decisionDate: nil, unit: nil, verdict: RecordVerdicts.refused,
            body: [("permission", .string(permission.rawValue)), ("route", .string(route))])
        do {
            _ = try await offload { try trail.append([draft], actor: account, at: nil, batchSize: 1) }
            metrics.count(appends: 1)
        } catch let e as AuditStoreError {
            metrics.count(storeErrors: 1)
            throw APIError(
                .serviceUnavailable, "trail.unavailable", .text("api.trail.unavailable.refusal", store: e))
        }
    }
}

/// Whether a request's body is being read: a deadline met then is the client's slowness (408), not the service's.
final class BodyReading: @unchecked Sendable {
    // INVARIANT: `reading` and `readingAtDeadline` are read and written only under `lock`.
    private let lock = NSLock()
    private var reading = false
    private var readingAtDeadline = false

    func started() { lock.withLock { reading = true } }
    func ended() { lock.withLock { reading = false } }
    /// Notes, as the deadline is met, whether the body was still arriving.
    func deadlineMet() { lock.withLock { readingAtDeadline = reading } }
    var wasReadingAtDeadline: Bool { lock.withLock { readingAtDeadline } }
}

/// The API's routes, by method and path template (`/v1/audits/{id}`): which methods a path has, for a 405 that
/// says them.
final class RouteTable: @unchecked Sendable {
    // INVARIANT: `entries` is read and written only under `lock`.
    private let lock = NSLock()
    private var entries: [(method: HTTPRequest.Method, segments: [Substring])] = []

    func add(_ method: HTTPRequest.Method, _ template: String) {
        lock.withLock { entries.append((method, template.split(separator: "/"))) }
    }

    /// The methods registered for a path matching `path` (a `{name}` segment matches any one segment), in the
    /// order registered; empty when no route has the path.
    func methods(for path: String) -> [HTTPRequest.Method] {
        let asked = path.split(separator: "/")
        return lock.withLock {
            entries.filter { entry in
                entry.segments.count == asked.count
                    && zip(entry.segments, asked).allSatisfy { t, a in (t.hasPrefix("{") && t.hasSuffix("}")) || t == a
                    }
            }.map(\.method)
        }
    }
}
