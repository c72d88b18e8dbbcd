import Bylaw
import Testing

@testable import BylawAudit
@testable import BylawJSON

@Suite struct HeaderScannerTests {
    @Test func readsHeaderFieldsAndSkipsTheRest() throws {
        let record = JSONValue.object([
            ("seq", .number(JSONNumber(42))), ("actor", .string("张\"三\"")), ("verdict", .string("non_compliant")),
            (
                "decision",
                .object([
                    ("document", .object([("kind", .string("decoy")), ("list", .array([.string("]}\\\""), .null]))])),
                    ("kind", .string("asset_disposal")), ("unit", .string("acftu/财务部")),
                ])
            ),
            ("outcomes", .array([.object([("message", .string("a \"quoted\" {brace}"))])])),
            ("previous_chain_hash", .string("00ff")),
        ])
        let bytes = try JCS.canonicalize(record)
        let h = try #require(HeaderScanner.header(bytes))
        #expect(h.seq == 42)
        #expect(h.actor == "张\"三\"")
        #expect(h.kind == "asset_disposal", "the decision's own kind, not the document's")
        #expect(h.unit == "acftu/财务部")
        #expect(h.verdict == "non_compliant")
        #expect(h.previousChainHash == "00ff")
        #expect(h.decisionID == nil)
    }

    @Test(arguments: ["", "{", "{\"seq\":1", "[1]", "{\"seq\":1}x", "{\"a\":[1,2}"])
    func malformedRecordsAreRefused(_ text: String) {
        #expect(HeaderScanner.header(Array(text.utf8)) == nil)
    }

    /// Strings are skipped eight bytes at a time: an escaped quote or backslash at any offset of a word must
    /// neither end the string early nor be missed.
    @Test(arguments: 0..<17)
    func escapesAtEveryOffsetAreSkipped(_ offset: Int) throws {
        let pad = String(repeating: "x", count: offset)
        let record = JSONValue.object([
            ("actor", .string(pad + "\"}" + pad + "\\" + pad)),
            ("decision", .object([("note", .string(pad + "\\\"],{" + pad)), ("unit", .string("u/" + pad))])),
            ("seq", .number(JSONNumber(7))),
        ])
        let h = try #require(HeaderScanner.header(try JCS.canonicalize(record)))
        #expect(h.actor == pad + "\"}" + pad + "\\" + pad)
        #expect(h.unit == "u/" + pad)
        #expect(h.seq == 7)
    }
}
