import Bylaw
import BylawBatch
import BylawTestSupport
import Foundation
import Testing

@testable import BylawAudit
@testable import BylawJobs

/// A trail that keeps records in memory and fails on its n-th append call, as a full disk or a lost database
/// would: the jobs must hand back nothing that was not recorded.
final class FailingTrail: AuditTrail {
    let failOnAppend: Int
    private(set) var appends = 0
    private(set) var recorded: [RecordDraft] = []
    private(set) var batchEnded = false

    init(failOnAppend: Int) { self.failOnAppend = failOnAppend }

    func append(_ drafts: [RecordDraft], actor: String, at time: Date?, batchSize: Int) throws(AuditStoreError)
        -> [Int64]
    {
        appends += 1
        if appends == failOnAppend { throw AuditStoreError(.full, "the disk is full") }
        let first = Int64(recorded.count) + 1
        recorded += drafts
        return Array(first..<first + Int64(drafts.count))
    }

    func receipt(seq: Int64) throws(AuditStoreError) -> Receipt? {
        Receipt(seq: seq, recordID: "r\(seq)", leafHash: "", chainHash: "")
    }

    func beginBatch(actor: String) throws(AuditStoreError) -> Int64 { 1 }
    func endBatch(_ run: Int64) throws(AuditStoreError) { batchEnded = true }
    func signCheckpointIfConfigured() throws(AuditStoreError) {}
}

/// Collects what a report writes.
struct StringSink: ReportSink {
    var text = ""
    mutating func write(_ s: String) { text += s }
}

@Suite struct FailClosedTests {
    static let library = RuleLibrary.load(root: Paths.shippedRules)
    static let examples = Paths.shippedRules + "/asset-management/examples"
    static let ledger = Paths.repository + "/examples/asset-disposals/disposal-ledger.csv"
    static let mapping = Paths.repository + "/examples/asset-disposals/columns.yaml"

    @Test func checkReturnsNoVerdictWhenTheTrailFails() throws {
        let files = [Self.examples + "/compliant-vehicle-auction.yaml"]
        let trail = FailingTrail(failOnAppend: 1)
        #expect(throws: RecordingFailure.self) {
            _ = try CheckJob.run(
                files: files, library: Self.library, recording: Recording(trail: trail, actor: "t", maskingKey: nil))
        }
        #expect(trail.recorded.isEmpty)
    }

    @Test func checkRecordsBeforeItAnswers() throws {
        let files = [
            Self.examples + "/compliant-vehicle-auction.yaml", Self.examples + "/non-compliant-organ-investment.yaml",
        ]
        let trail = FailingTrail(failOnAppend: 0)
        let outcome = try CheckJob.run(
            files: files, library: Self.library, recording: Recording(trail: trail, actor: "t", maskingKey: nil))
        #expect(outcome.decisions.map(\.result.verdict) == [.compliant, .nonCompliant])
        #expect(outcome.receipts.map(\.seq) == [1, 2])
        #expect(trail.recorded.map(\.verdict) == ["compliant", "non_compliant"])
    }

    /// The batch pipeline with transactions of 2 records and chunks of 1: when the n-th transaction fails, the
    /// report holds exactly the records of the transactions before it, and no run record is written.
    @Test(arguments: [1, 2, 3])
    func auditReportsNothingUnrecorded(failOn n: Int) throws {
        guard case .success(let files) = BatchInputs.resolve([Self.ledger], format: nil),
            case .success(let mapping) = CSVMapping.load(path: Self.mapping)
        else {
            Issue.record("the example ledger or its mapping does not load")
            return
        }
        var options = AuditJobOptions(
            inputs: [Self.ledger], files: files, kind: "asset_disposal", mapping: mapping, jobs: 2)
        options.chunkSize = 1
        options.transactionSize = 2
        let trail = FailingTrail(failOnAppend: n)
        var sink = StringSink()
        var failure: RecordingFailure?
        do {
            _ = try AuditJob.run(
                options, library: Self.library, recording: Recording(trail: trail, actor: "t", maskingKey: nil),
                report: AuditReportFormat.jsonl.report(), to: &sink)
        } catch {
            failure = error
        }
        #expect(failure?.stage == .appending)
        let reported = sink.text.split(separator: "\n").count
        #expect(reported == 2 * (n - 1))
        #expect(trail.recorded.count == reported)
        #expect(!trail.batchEnded)
    }

    @Test func auditRecordsEveryRecordAndTheRun() throws {
        guard case .success(let files) = BatchInputs.resolve([Self.ledger], format: nil),
            case .success(let mapping) = CSVMapping.load(path: Self.mapping)
        else {
            Issue.record("the example ledger or its mapping does not load")
            return
        }
        let options = AuditJobOptions(
            inputs: [Self.ledger], files: files, kind: "asset_disposal", mapping: mapping, jobs: 2)
        let trail = FailingTrail(failOnAppend: 0)
        var sink = StringSink()
        let summary = try AuditJob.run(
            options, library: Self.library, recording: Recording(trail: trail, actor: "t", maskingKey: nil),
            report: AuditReportFormat.jsonl.report(), to: &sink)
        #expect(summary.total == sink.text.split(separator: "\n").count)
        #expect(trail.recorded.count == summary.total + 1)
        #expect(trail.recorded.last?.event == "audit-run")
        #expect(trail.batchEnded)
    }
}
