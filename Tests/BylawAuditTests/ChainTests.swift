import Bylaw
import Foundation
import Testing

@testable import BylawAudit

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
}
