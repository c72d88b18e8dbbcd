import Dispatch
import Foundation
import Hummingbird
import Synchronization

/// Runs the service as a process: reloads the rules on SIGHUP (and when their files change, unless
/// `watch_rules` is false), shuts down gracefully on SIGTERM and SIGINT (no new connection, the requests in
/// flight answered, then exit 0).
public enum ServiceRunner {
    /// SIGHUPs that arrived before the service was ready (`holdHangups`), each handled as a reload once it is.
    private static let early = Mutex(0)
    /// The SIGHUP source; set and used on the main thread only, before the server runs.
    nonisolated(unsafe) private static var hangups: (any DispatchSourceSignal)?

    /// Keeps a SIGHUP from ending the process while it starts (its default action): call first thing. A hangup
    /// that arrives before `run` is remembered, and the rules are reloaded once the service is up, since they
    /// may have changed after they were read.
    public static func holdHangups() {
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        source.setEventHandler { early.withLock { $0 += 1 } }
        source.resume()
        hangups = source
    }

    /// Never returns: the process exits when the server stops.
    /// - Parameter extraRoutes: more routes for the service's router (the web pages under `/ui/`).
    public static func run(
        _ service: BylawService, extraRoutes: ((Router<BasicRequestContext>, BylawService) -> Void)? = nil
    ) throws -> Never {
        let app = try service.application(
            extraRoutes: extraRoutes,
            onServerRunning: { channel in
                service.logger.notice(
                    "listening",
                    metadata: [
                        "address": "\(channel.localAddress?.description ?? "?")", "rules": "\(service.library.root)",
                        "audit": "\(service.configuration.audit ?? "none")",
                    ])
            })
        if hangups == nil { holdHangups() }
        hangups?.setEventHandler { service.reloadRules() }
        if early.withLock({ $0 }) > 0 { service.reloadRules() }
        let watch = service.configuration.watchRules ? service.watchRules() : nil
        Task {
            do {
                try await app.runService()
                watch?.stop()
                service.logger.notice("stopped")
                exit(0)
            } catch {
                service.logger.error("the server stopped on an error", metadata: ["error": "\(error)"])
                exit(2)
            }
        }
        dispatchMain()
    }
}
