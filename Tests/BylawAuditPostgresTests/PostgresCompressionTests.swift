import Bylaw
import BylawTestSupport
import Foundation
import Testing

@testable import BylawAudit
@testable import BylawAuditPostgres

/// Records `bylaw audit` seals are kept in PostgreSQL as the SQLite store keeps them: compressed against the
/// batch's dictionary, hashed the same, read back as exactly the canonical bytes a whole record would have.
@Suite struct PostgresCompressionTests {
    static let actor = "auditor"

    static func sealed(_ plain: [RecordDraft]) throws -> [RecordDraft] {
        let compressor = try #require(RecordCompressor(trainingOn: plain, actor: actor))
        let context = try #require(CompressionContext())
        var out = plain
        for k in out.indices { out[k].seal(actor: actor, compressor: compressor, context: context) }
        return out
    }

    @Test func sealedRecordsAreKeptCompressedAndReadBackWhole() throws {
        guard let db = try PostgresTestServer.database() else { return }
        let plain = PostgresTestServer.drafts(300)
        let trail = try PostgresTrail(db)
        let unsealed = try trail.append(plain.prefix(2).map { $0 }, actor: Self.actor, at: nil, batchSize: 2)
        #expect(unsealed == [1, 2])
        #expect(try trail.append(try Self.sealed(plain), actor: Self.actor, at: nil, batchSize: 128).count == 300)
        let admin = try PostgresTestServer.session(db)
        let stored = try admin.query(
            """
            SELECT seq, codec, length(body), record_id, recorded_at, previous_chain_hash FROM audit_records ORDER BY seq
            """)
        #expect(stored.count == 302)
        for row in stored {
            let seq = try PostgresSession.decode(row, 0, as: Int64.self)
            let codec = try PostgresSession.decode(row, 1, as: Int16.self)
            // The two records appended whole stay whole; the sealed ones are kept compressed.
            #expect(codec == (seq <= 2 ? 0 : 1), "record \(seq)")
            let draft = plain[Int(seq <= 2 ? seq - 1 : seq - 3)]
            let whole = try AuditRecord.canonical(
                seq: seq, recordID: try PostgresSession.decode(row, 3, as: String.self),
                recordedAt: try PostgresSession.decode(row, 4, as: String.self), actor: Self.actor,
                previousChainHash: try PostgresSession.bytes(row, 5), draft: draft)
            #expect(try trail.canonical(of: String(seq)) == whole, "record \(seq)")
            if seq > 2 {
                #expect(try PostgresSession.decode(row, 2, as: Int32.self) < Int32(whole.count), "record \(seq)")
            }
        }
        // One dictionary, stored once however many transactions used it.
        #expect(try admin.query("SELECT 1 FROM audit_dictionaries").count == 1)
        let reader = try PostgresTrail(readingAt: db)
        let report = try reader.verify()
        #expect(report.ok, "\(String(describing: report.problem))")
        #expect(report.records == 302)
        var failed = RecordFilter()
        failed.failedRule = "AD-03"
        failed.limit = 1000
        #expect(try reader.list(failed).count == 100)
        // Moved to SQLite and back, the chain is the same.
        let dir = Scratch.root.appendingPathComponent("pgz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let copy = try AuditStore(path: dir.appendingPathComponent("t.sqlite").path)
        let moved = try TrailMigration.run(from: reader, to: copy)
        #expect(moved.headSeq == 302)
        #expect(try copy.verify(expectHead: (302, moved.headHash)).ok)
        #expect(AuditHex.encode(try reader.head().chainHash) == moved.headHash)
    }

    @Test func anEditedCompressedBodyIsFound() throws {
        guard let db = try PostgresTestServer.database() else { return }
        let trail = try PostgresTrail(db)
        try trail.append(try Self.sealed(PostgresTestServer.drafts(40)), actor: Self.actor, at: nil, batchSize: 40)
        let admin = try PostgresTestServer.session(db)
        try admin.execute("ALTER TABLE audit_records DISABLE TRIGGER audit_records_append_only")
        // Another record's compressed body in place of record 7's: it decompresses, and does not hash.
        try admin.execute(
            "UPDATE audit_records SET body = (SELECT body FROM audit_records WHERE seq = 8) WHERE seq = 7")
        let report = try PostgresTrail(readingAt: db).verify()
        #expect(report.problem?.seq == 7, "\(String(describing: report.problem))")
    }

    @Test func aTrailOfFormat1IsReadAsItIsThenMigrated() throws {
        guard let db = try PostgresTestServer.database() else { return }
        let owner = try PostgresTestServer.session(db)
        try owner.transaction { () throws(AuditStoreError) in
            for statement in PostgresSchema.version1 { try owner.execute(statement) }
        }
        // Records as a bylaw of format 1 wrote them, every body whole.
        let old = try PostgresTrail(readingAt: db)
        #expect(old.format == 1)
        var writer = ChainWriter()
        let rows = try writer.rows(
            for: PostgresTestServer.drafts(5), actor: Self.actor, time: Date(),
            head: (0, [UInt8](repeating: 0, count: 32)),
            last: nil)
        try old.insert(rows)
        #expect(try old.verify().records == 5)
        #expect(try old.canonical(of: "3") == rows[2].canonical)
        // The next writer migrates the trail to the current format (2 compressed bodies, 3 checkpoints) and keeps
        // its new records compressed beside the old.
        let trail = try PostgresTrail(db)
        #expect(trail.format == PostgresSchema.version && trail.format == 3)
        #expect(try trail.checkpoints().isEmpty)
        try trail.append(try Self.sealed(PostgresTestServer.drafts(50)), actor: Self.actor, at: nil, batchSize: 50)
        let report = try PostgresTrail(readingAt: db).verify()
        #expect(report.ok, "\(String(describing: report.problem))")
        #expect(report.records == 55)
        #expect(try owner.query("SELECT 1 FROM audit_records WHERE codec = 1").count == 50)
    }
}
