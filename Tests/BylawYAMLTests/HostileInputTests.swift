import BylawDiagnostics
import Testing

@testable import BylawYAML

/// One test per limit and policy: at the limit passes, one over fails, with the code and position.
@Suite struct HostileInputTests {
    @Test func nestingBombRejectedAtDepth65() {
        let bomb = [UInt8](repeating: UInt8(ascii: "["), count: 2_000_000)
        var limits = YAMLLimits.ruleSet
        limits.maxBytes = 2_000_000
        expectRejected(bomb, code: "yaml.limit.depth", line: 1, column: 65, limits: limits)
        let atLimit = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try load(atLimit) }
    }

    @Test func blockNestingBombRejectedAtDepth65() {
        let bomb = Array(String(repeating: "- ", count: 500_000).utf8)
        expectRejected(bomb, code: "yaml.limit.depth", line: 1, column: 129)
    }

    @Test func billionLaughsRejected() {
        var text = "a: &a [" + Array(repeating: "\"lol\"", count: 9).joined(separator: ",") + "]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        // The first `*b` (line 3) would take the document past 10 times its written nodes.
        expectRejected(text, code: "yaml.limit.expansion", line: 3, column: 8)
        var lenient = YAMLLimits.ruleSet
        lenient.maxAliasExpansionFactor = 1_000_000
        expectRejected(text, code: "yaml.limit.nodes", line: 6, column: 8, limits: lenient)
        lenient.maxNodes = 1 << 40
        expectRejected(text, code: "yaml.limit.aliases", line: 7, column: 23, limits: lenient)
    }

    @Test func aliasEventsLimit() {
        var limits = YAMLLimits.ruleSet
        limits.maxAliasExpansionFactor = 100
        let body = "a: &a 1\nl: [" + Array(repeating: "*a", count: 50).joined(separator: ", ") + "]\n"
        #expect(throws: Never.self) { try load(body, limits: limits) }
        let over = "a: &a 1\nl: [" + Array(repeating: "*a", count: 51).joined(separator: ", ") + "]\n"
        expectRejected(over, code: "yaml.limit.aliases", line: 2, column: 5 + 50 * 4, limits: limits)
    }

    @Test func anchorsLimit() {
        let ok = (0..<1000).map { "- &a\($0) 1\n" }.joined()
        #expect(throws: Never.self) { try load(ok) }
        expectRejected(ok + "- &z 1\n", code: "yaml.limit.anchors", line: 1001, column: 3)
    }

    @Test func keysPerMappingLimit() {
        let ok = (0..<10_000).map { "k\($0): 1\n" }.joined()
        #expect(throws: Never.self) { try load(ok) }
        expectRejected(ok + "k10000: 1\n", code: "yaml.limit.keys", line: 10_001, column: 1)
    }

    @Test func itemsPerSequenceLimit() {
        var limits = YAMLLimits.ruleSet
        limits.maxNodes = 1_000_000
        let ok = "[" + Array(repeating: "1", count: 100_000).joined(separator: ",") + "]"
        #expect(throws: Never.self) { try load(ok, limits: limits) }
        let over = "[" + Array(repeating: "1", count: 100_001).joined(separator: ",") + "]"
        expectRejected(over, code: "yaml.limit.items", line: 1, column: 200_002, limits: limits)
    }

    @Test func nodesLimit() {
        let ok = "[" + Array(repeating: "1", count: 99_999).joined(separator: ",") + "]"
        #expect(throws: Never.self) { try load(ok) }
        let over = "[" + Array(repeating: "1", count: 100_000).joined(separator: ",") + "]"
        expectRejected(over, code: "yaml.limit.nodes", line: 1, column: 200_000)
    }

    @Test func scalarLengthLimit() {
        #expect(throws: Never.self) { try load("a: " + String(repeating: "x", count: 65_536)) }
        expectRejected("a: " + String(repeating: "x", count: 65_537), code: "yaml.limit.scalar", line: 1, column: 4)
    }

    @Test func keyLengthLimit() {
        #expect(throws: Never.self) { try load("? " + String(repeating: "k", count: 1024) + "\n: v\n") }
        expectRejected(
            "? " + String(repeating: "k", count: 1025) + "\n: v\n", code: "yaml.limit.key-length", line: 1, column: 3)
    }

    @Test func sizeLimit() {
        let ok = "a: " + String(repeating: "x", count: 60_000) + "\n"
        var limits = YAMLLimits.ruleSet
        limits.maxBytes = ok.utf8.count
        #expect(throws: Never.self) { try load(ok, limits: limits) }
        expectRejected(ok + " ", code: "yaml.limit.size", line: 1, column: 1, limits: limits)
    }

    @Test func duplicateKeyReportsBothPositions() throws {
        let d = try #require(firstError(Array("a: 1\nb: 2\na: 3\n".utf8)))
        #expect(d.code == "yaml.duplicate-key")
        #expect(d.location == SourceLocation(file: "t.yaml", line: 3, column: 1))
        #expect(d.notes.first?.location == SourceLocation(file: "t.yaml", line: 1, column: 1))
    }

    @Test func nfcCollidingKeysAreDuplicates() throws {
        let d = try #require(firstError(Array("caf\u{E9}: 1\ncafe\u{301}: 2\n".utf8)))
        #expect(d.code == "yaml.duplicate-key")
        #expect(d.location?.line == 2)
        #expect(d.notes.first?.location?.line == 1)
    }

    @Test func intAndStringKeysDoNotCollideButIntSpellingsDo() {
        #expect(throws: Never.self) { try load("1: a\n\"1\": b\n") }
        expectRejected("31: a\n0x1F: b\n", code: "yaml.duplicate-key", line: 2, column: 1)
    }

    @Test func invalidUTF8AtLineAndColumn() {
        expectRejected(Array("a: 1\nb: x".utf8) + [0xFF] + Array("y\n".utf8), code: "yaml.encoding", line: 2, column: 5)
        expectRejected(Array("a: \u{E9}".utf8) + [0xC3], code: "yaml.encoding", line: 1, column: 5)
    }

    @Test(arguments: [
        ("UTF-16LE with BOM", [0xFF, 0xFE, 0x61, 0x00, 0x3A, 0x00] as [UInt8]),
        ("UTF-16BE with BOM", [0xFE, 0xFF, 0x00, 0x61, 0x00, 0x3A]),
        ("UTF-16LE without BOM", [0x61, 0x00, 0x3A, 0x00]),
        ("UTF-32BE with BOM", [0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x00, 0x61]),
    ])
    func utf16And32Rejected(_ name: String, _ bytes: [UInt8]) {
        expectRejected(bytes, code: "yaml.encoding", line: 1, column: 1)
    }

    @Test func byteOrderMarkInsideRejected() {
        expectRejected("a: x\u{FEFF}\n", code: "yaml.encoding", line: 1, column: 5)
    }

    @Test func pythonTagRejected() {
        expectRejected("x: !!python/object/apply:os.system [\"ls\"]\n", code: "yaml.forbidden-tag", line: 1, column: 4)
        expectRejected("x: !custom 1\n", code: "yaml.forbidden-tag", line: 1, column: 4)
        expectRejected("x: !!int abc\n", code: "yaml.tag-mismatch", line: 1, column: 4)
    }

    @Test func directivesRejected() {
        expectRejected("%YAML 1.1\n---\na: 1\n", code: "yaml.directive", line: 1, column: 1)
        expectRejected("%TAG !e! tag:example.com,2000:\n---\na: 1\n", code: "yaml.directive", line: 1, column: 1)
        #expect(throws: Never.self) { try load("%YAML 1.2\n---\na: 1\n") }
    }

    @Test func mergeKeyRejected() {
        expectRejected("base: &b {a: 1}\nderived:\n  <<: *b\n", code: "yaml.merge-key", line: 3, column: 3)
        #expect(throws: Never.self) { try load("\"<<\": quoted keys are plain strings\n") }
    }

    @Test func complexKeyRejected() {
        expectRejected("? [a, b]\n: 1\n", code: "yaml.complex-key", line: 1, column: 3)
    }

    @Test func secondDocumentRejected() {
        expectRejected("a: 1\n---\nb: 2\n", code: "yaml.multiple-documents", line: 2, column: 1)
    }

    @Test func anchorProblems() {
        expectRejected("a: *nope\n", code: "yaml.undefined-alias", line: 1, column: 4)
        expectRejected("a: &x [1, *x]\n", code: "yaml.undefined-alias", line: 1, column: 11)
        expectRejected("a: &x 1\nb: &x 2\n", code: "yaml.duplicate-anchor", line: 2, column: 4)
        expectRejected("a: &x 1\nb: *x\n", code: "yaml.alias-forbidden", line: 1, column: 4, limits: .decision)
    }

    @Test func bidiControlRejectedInRuleFilesOnly() {
        expectRejected("a: x\u{202E}y\n", code: "yaml.bidi-control", line: 1, column: 5)
        expectRejected("# note \u{2066}\na: 1\n", code: "yaml.bidi-control", line: 1, column: 8)
        #expect(throws: Never.self) { try load("a: x\u{202E}y\n", limits: .decision) }
    }

    @Test func controlCharacterRejected() {
        expectRejected("a: 1\nb: x\u{01}\n", code: "yaml.control-character", line: 2, column: 5)
        expectRejected("a: \u{85}x\u{7F}\n", code: "yaml.control-character", line: 1, column: 6)
        #expect(throws: Never.self) { try load("a:\tb\r\nc: d\n") }
    }

    @Test func syntaxErrorIsCleanedAndPositioned() throws {
        let d = try #require(firstError(Array("a: [1, 2\nb: 3\n".utf8)))
        #expect(d.code == "yaml.syntax")
        #expect(d.message.first?.isLowercase == true)
        #expect(d.message.last != ".")
        #expect(d.location?.line == 2)
    }
}
