import BylawAudit
import Foundation
import Testing

@testable import BylawAuditPostgres

/// `serve`'s log routes read through a few kept connections: reused when given back, never more kept than the
/// limit, and one the server closed is replaced rather than lent.
@Suite struct PostgresReadersTests {
    static func backend(_ trail: PostgresTrail) throws -> Int32 {
        try PostgresSession.decode(
            try #require(try trail.session.query("SELECT pg_backend_pid()").first), 0, as: Int32.self)
    }

    @Test func connectionsAreReusedUpToTheLimitAndALostOneIsReplaced() throws {
        guard let db = try PostgresTestServer.database() else { return }
        try PostgresTrail(db).append(PostgresTestServer.drafts(3), actor: "auditor", at: nil, batchSize: 3)
        let readers = PostgresReaders(db, limit: 2)
        var first: PostgresReaders.Lease? = try readers.lease()
        let pid = try Self.backend(try #require(first).trail)
        #expect(try first?.trail.head().seq == 3)
        first = nil
        #expect(readers.idleCount == 1)
        // Given back, the same connection is lent again.
        var again: PostgresReaders.Lease? = try readers.lease()
        #expect(try Self.backend(try #require(again).trail) == pid)
        #expect(readers.idleCount == 0)
        // Three at once: three connections; only two are kept when they come back.
        var more: [PostgresReaders.Lease] = [try readers.lease(), try readers.lease()]
        #expect(Set(try more.map { try Self.backend($0.trail) } + [pid]).count == 3)
        again = nil
        more = []
        #expect(readers.idleCount == 2)
        // A kept connection the server ends is not lent again: the next lease reads through a new one.
        let admin = try PostgresTestServer.session(db)
        var leased = [try readers.lease(), try readers.lease()]
        let kept = try leased.map { try Self.backend($0.trail) }
        _ = try admin.query("SELECT pg_terminate_backend(\(kept[0]), 5000)")
        _ = try? leased[0].trail.head()  // the client learns that the connection is gone
        leased = []
        let next = try readers.lease()
        #expect(try next.trail.head().seq == 3)
        #expect(try Self.backend(next.trail) != kept[0])
        _ = more
    }

    @Test func aConnectionIdleTooLongIsNotLentAgain() throws {
        guard let db = try PostgresTestServer.database() else { return }
        try PostgresTrail(db).append(PostgresTestServer.drafts(1), actor: "auditor", at: nil, batchSize: 1)
        let readers = PostgresReaders(db, limit: 2, maxIdle: 0)
        var first: PostgresReaders.Lease? = try readers.lease()
        let pid = try Self.backend(try #require(first).trail)
        first = nil
        #expect(readers.idleCount == 1)
        let next = try readers.lease()
        #expect(try Self.backend(next.trail) != pid)
        #expect(try next.trail.head().seq == 1)
    }
}
