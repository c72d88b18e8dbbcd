import BylawAudit
import Dispatch
import Foundation

/// Verifications of the whole trail started from the trail page: each runs on a thread of its own while the
/// page follows its progress (the last sequence number verified against the head when it started), kept in
/// memory for the account that started it so that a reload finds it; a restart forgets them.
public final class TrailVerifications: @unchecked Sendable {
    struct Run: Sendable {
        var id: String
        var owner: String
        /// The head's sequence number when the run started: what the bar runs to.
        var total: Int64
        /// The last sequence number verified so far.
        var through: Int64 = 0
        var report: VerifyReport?
        var failure: AuditStoreError?
        var finished: Bool { report != nil || failure != nil }
    }

    // INVARIANT: `runs` and `order` are read and written only under `lock`.
    private let lock = NSLock()
    private var runs: [String: Run] = [:]
    private var order: [String] = []
    /// How many runs are kept; the oldest finished ones are forgotten first.
    static let kept = 50

    public init() {}

    func get(_ id: String, owner: String) -> Run? {
        lock.withLock { runs[id].flatMap { $0.owner == owner ? $0 : nil } }
    }

    /// Keeps `run` as it is (tests show a run part-way through with it).
    func put(_ run: Run) {
        lock.withLock {
            if runs[run.id] == nil { order.append(run.id) }
            runs[run.id] = run
        }
    }

    private func update(_ id: String, _ change: (inout Run) -> Void) {
        lock.withLock {
            if var r = runs[id] {
                change(&r)
                runs[id] = r
            }
        }
    }

    /// Starts verifying the trail `open` opens, up to the head it has now; returns the run's id. While one
    /// of the account's runs is still going, that run is returned instead: a verification reads the whole
    /// trail on every core, and clicking again must not start another.
    func start(owner: String, open: @escaping @Sendable () throws -> AuditStore) throws -> String {
        if let running = lock.withLock({ runs.values.first { $0.owner == owner && !$0.finished }?.id }) {
            return running
        }
        let head = try open().head().seq
        let id = String(SessionStore.token().prefix(24))
        lock.withLock {
            runs[id] = Run(id: id, owner: owner, total: head)
            order.append(id)
            while order.count > Self.kept {
                guard let old = order.firstIndex(where: { runs[$0]?.finished ?? true }) else { break }
                runs.removeValue(forKey: order.remove(at: old))
            }
        }
        DispatchQueue.global(qos: .userInitiated).async {
            do {
                let report = try open().verify(progress: { seq in self.update(id) { $0.through = seq } })
                self.update(id) {
                    $0.through = report.headSeq
                    $0.report = report
                }
            } catch {
                self.update(id) { $0.failure = AuditStoreError(describing: error) }
            }
        }
        return id
    }
}
