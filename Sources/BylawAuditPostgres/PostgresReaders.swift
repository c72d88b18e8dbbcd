import BylawAudit
import Foundation

/// Read-only connections to one trail, kept open between requests: `bylaw serve`'s log routes take one for a
/// request and give it back, instead of connecting (a TCP and authentication round trip, and the schema check)
/// for every read. At most `limit` idle connections are kept; more readers at once each open their own, and
/// those beyond the limit are closed when given back. A connection the server closed is never handed out, nor
/// one idle for longer than `maxIdle` (a firewall or NAT may have dropped it without a word, and a request
/// would wait out the answer timeout on it).
public final class PostgresReaders: @unchecked Sendable {
    // INVARIANT: `idle` is touched only under `lock`; a trail in `idle` is used by no one.
    private let lock = NSLock()
    private var idle: [(trail: PostgresTrail, since: Date)] = []
    public let address: PostgresLocation
    public let limit: Int
    public let maxIdle: TimeInterval

    public init(_ address: PostgresLocation, limit: Int = 4, maxIdle: TimeInterval = 60) {
        self.address = address
        self.limit = max(0, limit)
        self.maxIdle = maxIdle
    }

    /// How many connections wait to be reused.
    public var idleCount: Int { lock.withLock { idle.count } }

    /// A reader for one request, given back to the pool when the lease is released.
    public func lease() throws(AuditStoreError) -> Lease {
        while let kept = lock.withLock({ idle.popLast() }) {
            if !kept.trail.session.isBroken, Date().timeIntervalSince(kept.since) < maxIdle {
                return Lease(kept.trail, pool: self)
            }
        }
        return Lease(try PostgresTrail(readingAt: address), pool: self)
    }

    fileprivate func giveBack(_ trail: PostgresTrail) {
        guard !trail.session.isBroken else { return }
        lock.withLock { if idle.count < limit { idle.append((trail, Date())) } }
    }

    /// One reader, lent to one user at a time; it goes back to its pool when the lease is released.
    public final class Lease: @unchecked Sendable {
        // INVARIANT: the lease's holder is the trail's only user until the lease is released.
        public let trail: PostgresTrail
        private let pool: PostgresReaders

        fileprivate init(_ trail: PostgresTrail, pool: PostgresReaders) {
            self.trail = trail
            self.pool = pool
        }

        deinit { pool.giveBack(trail) }
    }
}
