import Foundation

/// Threads of their own for a server run inside the test process.
///
/// Swift Testing runs the whole suite in one process, on the cooperative pool, which has one thread per core.
/// Many tests block a thread of that pool while a child `bylaw` process runs, and on a loaded 2-core machine
/// they can hold every thread for minutes: a server whose tasks wait for that pool then answers nothing, and
/// every in-process server stalls at once (the hang seen on CI). A server started as
/// `Task(executorPreference: ServerExecutor.shared)` runs its tasks (and the child tasks its task groups make)
/// on these threads instead, so it answers whatever the rest of the suite is doing.
public final class ServerExecutor: TaskExecutor, @unchecked Sendable {
    public static let shared = ServerExecutor(threads: 4)

    // INVARIANT: `jobs` and `head` are read and written only under `condition`.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var head = 0

    init(threads: Int) {
        for k in 0..<threads {
            let thread = Thread { [self] in
                while true { next().runSynchronously(on: asUnownedTaskExecutor()) }
            }
            thread.name = "test-server-\(k)"
            thread.start()
        }
    }

    private func next() -> UnownedJob {
        condition.lock()
        defer { condition.unlock() }
        while head == jobs.count { condition.wait() }
        let job = jobs[head]
        head += 1
        if head == jobs.count {
            jobs.removeAll(keepingCapacity: true)
            head = 0
        }
        return job
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        condition.lock()
        jobs.append(unowned)
        condition.signal()
        condition.unlock()
    }
}
