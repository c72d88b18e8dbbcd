import Bylaw
import BylawBatch
import BylawTestSupport
import Foundation
import Testing

@testable import BylawAudit
@testable import BylawJobs

/// A trail that keeps records in memory, slowly, from any thread: `audit` appends on a writer thread of its
/// own while the calling thread reports.
final class SlowTrail: AuditTrail, @unchecked Sendable {
    // INVARIANT: `recorded` and `ended` are read and written only under `lock`.
    private let lock = NSLock()
    private var recorded: [RecordDraft] = []
    private var ended = false

    var count: Int { lock.withLock { recorded.count } }
    var drafts: [RecordDraft] { lock.withLock { recorded } }
    var batchEnded: Bool { lock.withLock { ended } }

    func append(_ drafts: [RecordDraft], actor: String, at time: Date?, batchSize: Int) throws(AuditStoreError)
        -> [Int64]
    {
        // Slower than the workers, so that chunks wait for their transaction.
        usleep(2_000)
        return lock.withLock {
            let first = Int64(recorded.count) + 1
            recorded += drafts
            return Array(first..<first + Int64(drafts.count))
        }
    }

    func receipt(seq: Int64) throws(AuditStoreError) -> Receipt? { nil }
    func beginBatch(actor: String) throws(AuditStoreError) -> Int64 { 1 }
    func endBatch(_ run: Int64) throws(AuditStoreError) { lock.withLock { ended = true } }
    func signCheckpointIfConfigured() throws(AuditStoreError) {}
}

/// A report that checks, whenever it is given text (a line, or a chunk's lines at once), that the trail already
/// holds as many records as there are lines so far.
struct CheckingSink: ReportSink {
    let trail: SlowTrail
    var lines: [String] = []
    var unrecorded = 0

    mutating func write(_ s: String) {
        lines += s.split(separator: "\n").map { $0 + "\n" }
        if trail.count < lines.count { unrecorded += 1 }
    }
}

@Suite struct TrailWriterTests {
    static let library = RuleLibrary.load(root: Paths.shippedRules)

    /// `n` disposals as JSON Lines, with ids in input order.
    static func records(_ n: Int) throws -> (String, [BatchFile]) {
        let path = Scratch.root.appendingPathComponent("trail-writer-\(UUID().uuidString).jsonl").path
        let lines = (1...n).map { i in
            #"{"kind":"asset_disposal","id":"ZC-\#(i)","date":"2023-12-19","unit":"acftu/hunan/sanatorium","#
                + #""owner_level":"省级工会","unit_type":"事业单位","action":"处置","method":"报废报损","#
                + #""asset":{"name":"格力空调","category":"通用设备","book_value":\#(1000 + i).00,"acquired":"2010-02-23"},"#
                + #""action_date":"2024-02-20","collective_decision":"2023-12-26","#
                + #""approval":{"body":"省级工会","date":"2024-01-08"},"writeoff_reason":"超使用年限不能满足工作需要","#
                + #""ledger_writeoff":"2024-03-13"}"#
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        guard case .success(let files) = BatchInputs.resolve([path], format: nil) else {
            throw AuditStoreError("the generated records do not resolve")
        }
        return (path, files)
    }

    /// With the writer on its own thread and slower than the workers, every report line is still written
    /// only once its record is in the trail, in input order, and every record and the run are recorded.
    @Test(arguments: [1, 2])
    func everyReportedRecordIsAlreadyRecorded(jobs: Int) throws {
        let (path, files) = try Self.records(300)
        var options = AuditJobOptions(inputs: [path], files: files, jobs: jobs)
        options.chunkSize = 7
        options.transactionSize = 20
        let trail = SlowTrail()
        var sink = CheckingSink(trail: trail)
        let summary = try AuditJob.run(
            options, library: Self.library, recording: Recording(trail: trail, actor: "t", maskingKey: nil),
            report: AuditReportFormat.jsonl.report(), to: &sink)
        #expect(summary.total == 300)
        #expect(sink.lines.count == 300)
        #expect(sink.unrecorded == 0)
        let ids = sink.lines.compactMap { line in line.range(of: #""id":"ZC-\d+""#, options: .regularExpression) }
        #expect(ids.count == 300)
        let order = zip(sink.lines, ids).compactMap { line, r in Int(line[r].dropFirst(9).dropLast()) }
        #expect(order == Array(1...300))
        #expect(trail.drafts.map(\.decisionID) == (1...300).map { "ZC-\($0)" } + [nil])
        #expect(trail.batchEnded)
    }

    /// A batch into a SQLite store through the writer thread: the store verifies, and holds every record and
    /// the run's.
    @Test func batchIntoSQLiteVerifies() throws {
        let (path, files) = try Self.records(450)
        var options = AuditJobOptions(inputs: [path], files: files, jobs: 2)
        options.chunkSize = 50
        options.transactionSize = 100
        let store = try AuditStore(path: Scratch.root.appendingPathComponent("batch-\(UUID().uuidString).sqlite").path)
        var sink = StringSink()
        let summary = try AuditJob.run(
            options, library: Self.library, recording: Recording(trail: store, actor: "t", maskingKey: nil),
            report: AuditReportFormat.jsonl.report(), to: &sink)
        #expect(summary.total == 450)
        let report = try store.verify()
        #expect(report.ok, "\(String(describing: report.problem))")
        #expect(report.records == 451)
    }
}
