import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A monotonic clock reading in nanoseconds.
func nowNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// The calling thread's CPU time in nanoseconds: unlike the wall clock it does not count time the thread
/// spent waiting for a core, so figures stay meaningful while other work shares the machine.
func threadCPUNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// Runs `body` repeatedly for about `seconds` of CPU time after a warm-up and prints CPU nanoseconds per
/// call (the best of five rounds, to keep scheduler noise out of the figure). For CPU-bound work only:
/// time spent waiting on I/O is not counted.
@discardableResult
func measure(_ name: String, seconds: Double = 0.5, _ body: () -> Void) -> Double {
    for _ in 0..<1000 { body() }
    // Calls per clock reading: enough that one batch takes about a millisecond, so reading the thread's CPU
    // clock (a system call) adds well under a nanosecond to a call that itself takes a hundred.
    var batch = 1
    while true {
        let start = threadCPUNanos()
        for _ in 0..<batch { body() }
        if threadCPUNanos() - start >= 1_000_000 || batch >= 1 << 20 { break }
        batch *= 2
    }
    var best = Double.infinity
    for _ in 0..<5 {
        var iterations = 0
        let start = threadCPUNanos()
        let budget = UInt64(seconds / 5 * 1e9)
        while threadCPUNanos() - start < budget {
            for _ in 0..<batch { body() }
            iterations += batch
        }
        let per = Double(threadCPUNanos() - start) / Double(iterations)
        best = min(best, per)
    }
    print("\(name): \(formatNanos(best)) per call")
    return best
}

/// `123.4 ns`, `1.52 µs`, `3.1 ms`.
func formatNanos(_ ns: Double) -> String {
    if ns < 1_000 { return String(format: "%.1f ns", ns) }
    if ns < 1_000_000 { return String(format: "%.2f µs", ns / 1_000) }
    return String(format: "%.2f ms", ns / 1_000_000)
}

/// Keeps the optimiser from deleting a computation whose result is unused.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
