import BylawAudit
import BylawServer
import Foundation
import Synchronization
import Testing

/// A trail that takes a while to commit (as a disk flush does) and remembers each transaction.
final class SlowTrail: AuditTrail, @unchecked Sendable {
    // INVARIANT: `transactions` and `next` are touched only under `lock`.
    private let lock = NSLock()
    private(set) var transactions: [(actor: String, count: Int)] = []
    private var next: Int64 = 1
    let fails: Bool

    init(fails: Bool = false) { self.fails = fails }

    func append(_ drafts: [RecordDraft], actor: String, at time: Date?, batchSize: Int) throws(AuditStoreError)
        -> [Int64]
    {
        Thread.sleep(forTimeInterval: 0.05)
        if fails { throw AuditStoreError(.full, "the disk is full") }
        lock.lock()
        defer { lock.unlock() }
        transactions.append((actor, drafts.count))
        let seqs = (0..<Int64(drafts.count)).map { next + $0 }
        next += Int64(drafts.count)
        return seqs
    }
    func receipt(seq: Int64) throws(AuditStoreError) -> Receipt? { nil }
    func beginBatch(actor: String) throws(AuditStoreError) -> Int64 { 0 }
    func endBatch(_ run: Int64) throws(AuditStoreError) {}
    func signCheckpointIfConfigured() throws(AuditStoreError) {}
}

@Suite("group commit")
struct GroupCommitTests {
    static func draft(_ k: Int) -> RecordDraft {
        RecordDraft(
            event: "check", kind: "k", decisionID: "d\(k)", decisionDate: nil, unit: nil, verdict: "compliant",
            body: [])
    }

    /// Appends from `threads` threads at once; each thread's sequence numbers or error.
    static func appendConcurrently(_ trail: GroupCommitTrail, threads: Int, actor: (Int) -> String)
        -> [Result<[Int64], AuditStoreError>]
    {
        final class Results: Sendable {
            let values: Mutex<[Result<[Int64], AuditStoreError>?]>
            init(_ n: Int) { values = Mutex(.init(repeating: nil, count: n)) }
        }
        let results = Results(threads)
        let actors = (0..<threads).map(actor)
        // A thread each, not `concurrentPerform`: that runs as many at once as there are cores, so on a busy
        // machine of two the appends arrived one or two at a time and nothing was left to share a commit.
        let done = DispatchGroup()
        for k in 0..<threads {
            done.enter()
            Thread {
                let r: Result<[Int64], AuditStoreError>
                do throws(AuditStoreError) {
                    r = .success(try trail.append([draft(k), draft(k)], actor: actors[k], at: nil, batchSize: 2))
                } catch {
                    r = .failure(error)
                }
                results.values.withLock { $0[k] = r }
                done.leave()
            }.start()
        }
        done.wait()
        return results.values.withLock { $0.compactMap { $0 } }
    }

    @Test("concurrent appends share commits, and each gets back its own records' numbers in order")
    func shares() {
        let inner = SlowTrail()
        let trail = GroupCommitTrail(inner)
        let results = Self.appendConcurrently(trail, threads: 16) { _ in "hr-system" }
        let seqs = results.compactMap { try? $0.get() }
        #expect(seqs.count == 16)
        #expect(seqs.allSatisfy { $0.count == 2 && $0[1] == $0[0] + 1 })
        #expect(Set(seqs.flatMap { $0 }) == Set(1...32))
        // 16 requests of 50 ms each would take 16 commits one by one; queued together they take far fewer.
        #expect(trail.commits < 16)
        #expect(inner.transactions.count == trail.commits)
    }

    @Test("records of different actors are never committed under one actor")
    func actors() {
        let inner = SlowTrail()
        let trail = GroupCommitTrail(inner)
        _ = Self.appendConcurrently(trail, threads: 8) { $0 % 2 == 0 ? "even" : "odd" }
        #expect(inner.transactions.reduce(0) { $0 + $1.count } == 16)
        #expect(Set(inner.transactions.map(\.actor)) == ["even", "odd"])
    }

    @Test("when the commit fails, every request in it gets the error")
    func failure() {
        let trail = GroupCommitTrail(SlowTrail(fails: true))
        let results = Self.appendConcurrently(trail, threads: 8) { _ in "a" }
        #expect(results.count == 8)
        #expect(results.allSatisfy { if case .failure(let e) = $0 { e.kind == .full } else { false } })
    }
}
