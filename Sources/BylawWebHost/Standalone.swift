import Bylaw
import BylawAudit
import BylawJobs
import BylawWeb
import Foundation
import Hummingbird

/// The pages on a Hummingbird server of their own: the rule library, a SQLite trail and an account file.
/// The smallest wiring that runs them; inside `bylaw serve` they are mounted through its extra-routes hook.
public enum StandaloneWeb {
    public static func app(rules: String, audit: String, accountsFile: String) throws -> WebApp {
        let library = RuleLibrary.load(root: rules)
        guard let data = FileManager.default.contents(atPath: accountsFile) else {
            throw AuditStoreError("cannot read the accounts file `\(accountsFile)`")
        }
        let accounts = StaticAccounts(text: String(decoding: data, as: UTF8.self))
        _ = try AuditStore(path: audit)
        let backend = WebBackend(
            library: { library },
            recording: { actor in Recording(trail: try AuditStore(path: audit), actor: actor, maskingKey: nil) },
            trail: { try AuditStore(readingAt: audit) })
        return WebApp(backend: backend, accounts: accounts)
    }

    public static func run(app: WebApp, host: String, port: Int) async throws {
        let router = Router()
        WebRoutes.add(to: router, app: app)
        router.get("/") { _, _ in Response(status: .seeOther, headers: [.location: "/ui/"]) }
        let application = Application(router: router, configuration: .init(address: .hostname(host, port: port)))
        try await application.runService()
    }
}
