import BylawJobs
import Foundation

/// Reloads the service's rules when a file under the rules folder is added, removed or changed, as SIGHUP does:
/// the new library is put in force in one step if it loads, else its diagnostics are logged and the old one
/// keeps serving. It looks every `interval` seconds on a thread of its own until stopped.
public final class RulesWatch: @unchecked Sendable {
    // INVARIANT: `stopped` is read and written only under `lock`.
    private let lock = NSLock()
    private var stopped = false

    init(_ service: BylawService, interval: Double) {
        // The files as they are now, read before `watchRules` returns: a change made right after is seen.
        let start = FileWatcher(roots: [service.library.root])
        let thread = Thread { [self] in
            var watcher = start
            while !lock.withLock({ stopped }) {
                Thread.sleep(forTimeInterval: interval)
                guard !lock.withLock({ stopped }), let changed = watcher.poll() else { continue }
                service.logger.notice("rules changed", metadata: ["file": "\(changed)"])
                service.reloadRules()
            }
        }
        thread.start()
    }

    /// Stops looking (after the look under way, if any).
    public func stop() { lock.withLock { stopped = true } }
}

extension BylawService {
    /// Starts reloading the rules when their files change.
    public func watchRules(every interval: Double = 1) -> RulesWatch { RulesWatch(self, interval: interval) }
}
