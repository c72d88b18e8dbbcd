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
        let address = try PostgresLocation(location)
        let trail = try PostgresTrail(address)
        // The log routes read through a few connections kept open, not one opened per request.
        let readers = PostgresReaders(address)
        return (
            trail,
            // The service opens its one configured location, the one the readers were made for.
            { _ throws(AuditStoreError) in
                let lease = try readers.lease()
                return PostgresTrailLog(trail: lease.trail, lease: lease)
            }
        )
    }
}

/// What the log routes (and `bylaw log export`) read, from a PostgreSQL trail.
struct PostgresTrailLog: TrailLog {
    let trail: PostgresTrail
    /// Held while the log is read, when the connection is leased from the service's readers.
    var lease: PostgresReaders.Lease? = nil

    func list(_ filter: RecordFilter) throws(AuditStoreError) -> [RecordSummary] { try trail.list(filter) }

    func canonical(of key: String) throws(AuditStoreError) -> [UInt8]? { try trail.canonical(of: key) }

    func head() throws(AuditStoreError) -> (seq: Int64, chainHash: [UInt8]) { try trail.head() }

    func verify(
        expectHead: (seq: Int64, hash: String)?, checkpoints given: [Checkpoint]?, publicKey: CheckpointKey.Public?,
        receipt: Receipt?
    ) throws(AuditStoreError) -> VerifyReport {
        try trail.verify(expectHead: expectHead, checkpoints: given, publicKey: publicKey, receipt: receipt)
    }

    func forEachCanonical(_ body: ([UInt8]) -> Void) throws(AuditStoreError) {
        try trail.forEachRecord(after: 0) { page throws(AuditStoreError) in
            for record in page { body(record.canonical) }
            return true
        }
    }
}
