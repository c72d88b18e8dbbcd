import BylawDiagnostics
import Testing

@testable import BylawYAML

@Suite struct LoaderTests {
    @Test func loadsNestedDocumentWithPositions() throws {
        let root = try load("name: café\nitems:\n  - 1\n  - {a: b}\n")
        let pairs = try #require(root.mapping)
        #expect(pairs.count == 2)
        #expect(root["name"]?.scalar?.text == "café")
        let items = try #require(root["items"]?.sequence)
        #expect(items.count == 2)
        #expect(items[0].start == YAMLMark(line: 3, column: 5, offset: 23))
        #expect(items[1]["a"]?.scalar?.text == "b")
        #expect(root["name"]?.end == YAMLMark(line: 1, column: 11, offset: 11))
        #expect(items[1].kindName == "mapping")
    }

    @Test func jsonWithoutSpacesAndWithTabsLoadsLikeYAML() throws {
        let root = try load("{\"a\":1,\t\"b\":[1.50,\ttrue,null],\"c\":\"x\"}", file: "t.json")
        #expect(root["a"]?.scalar?.coreType == .int)
        let b = try #require(root["b"]?.sequence)
        #expect(b.map { $0.scalar?.text } == ["1.50", "true", "null"])
        #expect(b.map { $0.scalar?.coreType } == [.float, .bool, .null])
        #expect(root["c"]?.scalar?.coreType == .string)
    }

    @Test func jsonDuplicateKeyRejected() {
        expectRejected("{\"a\": 1, \"a\": 2}", code: "yaml.duplicate-key", line: 1, column: 10)
    }

    /// Keys are kept in a list while a mapping is small and in a table beyond: a duplicate is found either way,
    /// canonically equal spellings included, and an int key is not the string of its digits.
    @Test(arguments: [3, 15, 16, 17, 40])
    func duplicateKeyFoundAtAnySize(keys: Int) {
        let lines = (0..<keys).map { "k\($0): \($0)" } + ["k1: again"]
        expectRejected(lines.joined(separator: "\n") + "\n", code: "yaml.duplicate-key", line: keys + 1, column: 1)
        let nfc = (0..<keys).map { "k\($0): \($0)" } + ["caf\u{E9}: 1", "cafe\u{301}: 2"]
        expectRejected(nfc.joined(separator: "\n") + "\n", code: "yaml.duplicate-key", line: keys + 2, column: 1)
        let mixed = (0..<keys).map { "\"s\($0)\": \($0)" } + ["7: int", "\"7\": string"]
        let loaded = try? YAMLLoader.load(
            bytes: Array((mixed.joined(separator: "\n") + "\n").utf8), file: "t.yaml", limits: .ruleSet)
        #expect(loaded?.mapping?.count == keys + 2)
    }

    @Test func leadingBOMIsStrippedAndOffsetsCountIt() throws {
        let root = try YAMLLoader.load(bytes: [0xEF, 0xBB, 0xBF] + Array("a: b\n".utf8), file: "t", limits: .ruleSet)
        let value = try #require(root["a"])
        #expect(value.start == YAMLMark(line: 1, column: 4, offset: 6))
    }

    @Test func aliasExpandsToCopyInRuleSets() throws {
        let root = try load("a: &x [1, 2]\nb: *x\n")
        #expect(root["b"]?.sequence?.count == 2)
    }

    @Test func aliasForbiddenInDecisions() {
        expectRejected("a: &x 1\n", code: "yaml.alias-forbidden", line: 1, column: 4, limits: .decision)
    }

    @Test func emptyFileHasNoDocument() {
        expectRejected("# only a comment\n", code: "yaml.no-document", line: 1, column: 1)
    }

    @Test func unreadableFileHasNoLocation() {
        do {
            _ = try YAMLLoader.load(path: "/nonexistent/bylaw.yaml", limits: .ruleSet)
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.first?.code == "io.unreadable")
            #expect(error.diagnostics.first?.location == nil)
        }
    }

    @Test func directoryIsUnreadable() {
        do {
            _ = try YAMLLoader.load(path: "/tmp", limits: .ruleSet)
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.code) == ["io.unreadable"])
            #expect(error.diagnostics.first?.message == "cannot read `/tmp`")
            #expect(error.diagnostics.first?.location == nil)
        }
    }

    @Test func fileIsLoadedByPath() throws {
        let path = "/tmp/bylaw-yaml-test-\(UInt32.random(in: 0...UInt32.max)).yaml"
        try #require(writeFile(path, Array("x: [1, 2]\n".utf8)))
        defer { removeFile(path) }
        let root = try YAMLLoader.load(path: path, limits: .ruleSet)
        #expect(root["x"]?.sequence?.count == 2)
        #expect(root.file == path)
    }

    @Test func oversizedFileRejectedBeforeParsing() throws {
        var limits = YAMLLimits.ruleSet
        limits.maxBytes = 10
        let path = "/tmp/bylaw-yaml-test-\(UInt32.random(in: 0...UInt32.max)).yaml"
        try #require(writeFile(path, Array("x: [1, 2, 3]\n".utf8)))
        defer { removeFile(path) }
        do {
            _ = try YAMLLoader.load(path: path, limits: limits)
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.first?.code == "yaml.limit.size")
        }
        expectRejected("x: [1, 2, 3]\n", code: "yaml.limit.size", line: 1, column: 1, limits: limits)
        var exact = YAMLLimits.ruleSet
        exact.maxBytes = 13
        #expect(throws: Never.self) { try load("x: [1, 2, 3]\n", limits: exact) }
    }
}

/// The help on YAML's `: ` surprise in a plain expression.
@Suite struct QuoteHintTests {
    @Test(
        arguments: [
            ("    require: x ? a : b", 20, "`require: 'x ? a : b'`"),
            ("  - when: kind == \"a: b\"", 22, "`when: 'kind == \"a: b\"'`"),
            ("    require: x == 'a' ? b : c  # why", 27, "`require: \"x == 'a' ? b : c\"`"),
        ])
    func quotesThePlainValue(line: String, column: Int, expected: String) throws {
        let help = try #require(QuoteHint.help(line: line, column: column))
        #expect(help.hasSuffix(expected), "\(help)")
    }

    @Test func leavesOtherErrorsAlone() {
        #expect(QuoteHint.help(line: "a: b: c", column: 2) == nil)
        #expect(QuoteHint.help(line: "    require: 'x' : y", column: 17) == nil)
        #expect(QuoteHint.help(line: "no colon here", column: 3) == nil)
    }

    @Test func loaderAddsTheHelp() throws {
        let text = "rules:\n  - require: n > 1 ? n : 0\n"
        do {
            _ = try YAMLLoader.load(bytes: Array(text.utf8), file: "t.yaml", limits: .ruleSet)
            Issue.record("loaded")
        } catch {
            #expect(error.diagnostics.first?.help?.contains("`require: 'n > 1 ? n : 0'`") == true)
        }
    }
}

/// A key written with a Chinese input method's full-width colon (`method： 出售`) is a syntax error that names
/// the line and the key, wherever libyaml notices it (on the next line, or inside a block below).
@Suite struct FullWidthColonHintTests {
    @Test(arguments: [
        ("kind: a\nmethod： 出售\nid: x\n", 2, "method"),
        ("kind: a\nid: x\nmethod：出售\n", 3, "method"),
        ("kind: a\nasset:\n  name：车\n  value: 1\n", 3, "name"),
        ("kind: a\nmethod： 出售\n  foo: 1\n", 2, "method"),
        ("items:\n  - 名称：车\n    数量: 1\n", 2, "名称"),
    ])
    func namesTheLineAndTheKey(text: String, line: Int, key: String) {
        do {
            _ = try YAMLLoader.load(bytes: Array(text.utf8), file: "d.yaml", limits: .decision)
            Issue.record("loaded: \(text)")
        } catch {
            let help = error.diagnostics.first?.help ?? ""
            #expect(help.hasPrefix("line \(line) has the full-width colon `：` after `\(key)`"), "\(help)")
        }
    }

    /// A `：` inside a quoted text that is never closed is not the mistake: no hint about it.
    @Test func aColonInsideUnclosedQuotesIsNotBlamed() {
        let text = "kind: a\nnote: \"说明\n  理由：车辆超编\n"
        do {
            _ = try YAMLLoader.load(bytes: Array(text.utf8), file: "d.yaml", limits: .decision)
            Issue.record("loaded")
        } catch {
            #expect(error.diagnostics.first?.help?.contains("full-width") != true, "\(error.diagnostics)")
        }
    }

    @Test func leavesOtherLinesAlone() {
        #expect(QuoteHint.fullWidthColonKey("  # 注：说明") == nil)
        #expect(QuoteHint.fullWidthColonKey("note: 备注：无") == nil)
        #expect(QuoteHint.fullWidthColonKey("\"a：b\": 1") == nil)
        #expect(QuoteHint.fullWidthColonKey("  - 名称：车") == "名称")
    }
}
