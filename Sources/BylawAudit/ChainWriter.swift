import Bylaw
import Foundation

/// The records of one append transaction, made exactly as `AuditStore` makes them, for a backend other than
/// SQLite: the caller holds its chain's write lock, reads the head and the newest record's stamp, and inserts
/// the rows this returns. The canonical bytes, leaf and chain hashes are the SQLite store's, so a chain moves
/// between backends and verifies in either.
package struct ChainWriter {
    private var ids = RecordIDGenerator()

    package init() {}

    /// One record ready to insert, every column of it.
    package struct Row: Sendable {
        package var seq: Int64
        package var recordID: String
        package var recordedAt: String
        package var actor: String
        package var event: String
        package var kind: String?
        package var decisionID: String?
        package var decisionDate: String?
        package var unit: String?
        package var verdict: String
        package var canonical: [UInt8]
        package var leaf: [UInt8]
        package var chain: [UInt8]
        package var previousChainHash: [UInt8]
        /// A `clock-backwards` record the writer put before the drafts: it has no caller to report it to.
        package var isClockRecord: Bool
        /// With `keepCompressed`, a sealed draft's compressed body; `canonical` is then left empty.
        package var compressed: CompressedBody? = nil
    }

    /// The rows for `drafts` after `head`, stamped `time`.
    /// - Parameter last: the newest record's id and time, so ids keep the order of sequence numbers across
    ///   processes and a clock set back is itself recorded.
    /// - Parameter keepCompressed: a sealed draft keeps its compressed body, hashed as `AuditStore` hashes it,
    ///   instead of being put back together as canonical bytes (for a backend that stores it so).
    package mutating func rows(
        for drafts: some Collection<RecordDraft>, actor: String, time: Date, head: (seq: Int64, chainHash: [UInt8]),
        last: (recordID: String, recordedAt: String)?, keepCompressed: Bool = false
    ) throws(AuditStoreError) -> [Row] {
        try AuditStore.check(actor: actor)
        let (stamp, clockRecord) = AuditStore.stamping(time, after: last, ids: &ids)
        var (seq, chain) = head
        var out: [Row] = []
        out.reserveCapacity(drafts.count + 1)
        for draft in (clockRecord.map { [$0] } ?? []) + Array(drafts) {
            seq += 1
            let recordID = ids.next(at: time)
            let fields = StoreFields(seq: seq, recordID: recordID, recordedAt: stamp, previousChainHash: chain)
            var canonical: [UInt8] = []
            var compressed: CompressedBody?
            let leaf: [UInt8]
            if let sealed = draft.sealed, sealed.actor == actor, keepCompressed {
                leaf = sealed.leaf(fields)
                compressed = CompressedBody(
                    bytes: sealed.compressed, dictionarySHA256: sealed.compressor.sha256,
                    dictionary: sealed.compressor.content)
            } else {
                if let sealed = draft.sealed, sealed.actor == actor {
                    canonical = sealed.form.layout.canonical(of: sealed.form.stored, fields: fields)
                } else {
                    canonical = try AuditRecord.canonical(
                        seq: seq, recordID: recordID, recordedAt: stamp, actor: actor, previousChainHash: chain,
                        draft: draft)
                }
                leaf = HashChain.leaf(canonical)
            }
            let next = HashChain.link(previous: chain, leaf: leaf)
            out.append(
                Row(
                    seq: seq, recordID: recordID, recordedAt: stamp, actor: actor, event: draft.event, kind: draft.kind,
                    decisionID: draft.decisionID, decisionDate: draft.decisionDate, unit: draft.unit,
                    verdict: draft.verdict, canonical: canonical, leaf: leaf, chain: next, previousChainHash: chain,
                    isClockRecord: clockRecord != nil && out.isEmpty, compressed: compressed))
            chain = next
        }
        return out
    }
}

extension ChainWriter.Row {
    /// A record copied from another store, checked on the way: its leaf and chain hashes follow from its
    /// canonical bytes and `previous`, and its header names `seq` and the previous chain hash.
    /// - Throws: `.corrupt`, saying which record and why, when it does not hold.
    package init(copying record: CopiedRecord, previous: [UInt8]) throws(AuditStoreError) {
        func broken(_ reason: String) -> AuditStoreError {
            AuditStoreError(.corrupt, id: "store.source-record-broken", String(record.seq), reason)
        }
        let leaf = HashChain.leaf(record.canonical)
        guard leaf == record.leaf else { throw broken("its leaf hash does not match its content") }
        let chain = HashChain.link(previous: previous, leaf: leaf)
        guard chain == record.chain else { throw broken("its chain hash does not follow from the previous record") }
        guard let h = HeaderScanner.header(record.canonical), h.seq == record.seq,
            let recordID = h.recordID, let recordedAt = h.recordedAt, let actor = h.actor, let event = h.event,
            let verdict = h.verdict
        else { throw broken("its content is not a record with sequence number \(record.seq)") }
        guard h.previousChainHash == AuditHex.encode(previous) else {
            throw broken("it does not name the previous record's chain hash")
        }
        self.init(
            seq: record.seq, recordID: recordID, recordedAt: recordedAt, actor: actor, event: event, kind: h.kind,
            decisionID: h.decisionID, decisionDate: h.decisionDate, unit: h.unit, verdict: verdict,
            canonical: record.canonical, leaf: leaf, chain: chain, previousChainHash: previous, isClockRecord: false)
    }
}

/// One record as a migration reads it from its source: the canonical bytes and the hashes the source keeps.
public struct CopiedRecord: Sendable {
    public var seq: Int64
    public var canonical: [UInt8]
    public var leaf: [UInt8]
    public var chain: [UInt8]

    public init(seq: Int64, canonical: [UInt8], leaf: [UInt8], chain: [UInt8]) {
        self.seq = seq
        self.canonical = canonical
        self.leaf = leaf
        self.chain = chain
    }
}

extension AuditStore {
    /// The stamp of records written at `time`, after the newest record `last` (whoever wrote it): the ids go on
    /// from its id, and when `time` is more than a second before its time (a clock set back, not the granularity
    /// of two processes' clocks) the record saying so, to be written first.
    static func stamping(
        _ time: Date, after last: (recordID: String, recordedAt: String)?, ids: inout RecordIDGenerator
    ) -> (stamp: String, clockRecord: RecordDraft?) {
        let stamp = UTCStamp.format(time)
        guard let last else { return (stamp, nil) }
        ids.follow(last.recordID)
        guard let previous = UTCStamp.parse(last.recordedAt), time.timeIntervalSince(previous) < -1 else {
            return (stamp, nil)
        }
        return (stamp, clockBackwards(previous: last.recordedAt, now: stamp))
    }

    /// A record time as the trail writes it (`2026-11-24T19:05:03.123Z`), for other backends' bookkeeping.
    package static func timestampText(_ date: Date) -> String { UTCStamp.format(date) }
}

extension RecordSummary {
    /// A summary read from another backend's columns.
    package static func reading(
        seq: Int64, recordID: String, recordedAt: String, actor: String, event: String, kind: String?,
        decisionID: String?, decisionDate: String?, unit: String?, verdict: String
    ) -> RecordSummary {
        RecordSummary(
            seq: seq, recordID: recordID, recordedAt: recordedAt, actor: actor, event: event, kind: kind,
            decisionID: decisionID, decisionDate: decisionDate, unit: unit, verdict: verdict)
    }
}
