import Dispatch
import Foundation
import Hummingbird

/// Runs the service as a process: reloads the rules on SIGHUP, shuts down gracefully on SIGTERM and SIGINT
/// (no new connection, the requests in flight answered, then exit 0).
public enum ServiceRunner {
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
        signal(SIGHUP, SIG_IGN)
        let hangup = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        hangup.setEventHandler { service.reloadRules() }
        hangup.resume()
        Task {
            do {
                try await app.runService()
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
