import Bylaw
import BylawTestSupport
import Foundation
import Testing

@testable import BylawAudit

/// A store of 10,000 records, tampered with in every way the issue lists; `verify` must name the first
/// bad sequence number every time.
@Suite(.serialized) struct TamperTests {
    static let count: Int64 = 10_000

    /// Built once; each trial works on a copy.
    static let pristine = PristineStore(count: Int(count))

    static func copy() throws -> AuditStore { try pristine.copy() }

    static let columns = [
        "record_id", "recorded_at", "actor", "event", "kind", "decision_id", "decision_date", "unit", "verdict",
        "body", "leaf_hash", "chain_hash",
    ]

    @Test func pristineStoreVerifies() throws {
        let store = try Self.copy()
        let report = try store.verify()
        #expect(report.ok)
        #expect(report.records == Self.count)
    }

    @Test(arguments: 0..<12)
    func flippedByteInAnyColumnIsFound(trial: Int) throws {
        var rng = SplitMix(seed: UInt64(trial + 1))
        let store = try Self.copy()
        let seq = Int64(rng.next() % UInt64(Self.count)) + 1
        let column = Self.columns[trial % Self.columns.count]
        // Flip one byte of the column's value, among its first eight.
        try store.flipByte(seq: seq, column: column, position: Int(rng.next() % 8) + 1)
        let report = try store.verify()
        #expect(report.problem?.seq == seq, "column \(column) of record \(seq): \(String(describing: report.problem))")
    }

    @Test(arguments: 0..<4)
    func deletedRecordIsFound(trial: Int) throws {
        var rng = SplitMix(seed: UInt64(100 + trial))
        let store = try Self.copy()
        let seq = Int64(rng.next() % UInt64(Self.count - 1)) + 1
        try store.tamper("DELETE FROM records WHERE seq = \(seq)")
        #expect(try store.verify().problem?.seq == seq)
    }

    @Test(arguments: 0..<4)
    func swappedRecordsAreFound(trial: Int) throws {
        var rng = SplitMix(seed: UInt64(200 + trial))
        let store = try Self.copy()
        let a = Int64(rng.next() % UInt64(Self.count - 1)) + 1
        let b = min(Self.count, a + 1 + Int64(rng.next() % 50))
        try store.tamper(
            """
            UPDATE records SET seq = -1 WHERE seq = \(a);
            UPDATE records SET seq = \(a) WHERE seq = \(b);
            UPDATE records SET seq = \(b) WHERE seq = -1;
            """)
        #expect(try store.verify().problem?.seq == a)
    }

    @Test func editedSequenceNumberIsFound() throws {
        let store = try Self.copy()
        try store.tamper("UPDATE records SET seq = 20000 WHERE seq = 5000")
        #expect(try store.verify().problem?.seq == 5000)
    }

    @Test func insertedRecordIsFound() throws {
        let store = try Self.copy()
        // A forged record copied from another, placed at the end.
        try store.tamper(
            """
            INSERT INTO records SELECT \(Self.count + 1), 'forged', recorded_at, actor, event, kind, decision_id,
                decision_date, unit, verdict, body, leaf_hash, chain_hash, codec, dictionary, previous_chain_hash
                FROM records WHERE seq = 17
            """)
        #expect(try store.verify().problem?.seq == Self.count + 1)
    }

    @Test func truncatedTailIsCaughtOnlyWithTheKeptHead() throws {
        let store = try Self.copy()
        let kept = try store.verify()
        try store.tamper("DELETE FROM records WHERE seq > \(Self.count - 5)")
        #expect(try store.verify().ok, "a truncated chain is still internally consistent")
        let report = try store.verify(expectHead: (kept.headSeq, kept.headHash))
        #expect(report.problem?.seq == Self.count - 4)
    }

    @Test func rewrittenTailIsCaughtWithTheKeptHead() throws {
        let store = try Self.copy()
        let kept = try store.verify()
        // The attacker deletes the last record and appends a new, correctly chained one in its place.
        try store.tamper("DELETE FROM records WHERE seq = \(Self.count)")
        try store.append([syntheticDraft(999_999)], actor: "mallory")
        #expect(try store.verify().ok)
        #expect(try store.verify(expectHead: (kept.headSeq, kept.headHash)).problem?.seq == Self.count)
    }
}
