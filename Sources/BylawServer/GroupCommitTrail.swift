import BylawAudit
import Foundation

/// An audit trail shared by concurrent requests that commits their records together: a request's `append`
/// joins the queue; the first request to find no commit under way becomes the leader and appends everything
/// queued (one transaction per actor), while the others wait for it. Each request returns only once its own
/// records are committed (durable before the response), but N concurrent requests cost one commit, not N.
///
/// Every call into the wrapped trail is made under one lock, so a trail that is not safe across threads
/// (a SQLite connection) is used by one thread at a time.
public final class GroupCommitTrail: AuditTrail, @unchecked Sendable {
    // INVARIANT: `inner` is touched only while `storeLock` is held.
    private let inner: any AuditTrail
    private let storeLock = NSLock()
    // INVARIANT: `queue`, `committing` and every ticket's `result` are read and written only under `condition`.
    private let condition = NSCondition()
    private var queue: [Ticket] = []
    private var committing = false

    private final class Ticket {
        let drafts: [RecordDraft]
        let actor: String
        let time: Date?
        var result: Result<[Int64], AuditStoreError>?
        init(drafts: [RecordDraft], actor: String, time: Date?) {
            self.drafts = drafts
            self.actor = actor
            self.time = time
        }
    }

    // INVARIANT: read and written only under `condition`.
    private var commitCount = 0

    /// How many commits the queued requests took, for `/metrics`: fewer than the requests under load.
    public var commits: Int {
        condition.lock()
        defer { condition.unlock() }
        return commitCount
    }

    public init(_ inner: any AuditTrail) { self.inner = inner }

    public func append(_ drafts: [RecordDraft], actor: String, at time: Date?, batchSize: Int) throws(AuditStoreError)
        -> [Int64]
    {
        guard !drafts.isEmpty else { return [] }
        let ticket = Ticket(drafts: drafts, actor: actor, time: time)
        condition.lock()
        queue.append(ticket)
        while ticket.result == nil {
            if committing {
                condition.wait()
                continue
            }
            committing = true
            let batch = queue
            queue.removeAll(keepingCapacity: true)
            condition.unlock()
            let results = commit(batch)
            condition.lock()
            for (t, r) in zip(batch, results) { t.result = r }
            committing = false
            commitCount += 1
            condition.broadcast()
        }
        condition.unlock()
        switch ticket.result {
        case .success(let seqs): return seqs
        case .failure(let e): throw e
        case nil: throw AuditStoreError(.corrupt, "the group commit left a request unanswered")
        }
    }

    /// Appends the queued tickets: those of one actor (and time) in one transaction, in queue order.
    private func commit(_ batch: [Ticket]) -> [Result<[Int64], AuditStoreError>] {
        var results = [Result<[Int64], AuditStoreError>?](repeating: nil, count: batch.count)
        var start = 0
        storeLock.lock()
        defer { storeLock.unlock() }
        // Consecutive tickets of one actor and time go together, so the chain keeps queue order.
        while start < batch.count {
            var end = start + 1
            while end < batch.count, batch[end].actor == batch[start].actor, batch[end].time == batch[start].time {
                end += 1
            }
            let group = batch[start..<end]
            let drafts = group.flatMap(\.drafts)
            do throws(AuditStoreError) {
                let seqs = try inner.append(
                    drafts, actor: batch[start].actor, at: batch[start].time, batchSize: drafts.count)
                var offset = 0
                for k in start..<end {
                    let n = batch[k].drafts.count
                    results[k] = .success(Array(seqs[offset..<min(seqs.count, offset + n)]))
                    offset += n
                }
            } catch {
                for k in start..<end { results[k] = .failure(error) }
            }
            start = end
        }
        return results.map { $0 ?? .failure(AuditStoreError(.corrupt, "no result for a queued record")) }
    }

    public func receipt(seq: Int64) throws(AuditStoreError) -> Receipt? {
        storeLock.lock()
        defer { storeLock.unlock() }
        return try inner.receipt(seq: seq)
    }

    public func beginBatch(actor: String) throws(AuditStoreError) -> Int64 {
        storeLock.lock()
        defer { storeLock.unlock() }
        return try inner.beginBatch(actor: actor)
    }

    public func endBatch(_ run: Int64) throws(AuditStoreError) {
        storeLock.lock()
        defer { storeLock.unlock() }
        try inner.endBatch(run)
    }

    public func signCheckpointIfConfigured() throws(AuditStoreError) {
        storeLock.lock()
        defer { storeLock.unlock() }
        try inner.signCheckpointIfConfigured()
    }
}
