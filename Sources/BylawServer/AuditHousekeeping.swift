import BylawJobs
import Foundation
import Logging
import ServiceLifecycle

/// Runs beside the server for as long as it serves: sweeps the batch audits kept past their time (so an idle
/// service frees their files too, not only one that gets requests), and when the service stops — gracefully
/// (SIGTERM, SIGINT) or cancelled — stops the audits still running, so that each ends in the trail with its
/// `audit-cancelled` record instead of being left open.
struct AuditHousekeeping: Service {
    let audits: AuditRuns
    let logger: Logger
    /// How long a stop waits for the running audits to end (each stops at its next chunk).
    static let stopSeconds = 30.0

    func run() async throws {
        let audits = audits
        let interval = Duration.milliseconds(Int64(audits.sweepSeconds * 1000))
        // Until the service shuts down gracefully (the sleep then ends as cancelled) or this task is cancelled.
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                audits.sweep()
            }
        }
        // The wait blocks a thread of its own, not one of the cooperative pool.
        let stopped = await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: audits.stopAll(waitingUpTo: Self.stopSeconds)) }
        }
        if stopped > 0 { logger.notice("batch audits stopped", metadata: ["audits": "\(stopped)"]) }
    }
}
