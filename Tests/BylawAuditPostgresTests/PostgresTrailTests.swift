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
