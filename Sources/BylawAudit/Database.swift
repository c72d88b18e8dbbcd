import CSQLite
import Foundation

/// A failure of the audit store: the operational error STYLE.md reports once at the top.
public struct AuditStoreError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// One SQLite connection. The only place that sees SQLite's C types.
final class Database {
    // INVARIANT: `handle` is open from init until deinit; one thread uses a connection at a time.
    private let handle: OpaquePointer

    /// `SQLITE_TRANSIENT`: SQLite copies bound buffers before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(path: String, readOnly: Bool = false, busyTimeoutMillis: Int32 = 10_000) throws(AuditStoreError) {
        var db: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let rc = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_FULLMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let db { sqlite3_close_v2(db) }
            throw AuditStoreError("cannot open audit store `\(path)`: \(message)")
        }
        handle = db
        sqlite3_busy_timeout(db, busyTimeoutMillis)
    }

    deinit { sqlite3_close_v2(handle) }

    var lastError: String { String(cString: sqlite3_errmsg(handle)) }

    /// Runs statements that return no rows.
    func execute(_ sql: String) throws(AuditStoreError) {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? lastError
            sqlite3_free(error)
            throw AuditStoreError(message)
        }
    }

    func prepare(_ sql: String) throws(AuditStoreError) -> Statement {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &stmt, nil) == SQLITE_OK, let stmt else {
            throw AuditStoreError(lastError)
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

        func bind(_ index: Int32, _ value: String?) {
            if let value {
                sqlite3_bind_text(stmt, index, value, -1, Database.transient)
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
            throw AuditStoreError(db.lastError)
        }

        func int(_ column: Int32) -> Int64 { sqlite3_column_int64(stmt, column) }

        /// An integer column that may be NULL; nil also for a value that is not an integer.
        func optionalInt(_ column: Int32) -> Int64? {
            sqlite3_column_type(stmt, column) == SQLITE_INTEGER ? sqlite3_column_int64(stmt, column) : nil
        }

        func text(_ column: Int32) -> String? {
            guard let p = sqlite3_column_text(stmt, column) else { return nil }
            return String(cString: p)
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
