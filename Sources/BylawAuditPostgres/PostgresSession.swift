import BylawAudit
import Foundation
import Logging
import PostgresNIO

/// One connection to the server, used synchronously: each call waits, on the calling thread, for the future
/// the event loop completes. The caller must not be an event-loop thread (NIO checks that); from async code
/// use the `async` variants of `PostgresTrail`, which run the wait on a thread of their own.
final class PostgresSession: @unchecked Sendable {
    // INVARIANT: one thread uses a session at a time (as a SQLite connection); the connection is thread-safe.
    let connection: PostgresConnection
    let location: PostgresLocation
    /// How long a statement's answer is waited for: the lock wait and 20 s for the work itself.
    let answerWaitMillis: Int64
    /// Set when an answer did not come in time: the connection is being closed and is never used again.
    private var abandoned = false
    /// Whether the connection is closed or abandoned: nothing more is sent on it.
    var isBroken: Bool { abandoned || connection.isClosed }
    static let logger = Logger(label: "bylaw.audit.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Connects, and sets how long a lock (the chain's, the schema's) may be waited for.
    init(_ location: PostgresLocation, lockWaitMillis: Int32) throws(AuditStoreError) {
        self.location = location
        answerWaitMillis = Int64(max(1, lockWaitMillis)) + 20_000
        let configuration = try location.configuration()
        do {
            connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 1,
                logger: Self.logger
            ).wait()
        } catch {
            throw Self.failure(error, location, connecting: true)
        }
        try execute("SET lock_timeout = '\(max(1, lockWaitMillis))ms'")
    }

    /// Waits for the connection to close (postgres-nio requires a connection closed before it is released).
    deinit { try? connection.close().wait() }

    /// Runs a statement and returns every row (callers page through large results with keyset queries).
    @discardableResult
    func query(_ query: PostgresQuery) throws(AuditStoreError) -> [PostgresRow] {
        // A query sent on a connection the server has closed would never be answered: fail closed at once.
        guard !isBroken else { throw Self.lost(location) }
        // A query sent just as the server closes the connection (a restart) may never be answered: the wait is
        // bounded, and a connection that overstays it is closed, so the caller fails closed instead of hanging
        // (and the trail connects again for its next transaction).
        let answered = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        connection.query(query, logger: Self.logger).whenComplete { result in
            outcome.set(result.map(\.rows))
            answered.signal()
        }
        guard answered.wait(timeout: .now() + .milliseconds(Int(answerWaitMillis))) == .success else {
            abandoned = true
            connection.close().whenComplete { _ in }
            throw AuditStoreError(.busy, id: "store.pg.no-answer", "\(location)", String(answerWaitMillis / 1000))
        }
        switch outcome.get() {
        case .success(let rows): return rows
        case .failure(let error): throw Self.failure(error, location, connecting: false)
        case nil: throw Self.lost(location)
        }
    }

    /// A query's result, handed from the event loop to the waiting thread.
    private final class Outcome: @unchecked Sendable {
        // INVARIANT: `value` is written once on the event loop before the semaphore is signalled, read after.
        private let lock = NSLock()
        private var value: Result<[PostgresRow], any Error>?
        func set(_ v: Result<[PostgresRow], any Error>) { lock.withLock { value = v } }
        func get() -> Result<[PostgresRow], any Error>? { lock.withLock { value } }
    }

    func execute(_ sql: String) throws(AuditStoreError) {
        try query(PostgresQuery(unsafeSQL: sql))
    }

    /// Runs `body` in a transaction; rolls back when it throws (a lost connection has rolled back already).
    func transaction<T>(_ begin: String = "BEGIN", _ body: () throws(AuditStoreError) -> T) throws(AuditStoreError)
        -> T
    {
        try execute(begin)
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// A cell, decoded, or `.corrupt` when it is not of the type the schema says.
    static func decode<T: PostgresDecodable>(_ row: PostgresRow, _ column: Int, as type: T.Type)
        throws(AuditStoreError) -> T
    {
        do {
            return try row.makeRandomAccess()[column].decode(T.self)
        } catch {
            throw AuditStoreError(.corrupt, id: "store.pg.column-type", String(column))
        }
    }

    static func bytes(_ row: PostgresRow, _ column: Int) throws(AuditStoreError) -> [UInt8] {
        Array(try decode(row, column, as: ByteBuffer.self).readableBytesView)
    }

    /// A PostgreSQL failure as the audit store's error: its kind from the SQLSTATE, its message from the
    /// server (postgres-nio's own description hides it), or the lost connection said plainly.
    static func failure(_ error: any Error, _ location: PostgresLocation, connecting: Bool) -> AuditStoreError {
        guard let error = error as? PSQLError else {
            return AuditStoreError(.other, id: "store.pg.error", "\(location)", "\(error)")
        }
        if let info = error.serverInfo {
            let state = info[.sqlState] ?? ""
            let message = info[.message] ?? "an error with SQLSTATE \(state)"
            let kind: AuditStoreError.Kind
            switch state {
            case "25006": kind = .readOnly
            case "55P03", "40P01", "57014": kind = .busy
            case "53100": kind = .full
            case "3D000": kind = .notFound
            case "42501", "28000", "28P01": kind = .refused
            default: kind = .other
            }
            let why = state == "25006" ? "the database is read-only (\(message))" : message
            return AuditStoreError(kind, id: "store.pg.error", "\(location)", why)
        }
        switch error.code {
        case .connectionError where connecting:
            return AuditStoreError(.other, id: "store.pg.cannot-connect", "\(location)")
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
            return lost(location)
        case .authMechanismRequiresPassword:
            return AuditStoreError(.refused, id: "store.pg.password", "\(location)")
        default:
            return AuditStoreError(.other, id: "store.pg.error", "\(location)", "\(error.code)")
        }
    }

    static func lost(_ location: PostgresLocation) -> AuditStoreError {
        AuditStoreError(.other, id: "store.pg.lost", "\(location)")
    }
}
