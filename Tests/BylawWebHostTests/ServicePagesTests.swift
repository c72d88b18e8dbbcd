import BylawServer
import BylawWeb
import Foundation
import Testing

@testable import BylawWebHost

@Suite("the pages inside bylaw serve")
struct ServicePagesTests {
    /// Each page's ability and the API permission it stands for: a page must never offer what the API refuses,
    /// nor hide what it allows.
    @Test(
        "every page is granted to exactly the roles the API grants its permission",
        arguments: [
            (Ability.check, Permission.check), (.library, .rulesets), (.book, .book), (.batchAudit, .audits),
            (.trail, .logRead), (.trailExport, .logExport), (.playground, .lint),
        ])
    func rolesMatchTheAPI(ability: Ability, permission: Permission) {
        #expect(Set(ability.roles.map(\.rawValue)) == Set(permission.roles.map(\.rawValue)))
    }

    @Test("the sign-in form checks the service's password accounts and carries their roles")
    func signIn() {
        let accounts = ServiceAccounts(
            authenticator: Authenticator(accounts: [
                Account(name: "wang", roles: [.auditor, .auditAdmin], password: "pw-密码", salt: "s1"),
                Account(name: "hr-system", roles: [.checker], token: "tok"),
            ]))
        #expect(
            accounts.authenticate(name: "wang", password: "pw-密码")
                == WebUser(name: "wang", roles: [.auditor, .auditAdmin]))
        #expect(accounts.authenticate(name: "wang", password: "pw") == nil)
        #expect(accounts.authenticate(name: "hr-system", password: "tok") == nil)
        #expect(accounts.authenticate(name: "nobody", password: "") == nil)
    }

    @Test(
        "the pages' upload limit comes from BYLAW_WEB_MAX_UPLOAD_BYTES when it is sensible, else 16 MiB",
        arguments: [
            (nil, 16 * 1024 * 1024), ("1048576", 1_048_576), ("0", 16 * 1024 * 1024), ("lots", 16 * 1024 * 1024),
            ("-5", 16 * 1024 * 1024), ("2147483648", 16 * 1024 * 1024),
        ] as [(String?, Int)])
    func uploadLimit(value: String?, expected: Int) {
        let environment = value.map { ["BYLAW_WEB_MAX_UPLOAD_BYTES": $0] } ?? [:]
        #expect(ServicePages.maxUploadBytes(environment) == expected)
    }

    @Test("the batch page starts its audits in the service's registry, the one POST /v1/audits uses")
    func oneRegistry() throws {
        var c = ServerConfiguration()
        c.rules =
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules").path
        c.audit = nil
        c.maxAudits = 3
        let service = try BylawService(configuration: c)
        let app = ServicePages.app(service)
        #expect(app.batchRuns.audits === service.audits)
        #expect(app.batchRuns.audits.maxRunning == 3)
    }
}
