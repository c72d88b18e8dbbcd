import BylawDiagnostics
import Testing

@testable import BylawYAML

/// `location(ofValueOffset:)`: the value character at an offset maps back to its file position.
/// Each row names a value offset and the line and column of the source character it came from.
@Suite struct ValueLocationTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var name: String
        var source: String
        /// The value offset to look up, and the line and column it must map to.
        var offset: Int
        var line: Int
        var column: Int
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(name: "plain", source: "v: a + b.c\n", offset: 4, line: 1, column: 8),
        Row(name: "plain after unicode", source: "v: é + b\n", offset: 4, line: 1, column: 8),
        Row(name: "plain multi-line", source: "v: a &&\n  b.size() > 2\n", offset: 7, line: 2, column: 5),
        Row(name: "plain fold space", source: "v: a\n  b\n", offset: 1, line: 1, column: 5),
        Row(name: "plain with blank line", source: "v: a\n\n  bc\n", offset: 3, line: 3, column: 4),
        Row(name: "single-quoted", source: "v: 'x == ''y'' && z'\n", offset: 10, line: 1, column: 17),
        Row(name: "single-quoted quote", source: "v: 'x == ''y'''\n", offset: 5, line: 1, column: 10),
        Row(name: "single-quoted multi-line", source: "v: 'ab\n   cd'\n", offset: 4, line: 2, column: 5),
        Row(name: "double-quoted", source: "v: \"a + b\"\n", offset: 4, line: 1, column: 9),
        Row(name: "double-quoted escape", source: "v: \"\\t\\u00e9x\"\n", offset: 2, line: 1, column: 13),
        Row(name: "double-quoted escaped break", source: "v: \"ab\\\n   cd\"\n", offset: 3, line: 2, column: 5),
        Row(name: "literal", source: "v: |\n  a + b\n  c.d > 1\n", offset: 8, line: 3, column: 5),
        Row(name: "literal deeper", source: "r:\n  v: |\n    x\n    yz\n", offset: 3, line: 4, column: 6),
        Row(name: "literal with indent indicator", source: "v: |2\n    x\n  y\n", offset: 4, line: 3, column: 3),
        Row(name: "folded", source: "v: >\n  ab\n  cd\n", offset: 3, line: 3, column: 3),
        Row(name: "offset past end", source: "v: ab\n", offset: 5, line: 1, column: 6),
    ]

    @Test(arguments: rows)
    func maps(_ row: Row) throws {
        let root = try load(row.source)
        let value = try #require(root["v"] ?? root["r"]?["v"])
        let at = value.location(ofValueOffset: row.offset)
        #expect(
            at == SourceLocation(file: "t.yaml", line: row.line, column: row.column),
            "value: \(value.scalar?.text ?? "")")
    }

    /// One locator for many offsets of a value (a message's placeholders) gives, at every offset from before the
    /// start to past the end, in any order, what a fresh lookup gives.
    @Test(arguments: rows)
    func aLocatorAgreesAtEveryOffset(_ row: Row) throws {
        let root = try load(row.source)
        let value = try #require(root["v"] ?? root["r"]?["v"])
        let locator = ValueLocator(value)
        let count = value.scalar?.text.unicodeScalars.count ?? 0
        for offset in Array((-1...count + 2).reversed()) + Array(-1...count + 2) {
            #expect(locator.location(ofValueOffset: offset) == value.location(ofValueOffset: offset), "\(offset)")
        }
    }

    @Test func collectionMapsToItsStart() throws {
        let root = try load("v: [1]\n")
        #expect(root["v"]?.location(ofValueOffset: 3) == SourceLocation(file: "t.yaml", line: 1, column: 4))
    }
}
