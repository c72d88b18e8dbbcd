import BylawAudit
import PostgresNIO

extension PostgresTrail {
    /// Rows per page when a whole trail is read: enough to hash on all cores, never the trail in memory.
    static let page = 2048

    static let summaryColumns =
        "seq, record_id, recorded_at, actor, event, kind, decision_id, decision_date, unit, verdict"

    /// Records matching `filter`, newest first, as `AuditStore.list` gives them.
    public func list(_ filter: RecordFilter) throws(AuditStoreError) -> [RecordSummary] {
        var clauses: [String] = []
        var binds = PostgresBindings()
        func add(_ clause: (Int) -> String, _ value: String?) {
            guard let value else { return }
            binds.append(value)
            clauses.append(clause(binds.count))
        }
        add({ "kind = $\($0)" }, filter.kind)
        // The unit or any unit below it, taken literally (no pattern characters).
        add({ "(unit = $\($0) OR starts_with(unit, $\($0) || '/'))" }, filter.unit)
        add({ "verdict = $\($0)" }, filter.verdict)
        add({ "decision_date >= $\($0)" }, filter.from)
        add({ "decision_date <= $\($0)" }, filter.to)
        add({ "actor = $\($0)" }, filter.actor)
        let limit = max(1, filter.limit)
        var out: [RecordSummary] = []
        var below = Int64.max
        // Newest first, a page at a time: a failed rule is looked for in each record's body.
        while out.count < limit {
            var pageBinds = binds
            pageBinds.append(below)
            let conditions = (clauses + ["seq < $\(pageBinds.count)"]).joined(separator: " AND ")
            let pageSize = filter.failedRule == nil ? limit - out.count : Self.page
            let rows = try session.query(
                PostgresQuery(
                    unsafeSQL: "SELECT \(Self.summaryColumns)\(filter.failedRule == nil ? "" : ", " + bodyColumns) "
                        + "FROM audit_records WHERE \(conditions) ORDER BY seq DESC LIMIT \(pageSize)",
                    binds: pageBinds))
            for row in rows where out.count < limit {
                let summary = try Self.summary(row)
                below = summary.seq
                if let rule = filter.failedRule,
                    !AuditStore.failed(rule, in: try members(row, seq: summary.seq, from: 10))
                {
                    continue
                }
                out.append(summary)
            }
            if rows.count < pageSize { break }
        }
        return out
    }

    /// The columns `canonical(_:seq:from:)` and `members(_:seq:from:)` read, in order: the body, how it is kept,
    /// and the store fields a compressed body leaves out (a trail of format 1 keeps every body canonical).
    var bodyColumns: String {
        format >= 2
            ? "body, codec, dictionary, record_id, recorded_at, previous_chain_hash"
            : "body, 0::int2, NULL::bytea, record_id, recorded_at, previous_chain_hash"
    }

    /// A record's canonical bytes from the `bodyColumns` starting at column `k`.
    func canonical(_ row: PostgresRow, seq: Int64, from k: Int) throws(AuditStoreError) -> [UInt8] {
        let body = try PostgresSession.bytes(row, k)
        guard let dictionary = try compressedWith(row, from: k) else { return body }
        return try reader.canonical(
            seq: seq, compressed: body, dictionary: dictionary,
            recordID: try PostgresSession.decode(row, k + 3, as: String.self),
            recordedAt: try PostgresSession.decode(row, k + 4, as: String.self),
            previousChainHash: try PostgresSession.bytes(row, k + 5))
    }

    /// A record's members but its store fields (its outcomes among them), from the `bodyColumns` at `k`.
    func members(_ row: PostgresRow, seq: Int64, from k: Int) throws(AuditStoreError) -> [UInt8] {
        let body = try PostgresSession.bytes(row, k)
        guard let dictionary = try compressedWith(row, from: k) else { return body }
        return try reader.members(seq: seq, compressed: body, dictionary: dictionary)
    }

    /// The SHA-256 of the dictionary a compressed body needs, fetched into the reader when it is new; nil for
    /// a canonical body.
    private func compressedWith(_ row: PostgresRow, from k: Int) throws(AuditStoreError) -> [UInt8]? {
        guard try PostgresSession.decode(row, k + 1, as: Int16.self) == 1 else { return nil }
        guard let sha = try PostgresSession.decode(row, k + 2, as: ByteBuffer?.self) else {
            throw AuditStoreError(.corrupt, id: "store.pg.no-dictionary")
        }
        let key = Array(sha.readableBytesView)
        if !reader.knows(key) {
            let found = try session.query("SELECT content FROM audit_dictionaries WHERE sha256 = \(sha)")
            guard let content = found.first else {
                throw AuditStoreError(.corrupt, id: "store.pg.unknown-dictionary")
            }
            reader.add(sha256: key, content: try PostgresSession.bytes(content, 0))
        }
        return key
    }

    static func summary(_ row: PostgresRow) throws(AuditStoreError) -> RecordSummary {
        func text(_ k: Int) throws(AuditStoreError) -> String? { try PostgresSession.decode(row, k, as: String?.self) }
        return RecordSummary.reading(
            seq: try PostgresSession.decode(row, 0, as: Int64.self), recordID: try text(1) ?? "",
            recordedAt: try text(2) ?? "", actor: try text(3) ?? "", event: try text(4) ?? "", kind: try text(5),
            decisionID: try text(6), decisionDate: try text(7), unit: try text(8), verdict: try text(9) ?? "")
    }

    /// The canonical bytes of one record, by sequence number or record id.
    public func canonical(of key: String) throws(AuditStoreError) -> [UInt8]? {
        let select = "SELECT seq, \(bodyColumns) FROM audit_records WHERE "
        let rows: [PostgresRow]
        if let seq = Int64(key) {
            rows = try session.query(PostgresQuery(unsafeSQL: select + "seq = \(seq)"))
        } else {
            var binds = PostgresBindings()
            binds.append(key.lowercased())
            rows = try session.query(PostgresQuery(unsafeSQL: select + "record_id = $1", binds: binds))
        }
        return try rows.first.map { (row) throws(AuditStoreError) in
            try canonical(row, seq: try PostgresSession.decode(row, 0, as: Int64.self), from: 1)
        }
    }

    /// `verify`, then each checkpoint (the given ones, else the trail's own) and `receipt` against the verified
    /// chain, as `AuditStore.verify(…checkpoints:publicKey:receipt:)` does. A trail has no cuts: it is never
    /// pruned.
    public func verify(
        expectHead: (seq: Int64, hash: String)? = nil, checkpoints given: [Checkpoint]? = nil,
        publicKey: CheckpointKey.Public? = nil, receipt: Receipt?
    ) throws(AuditStoreError) -> VerifyReport {
        // Inside the snapshot the chain was read in: a checkpoint or a record a writer adds meanwhile is not
        // taken for one past the verified head.
        try verify(expectHead: expectHead) { (report) throws(AuditStoreError) in
            if let publicKey {
                let checkpoints: [Checkpoint]
                if let given { checkpoints = given } else { checkpoints = try self.checkpoints() }
                try report.check(checkpoints, signedBy: publicKey, cut: nil) { (seq) throws(AuditStoreError) in
                    try chainHash(at: seq).map(AuditHex.encode)
                }
            }
            if let receipt { try report.check(receipt, in: self) }
        }
    }

    /// Recomputes every hash, as `AuditStore.verify` does, reading the trail a page at a time inside one
    /// read-only snapshot while the previous page is hashed on all cores.
    /// - Parameter then: more checks of the report, made in the same snapshot.
    public func verify(
        expectHead: (seq: Int64, hash: String)? = nil,
        then more: (inout VerifyReport) throws(AuditStoreError) -> Void = { _ in }
    ) throws(AuditStoreError) -> VerifyReport {
        try session.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
            () throws(AuditStoreError) -> VerifyReport in
            var follower = ChainFollower()
            var after: Int64 = 0
            while true {
                let rows = try session.query(
                    PostgresQuery(
                        unsafeSQL: """
                            SELECT seq, record_id, recorded_at, actor, event, kind, decision_id, decision_date, unit,
                                verdict, leaf_hash, chain_hash, \(bodyColumns)
                            FROM audit_records WHERE seq > \(after) ORDER BY seq LIMIT \(Self.page)
                            """))
                var page: [ChainFollower.Row] = []
                page.reserveCapacity(rows.count)
                for row in rows {
                    var columns: [String?] = []
                    for k in 1...9 { columns.append(try PostgresSession.decode(row, k, as: String?.self)) }
                    let seq = try PostgresSession.decode(row, 0, as: Int64.self)
                    page.append(
                        ChainFollower.Row(
                            seq: seq, columns: columns, canonical: try canonical(row, seq: seq, from: 12),
                            leaf: try PostgresSession.bytes(row, 10), chain: try PostgresSession.bytes(row, 11)))
                    after = seq
                }
                guard follower.feed(page), rows.count == Self.page else { break }
            }
            var report = try follower.finish(expectHead: expectHead) { (seq) throws(AuditStoreError) in
                try chainHash(at: seq).map(AuditHex.encode)
            }
            try more(&report)
            return report
        }
    }
}

extension PostgresTrail: MigratableTrail {
    public var location: String { address.description }

    public func chainHash(at seq: Int64) throws(AuditStoreError) -> [UInt8]? {
        let rows = try session.query("SELECT chain_hash FROM audit_records WHERE seq = \(seq)")
        return try rows.first.map { (row) throws(AuditStoreError) in try PostgresSession.bytes(row, 0) }
    }

    public func forEachRecord(after seq: Int64, _ body: ([CopiedRecord]) throws(AuditStoreError) -> Bool)
        throws(AuditStoreError)
    {
        var after = seq
        while true {
            let rows = try session.query(
                PostgresQuery(
                    unsafeSQL: """
                        SELECT seq, leaf_hash, chain_hash, \(bodyColumns) FROM audit_records
                        WHERE seq > \(after) ORDER BY seq LIMIT \(Self.page)
                        """))
            var page: [CopiedRecord] = []
            for row in rows {
                after = try PostgresSession.decode(row, 0, as: Int64.self)
                page.append(
                    CopiedRecord(
                        seq: after, canonical: try canonical(row, seq: after, from: 3),
                        leaf: try PostgresSession.bytes(row, 1), chain: try PostgresSession.bytes(row, 2)))
            }
            if !page.isEmpty { guard try body(page) else { return } }
            if rows.count < Self.page { return }
        }
    }

    /// Appends copied records in one transaction under the chain lock, each checked against the head.
    public func importRecords(_ records: [CopiedRecord]) throws(AuditStoreError) {
        guard !isReadOnly else { throw AuditStoreError(.readOnly, id: "store.opened-read-only") }
        try session.transaction { () throws(AuditStoreError) in
            try lockChain()
            var (seq, chain) = try head()
            var rows: [ChainWriter.Row] = []
            for record in records {
                guard record.seq == seq + 1 else {
                    throw AuditStoreError(.refused, id: "store.not-next", String(record.seq), "\(address)", String(seq))
                }
                let row = try ChainWriter.Row(copying: record, previous: chain)
                rows.append(row)
                (seq, chain) = (row.seq, row.chain)
            }
            try insert(rows)
        }
    }
}
