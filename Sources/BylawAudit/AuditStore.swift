import Bylaw
internal import Crypto
import Foundation

/// The embedded audit trail: a SQLite file of append-only records linked by a hash chain.
///
/// `leaf_hash = SHA-256(0x00 ‖ canonical bytes)`, `chain_hash_n = SHA-256(0x02 ‖ chain_hash_{n-1} ‖ leaf_hash_n)`
/// with `chain_hash_0` = 32 zero bytes. The canonical bytes (RFC 8785) are stored and never re-serialised.
public final class AuditStore {
    public static let schemaVersion = 4
    /// Signs checkpoints (every 1,000 records, every 5 minutes under load, and `signCheckpoint()` at a clean end);
    /// none are written without it.
    public var signer: CheckpointKey.Private?
    static let pageSize = 32768
    let db: Database
    public let path: String
    private var ids = RecordIDGenerator()
    /// Dictionaries of compressors this store has committed records of, by compressor; the compressor is
    /// kept so its identifier is never reused.
    private var dictionaryIDs: [ObjectIdentifier: (RecordCompressor, Int64)] = [:]
    private var checkpointer: Checkpointer?
    private var logLimit = Checkpointer.logLimit
    let busyTimeoutMillis: Int32
    /// Whether the store was opened for reading only (`init(readingAt:)`): appends are refused.
    public let isReadOnly: Bool
    /// The format of the store as found: older read-only stores are read as they are.
    let format: Int64
    /// How long to wait for another process's lock by default: 2 s, then fail closed.
    public static let defaultLockWaitMillis: Int32 = 2_000

    /// Opens (creating and migrating when needed) the store at `path`. A symbolic link at `path` is refused,
    /// dangling or not: the store is the file named, never one a link points elsewhere.
    /// - Parameter busyTimeoutMillis: how long to wait for another process's lock before failing.
    public init(path: String, busyTimeoutMillis: Int32 = AuditStore.defaultLockWaitMillis) throws(AuditStoreError) {
        self.path = path
        self.busyTimeoutMillis = busyTimeoutMillis
        isReadOnly = false
        format = Int64(Self.schemaVersion)
        try Self.refuseLink(path)
        db = try Database(path: path, busyTimeoutMillis: busyTimeoutMillis)
        let db = self.db
        // Records are several kilobytes: pages that hold a whole record keep it off overflow chains. Only
        // takes effect while the file is new and empty.
        try db.execute("PRAGMA page_size=\(Self.pageSize)")
        try Self.retryingWhileBusy(timeoutMillis: Int(busyTimeoutMillis)) { () throws(AuditStoreError) in
            let stmt = try db.prepare("PRAGMA journal_mode=WAL")
            guard try stmt.step(), stmt.text(0)?.lowercased() == "wal" else {
                throw AuditStoreError(.other, id: "store.no-wal")
            }
        }
        try db.execute("PRAGMA synchronous=FULL")
        // 32 MiB of page cache instead of SQLite's 2 MiB: a batch keeps the hot index pages of the last
        // transaction in memory rather than reading them back from the file for the next one.
        try db.execute("PRAGMA cache_size=-32768")
        try Self.retryingWhileBusy(timeoutMillis: Int(busyTimeoutMillis)) { () throws(AuditStoreError) in try migrate()
        }
    }

    /// Opens an existing store for reading only, without creating, migrating or writing anything, so that it
    /// can be read and verified on read-only media or without write rights. Falls back to SQLite's `immutable`
    /// mode when the media does not even allow the shared-memory file of a write-ahead log.
    public init(readingAt path: String, busyTimeoutMillis: Int32 = AuditStore.defaultLockWaitMillis)
        throws(AuditStoreError)
    {
        self.path = path
        self.busyTimeoutMillis = busyTimeoutMillis
        isReadOnly = true
        try Self.refuseLink(path)
        guard FileManager.default.fileExists(atPath: path) else {
            throw AuditStoreError(.notFound, id: "store.not-found", path)
        }
        func open(immutable: Bool) throws(AuditStoreError) -> (Database, Int64) {
            let db = try Database(
                path: path, readOnly: true, immutable: immutable, busyTimeoutMillis: busyTimeoutMillis)
            let stmt = try db.prepare("PRAGMA user_version")
            return (db, try stmt.step() ? stmt.int(0) : 0)
        }
        let opened: (Database, Int64)
        do {
            opened = try open(immutable: false)
        } catch  where error.kind == .readOnly || error.kind == .other {
            opened = try open(immutable: true)
        }
        db = opened.0
        format = opened.1
        guard format >= 0 else { throw Self.formatProblem(path, format) }
        guard format >= 3 else {
            throw format == 0
                ? AuditStoreError(.refused, id: "store.not-a-store", path)
                : AuditStoreError(.refused, id: "store.old-format", path, String(format))
        }
        guard format <= Self.schemaVersion else { throw Self.formatProblem(path, format) }
    }

    /// A store whose format number is above this bylaw's: written by a newer bylaw, or, negative or far above
    /// any format there has been, a header overwritten (a damaged file is not sent looking for a newer bylaw, nor
    /// migrated).
    static func formatProblem(_ path: String, _ format: Int64) -> AuditStoreError {
        guard format >= 0, format <= Int64(schemaVersion) + 100 else {
            return AuditStoreError(.corrupt, id: "store.bad-header", path, String(format))
        }
        return AuditStoreError(.refused, id: "store.newer-format", path, String(format), String(schemaVersion))
    }

    /// Refuses a symbolic link where the store should be (following one could create or write a file elsewhere).
    static func refuseLink(_ path: String) throws(AuditStoreError) {
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            throw AuditStoreError(.refused, id: "store.symbolic-link", path)
        }
    }

    deinit { checkpointer?.stop() }

    /// From now on the log is copied into the database file by a thread of its own (`Checkpointer`), for a
    /// long batch of appends. Nothing changes in what is stored or when it is durable.
    /// - Parameter logLimit: past this many bytes of log the writer checkpoints itself.
    public func checkpointInBackground(logLimit: Int = Checkpointer.logLimit) throws(AuditStoreError) {
        try checkpointInBackground(logLimit: logLimit, running: true)
    }

    func checkpointInBackground(logLimit: Int, running: Bool) throws(AuditStoreError) {
        guard checkpointer == nil else { return }
        self.logLimit = logLimit
        try db.execute("PRAGMA wal_autocheckpoint=0")
        checkpointer = try Checkpointer(path: path, busyTimeoutMillis: busyTimeoutMillis, running: running)
    }

    /// After a commit: wakes the checkpointer, or, when the log has grown past its limit anyway (a passive
    /// checkpoint copies but cannot rewind a log that is always being written), checkpoints here and empties
    /// the log, waiting for readers as any writer would. A round that fails leaves the log as it is, valid,
    /// for the next commit to try again.
    private func afterCommit() {
        guard let checkpointer else { return }
        var info = stat()
        if stat(path + "-wal", &info) == 0, Int(info.st_size) > logLimit {
            // A round of the checkpointing thread makes this one busy at once: a slow round (a loaded machine)
            // then let the log grow commit after commit. Past the limit the writer waits for that round and
            // tries once more.
            if !truncateLog() {
                checkpointer.waitForRound()
                _ = truncateLog()
            }
        } else {
            checkpointer.committed()
        }
    }

    /// Copies the log into the database and empties it; false when it could not finish (busy) or failed.
    private func truncateLog() -> Bool {
        guard let stmt = try? db.prepare("PRAGMA wal_checkpoint(TRUNCATE)"), (try? stmt.step()) == true else {
            return false
        }
        // The row is (busy, log frames, frames copied): busy is 1 when the checkpoint could not finish.
        return stmt.int(0) == 0
    }

    /// Creating a store (switching the new file to WAL, reading its schema while another process converts it)
    /// meets locks SQLite does not wait for; processes opening the store at the same moment retry here,
    /// within the same timeout as any other lock.
    static func retryingWhileBusy(timeoutMillis: Int, _ body: () throws(AuditStoreError) -> Void)
        throws(AuditStoreError)
    {
        var waited = 0
        var pause = 2
        while true {
            do {
                try body()
                return
            } catch {
                guard error.kind == .busy, waited < timeoutMillis else {
                    throw error
                }
                usleep(useconds_t(pause * 1000))
                waited += pause
                pause = min(pause * 2, 50)
            }
        }
    }

    private func migrate() throws(AuditStoreError) {
        // The statement is finalised before the migration runs: SQLite will not drop an index while a
        // statement of the same connection is still open.
        func readVersion() throws(AuditStoreError) -> Int64 {
            let stmt = try db.prepare("PRAGMA user_version")
            return try stmt.step() ? stmt.int(0) : 0
        }
        func check(_ version: Int64) throws(AuditStoreError) {
            guard version >= 0, version <= Self.schemaVersion else { throw Self.formatProblem(path, version) }
        }
        let before = try readVersion()
        try check(before)
        guard before < Self.schemaVersion else { return }
        try db.execute("BEGIN IMMEDIATE")
        do {
            // Read again under the write lock: another process opening the store at the same moment may have
            // migrated it meanwhile, and version 3's steps cannot run twice.
            let version = try readVersion()
            try check(version)
            if version < 1 {
                try db.execute(
                    """
                    CREATE TABLE IF NOT EXISTS records (
                        seq INTEGER PRIMARY KEY,
                        record_id TEXT NOT NULL UNIQUE,
                        recorded_at TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        event TEXT NOT NULL,
                        kind TEXT,
                        decision_id TEXT,
                        decision_date TEXT,
                        unit TEXT,
                        verdict TEXT NOT NULL,
                        canonical BLOB NOT NULL,
                        leaf_hash BLOB NOT NULL,
                        chain_hash BLOB NOT NULL
                    );
                    CREATE INDEX IF NOT EXISTS records_kind ON records(kind);
                    CREATE INDEX IF NOT EXISTS records_unit ON records(unit);
                    CREATE INDEX IF NOT EXISTS records_verdict ON records(verdict);
                    CREATE TRIGGER IF NOT EXISTS records_no_update BEFORE UPDATE ON records
                        BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
                    CREATE TRIGGER IF NOT EXISTS records_no_delete BEFORE DELETE ON records
                        BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
                    """)
            }
            if version == 1 {
                // Version 1 indexed (kind, decision_date): decision dates arrive in any order, so every record
                // of a batch dirtied a random page of that index, and at a million records the index pages
                // written back outweighed the records. `log` lists newest first, which an index on the kind
                // alone (its entries in sequence order) serves directly.
                try db.execute(
                    """
                    DROP INDEX IF EXISTS records_kind;
                    CREATE INDEX records_kind ON records(kind);
                    """)
            }
            if version < 3 {
                // Version 3 may keep a record compressed (`BodyCodec`): the column holding it is the row's
                // `body` now, whatever its codec; the store fields it then leaves out have columns, and the
                // dictionaries it was compressed against are kept, append-only, beside the records.
                try db.execute(
                    """
                    ALTER TABLE records RENAME COLUMN canonical TO body;
                    ALTER TABLE records ADD COLUMN codec INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE records ADD COLUMN dictionary INTEGER;
                    ALTER TABLE records ADD COLUMN previous_chain_hash BLOB;
                    CREATE TABLE dictionaries (
                        id INTEGER PRIMARY KEY,
                        sha256 BLOB NOT NULL UNIQUE,
                        content BLOB NOT NULL
                    );
                    CREATE TRIGGER dictionaries_no_update BEFORE UPDATE ON dictionaries
                        BEGIN SELECT RAISE(ABORT, 'audit dictionaries are append-only'); END;
                    CREATE TRIGGER dictionaries_no_delete BEFORE DELETE ON dictionaries
                        BEGIN SELECT RAISE(ABORT, 'audit dictionaries are append-only'); END;
                    """)
            }
            if version < 4 {
                // Version 4 keeps signed checkpoints of the chain, append-only like the records.
                try db.execute(
                    """
                    CREATE TABLE IF NOT EXISTS checkpoints (
                        id INTEGER PRIMARY KEY,
                        seq INTEGER NOT NULL,
                        chain_hash BLOB NOT NULL,
                        signed_at TEXT NOT NULL,
                        public_key BLOB NOT NULL,
                        signature BLOB NOT NULL
                    );
                    CREATE TRIGGER IF NOT EXISTS checkpoints_no_update BEFORE UPDATE ON checkpoints
                        BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
                    CREATE TRIGGER IF NOT EXISTS checkpoints_no_delete BEFORE DELETE ON checkpoints
                        BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
                    CREATE TABLE IF NOT EXISTS cuts (
                        id INTEGER PRIMARY KEY,
                        through_seq INTEGER NOT NULL,
                        chain_hash BLOB NOT NULL,
                        cut_at TEXT NOT NULL,
                        before TEXT NOT NULL,
                        public_key BLOB NOT NULL,
                        signature BLOB NOT NULL
                    );
                    CREATE TRIGGER IF NOT EXISTS cuts_no_update BEFORE UPDATE ON cuts
                        BEGIN SELECT RAISE(ABORT, 'audit cuts are append-only'); END;
                    CREATE TRIGGER IF NOT EXISTS cuts_no_delete BEFORE DELETE ON cuts
                        BEGIN SELECT RAISE(ABORT, 'audit cuts are append-only'); END;
                    CREATE TABLE IF NOT EXISTS runs (
                        id INTEGER PRIMARY KEY,
                        host TEXT NOT NULL,
                        pid INTEGER NOT NULL,
                        actor TEXT NOT NULL,
                        started_at TEXT NOT NULL,
                        head_at_start INTEGER NOT NULL,
                        state TEXT NOT NULL DEFAULT 'running'
                    );
                    """)
            }
            try db.execute("PRAGMA user_version = \(Self.schemaVersion)")
            try db.execute("COMMIT")
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }

    /// The last record's sequence number and chain hash (0 and 32 zero bytes for an empty store).
    public func head() throws(AuditStoreError) -> (seq: Int64, chainHash: [UInt8]) {
        let stmt = try db.prepare("SELECT seq, chain_hash FROM records ORDER BY seq DESC LIMIT 1")
        guard try stmt.step() else { return (0, Array(repeating: 0, count: 32)) }
        return (stmt.int(0), stmt.blob(1))
    }

    /// Appends drafts in order, `batchSize` records per transaction, so a crash leaves a whole prefix.
    /// One writer at a time: each transaction takes SQLite's write lock before reading the head.
    /// - Returns: the sequence numbers assigned.
    @discardableResult
    public func append(
        _ drafts: [RecordDraft], actor: String, at time: Date? = nil, batchSize: Int = 1000
    ) throws(AuditStoreError) -> [Int64] {
        guard !isReadOnly else { throw AuditStoreError(.readOnly, id: "store.opened-read-only") }
        try Self.check(actor: actor)
        var assigned: [Int64] = []
        var start = 0
        while start < drafts.count {
            let chunk = drafts[start..<min(start + batchSize, drafts.count)]
            assigned += try appendTransaction(chunk, actor: actor, time: time)
            start += batchSize
        }
        return assigned
    }

    /// - Parameter time: the records' time; nil reads the clock once the write lock is held, so that writers
    ///   queued behind each other stamp their records in the order they are written.
    private func appendTransaction(
        _ drafts: ArraySlice<RecordDraft>, actor: String, time: Date?
    ) throws(AuditStoreError) -> [Int64] {
        try db.execute("BEGIN IMMEDIATE")
        do {
            let time = time ?? Date()
            var (seq, chain) = try head()
            let (stamp, clockRecord) = Self.stamping(time, after: try lastRecordStamp(), ids: &ids)
            let insert = try db.prepare(
                """
                INSERT INTO records (seq, record_id, recorded_at, actor, event, kind, decision_id, decision_date, unit,
                    verdict, body, leaf_hash, chain_hash, codec, dictionary, previous_chain_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            var assigned: [Int64] = []
            var added: [(RecordCompressor, Int64)] = []
            // The clock record first, then the drafts as they are: a draft is several arrays and references,
            // not worth copying into one array with it.
            func each(_ body: (borrowing RecordDraft) throws(AuditStoreError) -> Void) throws(AuditStoreError) {
                if let clockRecord { try body(clockRecord) }
                for i in drafts.indices { try body(drafts[i]) }
            }
            // The connection's mutex is taken once for the loop: each bind and step then re-enters it, where
            // each would take and release it (a tenth of the writer's time).
            try db.holdingMutex { () throws(AuditStoreError) in
                try each { (draft: borrowing RecordDraft) throws(AuditStoreError) in
                    // Every parameter is bound below on every run (the dictionary as null for a record kept whole).
                    insert.rerun()
                    seq += 1
                    let recordID = ids.next(at: time)
                    let previous = chain
                    let leaf: [UInt8]
                    if let sealed = draft.sealedParts(
                        actor: actor,
                        StoreFields(seq: seq, recordID: recordID, recordedAt: stamp, previousChainHash: previous))
                    {
                        leaf = sealed.leaf
                        insert.bind(11, sealed.compressed)
                        insert.bind(14, BodyCodec.zstd.rawValue)
                        insert.bind(15, try dictionaryID(of: sealed.compressor, added: &added))
                    } else {
                        let canonical = try AuditRecord.canonical(
                            seq: seq, recordID: recordID, recordedAt: stamp, actor: actor, previousChainHash: previous,
                            draft: draft)
                        leaf = HashChain.leaf(canonical)
                        insert.bind(11, canonical)
                        insert.bind(14, BodyCodec.canonical.rawValue)
                        insert.bind(15, nil as String?)
                    }
                    chain = HashChain.link(previous: previous, leaf: leaf)
                    insert.bind(1, seq)
                    insert.bind(2, recordID)
                    insert.bind(3, stamp)
                    insert.bind(4, actor)
                    insert.bind(5, draft.event)
                    insert.bind(6, draft.kind)
                    insert.bind(7, draft.decisionID)
                    insert.bind(8, draft.decisionDate)
                    insert.bind(9, draft.unit)
                    insert.bind(10, draft.verdict)
                    insert.bind(12, leaf)
                    insert.bind(13, chain)
                    insert.bind(16, previous)
                    _ = try insert.step()
                    if draft.event != Self.clockEvent { assigned.append(seq) }
                }
            }
            try checkpointIfDue(seq: seq, chain: chain, time: time)
            try db.execute("COMMIT")
            for (compressor, id) in added { dictionaryIDs[ObjectIdentifier(compressor)] = (compressor, id) }
            afterCommit()
            return assigned
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }

    /// The event of the record written before others when the clock reads earlier than the newest record's time.
    public static let clockEvent = "clock-backwards"

    private func lastRecordStamp() throws(AuditStoreError) -> (recordID: String, recordedAt: String)? {
        let stmt = try db.prepare("SELECT record_id, recorded_at FROM records ORDER BY seq DESC LIMIT 1")
        guard try stmt.step(), let id = stmt.text(0), let at = stmt.text(1) else { return nil }
        return (id, at)
    }

    static func clockBackwards(previous: String, now: String) -> RecordDraft {
        RecordDraft(
            event: clockEvent, kind: nil, decisionID: nil, decisionDate: nil, unit: nil, verdict: RecordVerdicts.none,
            body: [
                (
                    "clock",
                    .object([
                        ("previous_recorded_at", .string(previous)), ("recorded_at", .string(now)),
                        (
                            "note",
                            .string(
                                "the clock reads earlier than the newest record's time: records are ordered by `seq`, "
                                    + "never by time")
                        ),
                    ])
                )
            ])
    }

    /// The row of a compressor's dictionary, stored in this transaction (`added`) when it is not yet.
    private func dictionaryID(of compressor: RecordCompressor, added: inout [(RecordCompressor, Int64)])
        throws(AuditStoreError) -> Int64
    {
        if let (_, id) = dictionaryIDs[ObjectIdentifier(compressor)] { return id }
        if let (_, id) = added.first(where: { $0.0 === compressor }) { return id }
        let insert = try db.prepare("INSERT OR IGNORE INTO dictionaries (sha256, content) VALUES (?, ?)")
        insert.bind(1, compressor.sha256)
        insert.bind(2, compressor.content)
        _ = try insert.step()
        let find = try db.prepare("SELECT id FROM dictionaries WHERE sha256 = ?")
        find.bind(1, compressor.sha256)
        guard try find.step() else { throw AuditStoreError(.other, id: "store.dictionary-not-stored") }
        let id = find.int(0)
        added.append((compressor, id))
        return id
    }

    /// An actor names who ran the check: it may not be empty, blank or carry control characters (which could
    /// rewrite a terminal that lists the trail).
    public static func check(actor: String) throws(AuditStoreError) {
        if actor.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw AuditStoreError(.refused, id: "store.actor-empty")
        }
        if actor.unicodeScalars.contains(where: {
            $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
        }) {
            throw AuditStoreError(.refused, id: "store.actor-control")
        }
    }
}

/// The record's canonical bytes: the fixed header fields spliced, in canonical name order, between the
/// draft's already canonical body members. The same bytes `JCS.canonicalize` gives for the whole object.
enum AuditRecord {
    /// Whether a member name is one of the header's, which a body may not reuse: `seq`, `record_id`,
    /// `recorded_at`, `actor`, `event`, `bylaw_version`, `previous_chain_hash`.
    static func isHeaderName(_ name: String) -> Bool {
        switch name {
        case "seq", "record_id", "recorded_at", "actor", "event", "bylaw_version", "previous_chain_hash": true
        default: false
        }
    }

    static func canonical(
        seq: Int64, recordID: String, recordedAt: String, actor: String, previousChainHash: [UInt8], draft: RecordDraft
    ) throws(AuditStoreError) -> [UInt8] {
        // The members the draft holds and the three the writer knows (`StoredForm`), with the four the store
        // assigns merged in: the same bytes a compressed record is read back as.
        guard let form = StoredForm(draft: draft, actor: actor) else {
            let name = draft.allMembers.first { isHeaderName($0.name) }?.name ?? ""
            throw AuditStoreError(.other, id: "store.header-name", name)
        }
        return form.layout.canonical(
            of: form.stored,
            fields: StoreFields(
                seq: seq, recordID: recordID, recordedAt: recordedAt, previousChainHash: previousChainHash))
    }
}

/// The hash chain's two functions.
public enum HashChain {
    public static func leaf(_ canonical: [UInt8]) -> [UInt8] {
        var h = SHA256()
        h.update(data: [0x00])
        h.update(data: canonical)
        return Array(h.finalize())
    }

    public static func link(previous: [UInt8], leaf: [UInt8]) -> [UInt8] {
        var h = SHA256()
        h.update(data: [0x02])
        h.update(data: previous)
        h.update(data: leaf)
        return Array(h.finalize())
    }

    /// `link`, on hashes held inline: `verify` links every record, and this allocates nothing.
    static func link(previous: Hash32, leaf: Hash32) -> Hash32 {
        var h = SHA256()
        var tag = UInt8(0x02)
        withUnsafeBytes(of: &tag) { h.update(bufferPointer: $0) }
        previous.withBytes { h.update(bufferPointer: $0) }
        leaf.withBytes { h.update(bufferPointer: $0) }
        return Hash32(h.finalize())
    }
}

/// A SHA-256 value held inline, so that keeping, comparing or linking one allocates nothing.
struct Hash32: Equatable, Sendable {
    var value: SIMD32<UInt8>

    static let zero = Hash32(value: SIMD32(repeating: 0))

    init(value: SIMD32<UInt8>) { self.value = value }

    /// Nil unless `bytes` is 32 bytes long.
    init?(_ bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        value = bytes.withUnsafeBytes { $0.loadUnaligned(as: SIMD32<UInt8>.self) }
    }

    init(_ digest: SHA256Digest) {
        value = digest.withUnsafeBytes { $0.loadUnaligned(as: SIMD32<UInt8>.self) }
    }

    func withBytes<T>(_ body: (UnsafeRawBufferPointer) -> T) -> T {
        withUnsafeBytes(of: value) { body($0) }
    }

    var bytes: [UInt8] { withBytes { Array($0) } }
}
