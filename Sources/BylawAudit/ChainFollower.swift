import Bylaw

/// `verify` for a backend other than SQLite: it is fed the trail's rows a page at a time, oldest first, hashes
/// each page on all cores while the caller reads the next, and follows the chain with the SQLite verifier's
/// own checks. Memory holds two pages, never the trail.
package struct ChainFollower {
    /// One stored row: its indexed columns, canonical bytes and stored hashes.
    package struct Row: Sendable {
        package var seq: Int64
        /// `record_id, recorded_at, actor, event, kind, decision_id, decision_date, unit, verdict`.
        package var columns: [String?]
        package var canonical: [UInt8]
        package var leaf: [UInt8]
        package var chain: [UInt8]

        package init(seq: Int64, columns: [String?], canonical: [UInt8], leaf: [UInt8], chain: [UInt8]) {
            self.seq = seq
            self.columns = columns
            self.canonical = canonical
            self.leaf = leaf
            self.chain = chain
        }
    }

    package private(set) var report = VerifyReport(
        records: 0, headSeq: 0, headHash: AuditHex.encode([UInt8](repeating: 0, count: 32)), problem: nil)
    private var chain = Hash32.zero
    private var expected: Int64 = 1
    private var pending: HashedChunk?
    /// PostgreSQL keeps records whole: no dictionary is ever needed.
    private let decompressors = DecompressorPool(dictionaries: [:])

    package init() {}

    /// Starts hashing `rows` and follows the page fed before. Returns false once a problem is found.
    package mutating func feed(_ rows: [Row]) -> Bool {
        let next =
            rows.isEmpty
            ? nil
            : HashedChunk(
                rows.map {
                    StoredRow(
                        seq: $0.seq, columns: $0.columns,
                        body: StoredBody(seq: $0.seq, canonical: $0.canonical),
                        leaf: $0.leaf, chain: $0.chain)
                }, decompressors: decompressors)
        defer { pending = next }
        return followPending(then: next)
    }

    private mutating func followPending(then next: HashedChunk?) -> Bool {
        guard report.ok, let chunk = pending else { return report.ok }
        guard AuditStore.follow(chunk, expected: &expected, chain: &chain, report: &report) else {
            next?.cancel()
            return false
        }
        report.headHash = AuditHex.encode(chain.bytes)
        return true
    }

    /// Follows the last page and checks the head against one kept elsewhere.
    /// - Parameter hashAt: the stored chain hash after a record, hex.
    package mutating func finish(
        expectHead: (seq: Int64, hash: String)?, hashAt: (Int64) throws(AuditStoreError) -> String?
    ) throws(AuditStoreError) -> VerifyReport {
        _ = followPending(then: nil)
        pending = nil
        guard report.ok, let expectHead else { return report }
        if report.headSeq < expectHead.seq {
            report.problem = (
                report.headSeq + 1,
                "the store ends at \(report.headSeq) but the kept head is \(expectHead.seq): records were removed"
            )
        } else if report.headSeq == expectHead.seq, report.headHash != expectHead.hash.lowercased() {
            report.problem = (report.headSeq, "the head hash differs from the kept head: the records were rewritten")
        } else if report.headSeq > expectHead.seq, try hashAt(expectHead.seq) != expectHead.hash.lowercased() {
            report.problem = (expectHead.seq, "the chain hash at the kept head differs: the records were rewritten")
        }
        return report
    }
}

extension StoredBody {
    /// A record kept whole, as its canonical bytes.
    init(seq: Int64, canonical: [UInt8]) {
        self.seq = seq
        codec = BodyCodec.canonical.rawValue
        body = canonical
        dictionary = nil
        recordID = nil
        recordedAt = nil
        previousChainHash = nil
    }
}

extension AuditStore {
    /// Follows the chain through a hashed chunk, counting its records into `report`; false (with the problem
    /// in `report`) at the first record that breaks it.
    static func follow(
        _ chunk: HashedChunk, expected: inout Int64, chain: inout Hash32, report: inout VerifyReport
    ) -> Bool {
        chunk.wait()
        let rows = chunk.rows
        for k in rows.indices {
            if let problem = follow(
                seq: rows[k].seq, stored: rows[k].chain, chunk.hashed(k), expected: expected, chain: &chain)
            {
                report.problem = problem
                return false
            }
            report.records += 1
            report.headSeq = rows[k].seq
            expected += 1
        }
        return true
    }
}
