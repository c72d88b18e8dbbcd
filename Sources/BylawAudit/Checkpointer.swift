import Foundation

/// Copies the store's write-ahead log back into the database file on a thread of its own, for a long batch.
///
/// SQLite normally checkpoints inside the commit that fills the log, on the writing thread: with records of
/// several kilobytes that is as many bytes again read and written, and a flush, on the thread every record
/// waits for. Here the writer's connection stops checkpointing (`wal_autocheckpoint=0`) and, after each
/// commit, wakes this thread, which checkpoints through its own connection in `PASSIVE` mode: it never
/// blocks the writer, and what it cannot copy yet it copies next time. Durability does not depend on it: a
/// committed transaction is already flushed in the log. If the writer outruns it and the log passes
/// `logLimit`, the writer checkpoints itself once (`AuditStore`), so the log stays bounded.
public final class Checkpointer: @unchecked Sendable {
    // INVARIANT: `pending` and `stopping` are read and written only under `condition`; `db` is used only by
    // the checkpointing thread, then closed by `stop()` after that thread has finished.
    private let condition = NSCondition()
    private var pending = false
    /// A passive round is running (the writer's own checkpoint cannot run beside it).
    private var copying = false
    private var stopping = false
    private var finished = false
    private var db: Database?

    /// A log longer than this (bytes) by default makes the writer checkpoint itself.
    public static let logLimit = 256 << 20

    /// - Parameter running: false only in tests, for a checkpointer that never gets to run (the writer's
    ///   limit alone then bounds the log).
    init(path: String, busyTimeoutMillis: Int32, running: Bool = true) throws(AuditStoreError) {
        db = try Database(path: path, busyTimeoutMillis: busyTimeoutMillis)
        guard running else {
            finished = true
            return
        }
        let thread = Thread { [self] in run() }
        thread.start()
    }

    /// A transaction was committed: there is log to copy.
    func committed() {
        condition.lock()
        pending = true
        condition.signal()
        condition.unlock()
    }

    /// Waits for the round this thread is running, if any: a checkpoint of the writer's own is refused while
    /// one runs.
    func waitForRound() {
        condition.lock()
        while copying { condition.wait() }
        condition.unlock()
    }

    /// Stops the thread after the checkpoint it is running, and closes its connection.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
        db = nil
    }

    private func run() {
        condition.lock()
        while true {
            while !pending && !stopping { condition.wait() }
            if stopping { break }
            pending = false
            copying = true
            condition.unlock()
            // A busy or failed round leaves the pages in the log, which stays valid; the next commit retries.
            if let stmt = try? db?.prepare("PRAGMA wal_checkpoint(PASSIVE)") { _ = try? stmt.step() }
            condition.lock()
            copying = false
            condition.broadcast()
        }
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
