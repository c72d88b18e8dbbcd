import Bylaw
import BylawTestSupport
import Foundation
import Testing

@testable import BylawAudit

/// Retention is opt-in: a prune removes the oldest records only, never younger than six months, and leaves a
/// signed cut from which the rest verifies.
@Suite(.serialized) struct PruneTests {
    static let key = CheckpointKey.Private()
    static let day: TimeInterval = 86_400
    static let now = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15

    /// 30 records a day apart, the last one `now - 200 days`, then 10 recent ones.
    static func store() throws -> AuditStore {
        let store = try AuditStore(path: try AuditPaths.temp() + "/p.sqlite")
        store.signer = key
        for i in 0..<30 {
            try store.append([syntheticDraft(i)], actor: "a", at: now.addingTimeInterval(-Double(229 - i) * day))
        }
        for i in 30..<40 {
            try store.append([syntheticDraft(i)], actor: "a", at: now.addingTimeInterval(-Double(40 - i) * day))
        }
        return store
    }

    @Test func aPruneKeepsAVerifiableChain() throws {
        let store = try Self.store()
        let exported = try store.checkpoints()
        let receipt = try #require(try store.receipt(seq: 35))
        let old = try #require(try store.receipt(seq: 3))
        // Records recorded before 2026-06-19 00:00 UTC go: the first 19 (the 20th is that day at 08:00).
        let cutoff = String(UTCStamp.format(Self.now.addingTimeInterval(-210 * Self.day)).prefix(10))
        let cut = try #require(try store.prune(before: cutoff, today: Self.now, actor: "admin"))
        #expect(cut.throughSeq == 19)
        #expect(cut.isSigned(by: Self.key.publicKey))
        let report = try store.verify(checkpoints: exported, publicKey: Self.key.publicKey, receipt: receipt)
        #expect(report.ok, "\(String(describing: report.problem))")
        #expect(report.prunedThrough == 19)
        #expect(report.records == 22, "records 20–40 and the prune record")
        let pruned = try store.verify(checkpoints: nil, publicKey: nil, receipt: old)
        #expect(pruned.ok && !pruned.notes.isEmpty)
        // The prune record says what was cut.
        let record = String(decoding: try #require(try store.canonical(of: "41")), as: UTF8.self)
        #expect(record.contains("\"event\":\"prune\"") && record.contains("\"through_seq\":19"))
        // A second prune at the same day removes nothing more.
        #expect(try store.prune(before: cutoff, today: Self.now, actor: "admin") == nil)
    }

    @Test func youngRecordsAndAnUnsignedPruneAreRefused() throws {
        let store = try Self.store()
        let recent = String(UTCStamp.format(Self.now.addingTimeInterval(-100 * Self.day)).prefix(10))
        #expect(throws: AuditStoreError.self) { try store.prune(before: recent, today: Self.now, actor: "a") }
        #expect(throws: AuditStoreError.self) {
            try store.prune(before: "2026-01-01", today: Self.now, minimumRetentionDays: 30, actor: "a")
        }
        store.signer = nil
        #expect(throws: AuditStoreError.self) { try store.prune(before: "2026-01-01", today: Self.now, actor: "a") }
        #expect(try store.verify().records == 40)
    }

    @Test func aCutSignedByAnotherKeyIsReported() throws {
        let store = try Self.store()
        let cutoff = String(UTCStamp.format(Self.now.addingTimeInterval(-210 * Self.day)).prefix(10))
        try store.prune(before: cutoff, today: Self.now, actor: "admin")
        let other = CheckpointKey.Private()
        let report = try store.verify(checkpoints: [], publicKey: other.publicKey)
        #expect(report.problem?.reason.contains("not signed by the given public key") == true)
    }

    /// The rest of the chain goes on from the cut's hash: a cut whose hash is not a SHA-256 value is reported,
    /// not taken as the start of a new chain.
    @Test func aCutWithoutAValidHashIsReported() throws {
        let store = try Self.store()
        let cutoff = String(UTCStamp.format(Self.now.addingTimeInterval(-210 * Self.day)).prefix(10))
        try store.prune(before: cutoff, today: Self.now, actor: "admin")
        #expect(try store.verify().ok)
        try store.tamper("DROP TRIGGER IF EXISTS cuts_no_update; UPDATE cuts SET chain_hash = zeroblob(16)")
        let report = try store.verify()
        #expect(report.problem?.seq == 19)
        #expect(report.problem?.reason == "the cut that removed records 1–19 has no valid chain hash")
        #expect(report.records == 0)
    }
}
