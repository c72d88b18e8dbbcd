import Bylaw
import BylawAudit
import Foundation
import Testing

@testable import BylawAuditPostgres
@testable import BylawJSON

/// The throwaway server `scripts/with-postgres` starts: each test gets a database of its own on it.
enum PostgresTestServer {
    static let url = ProcessInfo.processInfo.environment["BYLAW_TEST_POSTGRES_URL"]

    /// A new, empty database on the test server, or nil when there is none: the test then says it skips, and
    /// under CI (`CI=true`), where the server must be there, fails.
    static func database(_ function: String = #function) throws -> PostgresLocation? {
        guard let url else {
            skip(function, because: "BYLAW_TEST_POSTGRES_URL is not set: run the tests through scripts/with-postgres")
            return nil
        }
        let admin = try PostgresLocation(url)
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        try session(admin).execute("CREATE DATABASE \(name)")
        var location = admin
        location.database = String(name)
        return location
    }

    /// Says why a test skips; under CI (`CI=true`), where PostgreSQL must be there, fails it instead.
    static func skip(_ function: String, because why: String) {
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record("\(why) (CI never skips the PostgreSQL tests)")
        } else {
            print("skipping \(function): \(why)")
        }
    }

    /// A connection of the server's superuser to `location`'s database.
    static func session(_ location: PostgresLocation) throws -> PostgresSession {
        try PostgresSession(location, lockWaitMillis: 10_000)
    }

    /// `n` drafts of decisions, with every nullable column set on odd ones only.
    static func drafts(_ n: Int, from first: Int = 1) -> [RecordDraft] {
        (first..<(first + n)).map { i in
            let full = i % 2 == 1
            let decision: [(String, JSONValue)] =
                full
                ? [
                    ("date", .string("2017-09-15")), ("id", .string("AD-\(i)")), ("kind", .string("asset_disposal")),
                    ("unit", .string("acftu/org/unit-\(i % 3)")),
                ] : []
            return RecordDraft(
                event: "check", kind: full ? "asset_disposal" : nil, decisionID: full ? "AD-\(i)" : nil,
                decisionDate: full ? "2017-09-15" : nil, unit: full ? "acftu/org/unit-\(i % 3)" : nil,
                verdict: i % 3 == 0 ? "non_compliant" : "compliant",
                body: [
                    ("decision", .object(decision)),
                    (
                        "outcomes",
                        .array([
                            .object([
                                ("outcome", .string(i % 3 == 0 ? "failed" : "passed")), ("rule", .string("AD-03")),
                            ])
                        ])
                    ),
                    ("note", .string("记录 \(i)")), ("verdict", .string(i % 3 == 0 ? "non_compliant" : "compliant")),
                ])
        }
    }
}
