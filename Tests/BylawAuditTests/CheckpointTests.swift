import Bylaw
import BylawTestSupport
import Foundation
import Testing

@testable import BylawAudit

/// Signed checkpoints let a verifier who holds only the public key detect a cut or rewritten tail; receipts
/// confirm one record; every log read opens the store read-only.
@Suite(.serialized) struct CheckpointTests {
    static let key = CheckpointKey.Private()

    /// A store of `count` synthetic records appended in transactions of 1,000, signed by `key`, ending cleanly.
    static func signedStore(_ count: Int, key: CheckpointKey.Private = key, offset: Int = 0) throws -> AuditStore {
        let store = try AuditStore(path: try AuditPaths.temp() + "/signed.sqlite")
        store.signer = key
        try store.append((1...count).map { syntheticDraft($0 + offset) }, actor: "auditor", batchSize: 1000)
        try store.signCheckpoint()
        return store
    }

    @Test func everyThousandRecordsAndACleanEndAreCheckpointed() throws {
        let store = try Self.signedStore(2500)
        let checkpoints = try store.checkpoints()
        #expect(checkpoints.map(\.seq) == [1000, 2000, 2500])
        #expect(checkpoints.allSatisfy { $0.isSigned(by: Self.key.publicKey) })
        let report = try store.verify(checkpoints: nil, publicKey: Self.key.publicKey)
        #expect(report.ok, "\(String(describing: report.problem))")
        #expect(report.checkpoints == 3)
        // A second clean end with nothing new writes nothing.
        #expect(try store.signCheckpoint() == nil)
    }

    @Test func fiveMinutesUnderLoadAreCheckpointed() throws {
        let store = try AuditStore(path: try AuditPaths.temp() + "/timed.sqlite")
        store.signer = Self.key
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        try store.append([syntheticDraft(1)], actor: "a", at: t0)
        try store.signCheckpoint(at: t0)
        try store.append([syntheticDraft(2)], actor: "a", at: t0.addingTimeInterval(100))
        #expect(try store.checkpoints().map(\.seq) == [1])
        try store.append([syntheticDraft(3)], actor: "a", at: t0.addingTimeInterval(301))
        #expect(try store.checkpoints().map(\.seq) == [1, 3])
    }

    @Test func aCutTailIsFoundWithTheExportedCheckpoints() throws {
        let store = try Self.signedStore(2500)
        let exported = try store.checkpoints()
        try store.tamper("DELETE FROM records WHERE seq > 2000")
        // The chain that is left is whole: only the checkpoints show the cut.
        #expect(try store.verify().ok)
        let report = try store.verify(checkpoints: exported, publicKey: Self.key.publicKey)
        #expect(report.problem?.seq == 2001)
        #expect(report.problem?.reason.contains("records were removed") == true)
    }

    @Test func aRewrittenChainIsFound() throws {
        let original = try Self.signedStore(1500)
        let exported = try original.checkpoints()
        // Another history of the same length, as a forger with the store but not the key would write it.
        let forged = try Self.signedStore(1500, key: CheckpointKey.Private(), offset: 7)
        let report = try forged.verify(checkpoints: exported, publicKey: Self.key.publicKey)
        #expect(report.problem?.seq == 1000)
        #expect(report.problem?.reason.contains("rewritten") == true)
    }

    @Test func aCheckpointOfAnotherKeyOrAlteredIsRefused() throws {
        let store = try Self.signedStore(1200)
        let other = CheckpointKey.Private()
        let report = try store.verify(checkpoints: nil, publicKey: other.publicKey)
        #expect(report.problem?.reason.contains("not signed by the given public key") == true)
        var altered = try store.checkpoints()
        altered[0].seq = 1100
        let forged = try store.verify(checkpoints: altered, publicKey: Self.key.publicKey)
        #expect(forged.problem?.seq == 1100)
        #expect(forged.problem?.reason.contains("not signed by the given public key") == true)
    }

    @Test func checkpointsRoundTripThroughJSONLines() throws {
        let store = try Self.signedStore(1001)
        let all = try store.checkpoints()
        let text = all.map { $0.jsonLine + "\n" }.joined()
        #expect(try Checkpoint.parse(jsonLines: text) == all)
        #expect(throws: AuditStoreError.self) { try Checkpoint.parse(jsonLines: "{\"seq\": 1}\n") }
    }

    @Test func keysRoundTripThroughTheirFiles() throws {
        let key = CheckpointKey.Private()
        let again = try CheckpointKey.Private(text: key.text)
        #expect(again.publicKey.hex == key.publicKey.hex)
        #expect(try CheckpointKey.Public(text: key.publicKey.text).hex == key.publicKey.hex)
        #expect(throws: AuditStoreError.self) { try CheckpointKey.Public(text: key.text) }
        #expect(throws: AuditStoreError.self) { try CheckpointKey.Private(text: "ed25519-private:00") }
    }

    @Test func aReceiptConfirmsItsRecord() throws {
        let store = try Self.signedStore(10)
        let receipt = try #require(try store.receipt(seq: 4))
        #expect(try store.verify(checkpoints: nil, publicKey: nil, receipt: receipt).ok)
        let parsed = try #require(Receipt(text: receipt.text))
        #expect(parsed.leafHash == receipt.leafHash)
        var wrong = receipt
        wrong.leafHash = String(repeating: "0", count: 64)
        #expect(try store.verify(checkpoints: nil, publicKey: nil, receipt: wrong).problem?.seq == 4)
        var missing = receipt
        missing.seq = 11
        #expect(try store.verify(checkpoints: nil, publicKey: nil, receipt: missing).problem?.seq == 11)
    }

    @Test func readingNeverCreatesOrWritesAStore() throws {
        let dir = try AuditPaths.temp()
        #expect(throws: AuditStoreError.self) { try AuditStore(readingAt: dir + "/none.sqlite") }
        #expect(!FileManager.default.fileExists(atPath: dir + "/none.sqlite"))
        let path: String
        do {
            let store = try Self.signedStore(50)
            try store.checkpoint()  // the log copied into the file, as after any clean close
            path = store.path
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let reader = try AuditStore(readingAt: path)
        #expect(try reader.verify().records == 50)
        #expect(try reader.list(RecordFilter()).count == 50)
        #expect(throws: AuditStoreError.self) { try reader.append([syntheticDraft(99)], actor: "x") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func symbolicLinksAreRefused() throws {
        let dir = try AuditPaths.temp()
        let real = try Self.signedStore(3).path
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.sqlite", withDestinationPath: real)
        try FileManager.default.createSymbolicLink(
            atPath: dir + "/dangling.sqlite", withDestinationPath: dir + "/nowhere")
        for path in [dir + "/link.sqlite", dir + "/dangling.sqlite"] {
            #expect(throws: AuditStoreError.self) { try AuditStore(path: path) }
            #expect(throws: AuditStoreError.self) { try AuditStore(readingAt: path) }
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/nowhere"))
    }

    @Test(arguments: ["", "   ", "a\u{1B}[2Jb", "x\u{202E}y"])
    func anEmptyOrControlLadenActorIsRefused(actor: String) throws {
        let store = try AuditStore(path: try AuditPaths.temp() + "/a.sqlite")
        #expect(throws: AuditStoreError.self) { try store.append([syntheticDraft(1)], actor: actor) }
        #expect(try store.head().seq == 0)
    }

    @Test func aLockedStoreFailsClosedAfterTheWait() throws {
        let path = try AuditPaths.temp() + "/locked.sqlite"
        let holder = try AuditStore(path: path)
        try holder.tamper("BEGIN IMMEDIATE")
        let waiter = try AuditStore(path: path, busyTimeoutMillis: 200)
        let start = Date()
        do {
            try waiter.append([syntheticDraft(1)], actor: "a")
            Issue.record("an append went through a held lock")
        } catch {
            #expect(error.kind == .busy)
        }
        #expect(Date().timeIntervalSince(start) < 5)
        try holder.tamper("ROLLBACK")
    }

    @Test func aBackupIsAConsistentCopyThatVerifiesAlone() throws {
        let store = try Self.signedStore(1200)
        let dest = try AuditPaths.temp() + "/copy.sqlite"
        let report = try store.backup(to: dest)
        #expect(report.ok)
        #expect(report.records == 1200)
        let copy = try AuditStore(readingAt: dest)
        #expect(try copy.checkpoints() == store.checkpoints())
        #expect(throws: AuditStoreError.self) { try store.backup(to: dest) }
    }
}
