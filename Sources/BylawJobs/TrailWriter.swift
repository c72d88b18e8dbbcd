import BylawAudit
import Foundation

/// The trail's single writer of a batch, on a thread of its own: the calling thread hands it a transaction's
/// chunks and goes on reading and feeding the workers while the records are chained, inserted and committed;
/// it takes back, in order, the chunks whose records are recorded, and only then reports them.
///
/// ```text
///   calling thread: consume ─> submit(transaction) ─┐        ┌─> committed() ─> report
///   writer thread:                                   └─ append ┘  (in order; stops at the first failure)
/// ```
/// At most `depth` transactions wait for the writer, so memory stays bounded when the store is slower than
/// the workers. After a failure, nothing more is appended; the calling thread gets the chunks recorded before
/// it, then the error.
final class TrailWriter<Chunk: Sendable>: @unchecked Sendable {
    // INVARIANT: `waiting`, `done`, `failure`, `closed` and `running` are read and written only under
    // `lock`; `recorder` is used only by the writer thread while it runs, and by the caller after `finish()`.
    private let lock = NSCondition()
    private var waiting: [[Chunk]] = []
    private var done: [[Chunk]] = []
    private var failure: RecordingFailure?
    private var closed = false
    private var running = false
    private let recorder: BatchRecorder
    private let depth: Int
    /// Moves a chunk's drafts out of it: they are freed on the writer thread once appended, and the chunk
    /// goes back to the calling thread with only what its report needs.
    private let take: @Sendable (inout Chunk) -> [RecordDraft]

    init(_ recorder: BatchRecorder, depth: Int = 2, take: @escaping @Sendable (inout Chunk) -> [RecordDraft]) {
        self.recorder = recorder
        self.depth = max(1, depth)
        self.take = take
        running = true
        let thread = Thread { [self] in self.writeLoop() }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Queues one transaction's chunks; waits while `depth` transactions are already queued.
    func submit(_ chunks: [Chunk]) {
        guard !chunks.isEmpty else { return }
        lock.lock()
        while waiting.count >= depth, failure == nil { lock.wait() }
        if failure == nil { waiting.append(chunks) }
        lock.signal()
        lock.unlock()
    }

    /// The chunks recorded since the last call, in order; throws once they are all taken and the writer failed.
    func committed() throws(RecordingFailure) -> [Chunk] {
        lock.lock()
        defer { lock.unlock() }
        let out = done.flatMap { $0 }
        done.removeAll()
        if out.isEmpty, let failure { throw failure }
        return out
    }

    /// Waits until every queued transaction is recorded (or the writer failed) and stops the thread.
    func finish() {
        lock.lock()
        closed = true
        lock.broadcast()
        while running { lock.wait() }
        lock.unlock()
    }

    private func writeLoop() {
        lock.lock()
        while true {
            if var transaction = waiting.first, failure == nil {
                lock.unlock()
                var result: RecordingFailure?
                do {
                    var drafts: [RecordDraft] = []
                    for k in transaction.indices { drafts += take(&transaction[k]) }
                    try recorder.append(drafts)
                } catch {
                    result = error
                }
                lock.lock()
                waiting.removeFirst()
                if let result {
                    failure = result
                    waiting.removeAll()
                } else {
                    done.append(transaction)
                }
                lock.broadcast()
                continue
            }
            if closed || failure != nil { break }
            lock.wait()
        }
        running = false
        lock.broadcast()
        lock.unlock()
    }
}
