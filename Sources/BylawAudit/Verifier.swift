import Bylaw
internal import Crypto
import Dispatch
import Foundation
import Synchronization

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
        let decompressors = DecompressorPool(dictionaries: try dictionaries())
        // After a prune, the chain goes on from the signed cut: its chain hash stands for the records removed.
        let cut = try lastCut()
        var expected: Int64 = (cut?.throughSeq ?? 0) + 1
        var chain = Hash32.zero
        if let cut {
            // The chain goes on from the cut's hash: one that is not a SHA-256 value can vouch for nothing.
            guard let hash = AuditHex.decode(cut.chainHash).flatMap(Hash32.init) else {
                var report = VerifyReport(records: 0, headSeq: cut.throughSeq, headHash: cut.chainHash, problem: nil)
                report.prunedThrough = cut.throughSeq
                report.problem = (
                    cut.throughSeq, "the cut that removed records 1–\(cut.throughSeq) has no valid chain hash"
                )
                return report
            }
            chain = hash
        }
        var report = VerifyReport(
            records: 0, headSeq: expected - 1, headHash: AuditHex.encode(chain.bytes), problem: nil)
        report.prunedThrough = cut?.throughSeq ?? 0
        // This thread reads a chunk of rows while the previous chunk's leaf hashes and headers are computed
        // on all cores; the chain itself is then followed here, in order.
        var pending: HashedChunk?
        var exhausted = false
        while !exhausted || pending != nil {
            var rows: [StoredRow] = []
            if !exhausted {
                // A small first chunk, so that the workers start soon after this thread does.
                let size = pending == nil ? Self.firstVerifyChunk : Self.verifyReadAhead
                rows.reserveCapacity(size)
                try db.holdingMutex { () throws(AuditStoreError) in
                    while rows.count < size, try stmt.step() { rows.append(StoredRow(stmt)) }
                }
                exhausted = rows.count < size
            }
            let next = rows.isEmpty ? nil : HashedChunk(rows, decompressors: decompressors)
            if let chunk = pending, !Self.follow(chunk, expected: &expected, chain: &chain, report: &report) {
                next?.cancel()
                return report
            }
            if pending != nil { progress?(report.headSeq) }
            pending = next
        }
        report.headHash = AuditHex.encode(chain.bytes)
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

    /// Rows `verify` reads ahead while the workers hash the rows before (`firstVerifyChunk` at the start).
    static let verifyReadAhead = 4096
    static let firstVerifyChunk = 512

    /// Checks one record (its sequence number and `stored` chain hash) against the chain so far; advances
    /// `chain` when it holds. What does not depend on the chain was checked on the workers (`HashedRow`); the
    /// checks are made in the same order either way, so the first problem found and its reason are the same.
    static func follow(seq: Int64, stored: Hash32?, _ hashed: HashedRow, expected: Int64, chain: inout Hash32)
        -> (seq: Int64, reason: String)?
    {
        if seq != expected {
            return seq > expected
                ? (expected, "record \(expected) is missing (the next stored record is \(seq))")
                : (seq, "sequence number \(seq) is out of order")
        }
        if let failure = hashed.failure { return (seq, failure) }
        guard hashed.leafMatches, let leaf = hashed.leaf else {
            return (seq, "its leaf hash does not match its content")
        }
        let previous = chain
        chain = HashChain.link(previous: chain, leaf: leaf)
        if chain != stored { return (seq, "its chain hash does not follow from the previous record") }
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
    var texts: ColumnTexts
    /// The body as stored, its record id, time and previous chain hash aside (the columns keep them).
    private(set) var stored: StoredBody
    /// The previous chain hash a compressed body leaves to its column, read as a hash (nil when it is not 32
    /// bytes, which a compressed body cannot be put back together without).
    private(set) var previousChainHash: Hash32?
    /// The stored leaf and chain hashes; nil when a column is not 32 bytes (it then matches no hash).
    var leaf: Hash32?
    var chain: Hash32?

    init(seq: Int64, columns: [String?], body: StoredBody, leaf: [UInt8], chain: [UInt8]) {
        self.seq = seq
        texts = ColumnTexts(columns)
        stored = body
        self.leaf = Hash32(leaf)
        self.chain = Hash32(chain)
    }

    /// The row the statement is on, selected as `columns`.
    init(_ stmt: Database.Statement) {
        seq = stmt.int(0)
        texts = ColumnTexts(stmt, from: 1)
        leaf = stmt.hash(10)
        chain = stmt.hash(11)
        // The record id and time are read once, as column bytes; `body` makes them texts on a worker.
        stored = StoredBody(
            seq: seq, codec: stmt.int(12), body: stmt.blob(13), dictionary: stmt.optionalInt(14),
            recordID: nil, recordedAt: nil, previousChainHash: nil)
        previousChainHash = stmt.hash(15)
    }

    /// The stored body's members (`StoredBody.bodyMembers`).
    func bodyMembers(using decompressor: RecordDecompressor) throws(AuditStoreError) -> [UInt8] {
        try stored.bodyMembers(using: decompressor)
    }

    var isCompressed: Bool { stored.codec == BodyCodec.zstd.rawValue }

    /// A compressed body's store fields, from the columns that keep them (`StoredBody.storeFields`), made
    /// from the column bytes when they are ASCII, as record ids and times are; nil when a column is missing.
    func storeFields() -> StoreFields? {
        guard let previous = previousChainHash else { return nil }
        return texts.withBytes(0) { id in
            texts.withBytes(1) { at -> StoreFields? in
                guard let id, let at else { return nil }
                if id.allSatisfy({ $0 < 0x80 }), at.allSatisfy({ $0 < 0x80 }) {
                    return previous.withBytes {
                        StoreFields(seq: seq, recordID: id, recordedAt: at, previousChainHash: $0)
                    }
                }
                return StoreFields(
                    seq: seq, recordID: String(decoding: id, as: UTF8.self),
                    recordedAt: String(decoding: at, as: UTF8.self), previousChainHash: previous.bytes)
            }
        }
    }
}

/// A row's indexed text columns, as the bytes stored, in one buffer: reading a row costs one allocation
/// instead of a string per column, and `verify` compares them with the record byte for byte.
struct ColumnTexts: Sendable {
    private var bytes: [UInt8] = []
    /// Where each column ends in `bytes` (a NULL one ends where the one before it does).
    private var ends = InlineArray<9, Int>(repeating: 0)
    /// Bit `k` set: column `k` is NULL.
    private var nulls: UInt16 = 0

    init(_ stmt: Database.Statement, from first: Int32) {
        bytes.reserveCapacity(160)
        for k in 0..<9 {
            if !stmt.appendText(first + Int32(k), to: &bytes) { nulls |= 1 << k }
            ends[k] = bytes.count
        }
    }

    init(_ texts: [String?]) {
        for k in 0..<9 {
            if let text = k < texts.count ? texts[k] : nil {
                bytes.append(contentsOf: text.utf8)
            } else {
                nulls |= 1 << k
            }
            ends[k] = bytes.count
        }
    }

    private func range(_ k: Int) -> Range<Int>? {
        nulls & (1 << k) != 0 ? nil : (k == 0 ? 0 : ends[k - 1])..<ends[k]
    }

    /// Column `k`'s bytes; nil for NULL.
    func withBytes<T>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>?) -> T) -> T {
        guard let r = range(k) else { return body(nil) }
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[r])) }
    }

    /// Whether column `k` holds exactly `text`'s UTF-8 (both may be absent).
    func holds(_ k: Int, _ text: String?) -> Bool {
        guard var text else { return range(k) == nil }
        return text.withUTF8 { holds(k, $0) }
    }

    /// Whether column `k` holds exactly these bytes.
    func holds(_ k: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let r = range(k), r.count == utf8.count else { return false }
        return bytes.withUnsafeBufferPointer { b in
            guard !r.isEmpty, let base = b.baseAddress, let other = utf8.baseAddress else { return r.isEmpty }
            return memcmp(base + r.lowerBound, other, r.count) == 0
        }
    }
}

/// What can be computed and checked for a row without the rest of the chain, on a worker thread.
struct HashedRow: Sendable {
    var leaf: Hash32?
    /// Why the record's canonical bytes could not be put back together.
    var failure: String?
    /// Whether the computed leaf hash is the stored one.
    var leafMatches = false
    /// The first problem of the record's header (not canonical JSON, another sequence number).
    var headerProblem: String?
    /// The previous chain hash the record names, as bytes; nil when it is not 64 lower-case hex digits (it
    /// then cannot be the previous record's, written as the store writes it).
    var previousChainHash: Hash32?
    /// The first indexed column that differs from the record's content.
    var columnProblem: String?

    init(failure: String) { self.failure = failure }

    init(_ row: StoredRow, canonical: [UInt8]) {
        leaf = Hash32(HashChain.leaf(canonical))
        leafMatches = leaf != nil && leaf == row.leaf
        check(row, header: HeaderScanner.header(canonical))
    }

    /// A compressed row's hash and header from its decompressed members, scanned once: the record is hashed
    /// as the members with the store fields merged in (`StoredLayout`), without putting its bytes together,
    /// and the header is read from the members the scan found and from the store fields, which are the row's
    /// own columns. The same results as `init(_:canonical:)` on `body.canonical(using:)`, which scanned the
    /// whole record a second time for its header (`HashedRowTests`).
    static func compressed(_ row: StoredRow, members stored: [UInt8]) -> HashedRow {
        guard let fields = row.storeFields(), let previousChainHash = row.previousChainHash else {
            return HashedRow(failure: StoredBody.lacksColumn.message)
        }
        guard let (layout, members) = StoredLayout.reading(stored) else {
            return HashedRow(failure: StoredBody.notAnObject.message)
        }
        var out = HashedRow()
        var hash = SHA256()
        hash.update(data: [0x00])
        layout.prefix(of: stored) { hash.update(bufferPointer: $0) }
        layout.rest(of: stored, fields: fields) { hash.update(bufferPointer: $0) }
        let leaf = Hash32(hash.finalize())
        out.leaf = leaf
        out.leafMatches = leaf == row.leaf
        // The store fields are the row's own columns, so they hold what the record says; the other header
        // texts are compared with the columns as the bytes the record holds.
        var found = FoundTexts(repeating: .absent)
        var readable = true
        // The last of a repeated name counts, as a scan of the whole record reads it.
        for m in members {
            let column: Int
            if m.name.is("actor", in: stored) {
                column = 2
            } else if m.name.is("event", in: stored) {
                column = 3
            } else if m.name.is("verdict", in: stored) {
                column = 8
            } else if m.name.is("decision", in: stored) {
                column = -1
            } else {
                continue
            }
            var value = HeaderScanner(stored, range: m.range)
            guard value.skipName() else {
                readable = false
                break
            }
            if column >= 0 {
                found[column] = value.text()
            } else if !value.decisionTexts(into: &found) {
                readable = false
                break
            }
        }
        guard readable else {
            out.headerProblem = Self.notCanonical
            return out
        }
        out.previousChainHash = previousChainHash
        for k in 2..<StoredRow.columnNames.count where !Self.holds(row.texts, k, found[k], in: stored) {
            out.columnProblem = Self.differs(k)
            break
        }
        return out
    }

    /// Whether column `k` holds the text found in `record`.
    private static func holds(_ texts: ColumnTexts, _ k: Int, _ found: FoundText, in record: [UInt8]) -> Bool {
        switch found {
        case .absent: texts.holds(k, nil)
        case .decoded(let text): texts.holds(k, text)
        case .bytes(let range):
            record.withUnsafeBufferPointer { texts.holds(k, UnsafeBufferPointer(rebasing: $0[range])) }
        }
    }

    static let notCanonical = "its stored record is not valid canonical JSON"

    static func differs(_ k: Int) -> String { "its `\(StoredRow.columnNames[k])` column differs from its content" }

    /// The header's problems against the row's columns.
    private mutating func check(_ row: StoredRow, header: RecordHeader?) {
        guard let header else {
            headerProblem = Self.notCanonical
            return
        }
        if header.seq != row.seq {
            headerProblem = "its content says sequence \(header.seq.map(String.init) ?? "none")"
            return
        }
        if let text = header.previousChainHash, let bytes = AuditHex.decode(text), AuditHex.encode(bytes) == text {
            previousChainHash = Hash32(bytes)
        }
        let content = [
            header.recordID, header.recordedAt, header.actor, header.event, header.kind, header.decisionID,
            header.decisionDate, header.unit, header.verdict,
        ]
        for k in content.indices where !row.texts.holds(k, content[k]) {
            columnProblem = Self.differs(k)
            return
        }
    }

    init() {}
}

/// A chunk of rows whose leaf hashes and headers are computed in the background, on all cores.
///
/// The rows are taken a piece at a time by every worker and, once it has read the next chunk, by the thread
/// that waits for this one: no core idles while a piece is left.
final class HashedChunk: @unchecked Sendable {
    // INVARIANT: each piece is taken once (`next`); its rows' results are written only by the thread that took
    // it, and read only after `wait()`, which returns once every piece taken is done.
    let rows: [StoredRow]
    /// One result per row, at the row's index.
    private let out: UnsafeMutableBufferPointer<HashedRow>
    private let group = DispatchGroup()
    private let next = Atomic<Int>(0)
    private let pieces: Int
    private let decompressors: DecompressorPool

    /// Rows taken at a time: small enough that the threads finish together, large enough that taking one
    /// costs nothing.
    static let piece = 128

    init(_ rows: [StoredRow], decompressors: DecompressorPool) {
        self.rows = rows
        self.decompressors = decompressors
        out = .allocate(capacity: rows.count)
        out.initialize(repeating: HashedRow())
        pieces = (rows.count + Self.piece - 1) / Self.piece
        for _ in 0..<min(pieces, ProcessInfo.processInfo.activeProcessorCount) {
            DispatchQueue.global().async(group: group) { self.work() }
        }
    }

    /// Hashes pieces until none is left.
    private func work() {
        decompressors.lending { decompressor in
            while true {
                let p = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard p < pieces else { return }
                for k in (p * Self.piece)..<min(rows.count, (p + 1) * Self.piece) {
                    out[k] = Self.hash(rows[k], decompressor)
                }
            }
        }
    }

    deinit {
        out.deinitialize()
        out.deallocate()
    }

    /// Row `k`'s result; only after `wait()`.
    func hashed(_ k: Int) -> HashedRow { out[k] }

    private static func hash(_ row: StoredRow, _ decompressor: Result<RecordDecompressor, AuditStoreError>)
        -> HashedRow
    {
        do throws(AuditStoreError) {
            let members = try row.bodyMembers(using: try decompressor.get())
            return row.isCompressed ? HashedRow.compressed(row, members: members) : HashedRow(row, canonical: members)
        } catch {
            return HashedRow(failure: error.message)
        }
    }

    /// Takes the pieces no worker has yet, then waits for the rest.
    func wait() {
        if next.load(ordering: .relaxed) < pieces { work() }
        group.wait()
    }

    /// Leaves the pieces no worker has taken, and waits for the ones taken: a problem was found before them.
    func cancel() {
        next.store(pieces, ordering: .relaxed)
        group.wait()
    }
}

/// Decompressors over one set of dictionaries, lent to one worker at a time and kept for the next chunk, so
/// that each prepares a dictionary once per `verify`, not once per chunk.
final class DecompressorPool: @unchecked Sendable {
    // INVARIANT: `idle` is touched only under `lock`; a decompressor lent is used by one thread until returned.
    private let lock = NSLock()
    private var idle: [RecordDecompressor] = []
    private let dictionaries: [Int64: [UInt8]]

    init(dictionaries: [Int64: [UInt8]]) { self.dictionaries = dictionaries }

    func lending(_ body: (Result<RecordDecompressor, AuditStoreError>) -> Void) {
        let taken = lock.withLock { idle.popLast() }
        let decompressor =
            taken.map { Result.success($0) }
            ?? Result { () throws(AuditStoreError) in try RecordDecompressor(dictionaries: dictionaries) }
        body(decompressor)
        if case .success(let d) = decompressor { lock.withLock { idle.append(d) } }
    }
}
