import Bylaw
import BylawAudit
import BylawJobs
import BylawServer
import BylawWeb
import Foundation
import Hummingbird

/// The web pages inside `bylaw serve`: the service's rule library (reloads included), its trail, its accounts and
/// roles, mounted under `/ui/` through the service's extra-routes hook.
public enum ServicePages {
    /// The hook to hand `BylawService.application(extraRoutes:)`.
    public static func routes(sessions: SessionStore = SessionStore())
        -> (Router<BasicRequestContext>, BylawService) -> Void
    {
        { router, service in
            WebRoutes.add(
                to: router, app: app(service, sessions: sessions),
                bodySeconds: service.configuration.requestTimeoutSeconds)
        }
    }

    public static func app(_ service: BylawService, sessions: SessionStore = SessionStore()) -> WebApp {
        let audit = service.configuration.audit
        let backend = WebBackend(
            library: { service.library.snapshot.library },
            recording: { actor in service.recording(actor: actor) },
            trail: {
                guard let audit else { throw AuditStoreError(.other, id: "store.service-no-trail") }
                return try AuditStore(readingAt: audit)
            })
        return WebApp(
            backend: backend, accounts: ServiceAccounts(authenticator: service.authenticator), sessions: sessions,
            secureCookies: service.configuration.tlsCertificate != nil,
            maxUploadBytes: maxUploadBytes(ProcessInfo.processInfo.environment), audits: service.audits)
    }

    /// The pages' upload limit: `BYLAW_WEB_MAX_UPLOAD_BYTES` when it is a whole number of bytes from 1 KiB to
    /// 1 GiB, else 16 MiB. Apart from the API's `max_body_bytes`, which stays small for machine requests.
    static func maxUploadBytes(_ environment: [String: String]) -> Int {
        guard let text = environment["BYLAW_WEB_MAX_UPLOAD_BYTES"], let n = Int(text), (1024...(1 << 30)).contains(n)
        else { return WebApp.defaultMaxUploadBytes }
        return n
    }
}

/// The service's accounts, for the sign-in form: a name and a password checked as HTTP basic checks them.
struct ServiceAccounts: WebAccounts {
    let authenticator: Authenticator

    func authenticate(name: String, password: String) -> WebUser? {
        guard case .account(let account) = authenticator.signIn(name: name, password: password) else { return nil }
        return WebUser(
            name: account.name, roles: Set(account.roles.compactMap { BylawWeb.Role(rawValue: $0.rawValue) }))
    }
}
