import Bylaw

extension AuditStore: MigratableTrail {
    public var location: String { path }

    /// Records handed to the migration's writer at a time.
    static let copyPage = 2048

    public func chainHash(at seq: Int64) throws(AuditStoreError) -> [UInt8]? {
        try hashAt(seq: seq).flatMap(AuditHex.decode)
    }

    public func forEachRecord(after seq: Int64, _ body: ([CopiedRecord]) throws(AuditStoreError) -> Bool)
        throws(AuditStoreError)
    {
        if let cut = try lastCut() {
            throw AuditStoreError(.refused, id: "store.pruned-no-migrate", path, String(cut.throughSeq))
        }
        let stmt = try db.prepare(
            "SELECT leaf_hash, chain_hash, \(StoredBody.columns) FROM records WHERE seq > ? ORDER BY seq")
        stmt.bind(1, seq)
        let decompressor = try decompressor()
        var page: [CopiedRecord] = []
        while try stmt.step() {
            let row = StoredBody(stmt, from: 2)
            let canonical: [UInt8]
            do {
                canonical = try row.canonical(using: decompressor)
            } catch {
                throw Self.unreadable(row, error)
            }
            page.append(CopiedRecord(seq: row.seq, canonical: canonical, leaf: stmt.blob(0), chain: stmt.blob(1)))
            if page.count == Self.copyPage {
                guard try body(page) else { return }
                page.removeAll(keepingCapacity: true)
            }
        }
        if !page.isEmpty { _ = try body(page) }
    }

    /// Appends copied records as they are (uncompressed), in one transaction under the write lock.
    public func importRecords(_ records: [CopiedRecord]) throws(AuditStoreError) {
        guard !isReadOnly else { throw AuditStoreError(.readOnly, id: "store.opened-read-only") }
        try db.execute("BEGIN IMMEDIATE")
        do throws(AuditStoreError) {
            var (seq, chain) = try head()
            let insert = try db.prepare(
                """
                INSERT INTO records (seq, record_id, recorded_at, actor, event, kind, decision_id, decision_date, unit,
                    verdict, body, leaf_hash, chain_hash, codec, previous_chain_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for record in records {
                guard record.seq == seq + 1 else {
                    throw AuditStoreError(.refused, id: "store.not-next", String(record.seq), "`\(path)`", String(seq))
                }
                let row = try ChainWriter.Row(copying: record, previous: chain)
                insert.reset()
                insert.bind(1, row.seq)
                insert.bind(2, row.recordID)
                insert.bind(3, row.recordedAt)
                insert.bind(4, row.actor)
                insert.bind(5, row.event)
                insert.bind(6, row.kind)
                insert.bind(7, row.decisionID)
                insert.bind(8, row.decisionDate)
                insert.bind(9, row.unit)
                insert.bind(10, row.verdict)
                insert.bind(11, row.canonical)
                insert.bind(12, row.leaf)
                insert.bind(13, row.chain)
                insert.bind(14, BodyCodec.canonical.rawValue)
                insert.bind(15, row.previousChainHash)
                _ = try insert.step()
                (seq, chain) = (row.seq, row.chain)
            }
            try db.execute("COMMIT")
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }
}
