import BylawTestSupport
import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import Testing

@testable import BylawAudit
@testable import BylawJobs
@testable import BylawServer

/// What the service does with batch audits when nobody asks: it ends the running ones in the trail when it
/// shuts down, and it removes the old ones with no request arriving.
extension AuditsTests {
    /// An upload of `count` copies of the first record of the shipped JSON Lines export.
    static func bigUpload(_ count: Int) throws -> (Data, String) {
        let line =
            try Self.text(Self.examples.appendingPathComponent("export.jsonl")).split(separator: "\n")
            .first.map(String.init) ?? ""
        let exportMap = try Self.text(Self.examples.appendingPathComponent("export-map.yaml"))
        return Self.form(
            [("mapping", exportMap)], file: ("big.jsonl", Data(String(repeating: line + "\n", count: count).utf8)))
    }

    /// The state of every batch run registered in the store's bookkeeping.
    static func runStates(_ path: String) throws -> [String] {
        let store = try AuditStore(readingAt: path)
        let stmt = try store.db.prepare("SELECT state FROM runs ORDER BY id")
        var states: [String] = []
        while try stmt.step() { states.append(stmt.text(0) ?? "") }
        return states
    }

    @Test("a graceful shutdown stops a running audit, which ends in the trail with its record; the trail verifies")
    func shutdownEndsRunningAudits() async throws {
        let store = TestServer.freshStore()
        var logger = Logger(label: "bylaw.serve.test")
        logger.logLevel = .critical
        let service = try BylawService(configuration: Self.configuration(audit: store), logger: logger)
        let bound = Mutex<Int?>(nil)
        let app = try service.application(onServerRunning: { channel in
            bound.withLock { $0 = channel.localAddress?.port }
        })
        // As `bylaw serve` runs it on SIGTERM: a service group shut down gracefully.
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let task = Task(executorPreference: ServerExecutor.shared) { try await group.run() }
        defer { task.cancel() }
        var port: Int?
        for _ in 0..<500 where port == nil {
            port = bound.withLock { $0 }
            if port == nil { try await Task.sleep(for: .milliseconds(10)) }
        }
        let s = TestServer(service: service, port: try #require(port, "the server did not start"))

        // The run holds after its first progress until it is stopped: the shutdown certainly meets it running.
        service.audits.holdsRunsUntilCancelled = true
        let (body, type) = try Self.bigUpload(5_000)
        let started = try await s.call("POST", "/v1/audits", body: body, as: "auditor", headers: ["Content-Type": type])
        #expect(started.status == 202, "\(started.text)")
        let id = try #require(started.object["id"] as? String)
        // Shut down once the run has recorded something and is still going.
        var judged = 0
        for _ in 0..<1200 where judged == 0 {
            let r = try await s.call("GET", "/v1/audits/\(id)", as: "auditor")
            #expect(r.object["state"] as? String == "running", "the run ended before the shutdown: \(r.text)")
            judged = r.object["records_judged"] as? Int ?? 0
            if judged == 0 { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(judged > 0 && judged < 5_000)
        await group.triggerGracefulShutdown()
        try await task.value

        #expect(service.audits.cancel(id, owner: "svc-auditor")?.state == .cancelled)
        let trail = try AuditStore(readingAt: store)
        var filter = RecordFilter()
        filter.limit = 10_000
        let records = try trail.list(filter)
        let last = try #require(records.max { $0.seq < $1.seq })
        #expect(last.event == RunRecord.cancelledEvent)
        #expect(last.actor == "svc-auditor")
        let decisions = records.filter { $0.event == AuditJob.event }.count
        #expect(decisions >= judged && decisions < 5_000)
        let text = String(decoding: try #require(try trail.canonical(of: "\(last.seq)")), as: UTF8.self)
        #expect(text.contains("\"records\":\(decisions)"), "the record counts what was recorded: \(text)")
        #expect(try Self.runStates(store) == ["ended"], "the run is ended in the bookkeeping")
        #expect(try trail.verify().ok)
    }

    @Test("a finished audit past its retention is removed with its files, with no request arriving")
    func idleSweep() async throws {
        let store = TestServer.freshStore()
        // Kept 2 s, so swept every second; long enough that an upload is never swept before it starts.
        let configuration = Self.configuration(audit: store) { $0.auditRetentionSeconds = 2 }
        try await TestServer.with(configuration) { s in
            #expect(s.service.audits.sweepSeconds == 1)
            let (body, type) = try Self.bigUpload(3)
            let started = try await s.call(
                "POST", "/v1/audits", body: body, as: "auditor", headers: ["Content-Type": type])
            #expect(started.status == 202, "\(started.text)")
            let id = try #require(started.object["id"] as? String)
            // The folder may already be gone by the time this test runs again on a loaded machine: the trail's
            // run record below shows the run was there.
            let folder = s.service.audits.folder(of: id)
            // No request from here on: only the service's own sweep can remove the folder.
            var gone = false
            for _ in 0..<300 where !gone {
                try await Task.sleep(for: .milliseconds(50))
                gone = !FileManager.default.fileExists(atPath: folder)
            }
            #expect(gone, "the run's folder is still there")
            // It had finished (its run record is in the trail) before it was swept.
            let records = try AuditStore(readingAt: store).list(RecordFilter())
            #expect(
                records.sorted { $0.seq < $1.seq }.map(\.event) == [
                    AuditJob.event, AuditJob.event, AuditJob.event, RunRecord.event,
                ])
            #expect(s.service.audits.cancel(id, owner: "svc-auditor") == nil, "the run is forgotten")
        }
    }
}
