import BylawAudit
import Dispatch
import Foundation

/// The trail from async code (`bylaw serve`'s handlers): each call runs the synchronous one on the trail's own
/// serial queue and resumes when it is done, so no cooperative thread ever blocks on a network round trip,
/// and calls from concurrent requests are taken one at a time, in order.
extension PostgresTrail: @unchecked Sendable {
    // INVARIANT: from async code the trail is used only through these methods, which run on `queue` one at a
    // time; synchronous callers use it from one thread at a time, as any AuditTrail.

    private func onQueue<T: Sendable>(_ body: @escaping @Sendable () throws(AuditStoreError) -> T)
        async throws(AuditStoreError) -> T
    {
        let result: Result<T, AuditStoreError> = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: Result { () throws(AuditStoreError) in try body() }) }
        }
        return try result.get()
    }

    /// `append`, from async code.
    public func append(_ drafts: [RecordDraft], actor: String, batchSize: Int = 1000) async throws(AuditStoreError)
        -> [Int64]
    {
        try await onQueue { () throws(AuditStoreError) in
            try self.append(drafts, actor: actor, at: nil, batchSize: batchSize)
        }
    }

    /// `receipt`, from async code.
    public func receiptAsync(seq: Int64) async throws(AuditStoreError) -> Receipt? {
        try await onQueue { () throws(AuditStoreError) in try self.receipt(seq: seq) }
    }

    /// `verify`, from async code.
    public func verifyAsync(expectHead: (seq: Int64, hash: String)? = nil) async throws(AuditStoreError)
        -> VerifyReport
    {
        let expected = expectHead.map { ExpectedHead(seq: $0.seq, hash: $0.hash) }
        return try await onQueue { () throws(AuditStoreError) in
            try self.verify(expectHead: expected.map { ($0.seq, $0.hash) })
        }
    }
}

/// A kept head, as a Sendable value to hand to the trail's queue.
private struct ExpectedHead: Sendable {
    var seq: Int64
    var hash: String
}
