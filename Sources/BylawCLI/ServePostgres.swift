import BylawAudit
import BylawAuditPostgres
import BylawServer

/// `bylaw serve` with its trail in PostgreSQL (`"audit": "postgres://…"` or `BYLAW_AUDIT`): several replicas
/// append to one chain, each committing its concurrent requests together.
enum ServePostgres {
    /// The service's trail and log reader when the audit location is PostgreSQL; nil for a SQLite file.
    static func trail(_ location: String?) throws(AuditStoreError) -> (
        trail: any AuditTrail, openLog: @Sendable (String) throws(AuditStoreError) -> any TrailLog
    )? {
        guard let location, PostgresLocation.isPostgres(location) else { return nil }
        let trail = try PostgresTrail(try PostgresLocation(location))
        return (
            trail,
            { path throws(AuditStoreError) in
                PostgresTrailLog(trail: try PostgresTrail(readingAt: try PostgresLocation(path)))
            }
        )
    }
}

/// What the log routes read, from a PostgreSQL trail.
struct PostgresTrailLog: TrailLog {
    let trail: PostgresTrail

    func list(_ filter: RecordFilter) throws(AuditStoreError) -> [RecordSummary] { try trail.list(filter) }

    func canonical(of key: String) throws(AuditStoreError) -> [UInt8]? { try trail.canonical(of: key) }

    func head() throws(AuditStoreError) -> (seq: Int64, chainHash: [UInt8]) { try trail.head() }

    func verify(
        expectHead: (seq: Int64, hash: String)?, checkpoints given: [Checkpoint]?, publicKey: CheckpointKey.Public?,
        receipt: Receipt?
    ) throws(AuditStoreError) -> VerifyReport {
        guard given == nil, publicKey == nil, receipt == nil else {
            throw AuditStoreError(
                .refused,
                "a PostgreSQL trail keeps no signed checkpoints yet: verify it with expect_head, not with checkpoints, "
                    + "a public key or a receipt")
        }
        return try trail.verify(expectHead: expectHead)
    }

    func forEachCanonical(_ body: ([UInt8]) -> Void) throws(AuditStoreError) {
        try trail.forEachRecord(after: 0) { page throws(AuditStoreError) in
            for record in page { body(record.canonical) }
            return true
        }
    }
}
