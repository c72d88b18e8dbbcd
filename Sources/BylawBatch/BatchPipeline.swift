import Foundation

/// Works chunks on `jobs` worker threads while the calling thread reads the next chunks and consumes
/// finished ones in input order. At most `window` chunks are read and not yet consumed, so memory stays
/// bounded whatever the input's length; the order of `consume` calls is the order of `produce`'s chunks.
///
/// ```text
///   calling thread: produce ─┬─> queue ─> worker 1..jobs ─> finished[index] ─┬─> consume (in order)
///                            └──────────── at most `window` chunks in flight ─┘
/// ```
public final class BatchPipeline<Chunk: Sendable, Output: Sendable>: @unchecked Sendable {
    // INVARIANT: `queue`, `finished`, `closed` and `running` are read and written only under `lock`.
    private let lock = NSCondition()
    private var queue: [(Int, Chunk)] = []
    private var finished: [Int: Output] = [:]
    private var closed = false
    private var running = 0
    private let worker: @Sendable () -> (Chunk) -> Output

    private init(worker: @escaping @Sendable () -> (Chunk) -> Output) {
        self.worker = worker
    }

    /// Runs the pipeline to the end of `produce`'s chunks, or until `consume` throws (then no more chunks are
    /// read, the workers stop after their current chunk and the error is rethrown). Every worker thread calls
    /// `worker` once, as it starts, and works all its chunks with the function that returns: state of its own.
    public static func run(
        jobs: Int, window: Int, produce: () -> Chunk?, worker: @escaping @Sendable () -> (Chunk) -> Output,
        consume: (Output) throws -> Void
    ) rethrows {
        let pipeline = BatchPipeline(worker: worker)
        pipeline.start(jobs: max(1, jobs))
        defer { pipeline.stop() }
        var submitted = 0
        var consumed = 0
        var exhausted = false
        while true {
            while !exhausted, submitted - consumed < max(1, window) {
                guard let chunk = produce() else {
                    exhausted = true
                    break
                }
                pipeline.submit(submitted, chunk)
                submitted += 1
            }
            if consumed == submitted { return }
            try consume(pipeline.result(consumed))
            consumed += 1
        }
    }

    private func start(jobs: Int) {
        running = jobs
        for _ in 0..<jobs {
            let thread = Thread { [self] in self.workLoop() }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    private func submit(_ index: Int, _ chunk: Chunk) {
        lock.lock()
        queue.append((index, chunk))
        lock.signal()
        lock.unlock()
    }

    /// Waits for chunk `index` and takes its output.
    private func result(_ index: Int) -> Output {
        lock.lock()
        defer { lock.unlock() }
        while true {
            if let out = finished.removeValue(forKey: index) { return out }
            lock.wait()
        }
    }

    /// Tells the workers to finish and waits until they have.
    private func stop() {
        lock.lock()
        closed = true
        queue.removeAll()
        lock.broadcast()
        while running > 0 { lock.wait() }
        lock.unlock()
    }

    private func workLoop() {
        let work = worker()
        lock.lock()
        while true {
            if closed { break }
            if queue.isEmpty {
                lock.wait()
                continue
            }
            let (index, chunk) = queue.removeFirst()
            lock.unlock()
            let out = work(chunk)
            lock.lock()
            finished[index] = out
            lock.broadcast()
        }
        running -= 1
        lock.broadcast()
        lock.unlock()
    }
}
