import Bylaw

/// A trail a migration can read from and copy into: any backend keeping the SQLite store's records and chain.
public protocol MigratableTrail: AnyObject {
    /// Where the trail was opened, for messages.
    var location: String { get }
    /// The last record's sequence number and chain hash (0 and 32 zero bytes when empty).
    func head() throws(AuditStoreError) -> (seq: Int64, chainHash: [UInt8])
    /// The chain hash after record `seq`, nil when there is no such record.
    func chainHash(at seq: Int64) throws(AuditStoreError) -> [UInt8]?
    /// Calls `body` with the records after `seq`, oldest first, a page at a time (never the whole trail in
    /// memory); `body` returns false to stop.
    func forEachRecord(after seq: Int64, _ body: ([CopiedRecord]) throws(AuditStoreError) -> Bool)
        throws(AuditStoreError)
    /// Appends records copied from another trail, in one transaction, checking each against the head.
    func importRecords(_ records: [CopiedRecord]) throws(AuditStoreError)
}

/// `bylaw log migrate`: copies a trail record by record into another, verifying each.
public enum TrailMigration {
    /// What a migration did.
    public struct Report: Sendable {
        /// Records the target already had (a previous run's, or none).
        public var skipped: Int64
        /// Records copied now.
        public var copied: Int64
        public var headSeq: Int64
        public var headHash: String
    }

    /// Copies every record of `source` that `target` lacks. A target that is not empty must be a prefix of the
    /// source (its head is a record of the source with the same chain hash): then a second run continues
    /// where the first stopped. Anything else is refused before anything is written.
    public static func run(from source: MigratableTrail, to target: MigratableTrail, batch: Int = 1000)
        throws(AuditStoreError) -> Report
    {
        let start = try target.head()
        if start.seq > 0 {
            guard let hash = try source.chainHash(at: start.seq), hash == start.chainHash else {
                throw AuditStoreError(
                    .refused, id: "store.migrate-not-prefix", target.location, source.location,
                    "\(start.seq):\(AuditHex.encode(start.chainHash))")
            }
        }
        var copied: Int64 = 0
        var pending: [CopiedRecord] = []
        func flush() throws(AuditStoreError) {
            guard !pending.isEmpty else { return }
            try target.importRecords(pending)
            copied += Int64(pending.count)
            pending.removeAll(keepingCapacity: true)
        }
        try source.forEachRecord(after: start.seq) { (page) throws(AuditStoreError) -> Bool in
            pending += page
            if pending.count >= batch { try flush() }
            return true
        }
        try flush()
        let end = try target.head()
        let sourceHead = try source.head()
        guard end.seq == sourceHead.seq, end.chainHash == sourceHead.chainHash else {
            throw AuditStoreError(
                .corrupt, id: "store.migrate-ends-differ", "\(end.seq):\(AuditHex.encode(end.chainHash))",
                "\(sourceHead.seq):\(AuditHex.encode(sourceHead.chainHash))")
        }
        return Report(skipped: start.seq, copied: copied, headSeq: end.seq, headHash: AuditHex.encode(end.chainHash))
    }
}
