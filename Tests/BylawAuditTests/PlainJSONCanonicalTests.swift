import Bylaw
import BylawTestSupport
import BylawYAML
import Foundation
import Testing

@testable import BylawAudit
@testable import BylawBatch
@testable import BylawJSON

/// The audit path's shortcut from JSON bytes to the kept document must give exactly the bytes of the tree
/// path (`JSONNodeReader`, then `CanonicalWriter.document`), and must decline whatever it does not handle.
@Suite struct PlainJSONCanonicalTests {
    static func treePath(_ json: String) throws -> [UInt8] {
        let node = try JSONNodeReader(file: "t.jsonl", start: YAMLMark(line: 1, column: 1, offset: 0))
            .read(Array(json.utf8))
        var w = CanonicalWriter()
        w.document(node)
        return w.bytes
    }

    static let plain: [String] = [
        #"{"kind":"asset_disposal","id":"ZC-1","date":"2024-04-14","unit":"acftu/hn"}"#,
        #"{"z":1,"a":-2.50,"m":0,"b":true,"c":false,"d":null,"e":"0012"}"#,
        #" { "b" : [ 1 , {"y":"2","x":[]} , null , "中" ] , "a" : { } } "#,
        #"{"asset":{"name":"格力空调（2号）","book_value":367959.37,"acquired":"2014-11-12"},"action":"处置"}"#,
        // UTF-16 order differs from UTF-8 order: U+FF5E sorts after U+1F600 (a surrogate pair) in UTF-16.
        #"{"～":1,"😀":2,"a":3,"é":4}"#,
        #"{"approvals":[{"body":"省级工会","date":"2024-01-08"},{"date":"2024-02-01","body":"市级工会"}]}"#,
        #"[1,"two",{"b":0.5,"a":-0}]"#,
        #""text""#,
    ]

    @Test(arguments: plain)
    func plainJSONGivesTheTreePathsBytes(_ json: String) throws {
        let fast = try #require(PlainJSONCanonical.document(Array(json.utf8)), "declined: \(json)")
        #expect(fast == (try Self.treePath(json)), "\(String(decoding: fast, as: UTF8.self))")
        #expect(try JCS.canonicalize(json: fast) == fast)
    }

    static let declined: [String] = [
        #"{"a":"line\nbreak"}"#,  // an escape
        #"{"a":1e5}"#,  // an exponent
        #"{"a":012}"#,  // a leading zero
        #"{"a":1.}"#,
        #"{"a":1,"a":2}"#,  // a repeated name
        #"{"b":1,"a":2,"b":3}"#,
        "{\"a\":\"tab\there\"}",  // a control character
        #"{"a":1} x"#,
        #"{"a":tru}"#,
        #"{"a":[1,]}"#,
        #"{"a":1"#,
        "",
    ]

    @Test(arguments: declined)
    func anythingElseIsDeclined(_ json: String) {
        #expect(PlainJSONCanonical.document(Array(json.utf8)) == nil, "\(json)")
    }

    @Test func invalidUTF8IsDeclined() {
        var bytes = Array(#"{"a":"x"}"#.utf8)
        bytes[6] = 0xFF
        #expect(PlainJSONCanonical.document(bytes) == nil)
    }

    @Test func deepNestingIsLeftToTheTreePath() {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(PlainJSONCanonical.document(Array(deep.utf8)) == nil)
        let shallow = String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
        #expect(PlainJSONCanonical.document(Array(shallow.utf8)) == Array(shallow.utf8))
    }

    /// A YAML example as the JSON an export would hold: numbers and booleans bare, everything else a string.
    static func json(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let s):
            if s.style == .plain, s.coreType == .null { return "null" }
            if s.style == .plain, [.bool, .int, .float].contains(s.coreType) { return s.text }
            return quote(s.text)
        case .sequence(let items): return "[" + items.map(json).joined(separator: ",") + "]"
        case .mapping(let pairs):
            let members: [String] = pairs.map { pair in quote(pair.key.scalar?.text ?? "") + ":" + json(pair.value) }
            return "{" + members.joined(separator: ",") + "}"
        }
    }

    static func quote(_ text: String) -> String {
        var out: [UInt8] = []
        JCS.appendQuoted(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Whole audit records: each shipped example, as a JSON Lines record, checked through `checkForRecord`
    /// (the shortcut) and through the tree gives the same bytes, sensitive fields masked alike.
    @Test(arguments: RecordBuilderTests.examples)
    func auditRecordsAreTheSameEitherWay(_ file: String) throws {
        let library = RecordBuilderTests.library
        let builder = RecordBuilder(maskingKey: Array("k".utf8), library: library)
        let checker = BatchChecker(library: library)
        let raw = try #require(FileManager.default.contents(atPath: file).map(Array.init))
        let line = Array(Self.json(try YAMLLoader.load(bytes: raw, file: file, limits: .decision)).utf8)
        let record = BatchRecord(
            source: RecordSource(file: "d.jsonl", position: .line(1)),
            body: .json(YAMLMark(line: 1, column: 1, offset: 0)), raw: line)
        let (item, document, canonical) = checker.checkForRecord(record, index: 0)
        let (treeItem, tree) = checker.check(record, index: 0, keepDocument: true)
        #expect(item.result.verdict == treeItem.result.verdict)
        #expect(item.result.results.map(\.outcome) == treeItem.result.results.map(\.outcome))
        var cache = DraftCache()
        let viaTree = builder.draft(treeItem.result, raw: line, document: tree, event: "audit", cache: &cache)
        let fast =
            if let canonical {
                builder.draft(item.result, raw: line, canonicalDocument: canonical, event: "audit", cache: &cache)
            } else {
                builder.draft(item.result, raw: line, document: document, event: "audit", cache: &cache)
            }
        #expect(fast.members.map(\.canonical) == viaTree.members.map(\.canonical))
        // Examples that are valid decisions are plain JSON here and take the shortcut.
        if treeItem.result.verdict != .invalid {
            #expect(canonical != nil, "\(file) did not take the shortcut")
        }
    }
}
