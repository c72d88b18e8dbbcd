import Bylaw
import BylawAudit
import Foundation
import Testing

@testable import BylawAuditPostgres

/// Append-only twice over: the application's role may only insert and select, and triggers refuse updates,
/// deletes and truncation even to the tables' owner.
@Suite struct PostgresAppendOnlyTests {
    @Test(arguments: [
        "UPDATE audit_records SET verdict = 'compliant'", "DELETE FROM audit_records",
        "TRUNCATE audit_records", "UPDATE bylaw_audit_schema SET version = 0",
        "UPDATE audit_checkpoints SET seq = 1", "DELETE FROM audit_checkpoints", "TRUNCATE audit_checkpoints",
    ])
    func theOwnerCannotRewrite(statement: String) throws {
        guard let db = try PostgresTestServer.database() else { return }
        let trail = try PostgresTrail(db)
        trail.signer = CheckpointKey.Private()
        try trail.append(PostgresTestServer.drafts(2), actor: "auditor", at: nil, batchSize: 2)
        try trail.signCheckpointIfConfigured()
        let owner = try PostgresTestServer.session(db)
        do {
            try owner.execute(statement)
            Issue.record("`\(statement)` was allowed")
        } catch {
            #expect(error.message.contains("append-only"), "\(error.message)")
        }
        #expect(try trail.verify().records == 2)
    }

    @Test func theApplicationRoleMayOnlyInsertAndSelect() throws {
        guard let db = try PostgresTestServer.database() else { return }
        _ = try PostgresTrail(db)
        let owner = try PostgresTestServer.session(db)
        let role = "app_" + UUID().uuidString.prefix(8).lowercased()
        try owner.execute("CREATE ROLE \(role) LOGIN IN ROLE bylaw_audit_writer")
        var app = db
        app.user = role
        let trail = try PostgresTrail(app)
        trail.signer = CheckpointKey.Private()
        #expect(try trail.append(PostgresTestServer.drafts(3), actor: "app", at: nil, batchSize: 2) == [1, 2, 3])
        // The role may sign checkpoints too (an insert, and the table's id sequence).
        try trail.signCheckpointIfConfigured()
        #expect(try trail.checkpoints().map(\.seq) == [3])
        let run = try trail.beginBatch(actor: "app")
        try trail.endBatch(run)
        let session = try PostgresSession(app, lockWaitMillis: 1000)
        for statement in [
            "UPDATE audit_records SET actor = 'x'", "DELETE FROM audit_records", "DELETE FROM audit_checkpoints",
        ] {
            do {
                try session.execute(statement)
                Issue.record("`\(statement)` was allowed to the application role")
            } catch {
                #expect(error.kind == .refused)
                #expect(error.message.contains("permission denied"), "\(error.message)")
            }
        }
    }
}
