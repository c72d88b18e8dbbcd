import Bylaw
import BylawAudit
import BylawTestSupport
import Foundation
import Testing

@testable import BylawAuditPostgres

/// The trail in PostgreSQL: the SQLite store's records and chain, appended, read, listed and verified.
@Suite struct PostgresTrailTests {
    @Test func appendsInBatchesAndVerifies() throws {
        guard let db = try PostgresTestServer.database() else { return }
        let trail = try PostgresTrail(db)
        let seqs = try trail.append(PostgresTestServer.drafts(7), actor: "张三", at: nil, batchSize: 3)
        #expect(seqs == Array(1...7))
        let head = try trail.head()
        #expect(head.seq == 7)
        let report = try trail.verify()
        #expect(report.ok, "\(String(describing: report.problem))")
        #expect(report.records == 7)
        #expect(report.headHash == AuditHex.encode(head.chainHash))
        let receipt = try #require(try trail.receipt(seq: 7))
        #expect(receipt.chainHash == AuditHex.encode(head.chainHash))
        #expect(try trail.receipt(seq: 8) == nil)
        // A second process (another connection) continues the same chain.
        let other = try PostgresTrail(db)
        #expect(try other.append(PostgresTestServer.drafts(2, from: 8), actor: "李四", at: nil, batchSize: 10) == [8, 9])
        #expect(try trail.verify().records == 9)
    }

    @Test func listAndShowReadWhatWasWritten() throws {
        guard let db = try PostgresTestServer.database() else { return }
        let trail = try PostgresTrail(db)
        try trail.append(PostgresTestServer.drafts(12), actor: "auditor", at: nil, batchSize: 5)
        var filter = RecordFilter()
        filter.verdict = "non_compliant"
        #expect(try trail.list(filter).map(\.seq) == [12, 9, 6, 3])
        filter = RecordFilter()
        filter.unit = "acftu/org"
        filter.limit = 2
        #expect(try trail.list(filter).map(\.seq) == [11, 9])
        filter = RecordFilter()
        filter.failedRule = "AD-03"
        #expect(try trail.list(filter).map(\.seq) == [12, 9, 6, 3])
        let shown = try #require(try trail.canonical(of: "5"))
        let text = String(decoding: shown, as: UTF8.self)
        #expect(text.contains("\"seq\":5"))
        let id = try #require(try trail.receipt(seq: 5)).recordID
        #expect(try trail.canonical(of: id) == shown)
        #expect(try trail.canonical(of: "99") == nil)
    }

    @Test func verifyFindsAnEditedRecordAndAForeignHead() throws {
        guard let db = try PostgresTestServer.database() else { return }
        let trail = try PostgresTrail(db)
        try trail.append(PostgresTestServer.drafts(5), actor: "auditor", at: nil, batchSize: 5)
        let head = try trail.head()
        let kept = (head.seq, AuditHex.encode(head.chainHash))
        #expect(try trail.verify(expectHead: kept).ok)
        #expect(try trail.verify(expectHead: (7, kept.1)).problem?.seq == 6)
        // Only the superuser, with the triggers switched off, can edit a record: verify still sees it.
        let admin = try PostgresTestServer.session(db)
        try admin.execute("ALTER TABLE audit_records DISABLE TRIGGER USER")
        try admin.execute(
            "UPDATE audit_records SET body = convert_to(replace(convert_from(body, 'UTF8'), '记录', 'x'), 'UTF8') WHERE seq = 3"
        )
        let broken = try trail.verify()
        #expect(broken.problem?.seq == 3)
        #expect(broken.problem?.reason.contains("leaf hash") == true)
    }

    @Test func badLocationsFailWithClearErrors() throws {
        for text in ["postgres://host/db", "postgres://u@/db", "postgres://u@h:5432/", "postgres://u@h/db?x=1"] {
            #expect(throws: AuditStoreError.self, "\(text)") { try PostgresLocation(text) }
        }
        let location = try PostgresLocation("postgresql://u:secret@h:6000/db?sslmode=require")
        #expect(location.description == "postgres://u@h:6000/db")
        #expect(location.tls)
        #expect(location.password == "secret")
        // Nothing listens on port 1: a clean error, not a crash or a hang.
        do {
            _ = try PostgresTrail(try PostgresLocation("postgres://bylaw@127.0.0.1:1/db"))
            Issue.record("connected to port 1")
        } catch {
            #expect(error.message.contains("cannot connect"))
        }
    }

    @Test func aDatabaseWithoutATrailIsNotReadAsOne() throws {
        guard let db = try PostgresTestServer.database() else { return }
        do {
            _ = try PostgresTrail(readingAt: db)
            Issue.record("an empty database was read as a trail")
        } catch {
            #expect(error.kind == .notFound)
            #expect(error.message.contains("holds no bylaw audit trail"))
        }
    }
}

/// Batch runs on PostgreSQL: a run whose process is gone without having ended is marked in the chain by the
/// next run of the same host, once, as the SQLite store does.
@Suite struct PostgresBatchRunTests {
    /// A process id that no process has (above any Linux pid_max).
    static let deadPID: Int64 = 2_147_483_000

    @Test func aRunWhoseProcessIsGoneIsMarkedOnce() throws {
        guard let db = try PostgresTestServer.database() else { return }
        let trail = try PostgresTrail(db)
        // A run of a live process (this one) that has not ended is left alone.
        let live = try trail.beginBatch(actor: "auditor")
        let dead = try trail.beginBatch(actor: "auditor")
        try trail.append(PostgresTestServer.drafts(3), actor: "auditor", at: nil, batchSize: 3)
        // The run's process "dies": its registration names a process that does not exist.
        let admin = try PostgresTestServer.session(db)
        try admin.execute("ALTER TABLE audit_runs DISABLE TRIGGER audit_runs_append_only")
        try admin.execute("UPDATE audit_runs SET pid = \(Self.deadPID) WHERE id = \(dead)")
        try admin.execute("ALTER TABLE audit_runs ENABLE TRIGGER audit_runs_append_only")
        let next = try PostgresTrail(db)
        let (run, marked) = try next.beginBatchMarking(actor: "auditor")
        #expect(marked == [4], "the dead run is marked right after the records it wrote")
        #expect(run > live)
        let body = String(decoding: try #require(try next.canonical(of: "4")), as: UTF8.self)
        #expect(body.contains("\"event\":\"audit-interrupted\""), "\(body)")
        #expect(body.contains("\"head_at_start\":0"), "\(body)")
        #expect(body.contains("\"pid\":\(Self.deadPID)"), "\(body)")
        // Marked once: the next run finds it ended (as interrupted), not open.
        #expect(try PostgresTrail(db).beginBatchMarking(actor: "auditor").marked.isEmpty)
        let state = try admin.query("SELECT state FROM audit_run_ends WHERE run = \(dead)")
        #expect(try PostgresSession.decode(try #require(state.first), 0, as: String.self) == "interrupted")
        try trail.endBatch(live)
        try next.endBatch(run)
        #expect(try next.verify().ok)
    }

    @Test func aMarkThatCannotBeWrittenLeavesTheRunToTheNext() throws {
        guard let db = try PostgresTestServer.database() else { return }
        let trail = try PostgresTrail(db)
        let dead = try trail.beginBatch(actor: "auditor")
        let admin = try PostgresTestServer.session(db)
        try admin.execute("ALTER TABLE audit_runs DISABLE TRIGGER audit_runs_append_only")
        try admin.execute("UPDATE audit_runs SET pid = \(Self.deadPID) WHERE id = \(dead)")
        try admin.execute("ALTER TABLE audit_runs ENABLE TRIGGER audit_runs_append_only")
        // The mark's insert fails (a record with the next sequence number is refused by a check the test adds):
        // the claim rolls back with it and the run is still open.
        try admin.execute("ALTER TABLE audit_records ADD CONSTRAINT no_marks CHECK (event <> 'audit-interrupted')")
        #expect(throws: AuditStoreError.self) { try PostgresTrail(db).beginBatch(actor: "auditor") }
        #expect(try admin.query("SELECT 1 FROM audit_run_ends WHERE run = \(dead)").isEmpty)
        try admin.execute("ALTER TABLE audit_records DROP CONSTRAINT no_marks")
        #expect(try PostgresTrail(db).beginBatchMarking(actor: "auditor").marked == [1])
    }
}
