import BylawLocale
internal import CSQLite
import Foundation

/// A failure of the audit store: the operational error STYLE.md reports once at the top. Callers branch on
/// `kind` (retry while busy, say that the media is read-only), never on the message's words.
public struct AuditStoreError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as far as code needs to know.
    public enum Kind: Sendable, Equatable {
        /// Another connection holds the lock longer than the wait allowed.
        case busy
        /// The file or its folder cannot be written.
        case readOnly
        /// The disk is full.
        case full
        /// The file is not an audit store, or is damaged.
        case corrupt
        /// No store at the path (a read-only command never creates one).
        case notFound
        /// bylaw refuses the request itself (an empty actor, a symbolic link, a prune too young…).
        case refused
        /// Anything else.
        case other
    }

    public var kind: Kind
    /// The message in English: what logs, the trail's own records and `description` keep, whatever the
    /// language of the person reading.
    public var message: String
    /// The catalogue's entry for the message and its arguments, when it has one: `text(in:)` says it in either
    /// language.
    public private(set) var wording: Wording?

    /// A catalogue entry and what fills its `{0}`, `{1}`…
    public struct Wording: Sendable {
        public var id: String
        public var arguments: [String]
    }

    public init(_ message: String) { self.init(.other, message) }
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// An error said from the catalogue (`store.*`): English in `message`, either language from `text(in:)`.
    public init(_ kind: Kind, id: String, _ arguments: String...) {
        self.kind = kind
        wording = Wording(id: id, arguments: arguments)
        message = Language.english.text(id, arguments: arguments)
    }

    /// `error` as a store error, to be shown: itself when it is one, else with its description as the message
    /// (said the same in every language).
    public init(describing error: any Error) {
        self = (error as? AuditStoreError) ?? AuditStoreError("\(error)")
    }

    /// The message in `language`: from the catalogue when the error has an entry, else as written.
    public func text(in language: Language) -> String {
        guard let wording else { return message }
        // SQLite's and the system's own words inside the sentence, in the language too where known.
        return language.text(wording.id, arguments: wording.arguments.map { SystemWording.text($0, language) })
    }

    public var description: String { message }
}

/// One SQLite connection. The only place that sees SQLite's C types.
final class Database {
    // INVARIANT: `handle` is open from init until deinit; one thread uses a connection at a time.
    private let handle: OpaquePointer
    /// The file, named in the error for a damaged one (SQLite's own words name none).
    private let path: String

    /// `SQLITE_TRANSIENT`: SQLite copies bound buffers before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// - Parameters:
    ///   - readOnly: open without write access, as a URI with `mode=ro`; with `immutable`, also without the
    ///     shared-memory file, for a store on read-only media that no one writes meanwhile.
    init(path: String, readOnly: Bool = false, immutable: Bool = false, busyTimeoutMillis: Int32 = 2_000)
        throws(AuditStoreError)
    {
        var db: OpaquePointer?
        let rc: Int32
        if readOnly {
            let uri = Self.fileURI(path) + (immutable ? "?mode=ro&immutable=1" : "?mode=ro")
            rc = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX, nil)
        } else {
            rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nil)
        }
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let db { sqlite3_close_v2(db) }
            throw AuditStoreError(Self.kind(rc), id: "store.cannot-open", path, message)
        }
        handle = db
        self.path = path
        sqlite3_busy_timeout(db, busyTimeoutMillis)
    }

    /// `file:` URI of a path, with the characters URIs reserve escaped.
    static func fileURI(_ path: String) -> String {
        var out = "file:"
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "%"), 0..<0x21, 0x7F...:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            default: out += String(UnicodeScalar(byte))
            }
        }
        return out
    }

    /// The error kind of an SQLite result code.
    static func kind(_ rc: Int32) -> AuditStoreError.Kind {
        switch rc & 0xFF {
        case SQLITE_BUSY, SQLITE_LOCKED: .busy
        case SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN: .readOnly
        case SQLITE_FULL: .full
        case SQLITE_CORRUPT, SQLITE_NOTADB: .corrupt
        default: .other
        }
    }

    /// The kind of the connection's last error.
    var lastKind: AuditStoreError.Kind { Self.kind(sqlite3_extended_errcode(handle)) }

    deinit { sqlite3_close_v2(handle) }

    var lastError: String { String(cString: sqlite3_errmsg(handle)) }

    /// Copies the whole database into `other` with SQLite's online backup, as one consistent snapshot even
    /// while writers append (they wait for the copy's read transaction, not the other way round).
    func backup(into other: Database) throws(AuditStoreError) {
        guard let b = sqlite3_backup_init(other.handle, "main", handle, "main") else {
            throw AuditStoreError(other.lastKind, id: "store.backup-start", other.lastError)
        }
        let rc = sqlite3_backup_step(b, -1)
        let finish = sqlite3_backup_finish(b)
        guard rc == SQLITE_DONE, finish == SQLITE_OK else {
            throw AuditStoreError(
                Self.kind(rc == SQLITE_DONE ? finish : rc), id: "store.backup-failed", other.lastError)
        }
    }

    /// Runs statements that return no rows.
    func execute(_ sql: String) throws(AuditStoreError) {
        var error: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &error)
        guard rc == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? lastError
            sqlite3_free(error)
            throw failure(rc, message)
        }
    }

    /// The error for `rc`: SQLite's message, and for a damaged file (`database disk image is malformed`,
    /// `file is not a database`) the file it is about.
    func failure(_ rc: Int32, _ message: String) -> AuditStoreError {
        let kind = Self.kind(rc)
        switch kind {
        case .corrupt where !message.contains("`\(path)`"):
            return AuditStoreError(kind, id: "store.damaged", path, message)
        case .busy: return AuditStoreError(kind, id: "store.sqlite.busy", message)
        case .readOnly: return AuditStoreError(kind, id: "store.sqlite.read-only", message)
        case .full: return AuditStoreError(kind, id: "store.sqlite.full", message)
        default: return AuditStoreError(kind, id: "store.sqlite.other", message)
        }
    }

    /// Runs `body` holding the connection's own (recursive) mutex, so that the calls it makes take it without
    /// waiting: reading many rows then costs one lock, not one per column read.
    func holdingMutex<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        let mutex = sqlite3_db_mutex(handle)
        sqlite3_mutex_enter(mutex)
        defer { sqlite3_mutex_leave(mutex) }
        return try body()
    }

    func prepare(_ sql: String) throws(AuditStoreError) -> Statement {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v2(handle, sql, -1, &stmt, nil)
        guard rc == SQLITE_OK, let stmt else {
            throw failure(rc, lastError)
        }
        return Statement(stmt, db: self)
    }

    /// A prepared statement; finalised when released.
    final class Statement {
        private let stmt: OpaquePointer
        private let db: Database

        fileprivate init(_ stmt: OpaquePointer, db: Database) {
            self.stmt = stmt
            self.db = db
        }

        deinit { sqlite3_finalize(stmt) }

        func reset() {
            sqlite3_reset(stmt)
            sqlite3_clear_bindings(stmt)
        }

        /// Resets the statement to run again, keeping its bindings: for a caller that binds every parameter
        /// on every run (`reset` clears them, a cost per run).
        func rerun() { sqlite3_reset(stmt) }

        func bind(_ index: Int32, _ value: String?) {
            if var value {
                // The string's own UTF-8 with its length, a NUL included: no C string is made of it (one stopped
                // at a NUL, and the column then differed from the record it indexes: `verify` took that for
                // tampering).
                value.withUTF8 { text in
                    guard let base = text.baseAddress, !text.isEmpty else {
                        // An empty text, not null: SQLite reads a null pointer as null.
                        _ = sqlite3_bind_text(stmt, index, "", 0, Database.transient)
                        return
                    }
                    _ = sqlite3_bind_text(
                        stmt, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(text.count),
                        Database.transient)
                }
            } else {
                sqlite3_bind_null(stmt, index)
            }
        }

        func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(stmt, index, value) }

        func bind(_ index: Int32, _ bytes: [UInt8]) {
            _ = bytes.withUnsafeBytes {
                sqlite3_bind_blob(stmt, index, $0.baseAddress, Int32($0.count), Database.transient)
            }
        }

        /// Steps once: true when a row is available, false when done.
        func step() throws(AuditStoreError) -> Bool {
            let rc = sqlite3_step(stmt)
            if rc == SQLITE_ROW { return true }
            if rc == SQLITE_DONE { return false }
            throw db.failure(rc, db.lastError)
        }

        func int(_ column: Int32) -> Int64 { sqlite3_column_int64(stmt, column) }

        /// An integer column that may be NULL; nil also for a value that is not an integer.
        func optionalInt(_ column: Int32) -> Int64? {
            sqlite3_column_type(stmt, column) == SQLITE_INTEGER ? sqlite3_column_int64(stmt, column) : nil
        }

        /// A text column, all of its bytes (a NUL included) as UTF-8 repaired; nil for NULL.
        func text(_ column: Int32) -> String? {
            guard let p = sqlite3_column_text(stmt, column) else { return nil }
            let count = Int(sqlite3_column_bytes(stmt, column))
            return String(decoding: UnsafeBufferPointer(start: p, count: count), as: UTF8.self)
        }

        /// Appends a text column's bytes, as stored, to `out`; false, with nothing appended, for NULL.
        func appendText(_ column: Int32, to out: inout [UInt8]) -> Bool {
            guard let p = sqlite3_column_text(stmt, column) else { return false }
            out.append(contentsOf: UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(stmt, column))))
            return true
        }

        /// A 32-byte blob column as a hash held inline; nil for any other value.
        func hash(_ column: Int32) -> Hash32? {
            guard sqlite3_column_bytes(stmt, column) == 32, let p = sqlite3_column_blob(stmt, column) else {
                return nil
            }
            return Hash32(value: UnsafeRawPointer(p).loadUnaligned(as: SIMD32<UInt8>.self))
        }

        /// A blob column that may be NULL.
        func optionalBlob(_ column: Int32) -> [UInt8]? {
            sqlite3_column_type(stmt, column) == SQLITE_NULL ? nil : blob(column)
        }

        func blob(_ column: Int32) -> [UInt8] {
            let n = Int(sqlite3_column_bytes(stmt, column))
            guard n > 0, let p = sqlite3_column_blob(stmt, column) else { return [] }
            return Array(UnsafeRawBufferPointer(start: p, count: n))
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
