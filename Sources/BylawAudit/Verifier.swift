import Bylaw

/// The result of `verify`: how many records were checked, the head, and the first problem found.
public struct VerifyReport: Sendable {
    public var records: Int64
    public var headSeq: Int64
    public var headHash: String
    /// The first broken sequence number and what is wrong with it; nil when the chain is whole.
    public var problem: (seq: Int64, reason: String)?
    public var ok: Bool { problem == nil }
}

extension AuditStore {
    /// Recomputes every leaf and chain hash from the stored canonical bytes, checks that sequence numbers run
    /// 1, 2, 3… without gaps, that each record names the previous chain hash, and that the indexed columns agree
    /// with the canonical record. With `expectHead` (kept outside the store), also detects a truncated or rewritten tail.
    public func verify(expectHead: (seq: Int64, hash: String)? = nil) throws(AuditStoreError) -> VerifyReport {
        let stmt = try db.prepare(
            """
            SELECT seq, record_id, recorded_at, actor, event, kind, decision_id, decision_date, unit, verdict,
                canonical, leaf_hash, chain_hash FROM records ORDER BY seq
            """)
        var expected: Int64 = 1
        var chain = [UInt8](repeating: 0, count: 32)
        var report = VerifyReport(records: 0, headSeq: 0, headHash: AuditHex.encode(chain), problem: nil)
        while try stmt.step() {
            let seq = stmt.int(0)
            func fail(_ reason: String) -> VerifyReport {
                var r = report
                r.problem = (seq, reason)
                return r
            }
            if seq != expected {
                report.problem =
                    seq > expected
                    ? (expected, "record \(expected) is missing (the next stored record is \(seq))")
                    : (seq, "sequence number \(seq) is out of order")
                return report
            }
            let canonical = stmt.blob(10)
            let leaf = HashChain.leaf(canonical)
            if leaf != stmt.blob(11) { return fail("its leaf hash does not match its content") }
            let previous = chain
            chain = HashChain.link(previous: chain, leaf: leaf)
            if chain != stmt.blob(12) { return fail("its chain hash does not follow from the previous record") }
            guard let header = HeaderScanner.header(canonical) else {
                return fail("its stored record is not valid canonical JSON")
            }
            if header.seq != seq { return fail("its content says sequence \(header.seq.map(String.init) ?? "none")") }
            if header.previousChainHash != AuditHex.encode(previous) {
                return fail("it does not name the previous record's chain hash")
            }
            let columns: [(String, String?, String?)] = [
                ("record_id", stmt.text(1), header.recordID), ("recorded_at", stmt.text(2), header.recordedAt),
                ("actor", stmt.text(3), header.actor), ("event", stmt.text(4), header.event),
                ("kind", stmt.text(5), header.kind), ("decision_id", stmt.text(6), header.decisionID),
                ("decision_date", stmt.text(7), header.decisionDate), ("unit", stmt.text(8), header.unit),
                ("verdict", stmt.text(9), header.verdict),
            ]
            for (name, column, content) in columns where column != content {
                return fail("its `\(name)` column differs from its content")
            }
            report.records += 1
            report.headSeq = seq
            report.headHash = AuditHex.encode(chain)
            expected += 1
        }
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
            } else if report.headSeq > expectHead.seq {
                let check = try hashAt(seq: expectHead.seq)
                if check != expectHead.hash.lowercased() {
                    report.problem = (
                        expectHead.seq, "the chain hash at the kept head differs: the records were rewritten"
                    )
                }
            }
        }
        return report
    }

    private func hashAt(seq: Int64) throws(AuditStoreError) -> String? {
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
