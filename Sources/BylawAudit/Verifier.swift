import Bylaw
internal import Crypto
import Dispatch
import Foundation

/// The result of `verify`: how many records were checked, the head, and the first problem found.
public struct VerifyReport: Sendable {
    public var records: Int64
    public var headSeq: Int64
    public var headHash: String
    /// The first broken sequence number and what is wrong with it; nil when the chain is whole.
    public var problem: (seq: Int64, reason: String)?
    /// How many signed checkpoints were checked against the chain.
    public var checkpoints = 0
    /// The last record removed by a prune (0 when none was): verification starts after it.
    public var prunedThrough: Int64 = 0
    /// What an auditor should know that is not a problem (a receipt of a pruned record).
    public var notes: [String] = []
    public var ok: Bool { problem == nil }
}

extension AuditStore {
    /// Recomputes every leaf and chain hash from the stored canonical bytes, checks that sequence numbers run
    /// 1, 2, 3… without gaps, that each record names the previous chain hash, and that the indexed columns agree
    /// with the canonical record. With `expectHead` (kept outside the store), also detects a truncated or rewritten tail.
    /// `progress`, when given, is told the last sequence number verified after each chunk (the web page's bar).
    public func verify(
        expectHead: (seq: Int64, hash: String)? = nil, progress: ((_ verifiedThrough: Int64) -> Void)? = nil
    ) throws(AuditStoreError) -> VerifyReport {
        let stmt = try db.prepare(
            """
            SELECT \(StoredRow.columns) FROM records ORDER BY seq
            """)
        let dictionaries = try dictionaries()
        // After a prune, the chain goes on from the signed cut: its chain hash stands for the records removed.
        let cut = try lastCut()
        var expected: Int64 = (cut?.throughSeq ?? 0) + 1
        var chain = cut.flatMap { AuditHex.decode($0.chainHash) } ?? [UInt8](repeating: 0, count: 32)
        var report = VerifyReport(records: 0, headSeq: expected - 1, headHash: AuditHex.encode(chain), problem: nil)
        report.prunedThrough = cut?.throughSeq ?? 0
        // This thread reads a chunk of rows while the previous chunk's leaf hashes and headers are computed
        // on all cores; the chain itself is then followed here, in order.
        var pending: HashedChunk?
        var exhausted = false
        while !exhausted || pending != nil {
            var rows: [StoredRow] = []
            if !exhausted {
                rows.reserveCapacity(Self.verifyChunk)
                while rows.count < Self.verifyChunk, try stmt.step() { rows.append(StoredRow(stmt)) }
                exhausted = rows.count < Self.verifyChunk
            }
            let next = rows.isEmpty ? nil : HashedChunk(rows, dictionaries: dictionaries)
            if let chunk = pending, !Self.follow(chunk, expected: &expected, chain: &chain, report: &report) {
                next?.wait()
                return report
            }
            if pending != nil { progress?(report.headSeq) }
            pending = next
        }
        report.headHash = AuditHex.encode(chain)
        if let expectHead {
            if report.headSeq < expectHead.seq {
                report.problem = (
                    report.headSeq + 1,
                    "the store ends at \(report.headSeq) but the kept head is \(expectHead.seq): records were removed"
                )
            } else if report.headSeq == expectHead.seq, report.headHash != expectHead.hash.lowercased() {
                report.problem = (
                    report.headSeq, "the head hash differs from the kept head: the records were rewritten"
                )
            } else if report.headSeq > expectHead.seq, expectHead.seq < report.prunedThrough {
                // A head kept from before a prune: its records are gone, vouched for by the cut.
            } else if report.headSeq > expectHead.seq {
                let check =
                    expectHead.seq == report.prunedThrough ? cut?.chainHash : try hashAt(seq: expectHead.seq)
                if check != expectHead.hash.lowercased() {
                    report.problem = (
                        expectHead.seq, "the chain hash at the kept head differs: the records were rewritten"
                    )
                }
            }
        }
        return report
    }

    static let verifyChunk = 2048

    /// Checks one record against the chain so far; advances `chain` when it holds. What does not depend on the
    /// chain was checked on the workers (`HashedRow`); the checks are made in the same order either way, so the
    /// first problem found and its reason are the same.
    static func follow(_ row: StoredRow, _ hashed: HashedRow, expected: Int64, chain: inout [UInt8])
        -> (seq: Int64, reason: String)?
    {
        let seq = row.seq
        if seq != expected {
            return seq > expected
                ? (expected, "record \(expected) is missing (the next stored record is \(seq))")
                : (seq, "sequence number \(seq) is out of order")
        }
        if let failure = hashed.failure { return (seq, failure) }
        if !hashed.leafMatches { return (seq, "its leaf hash does not match its content") }
        let previous = chain
        chain = HashChain.link(previous: chain, leaf: hashed.leaf)
        if chain != row.chain { return (seq, "its chain hash does not follow from the previous record") }
        if let problem = hashed.headerProblem { return (seq, problem) }
        if hashed.previousChainHash != previous { return (seq, "it does not name the previous record's chain hash") }
        if let problem = hashed.columnProblem { return (seq, problem) }
        return nil
    }

    func hashAt(seq: Int64) throws(AuditStoreError) -> String? {
        let stmt = try db.prepare("SELECT chain_hash FROM records WHERE seq = ?")
        stmt.bind(1, seq)
        return try stmt.step() ? AuditHex.encode(stmt.blob(0)) : nil
    }
}

/// The fields of a stored record that the indexed columns repeat.
struct RecordHeader {
    var seq: Int64?
    var recordID, recordedAt, actor, event, kind, decisionID, decisionDate, unit, verdict, previousChainHash: String?
}

/// One stored row as `verify` reads it.
struct StoredRow: Sendable {
    static let columnNames = [
        "record_id", "recorded_at", "actor", "event", "kind", "decision_id", "decision_date", "unit", "verdict",
    ]
    /// The columns to select, in the order `init(_:)` reads them.
    static let columns = """
        seq, record_id, recorded_at, actor, event, kind, decision_id, decision_date, unit, verdict, leaf_hash, \
        chain_hash, codec, body, dictionary, previous_chain_hash
        """
    var seq: Int64
    /// The indexed columns, in `columnNames` order.
    var columns: [String?]
    var body: StoredBody
    var leaf: [UInt8]
    var chain: [UInt8]

    init(seq: Int64, columns: [String?], body: StoredBody, leaf: [UInt8], chain: [UInt8]) {
        self.seq = seq
        self.columns = columns
        self.body = body
        self.leaf = leaf
        self.chain = chain
    }

    /// The row the statement is on, selected as `columns`.
    init(_ stmt: Database.Statement) {
        seq = stmt.int(0)
        columns = (1...9).map { stmt.text(Int32($0)) }
        leaf = stmt.blob(10)
        chain = stmt.blob(11)
        // The record id and time are read once, for the columns and for the body they complete.
        body = StoredBody(
            seq: seq, codec: stmt.int(12), body: stmt.blob(13), dictionary: stmt.optionalInt(14),
            recordID: columns[0], recordedAt: columns[1], previousChainHash: stmt.optionalBlob(15))
    }
}

/// What can be computed and checked for a row without the rest of the chain, on a worker thread.
struct HashedRow: Sendable {
    var leaf: [UInt8] = []
    /// Why the record's canonical bytes could not be put back together.
    var failure: String?
    /// Whether the computed leaf hash is the stored one.
    var leafMatches = false
    /// The first problem of the record's header (not canonical JSON, another sequence number).
    var headerProblem: String?
    /// The previous chain hash the record names, as bytes; nil when it is not 64 lower-case hex digits (it
    /// then cannot be the previous record's, written as the store writes it).
    var previousChainHash: [UInt8]?
    /// The first indexed column that differs from the record's content.
    var columnProblem: String?

    init(failure: String) { self.failure = failure }

    init(_ row: StoredRow, canonical: [UInt8]) {
        leaf = HashChain.leaf(canonical)
        leafMatches = leaf == row.leaf
        check(row, header: HeaderScanner.header(canonical))
    }

    /// A compressed row's hash and header from its decompressed members, scanned once: the record is hashed
    /// as the members with the store fields merged in (`StoredLayout`), without putting its bytes together,
    /// and the header is read from the members the scan found and from the store fields, which are the row's
    /// own columns. The same results as `init(_:canonical:)` on `body.canonical(using:)`, which scanned the
    /// whole record a second time for its header (`HashedRowTests`).
    static func compressed(_ row: StoredRow, members stored: [UInt8]) -> HashedRow {
        let body = row.body
        let columns: (recordID: String, recordedAt: String, previousChainHash: [UInt8], fields: StoreFields)
        do { columns = try body.storeColumns() } catch { return HashedRow(failure: error.message) }
        guard let (layout, members) = StoredLayout.reading(stored) else {
            return HashedRow(failure: StoredBody.notAnObject.message)
        }
        var out = HashedRow()
        var hash = SHA256()
        hash.update(data: [0x00])
        layout.prefix(of: stored) { hash.update(bufferPointer: $0) }
        layout.rest(of: stored, fields: columns.fields) { hash.update(bufferPointer: $0) }
        out.leaf = Array(hash.finalize())
        out.leafMatches = out.leaf == row.leaf
        // The store fields read back as written: `StoreFields` quotes the two texts and writes the hash in hex.
        var header = RecordHeader()
        header.seq = body.seq
        header.recordID = columns.recordID
        header.recordedAt = columns.recordedAt
        // The previous chain hash is taken as the bytes it is, not written in hex and read back.
        var readable = true
        // The last of a repeated name counts, as a scan of the whole record reads it.
        for m in members where ["actor", "event", "verdict", "decision"].contains(m.name) {
            var value = HeaderScanner(Array(stored[m.range]))
            guard value.skipName() else {
                readable = false
                break
            }
            switch m.name {
            case "actor": header.actor = value.string()
            case "event": header.event = value.string()
            case "verdict": header.verdict = value.string()
            case "decision": readable = value.decision(into: &header)
            default: break
            }
            if !readable { break }
        }
        out.check(row, header: readable ? header : nil)
        if readable, header.seq == row.seq { out.previousChainHash = columns.previousChainHash }
        return out
    }

    /// The header's problems against the row's columns.
    private mutating func check(_ row: StoredRow, header: RecordHeader?) {
        guard let header else {
            headerProblem = "its stored record is not valid canonical JSON"
            return
        }
        if header.seq != row.seq {
            headerProblem = "its content says sequence \(header.seq.map(String.init) ?? "none")"
            return
        }
        if let text = header.previousChainHash, let bytes = AuditHex.decode(text), AuditHex.encode(bytes) == text {
            previousChainHash = bytes
        }
        let content = [
            header.recordID, header.recordedAt, header.actor, header.event, header.kind, header.decisionID,
            header.decisionDate, header.unit, header.verdict,
        ]
        for (k, name) in StoredRow.columnNames.enumerated() where row.columns[k] != content[k] {
            columnProblem = "its `\(name)` column differs from its content"
            return
        }
    }

    init() {}
}

/// A chunk of rows whose leaf hashes and headers are computed in the background, on all cores.
final class HashedChunk: @unchecked Sendable {
    let rows: [StoredRow]
    /// Written by the workers at disjoint indices, read only after `wait()`.
    private(set) var hashed: [HashedRow]
    private let group = DispatchGroup()

    init(_ rows: [StoredRow], dictionaries: [Int64: [UInt8]]) {
        self.rows = rows
        hashed = Array(repeating: HashedRow(), count: rows.count)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, (rows.count + 255) / 256))
        DispatchQueue.global().async(group: group) {
            self.hashed.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let out = out
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    let share = (rows.count + workers - 1) / workers
                    let decompressor = Result { () throws(AuditStoreError) in
                        try RecordDecompressor(dictionaries: dictionaries)
                    }
                    for k in (w * share)..<min(rows.count, (w + 1) * share) {
                        do throws(AuditStoreError) {
                            let body = rows[k].body
                            let members = try body.bodyMembers(using: try decompressor.get())
                            out[k] =
                                body.codec == BodyCodec.zstd.rawValue
                                ? HashedRow.compressed(rows[k], members: members)
                                : HashedRow(rows[k], canonical: members)
                        } catch {
                            out[k] = HashedRow(failure: error.message)
                        }
                    }
                }
            }
        }
    }

    func wait() { group.wait() }
}
