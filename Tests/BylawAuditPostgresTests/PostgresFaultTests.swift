import Bylaw
import BylawAudit
import Foundation
import Testing

@testable import BylawAuditPostgres

/// Faults end to end on a real server: a connection killed mid-transaction, writers at once, a database made
/// read-only. Each leaves one whole chain, and a writer that cannot write says so (fail closed).
@Suite struct PostgresFaultTests {
    @Test func aConnectionKilledBeforeCommitLeavesTheChainWhole() throws {
        guard let db = try PostgresTestServer.database() else { return }
        let trail = try PostgresTrail(db)
        try trail.append(PostgresTestServer.drafts(4), actor: "auditor", at: nil, batchSize: 4)
        let before = try trail.head()
        let pid = try PostgresSession.decode(
            try #require(try trail.session.query("SELECT pg_backend_pid()").first), 0, as: Int32.self)
        let admin = try PostgresTestServer.session(db)
        // The rows of the second batch are inserted; the server ends the writer's connection before its commit.
        trail.beforeCommit = {
            // Waits (up to 5 s) until the backend has exited, so the commit cannot overtake it.
            _ = try? admin.query("SELECT pg_terminate_backend(\(pid), 5000)")
        }
        do {
            try trail.append(PostgresTestServer.drafts(6, from: 5), actor: "auditor", at: nil, batchSize: 6)
            Issue.record("the append reported success on a killed connection")
        } catch {
            #expect(error.message.contains("PostgreSQL"), "\(error.message)")
        }
        trail.beforeCommit = nil
        let after = try PostgresTrail(db).head()
        #expect(after.seq == before.seq)
        #expect(after.chainHash == before.chainHash)
        // The same writer connects again for its next transaction and reads the head afresh: nothing lost,
        // nothing numbered twice.
        #expect(
            try trail.append(PostgresTestServer.drafts(2, from: 5), actor: "auditor", at: nil, batchSize: 2) == [5, 6])
        let fresh = try PostgresTrail(readingAt: db)
        #expect(try fresh.verify().ok)
    }

    @Test func writersAtOnceMakeOneChain() async throws {
        guard let db = try PostgresTestServer.database() else { return }
        _ = try PostgresTrail(db)
        let writers = 4
        let appends = 15
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for w in 0..<writers {
                group.addTask {
                    try await Task.detached {
                        let trail = try PostgresTrail(db, lockWaitMillis: 30_000)
                        var n = 0
                        for k in 0..<appends {
                            n += try trail.append(
                                PostgresTestServer.drafts(1 + k % 3, from: w * 1000 + k * 10), actor: "w\(w)", at: nil,
                                batchSize: 2
                            ).count
                        }
                        return n
                    }.value
                }
            }
            return try await group.reduce(0, +)
        }
        let trail = try PostgresTrail(readingAt: db)
        let report = try trail.verify()
        #expect(report.ok, "\(String(describing: report.problem))")
        #expect(report.records == Int64(counts))
        #expect(counts == writers * (0..<appends).reduce(0) { $0 + 1 + $1 % 3 })
    }

    @Test func aReadOnlyDatabaseFailsClosed() throws {
        guard let db = try PostgresTestServer.database() else { return }
        try PostgresTrail(db).append(PostgresTestServer.drafts(2), actor: "auditor", at: nil, batchSize: 2)
        let admin = try PostgresTestServer.session(db)
        try admin.execute("ALTER DATABASE \(db.database) SET default_transaction_read_only = on")
        let trail = try PostgresTrail(db)
        do {
            try trail.append(PostgresTestServer.drafts(1, from: 3), actor: "auditor", at: nil, batchSize: 1)
            Issue.record("appended to a read-only database")
        } catch {
            #expect(error.kind == .readOnly)
            #expect(error.message.contains("read-only"), "\(error.message)")
        }
        #expect(try trail.head().seq == 2)
        #expect(try trail.verify().ok)
    }
}
