import BylawJobs
import BylawTestSupport
import Foundation
import Testing

/// The registry of batch runs: what a sweep removes, and when.
@Suite struct AuditRunsTests {
    static func runs(keep: Double, upload: Double) -> AuditRuns {
        AuditRuns(
            folder: Scratch.root.appendingPathComponent("runs-\(UUID().uuidString)").path, keepSeconds: keep,
            uploadSeconds: upload)
    }

    /// (name, seconds kept, seconds an upload may take, seconds after the reservation, still there)
    static let reservations: [(String, Double, Double, Double, Bool)] = [
        ("within both", 10, 30, 5, true),
        ("past the retention, the upload may still be arriving", 10, 30, 20, true),
        ("past both", 10, 30, 31, false),
        ("a retention longer than the upload's deadline decides", 60, 30, 45, true),
        ("a retention of 0 still waits for the upload", 0, 30, 1, true),
    ]

    @Test(
        "an upload reserved and not started is swept once neither its retention nor its deadline holds it",
        arguments: reservations)
    func reservedUploads(_ name: String, _ keep: Double, _ upload: Double, _ after: Double, _ kept: Bool) throws {
        let runs = Self.runs(keep: keep, upload: upload)
        let (_, folder) = try runs.reserve()
        runs.sweep(now: Date().addingTimeInterval(after))
        #expect(FileManager.default.fileExists(atPath: folder) == kept, "\(name)")
    }

    @Test("the service sweeps every half of the retention, from a second to a minute")
    func sweepInterval() {
        #expect(Self.runs(keep: 0, upload: 30).sweepSeconds == 1)
        #expect(Self.runs(keep: 10, upload: 30).sweepSeconds == 5)
        #expect(Self.runs(keep: 3600, upload: 30).sweepSeconds == 60)
    }
}
