import Bylaw
import BylawTestSupport
import Foundation
import Testing

@testable import BylawAudit

enum AuditPaths {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = here.deletingLastPathComponent().deletingLastPathComponent().path
    static let fixtures = repository + "/Tests/BylawTests/Fixtures"

    /// A fresh folder for one test's store.
    static func temp() throws -> String {
        let dir = Scratch.root.appendingPathComponent("bylaw-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }
}

/// A small synthetic record draft, distinct per `i`.
func syntheticDraft(_ i: Int) -> RecordDraft {
    RecordDraft(
        event: "check", kind: "asset_disposal", decisionID: "AD-\(i)", decisionDate: "2017-10-20",
        unit: "acftu/u\(i % 7)",
        verdict: i % 3 == 0 ? "non_compliant" : "compliant",
        body: [
            (
                "decision",
                .object([
                    ("kind", .string("asset_disposal")), ("id", .string("AD-\(i)")), ("date", .string("2017-10-20")),
                    ("unit", .string("acftu/u\(i % 7)")),
                ])
            ),
            ("verdict", .string(i % 3 == 0 ? "non_compliant" : "compliant")),
            (
                "outcomes",
                .array([
                    .object([("rule", .string("D-0\(i % 5)")), ("outcome", .string(i % 3 == 0 ? "failed" : "passed"))])
                ])
            ),
        ])
}

/// A store of synthetic records built once per suite, and fresh copies of it for each trial to tamper with.
struct PristineStore: Sendable {
    let path: String?

    init(count: Int) {
        guard let dir = try? AuditPaths.temp() else {
            path = nil
            return
        }
        let path = dir + "/pristine.sqlite"
        if let store = try? AuditStore(path: path) {
            _ = try? store.append((1...count).map(syntheticDraft), actor: "auditor")
            try? store.checkpoint()
        }
        self.path = path
    }

    func copy() throws -> AuditStore {
        let source = try #require(path)
        let copy = try AuditPaths.temp() + "/copy.sqlite"
        try FileManager.default.copyItem(atPath: source, toPath: copy)
        return try AuditStore(path: copy)
    }
}

extension AuditStore {
    /// Raw SQL for tests that play the attacker: triggers dropped first.
    func tamper(_ sql: String) throws {
        try db.execute("DROP TRIGGER IF EXISTS records_no_update; DROP TRIGGER IF EXISTS records_no_delete;")
        try db.execute(sql)
    }

    /// Turns a store whose records are all kept whole back into the version 2 format.
    func downgradeToVersionTwo() throws {
        try db.execute(
            """
            DROP TABLE dictionaries;
            ALTER TABLE records DROP COLUMN codec;
            ALTER TABLE records DROP COLUMN dictionary;
            ALTER TABLE records DROP COLUMN previous_chain_hash;
            ALTER TABLE records RENAME COLUMN body TO canonical;
            PRAGMA user_version = 2;
            """)
    }

    func checkpoint() throws { try db.execute("PRAGMA wal_checkpoint(TRUNCATE)") }

    /// Flips the lowest bit of the byte at `position` (1-based) of one column of one record.
    func flipByte(seq: Int64, column: String, position: Int) throws {
        let read = try db.prepare("SELECT CAST(\(column) AS BLOB), typeof(\(column)) FROM records WHERE seq = ?")
        read.bind(1, seq)
        guard try read.step() else { return }
        var bytes = read.blob(0)
        let isText = read.text(1) == "text"
        let i = min(max(position - 1, 0), bytes.count - 1)
        bytes[i] ^= 0x01
        try db.execute("DROP TRIGGER IF EXISTS records_no_update")
        let write = try db.prepare(
            isText
                ? "UPDATE records SET \(column) = CAST(? AS TEXT) WHERE seq = ?"
                : "UPDATE records SET \(column) = ? WHERE seq = ?")
        write.bind(1, bytes)
        write.bind(2, seq)
        _ = try write.step()
    }
}

extension ColumnTexts {
    /// Column `k` as text, repaired where it is not UTF-8; nil for NULL.
    func string(_ k: Int) -> String? { withBytes(k) { $0.map { String(decoding: $0, as: UTF8.self) } } }
}

extension StoredRow {
    /// The stored body with the record id, time and previous chain hash its columns keep (a compressed body
    /// leaves them out), as the whole-record reading puts a record back together.
    var body: StoredBody {
        var body = stored
        if body.recordID == nil { body.recordID = texts.string(0) }
        if body.recordedAt == nil { body.recordedAt = texts.string(1) }
        if body.previousChainHash == nil { body.previousChainHash = previousChainHash?.bytes }
        return body
    }
}
