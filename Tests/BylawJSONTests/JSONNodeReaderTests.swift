import Bylaw
import BylawDiagnostics
import BylawTestSupport
import BylawYAML
import Foundation
import Testing

@testable import BylawJSON

/// The JSON reader enforces `YAMLLimits.decision` exactly at each limit, and stays linear on hostile lines.
@Suite struct JSONNodeReaderTests {
    static let limits = YAMLLimits.decision

    /// `ok` when `text` reads, else `code@line:column` of the first diagnostic.
    static func outcome(_ text: String) -> String {
        do {
            _ = try JSONNodeReader(file: "t.jsonl", start: YAMLMark(line: 1, column: 1, offset: 0)).read(
                Array(text.utf8))
            return "ok"
        } catch {
            guard let d = error.diagnostics.first else { return "no diagnostic" }
            return "\(d.code)@\(d.location?.line ?? 0):\(d.location?.column ?? 0)"
        }
    }

    /// An object with members `k0`, `k1`, … each set to 0.
    static func object(keys n: Int) -> String {
        "{" + (0..<n).map { "\"k\($0)\":0" }.joined(separator: ",") + "}"
    }

    /// The column where member `k<n>` starts in `object(keys:)`.
    static func keyColumn(_ n: Int) -> Int {
        2 + (0..<n).reduce(0) { $0 + "\"k\($1)\":0,".count }
    }

    @Test func depthAtTheLimitReadsAndOneMoreIsRejectedAtTheDeepestBracket() {
        let d = Self.limits.maxDepth
        #expect(Self.outcome(String(repeating: "[", count: d) + String(repeating: "]", count: d)) == "ok")
        #expect(
            Self.outcome(String(repeating: "[", count: d + 1) + String(repeating: "]", count: d + 1))
                == "json.limit.depth@1:\(d + 1)")
        // Objects count towards the same depth.
        let objects = String(repeating: "{\"a\":", count: d) + "0" + String(repeating: "}", count: d)
        #expect(Self.outcome(objects) == "ok")
        #expect(Self.outcome("[" + objects + "]") == "json.limit.depth@1:\(2 + 5 * (d - 1))")
    }

    @Test func keysAtTheLimitReadAndOneMoreIsRejectedAtThatKey() {
        let n = Self.limits.maxKeysPerMapping
        #expect(Self.outcome(Self.object(keys: n)) == "ok")
        #expect(Self.outcome(Self.object(keys: n + 1)) == "json.limit.keys@1:\(Self.keyColumn(n))")
    }

    /// The review's hostile line: 200,000 distinct keys. The exact code proves the key limit stopped it at the
    /// 10,001st key, before any work that grows with the whole line; the time bound is generous, for debug builds.
    @Test func aLineOf200000KeysIsRejectedQuickly() {
        let text = Self.object(keys: 200_000)
        let clock = ContinuousClock()
        let started = clock.now
        let result = Self.outcome(text)
        let took = clock.now - started
        #expect(result == "json.limit.keys@1:\(Self.keyColumn(Self.limits.maxKeysPerMapping))")
        #expect(took < .seconds(10), "took \(took)")
    }

    /// With a limit high enough to let the keys through, duplicate detection is still linear: 200,000 keys and a
    /// duplicate at the end (the quadratic scan took hours on lines like this).
    @Test func duplicateDetectionIsLinearWhenTheKeyLimitIsRaised() {
        var limits = Self.limits
        limits.maxKeysPerMapping = 300_000
        let n = 200_000
        let text = "{" + (0..<n).map { "\"k\($0)\":0" }.joined(separator: ",") + ",\"k7\":1}"
        let clock = ContinuousClock()
        let started = clock.now
        var code = "ok"
        do {
            _ = try JSONNodeReader(file: "t.jsonl", start: YAMLMark(line: 1, column: 1, offset: 0), limits: limits)
                .read(Array(text.utf8))
        } catch {
            code = error.diagnostics.first?.code ?? "none"
        }
        let took = clock.now - started
        #expect(code == "json.duplicate-key")
        #expect(took < .seconds(20), "took \(took)")
    }

    @Test func itemsAtTheLimitReadAndOneMoreIsRejectedAtThatItem() {
        let n = Self.limits.maxItemsPerSequence
        let atLimit = "[" + Array(repeating: "0", count: n).joined(separator: ",") + "]"
        #expect(Self.outcome(atLimit) == "ok")
        let over = "[" + Array(repeating: "0", count: n + 1).joined(separator: ",") + "]"
        #expect(Self.outcome(over) == "json.limit.items@1:\(2 + 2 * n)")
    }

    /// Two arrays hold the nodes so neither crosses the item limit: the outer array, two inner arrays and
    /// `a + b` numbers make `3 + a + b` nodes.
    @Test func nodesAtTheLimitReadAndOneMoreIsRejectedAtThatNode() {
        let total = Self.limits.maxNodes
        let a = Self.limits.maxItemsPerSequence - 1
        func text(_ b: Int) -> String {
            "[[" + Array(repeating: "0", count: a).joined(separator: ",") + "],\n["
                + Array(repeating: "0", count: b).joined(separator: ",") + "]]"
        }
        #expect(Self.outcome(text(total - 3 - a)) == "ok")
        let b = total - 2 - a
        #expect(Self.outcome(text(b)) == "json.limit.nodes@2:\(2 * b)")
    }

    /// Member names count as nodes, as keys do in YAML.
    @Test func memberNamesCountAsNodes() {
        var limits = Self.limits
        limits.maxNodes = 5
        func read(_ text: String) -> String {
            do {
                _ = try JSONNodeReader(
                    file: "t.jsonl", start: YAMLMark(line: 1, column: 1, offset: 0), limits: limits
                ).read(Array(text.utf8))
                return "ok"
            } catch {
                let d = error.diagnostics.first
                return "\(d?.code ?? "")@\(d?.location?.column ?? 0)"
            }
        }
        #expect(read("{\"a\":1,\"b\":2}") == "ok")
        #expect(read("{\"a\":1,\"b\":2,\"c\":3}") == "json.limit.nodes@14")
    }

    @Test func scalarsAtTheLimitReadAndOneMoreByteIsRejectedAtTheScalar() {
        let n = Self.limits.maxScalarBytes
        #expect(Self.outcome("[1,\"" + String(repeating: "x", count: n) + "\"]") == "ok")
        #expect(Self.outcome("[1,\"" + String(repeating: "x", count: n + 1) + "\"]") == "json.limit.scalar@1:4")
        // The decoded length counts: `\n` is one byte, `é` two.
        #expect(Self.outcome("[\"\\n" + String(repeating: "x", count: n - 1) + "\"]") == "ok")
        #expect(Self.outcome("[\"\\n" + String(repeating: "x", count: n) + "\"]") == "json.limit.scalar@1:2")
        #expect(Self.outcome("[\"é" + String(repeating: "x", count: n - 2) + "\"]") == "ok")
        #expect(Self.outcome("[\"é" + String(repeating: "x", count: n - 1) + "\"]") == "json.limit.scalar@1:2")
        // Numbers are scalars too.
        #expect(Self.outcome("[1," + String(repeating: "9", count: n) + "]") == "ok")
        #expect(Self.outcome("[1," + String(repeating: "9", count: n + 1) + "]") == "json.limit.scalar@1:4")
    }

    @Test func memberNamesAtTheLimitReadAndOneMoreByteIsRejectedAtTheName() {
        let n = Self.limits.maxKeyBytes
        #expect(Self.outcome("{\"a\":1,\"" + String(repeating: "k", count: n) + "\":2}") == "ok")
        #expect(
            Self.outcome("{\"a\":1,\"" + String(repeating: "k", count: n + 1) + "\":2}") == "json.limit.key-length@1:8")
        // A long value under a short name is only a scalar.
        #expect(Self.outcome("{\"a\":\"" + String(repeating: "k", count: n + 1) + "\"}") == "ok")
    }

    @Test func aDuplicateMemberNamesBothPositions() throws {
        let text = "{\"a\": 1,\n  \"b\": {\"a\": 2},\n  \"a\": 3}"
        let error = #expect(throws: YAMLLoadError.self) {
            try JSONNodeReader(file: "t.jsonl", start: YAMLMark(line: 4, column: 1, offset: 0)).read(Array(text.utf8))
        }
        let d = try #require(error?.diagnostics.first)
        #expect(d.code == "json.duplicate-key")
        #expect(d.message == "the member `a` appears twice in one object")
        #expect(d.location == SourceLocation(file: "t.jsonl", line: 6, column: 3))
        #expect(d.notes.map(\.location) == [SourceLocation(file: "t.jsonl", line: 4, column: 2)])
        // The same name in a nested object is no duplicate.
        #expect(Self.outcome("{\"a\": {\"a\": 1}, \"b\": {\"a\": 2}}") == "ok")
    }

    /// Small objects compare names directly and larger ones through a dictionary: a duplicate of the first
    /// member is found on either side of the switch, with the first member's position.
    @Test(arguments: [1, 2, 15, 16, 17, 40])
    func duplicatesAreFoundAtAnySize(_ members: Int) throws {
        let body = (0..<members).map { "\"m\($0)\": \($0)" }.joined(separator: ", ")
        let text = "{" + body + ", \"m0\": 0}"
        let error = #expect(throws: YAMLLoadError.self) {
            try JSONNodeReader(file: "t.jsonl", start: YAMLMark(line: 1, column: 1, offset: 0)).read(Array(text.utf8))
        }
        let d = try #require(error?.diagnostics.first)
        #expect(d.code == "json.duplicate-key")
        #expect(d.notes.map(\.location) == [SourceLocation(file: "t.jsonl", line: 1, column: 2)])
        #expect(Self.outcome("{" + body + ", \"other\": 0}") == "ok")
    }

    /// A precomposed and a decomposed `é` are one name, as in `YAMLLoader`.
    @Test func canonicallyEquivalentNamesCollideAsInYAML() {
        let text = "{\"caf\u{E9}\": 1, \"cafe\u{301}\": 2}"
        #expect(Self.outcome(text) == "json.duplicate-key@1:13")
        #expect(throws: YAMLLoadError.self) {
            try YAMLLoader.load(bytes: Array(text.utf8), file: "t.json", limits: Self.limits)
        }
        #expect(Self.outcome("{\"caf\u{E9}\": 1, \"cafe\": 2}") == "ok")
    }
}
