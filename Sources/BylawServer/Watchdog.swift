import Foundation

/// Request deadlines kept by one thread. A deadline per request as `Task.sleep` armed a libdispatch timer
/// each time, and the timers' manager thread cost near a tenth of a check under load; here a request parks a
/// continuation and one thread, waking every `resolution`, resumes those whose time has come. A request that
/// ends first cancels its wait, which resumes it at once.
final class Watchdog: @unchecked Sendable {
    static let shared = Watchdog(resolution: 0.05)

    private final class Wait: @unchecked Sendable {
        enum State {
            case pending
            case waiting(CheckedContinuation<Void, Never>)
            case cancelled
            case done
        }
        // INVARIANT: `state` is read and written only under the watchdog's `lock`.
        var state = State.pending
        let deadline: UInt64
        init(deadline: UInt64) { self.deadline = deadline }
    }

    // INVARIANT: `waits` and every wait's `state` are read and written only under `lock`.
    private let lock = NSLock()
    private var waits: [ObjectIdentifier: Wait] = [:]
    private let resolution: Double

    init(resolution: Double) {
        self.resolution = resolution
        let thread = Thread { [self] in
            while true {
                Thread.sleep(forTimeInterval: self.resolution)
                fire(now: DispatchTime.now().uptimeNanoseconds)
            }
        }
        thread.name = "bylaw-deadlines"
        thread.start()
    }

    /// Returns once `seconds` have passed, or at once when the calling task is cancelled.
    func wait(seconds: Double) async {
        let w = Wait(deadline: DispatchTime.now().uptimeNanoseconds + UInt64(max(0, seconds) * 1e9))
        await withTaskCancellationHandler {
            await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
                lock.lock()
                if case .cancelled = w.state {
                    w.state = .done
                    lock.unlock()
                    c.resume()
                    return
                }
                w.state = .waiting(c)
                waits[ObjectIdentifier(w)] = w
                lock.unlock()
            }
        } onCancel: {
            lock.lock()
            switch w.state {
            case .pending:
                w.state = .cancelled
                lock.unlock()
            case .waiting(let c):
                w.state = .done
                waits[ObjectIdentifier(w)] = nil
                lock.unlock()
                c.resume()
            case .cancelled, .done:
                lock.unlock()
            }
        }
    }

    private func fire(now: UInt64) {
        var due: [CheckedContinuation<Void, Never>] = []
        lock.lock()
        for (key, w) in waits where w.deadline <= now {
            if case .waiting(let c) = w.state { due.append(c) }
            w.state = .done
            waits[key] = nil
        }
        lock.unlock()
        for c in due { c.resume() }
    }
}
