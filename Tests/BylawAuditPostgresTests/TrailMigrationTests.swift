import Bylaw
import BylawAudit
import BylawTestSupport
import Foundation
import Testing

@testable import BylawAuditPostgres

/// `bylaw log migrate`'s library: SQLite to PostgreSQL and back, the same head, continued, refused.
@Suite struct TrailMigrationTests {
    func sqlitePath() throws -> String {
        let dir = Scratch.root.appendingPathComponent("migrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent("trail.sqlite").path
    }

    @Test func aChainMovesToPostgresAndBackAndVerifiesInBoth() throws {
        guard let db = try PostgresTestServer.database() else { return }
        let source = try AuditStore(path: try sqlitePath())
        try source.append(PostgresTestServer.drafts(2500), actor: "auditor", batchSize: 700)
        let postgres = try PostgresTrail(db)
        let first = try TrailMigration.run(from: source, to: postgres, batch: 1000)
        #expect(first.copied == 2500)
        #expect(first.skipped == 0)
        #expect(try postgres.head() == (try source.head()))
        #expect(try postgres.verify().ok)
        // The source grows; a second run copies only what is new.
        try source.append(PostgresTestServer.drafts(3, from: 2501), actor: "auditor", batchSize: 3)
        let second = try TrailMigration.run(from: source, to: postgres)
        #expect(second.copied == 3)
        #expect(second.skipped == 2500)
        // And back to a new SQLite file, which verifies on its own with the same head.
        let back = try AuditStore(path: try sqlitePath())
        let third = try TrailMigration.run(from: postgres, to: back)
        #expect(third.copied == 2503)
        let report = try back.verify()
        #expect(report.ok)
        #expect(report.headHash == AuditHex.encode(try source.head().chainHash))
        #expect(try back.canonical(of: "17") == (try postgres.canonical(of: "17")))
    }

    @Test func aTargetThatIsNotAPrefixIsRefusedUntouched() throws {
        guard let db = try PostgresTestServer.database() else { return }
        let source = try AuditStore(path: try sqlitePath())
        try source.append(PostgresTestServer.drafts(5), actor: "auditor", batchSize: 5)
        let other = try PostgresTrail(db)
        try other.append(PostgresTestServer.drafts(2), actor: "someone else", at: nil, batchSize: 2)
        let before = try other.head()
        do {
            _ = try TrailMigration.run(from: source, to: other)
            Issue.record("a foreign target was accepted")
        } catch {
            #expect(error.kind == .refused)
            #expect(error.message.contains("not a prefix"))
        }
        #expect(try other.head() == before)
    }
}
