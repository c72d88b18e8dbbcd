import Bylaw
import Foundation
import Testing

@testable import BylawAudit
@testable import BylawJSON

@Suite struct ChainTests {
    /// Known answers, computed independently (Python hashlib) for leaf = SHA-256(0x00 ‖ bytes) and
    /// chain = SHA-256(0x02 ‖ previous ‖ leaf) starting from 32 zero bytes.
    @Test func knownAnswers() {
        let leaf1 = HashChain.leaf(Array(#"{"a":1}"#.utf8))
        #expect(AuditHex.encode(leaf1) == "c7261463ebd776f4650b6d0fe942d9cc38c925d90f77d440ab6df8d5dd258c5f")
        let chain1 = HashChain.link(previous: [UInt8](repeating: 0, count: 32), leaf: leaf1)
        #expect(AuditHex.encode(chain1) == "f955a0815e023e96066fc6b82e3286033d902df20437db4998bc0843563e1806")
        let leaf2 = HashChain.leaf(Array(#"{"b":"中"}"#.utf8))
        #expect(AuditHex.encode(leaf2) == "2c5be48934a15d18d01b569e3892aa59621c17f18bd74900385646326ba69260")
        #expect(
            AuditHex.encode(HashChain.link(previous: chain1, leaf: leaf2))
                == "a6e146c722ecf3e72ef294649aebbb6dd6b68e40b4f9a47379309cbe8416dbab")
    }

    @Test func appendThenVerify() throws {
        let store = try AuditStore(path: try AuditPaths.temp() + "/a.sqlite")
        let seqs = try store.append((1...25).map(syntheticDraft), actor: "tester", batchSize: 10)
        #expect(seqs == Array(1...25))
        let report = try store.verify()
        #expect(report.ok)
        #expect(report.records == 25)
        let head = try store.head()
        #expect(head.seq == 25)
        #expect(AuditHex.encode(head.chainHash) == report.headHash)
        #expect(try store.verify(expectHead: (25, report.headHash)).ok)
    }

    @Test func recordsAreAppendOnly() throws {
        let store = try AuditStore(path: try AuditPaths.temp() + "/a.sqlite")
        try store.append([syntheticDraft(1)], actor: "t")
        #expect(throws: AuditStoreError.self) { try store.db.execute("UPDATE records SET verdict = 'compliant'") }
        #expect(throws: AuditStoreError.self) { try store.db.execute("DELETE FROM records") }
    }

    @Test func storedRecordIsCanonicalAndNamesThePreviousHash() throws {
        let store = try AuditStore(path: try AuditPaths.temp() + "/a.sqlite")
        try store.append([syntheticDraft(1), syntheticDraft(2)], actor: "t")
        let first = try #require(try store.canonical(of: "1"))
        let second = try #require(try store.canonical(of: "2"))
        #expect(try JCS.canonicalize(JSONValue.parse(second)) == second, "stored bytes are already canonical")
        let chain1 = HashChain.link(previous: [UInt8](repeating: 0, count: 32), leaf: HashChain.leaf(first))
        #expect(
            String(decoding: second, as: UTF8.self).contains("\"previous_chain_hash\":\"\(AuditHex.encode(chain1))\""))
    }

    @Test func filtersFindRecords() throws {
        let store = try AuditStore(path: try AuditPaths.temp() + "/a.sqlite")
        try store.append((1...30).map(syntheticDraft), actor: "t")
        var f = RecordFilter()
        f.verdict = "non_compliant"
        #expect(try store.list(f).map(\.seq) == [30, 27, 24, 21, 18, 15, 12, 9, 6, 3])
        f = RecordFilter()
        f.failedRule = "D-03"
        #expect(try store.list(f).map(\.seq) == [18, 3])
        f = RecordFilter()
        f.unit = "acftu/u2"
        #expect(try store.list(f).map(\.seq) == [30, 23, 16, 9, 2])
    }

    /// A unit matches itself and the units below it, and nothing else: not a sibling sharing its prefix,
    /// and `_` or `%` in the name are literal characters.
    @Test func unitFilterTakesTheUnitAndItsChildren() throws {
        let store = try AuditStore(path: try AuditPaths.temp() + "/a.sqlite")
        let units = ["acftu/hn", "acftu/hn/a", "acftu/hn/a/b", "acftu/hn2", "acftu/hn-x", "acftu/h_", "acftu/hx"]
        try store.append(
            units.enumerated().map { i, unit in
                var d = syntheticDraft(i + 1)
                d.unit = unit
                return d
            }, actor: "t")
        func seqs(_ unit: String) throws -> [Int64] {
            var f = RecordFilter()
            f.unit = unit
            return try store.list(f).map(\.seq)
        }
        #expect(try seqs("acftu/hn") == [3, 2, 1])
        #expect(try seqs("acftu/hn/a") == [3, 2])
        #expect(try seqs("acftu/h_") == [6])
        #expect(try seqs("acftu/h%") == [])
        let plan = try store.db.prepare(
            "EXPLAIN QUERY PLAN SELECT seq FROM records WHERE (unit = ? OR (unit >= ? || '/' AND unit < ? || '0'))")
        var steps: [String] = []
        while try plan.step() { steps.append(plan.text(3) ?? "") }
        #expect(steps.contains { $0.contains("records_unit") }, "the unit filter reads the index: \(steps)")
    }

    /// A version 1 store (its kind index on kind and decision date) is migrated in place when opened: the
    /// records stay, the index is rebuilt on the kind alone, and the chain still verifies.
    @Test func versionOneStoreIsMigrated() throws {
        let path = try AuditPaths.temp() + "/a.sqlite"
        do {
            let store = try AuditStore(path: path)
            try store.append((1...5).map(syntheticDraft), actor: "t")
            try store.downgradeToVersionTwo()
            try store.db.execute(
                """
                DROP INDEX records_kind;
                CREATE INDEX records_kind ON records(kind, decision_date);
                PRAGMA user_version = 1;
                """)
        }
        let store = try AuditStore(path: path)
        let version = try store.db.prepare("PRAGMA user_version")
        #expect(try version.step() && version.int(0) == AuditStore.schemaVersion)
        let index = try store.db.prepare("SELECT name FROM pragma_index_info('records_kind')")
        var columns: [String] = []
        while try index.step() { columns.append(index.text(0) ?? "") }
        #expect(columns == ["kind"])
        #expect(try store.verify().records == 5)
        var f = RecordFilter()
        f.kind = "asset_disposal"
        #expect(try store.list(f).count == 5)
    }
}

/// Appends with the log checkpointed by a thread of its own: every record stays, the chain verifies, a reader
/// on another connection reads meanwhile, and the log stays bounded.
@Suite struct BackgroundCheckpointTests {
    /// A draft of about 40 KB, so a few transactions pass a small log limit.
    func bigDraft(_ i: Int) -> RecordDraft {
        var d = syntheticDraft(i)
        d.add("padding", .string(String(repeating: "记录", count: 7000)))
        return d
    }

    func walSize(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
    }

    /// With the checkpointing thread running, and without it (the writer's own limit then has to hold).
    @Test(arguments: [true, false])
    func recordsVerifyAndTheLogStaysBounded(running: Bool) throws {
        let path = try AuditPaths.temp() + "/a.sqlite"
        var largest = 0
        do {
            let store = try AuditStore(path: path)
            try store.checkpointInBackground(logLimit: 512 << 10, running: running)
            let reader = try AuditStore(path: path)
            for t in 0..<30 {
                try store.append((1...5).map { bigDraft(t * 5 + $0) }, actor: "t")
                largest = max(largest, walSize(path))
                if t % 10 == 9 { #expect(try reader.verify().ok, "a reader verifies while the batch runs") }
            }
            #expect(try store.verify().records == 150)
        }
        // 30 transactions of about 200 KB went through a log that never held more than a few of them.
        #expect(largest > 0)
        #expect(largest < 2 << 20, "log reached \(largest) bytes")
        let reopened = try AuditStore(path: path)
        let report = try reopened.verify()
        #expect(report.ok)
        #expect(report.records == 150)
    }
}

/// A text is stored whole, a NUL included, and read back whole: a decision field holding one (`"A\u0000B"` is
/// valid JSON) is indexed as it is, and `verify` does not take the column for an edited one.
@Suite struct TextBindingTests {
    @Test func aTextWithANulIsStoredWhole() throws {
        let store = try AuditStore(path: try AuditPaths.temp() + "/nul.sqlite")
        let unit = "acftu/u\u{0}hidden"
        let draft = RecordDraft(
            event: "check", kind: "asset_disposal", decisionID: "", decisionDate: "2017-10-20", unit: unit,
            verdict: "compliant",
            body: [
                (
                    "decision",
                    .object([
                        ("kind", .string("asset_disposal")), ("id", .string("")), ("date", .string("2017-10-20")),
                        ("unit", .string(unit)),
                    ])
                ),
                ("verdict", .string("compliant")),
            ])
        try store.append([draft], actor: "auditor")
        let stmt = try store.db.prepare("SELECT unit, length(CAST(unit AS BLOB)), decision_id IS NULL FROM records")
        #expect(try stmt.step())
        #expect(stmt.text(0) == "acftu/u\u{0}hidden")
        #expect(stmt.int(1) == 14)
        // An empty text is stored as empty, not as null.
        #expect(stmt.int(2) == 0)
        let report = try store.verify()
        #expect(report.problem == nil, "\(String(describing: report.problem))")
    }
}
