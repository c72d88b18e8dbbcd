import Foundation

/// What `check`, `audit` and `serve` need of an audit trail: append records in order, hand back their receipts,
/// and keep a batch run's bookkeeping. `AuditStore` (SQLite) is the embedded trail; another backend conforms
/// by keeping exactly the same records, canonical bytes and hash chain.
public protocol AuditTrail: AnyObject {
    /// Appends drafts in order, `batchSize` records per transaction, so a failure leaves a whole prefix.
    /// - Returns: the sequence numbers assigned, in order.
    @discardableResult
    func append(_ drafts: [RecordDraft], actor: String, at time: Date?, batchSize: Int) throws(AuditStoreError)
        -> [Int64]
    /// The receipt of a record: its sequence number, id, leaf hash and chain hash.
    func receipt(seq: Int64) throws(AuditStoreError) -> Receipt?
    /// Registers a batch run (a run that never ends is marked when the next one starts).
    func beginBatch(actor: String) throws(AuditStoreError) -> Int64
    /// Marks a batch run as ended.
    func endBatch(_ run: Int64) throws(AuditStoreError)
    /// Signs a checkpoint of the head when a signing key is configured; nothing otherwise.
    func signCheckpointIfConfigured() throws(AuditStoreError)
}

extension AuditStore: AuditTrail {
    public func beginBatch(actor: String) throws(AuditStoreError) -> Int64 {
        let run = try beginRun(actor: actor).run
        // A long batch copies its log into the database on a thread of its own.
        try checkpointInBackground()
        return run
    }

    public func endBatch(_ run: Int64) throws(AuditStoreError) { try endRun(run) }

    public func signCheckpointIfConfigured() throws(AuditStoreError) { _ = try signCheckpoint() }
}
