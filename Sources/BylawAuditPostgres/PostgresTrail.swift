import BylawAudit
import Foundation
import PostgresNIO

/// The audit trail in PostgreSQL, shared by every process that names it: the SQLite store's records,
/// canonical bytes and hash chain, in tables that only grow.
///
/// Appends are serialised per chain inside the database by a transaction-scoped advisory lock taken before
/// the head is read and released by the commit (docs/audit-postgres.md says why not a locked head row); the
/// primary key on `seq` refuses a second record with a taken number all the same, so the chain cannot fork
/// even past the lock. A writer that dies mid-transaction leaves nothing: PostgreSQL rolls it back.
public final class PostgresTrail {
    public let address: PostgresLocation
    /// The connection; replaced by `reconnectIfLost` between transactions, never during one.
    private(set) var session: PostgresSession
    private let lockWaitMillis: Int32
    private var writer = ChainWriter()
    /// Whether the trail was opened for reading only: nothing is created, migrated or written.
    public let isReadOnly: Bool
    /// The key that signs checkpoints as records are appended (every 1,000 records or 5 minutes) and at the end
    /// of a run; none are written without it.
    public var signer: CheckpointKey.Private?
    /// The schema's version: a trail read as it is (never migrated) may be older than this bylaw's.
    let format: Int32
    /// The dictionaries committed to the trail, known not to need inserting again.
    private var storedDictionaries: Set<[UInt8]> = []
    /// The newest checkpoint this process knows to be committed (forgotten on a new connection, which may
    /// reach a restored trail). Others may have written newer ones since, never older, so while fewer than
    /// 1,000 records follow it and it is less than 5 minutes old, an append does not ask the trail
    /// (`checkpointIfDue`). The record rule is then exactly the trail's; the 5-minute rule is measured from the
    /// checkpoint this process knows, so a newer one stamped by a writer whose clock runs behind can put a
    /// checkpoint off by at most those 5 minutes.
    private var knownCheckpoint: (seq: Int64, signedAt: String)?
    /// Puts compressed bodies back together when the trail is read (one thread at a time, as the session).
    let reader = CompressedRecordReader()
    /// Called inside each append transaction after its rows are inserted and before the commit (tests use
    /// it to kill the connection at that moment).
    var beforeCommit: (() -> Void)?
    /// Where the async variants run the synchronous calls, one at a time.
    let queue = DispatchQueue(label: "bylaw.audit.postgres")

    /// Opens the trail at `address`, creating and migrating its tables when needed.
    /// - Parameter lockWaitMillis: how long to wait for another process's lock before failing (fail closed).
    public init(_ address: PostgresLocation, lockWaitMillis: Int32 = 2_000) throws(AuditStoreError) {
        self.address = address
        self.lockWaitMillis = lockWaitMillis
        isReadOnly = false
        session = try PostgresSession(address, lockWaitMillis: lockWaitMillis)
        try PostgresSchema.migrate(session)
        format = PostgresSchema.version
    }

    /// Opens an existing trail for reading only; a database without a bylaw trail is refused.
    public init(readingAt address: PostgresLocation, lockWaitMillis: Int32 = 2_000) throws(AuditStoreError) {
        self.address = address
        self.lockWaitMillis = lockWaitMillis
        isReadOnly = true
        session = try PostgresSession(address, lockWaitMillis: lockWaitMillis)
        let found = try PostgresSchema.foundVersion(session)
        guard found > 0 else { throw AuditStoreError(.notFound, id: "store.pg.no-trail", "\(address)") }
        try PostgresSchema.check(found, address)
        format = found
    }

    /// Connects again when the server closed the connection (a restart, a killed backend), before a new
    /// transaction: what the lost one did is whatever the database committed, and the next transaction reads
    /// the head afresh under the lock, so nothing is guessed. A server still down fails as any connect does.
    func reconnectIfLost() throws(AuditStoreError) {
        guard session.isBroken else { return }
        session = try PostgresSession(address, lockWaitMillis: lockWaitMillis)
        knownCheckpoint = nil
    }

    /// The last record's sequence number and chain hash (0 and 32 zero bytes for an empty trail).
    public func head() throws(AuditStoreError) -> (seq: Int64, chainHash: [UInt8]) {
        let rows = try session.query("SELECT seq, chain_hash FROM audit_records ORDER BY seq DESC LIMIT 1")
        guard let row = rows.first else { return (0, [UInt8](repeating: 0, count: 32)) }
        return (try PostgresSession.decode(row, 0, as: Int64.self), try PostgresSession.bytes(row, 1))
    }

    /// Appends drafts in order, `batchSize` records per transaction, each under the chain lock.
    @discardableResult
    public func append(_ drafts: [RecordDraft], actor: String, at time: Date? = nil, batchSize: Int = 1000)
        throws(AuditStoreError) -> [Int64]
    {
        guard !isReadOnly else { throw AuditStoreError(.readOnly, id: "store.opened-read-only") }
        try AuditStore.check(actor: actor)
        var assigned: [Int64] = []
        var start = 0
        while start < drafts.count {
            let chunk = drafts[start..<min(start + max(1, batchSize), drafts.count)]
            assigned += try appendTransaction(chunk, actor: actor, time: time)
            start += max(1, batchSize)
        }
        return assigned
    }

    /// - Parameter claim: run under the lock before anything is appended; when it returns false, nothing is.
    private func appendTransaction(
        _ drafts: ArraySlice<RecordDraft>, actor: String, time: Date?,
        claim: () throws(AuditStoreError) -> Bool = { true }
    ) throws(AuditStoreError) -> [Int64] {
        try reconnectIfLost()
        var added: [[UInt8]] = []
        var checkpoint: CheckpointLookup?
        let seqs = try session.transaction { () throws(AuditStoreError) -> [Int64] in
            try lockChain()
            guard try claim() else { return [] }
            // The clock is read once the lock is held, so writers queued behind each other stamp in order.
            let time = time ?? Date()
            let last = try session.query(
                "SELECT seq, chain_hash, record_id, recorded_at FROM audit_records ORDER BY seq DESC LIMIT 1"
            ).first
            var head: (Int64, [UInt8]) = (0, [UInt8](repeating: 0, count: 32))
            var stamp: (String, String)?
            if let last {
                head = (try PostgresSession.decode(last, 0, as: Int64.self), try PostgresSession.bytes(last, 1))
                stamp = (
                    try PostgresSession.decode(last, 2, as: String.self),
                    try PostgresSession.decode(last, 3, as: String.self)
                )
            }
            let rows = try writer.rows(
                for: drafts, actor: actor, time: time, head: head, last: stamp, keepCompressed: format >= 2)
            added = try storeDictionaries(of: rows)
            try insert(rows)
            if let last = rows.last { checkpoint = try checkpointIfDue(seq: last.seq, chain: last.chain, time: time) }
            beforeCommit?()
            return rows.filter { !$0.isClockRecord }.map(\.seq)
        }
        // Known only once committed: a rolled-back transaction took its dictionaries and checkpoint with it.
        storedDictionaries.formUnion(added)
        if case .asked(let newest) = checkpoint { knownCheckpoint = newest }
        return seqs
    }

    /// Inserts the dictionaries the rows' compressed bodies need that the trail may not hold yet.
    /// - Returns: their SHA-256s.
    private func storeDictionaries(of rows: [ChainWriter.Row]) throws(AuditStoreError) -> [[UInt8]] {
        var added: [[UInt8]] = []
        for row in rows {
            guard let c = row.compressed, !storedDictionaries.contains(c.dictionarySHA256),
                !added.contains(c.dictionarySHA256)
            else { continue }
            let sha = ByteBuffer(bytes: c.dictionarySHA256)
            let content = ByteBuffer(bytes: c.dictionary)
            try session.query(
                "INSERT INTO audit_dictionaries (sha256, content) VALUES (\(sha), \(content)) ON CONFLICT DO NOTHING")
            added.append(c.dictionarySHA256)
        }
        return added
    }

    func lockChain() throws(AuditStoreError) {
        try session.execute("SELECT pg_advisory_xact_lock(\(PostgresSchema.lockSpace), \(PostgresSchema.chainLock))")
    }

    /// Inserts rows in one statement: each column as an array, unnested on the server.
    func insert(_ rows: [ChainWriter.Row]) throws(AuditStoreError) {
        guard !rows.isEmpty else { return }
        // Arrays of postgres-nio cannot hold NULL: a bit per nullable column says which are.
        let nulls: [Int32] = rows.map { (r: ChainWriter.Row) -> Int32 in
            var bits: Int32 = 0
            if r.kind == nil { bits |= 1 }
            if r.decisionID == nil { bits |= 2 }
            if r.decisionDate == nil { bits |= 4 }
            if r.unit == nil { bits |= 8 }
            if r.compressed != nil { bits |= 16 }
            return bits
        }
        func buffers(_ path: KeyPath<ChainWriter.Row, [UInt8]>) -> [ByteBuffer] {
            rows.map { ByteBuffer(bytes: $0[keyPath: path]) }
        }
        var binds = PostgresBindings(capacity: 16)
        binds.append(rows.map(\.seq))
        binds.append(rows.map(\.recordID))
        binds.append(rows.map(\.recordedAt))
        binds.append(rows.map(\.actor))
        binds.append(rows.map(\.event))
        binds.append(rows.map { $0.kind ?? "" })
        binds.append(rows.map { $0.decisionID ?? "" })
        binds.append(rows.map { $0.decisionDate ?? "" })
        binds.append(rows.map { $0.unit ?? "" })
        binds.append(rows.map(\.verdict))
        binds.append(buffers(\.storedBody))
        binds.append(buffers(\.leaf))
        binds.append(buffers(\.chain))
        binds.append(buffers(\.previousChainHash))
        binds.append(nulls)
        binds.append(rows.map { ByteBuffer(bytes: $0.compressed?.dictionarySHA256 ?? []) })
        try session.query(
            PostgresQuery(
                unsafeSQL: """
                    INSERT INTO audit_records (seq, record_id, recorded_at, actor, event, kind, decision_id,
                        decision_date, unit, verdict, body, leaf_hash, chain_hash, previous_chain_hash\(
                            format >= 2 ? ", codec, dictionary" : ""))
                    SELECT s, r, t, a, e, CASE WHEN n & 1 = 0 THEN k END, CASE WHEN n & 2 = 0 THEN d END,
                        CASE WHEN n & 4 = 0 THEN dd END, CASE WHEN n & 8 = 0 THEN u END, v, b, l, c, p\(
                            format >= 2 ? ", (n >> 4 & 1)::int2, CASE WHEN n & 16 <> 0 THEN y END" : "")
                    FROM unnest($1::int8[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                        $8::text[], $9::text[], $10::text[], $11::bytea[], $12::bytea[], $13::bytea[], $14::bytea[],
                        $15::int4[], $16::bytea[]) AS x(s, r, t, a, e, k, d, dd, u, v, b, l, c, p, n, y)
                    """, binds: binds))
    }
}

extension PostgresTrail: AuditTrail {
    public func receipt(seq: Int64) throws(AuditStoreError) -> Receipt? {
        try reconnectIfLost()
        let rows = try session.query(
            "SELECT record_id, leaf_hash, chain_hash FROM audit_records WHERE seq = \(seq)")
        guard let row = rows.first else { return nil }
        return Receipt(
            seq: seq, recordID: try PostgresSession.decode(row, 0, as: String.self),
            leafHash: AuditHex.encode(try PostgresSession.bytes(row, 1)),
            chainHash: AuditHex.encode(try PostgresSession.bytes(row, 2)))
    }

    /// Registers a batch run of this process; first marks, with one `audit-interrupted` record each, the runs
    /// of this host whose process is gone without having ended, as the SQLite store does.
    public func beginBatch(actor: String) throws(AuditStoreError) -> Int64 {
        try beginBatchMarking(actor: actor).run
    }

    /// `beginBatch`, saying which records marked interrupted runs.
    @discardableResult
    func beginBatchMarking(actor: String) throws(AuditStoreError) -> (run: Int64, marked: [Int64]) {
        guard !isReadOnly else { throw AuditStoreError(.readOnly, id: "store.opened-read-only") }
        try AuditStore.check(actor: actor)
        try reconnectIfLost()
        let host = AuditStore.hostName
        let open = try session.query(
            """
            SELECT r.id, r.pid, r.actor, r.started_at, r.head_at_start FROM audit_runs r
            WHERE r.host = \(host) AND NOT EXISTS (SELECT 1 FROM audit_run_ends e WHERE e.run = r.id) ORDER BY r.id
            """)
        var marked: [Int64] = []
        for row in open {
            let id = try PostgresSession.decode(row, 0, as: Int64.self)
            let pid = try PostgresSession.decode(row, 1, as: Int64.self)
            guard AuditStore.processIsGone(pid) else { continue }
            let draft = AuditStore.interruptedDraft(
                host: host, pid: pid, actor: try PostgresSession.decode(row, 2, as: String.self),
                startedAt: try PostgresSession.decode(row, 3, as: String.self),
                headAtStart: try PostgresSession.decode(row, 4, as: Int64.self))
            let ended = AuditStore.timestampText(Date())
            // The claim and the mark commit together or not at all; the run's primary key in `audit_run_ends`
            // lets one of two runs starting at once claim it.
            marked += try appendTransaction([draft][...], actor: actor, time: nil) { () throws(AuditStoreError) in
                !(try session.query(
                    """
                    INSERT INTO audit_run_ends (run, state, ended_at) VALUES (\(id), 'interrupted', \(ended))
                    ON CONFLICT DO NOTHING RETURNING run
                    """
                ).isEmpty)
            }
        }
        let pid = Int64(ProcessInfo.processInfo.processIdentifier)
        let started = AuditStore.timestampText(Date())
        let head = try head().seq
        let rows = try session.query(
            """
            INSERT INTO audit_runs (host, pid, actor, started_at, head_at_start)
            VALUES (\(host), \(pid), \(actor), \(started), \(head)) RETURNING id
            """)
        guard let row = rows.first else { throw AuditStoreError("the batch run was not registered") }
        return (try PostgresSession.decode(row, 0, as: Int64.self), marked)
    }

    public func endBatch(_ run: Int64) throws(AuditStoreError) {
        guard !isReadOnly, run > 0 else { return }
        try reconnectIfLost()
        let ended = AuditStore.timestampText(Date())
        try session.query(
            "INSERT INTO audit_run_ends (run, state, ended_at) VALUES (\(run), 'ended', \(ended)) ON CONFLICT DO NOTHING"
        )
    }

    /// Writes a checkpoint of the head now when a signing key is set, unless the newest one already vouches for
    /// it or the trail is empty (a clean end of a run), under the chain lock as appends are.
    public func signCheckpointIfConfigured() throws(AuditStoreError) {
        guard let signer, !isReadOnly else { return }
        try reconnectIfLost()
        try session.transaction { () throws(AuditStoreError) in
            try lockChain()
            let head = try head()
            guard head.seq > 0, try lastCheckpoint()?.seq != head.seq else { return }
            try insertCheckpoint(try Checkpoint.signed(seq: head.seq, chain: head.chainHash, at: Date(), by: signer))
        }
    }
}

extension PostgresTrail {
    /// Inside an append's transaction: a checkpoint when 1,000 records or 5 minutes have passed since the last
    /// (`Checkpoint.isDue`), as the SQLite store writes them. The trail is asked for its newest checkpoint only
    /// when the one this process knows of leaves one due (`knownCheckpoint`).
    /// - Returns: whether the trail was asked, and then its newest checkpoint once this transaction commits.
    func checkpointIfDue(seq: Int64, chain: [UInt8], time: Date) throws(AuditStoreError) -> CheckpointLookup {
        guard let signer, format >= 3 else { return .notAsked }
        if let known = knownCheckpoint, known.seq <= seq, !Checkpoint.isDue(seq: seq, at: time, last: known) {
            return .notAsked
        }
        let last = try lastCheckpoint()
        guard Checkpoint.isDue(seq: seq, at: time, last: last) else { return .asked(last) }
        let checkpoint = try Checkpoint.signed(seq: seq, chain: chain, at: time, by: signer)
        try insertCheckpoint(checkpoint)
        return .asked((checkpoint.seq, checkpoint.signedAt))
    }

    /// What an append learned of the trail's checkpoints.
    enum CheckpointLookup {
        case notAsked
        /// The trail's newest checkpoint, or none.
        case asked((seq: Int64, signedAt: String)?)
    }

    private func lastCheckpoint() throws(AuditStoreError) -> (seq: Int64, signedAt: String)? {
        guard format >= 3 else { return nil }
        let rows = try session.query("SELECT seq, signed_at FROM audit_checkpoints ORDER BY id DESC LIMIT 1")
        return try rows.first.map { (row) throws(AuditStoreError) in
            (try PostgresSession.decode(row, 0, as: Int64.self), try PostgresSession.decode(row, 1, as: String.self))
        }
    }

    private func insertCheckpoint(_ c: Checkpoint) throws(AuditStoreError) {
        let chain = ByteBuffer(bytes: AuditHex.decode(c.chainHash) ?? [])
        let key = ByteBuffer(bytes: AuditHex.decode(c.publicKey) ?? [])
        let signature = ByteBuffer(bytes: AuditHex.decode(c.signature) ?? [])
        try session.query(
            """
            INSERT INTO audit_checkpoints (seq, chain_hash, signed_at, public_key, signature)
            VALUES (\(c.seq), \(chain), \(c.signedAt), \(key), \(signature))
            """)
    }

    /// Every checkpoint in the trail, oldest first (none in a trail of a format before 3).
    public func checkpoints() throws(AuditStoreError) -> [Checkpoint] {
        guard format >= 3 else { return [] }
        try reconnectIfLost()
        let rows = try session.query(
            "SELECT seq, chain_hash, signed_at, public_key, signature FROM audit_checkpoints ORDER BY id")
        var out: [Checkpoint] = []
        for row in rows {
            out.append(
                Checkpoint(
                    seq: try PostgresSession.decode(row, 0, as: Int64.self),
                    chainHash: AuditHex.encode(try PostgresSession.bytes(row, 1)),
                    signedAt: try PostgresSession.decode(row, 2, as: String.self),
                    publicKey: AuditHex.encode(try PostgresSession.bytes(row, 3)),
                    signature: AuditHex.encode(try PostgresSession.bytes(row, 4))))
        }
        return out
    }
}
