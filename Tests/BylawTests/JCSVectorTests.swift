import Bylaw
import Foundation
import Testing

/// RFC 8785 test vectors from ../shared/conformance/jcs: each input canonicalises to exactly its output bytes.
@Suite struct JCSVectorTests {
    static let folder = Paths.repository + "/../shared/conformance/jcs"
    static let names: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/input")) ?? [])
        .filter { $0.hasSuffix(".json") }.sorted()

    @Test func vectorsArePresentOrSkippedWithAReason() {
        if Self.names.isEmpty {
            print("jcs: skipped, no vectors at \(Self.folder)")
        } else {
            print("jcs: \(Self.names.count) vectors: " + Self.names.joined(separator: ", "))
        }
        #expect(Self.names.isEmpty || Self.names.count >= 6)
    }

    @Test(arguments: names)
    func vector(_ name: String) throws {
        let input = try #require(FileManager.default.contents(atPath: Self.folder + "/input/" + name))
        let expected = try #require(FileManager.default.contents(atPath: Self.folder + "/output/" + name))
        let actual = try JCS.canonicalize(json: Array(input))
        #expect(actual == Array(expected), "\(name): \(String(decoding: actual, as: UTF8.self))")
    }

    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (1e21, "1e+21"), (1e20, "100000000000000000000"), (1e-7, "1e-7"), (1e-6, "0.000001"),
        (123456789012345680000.0, "123456789012345680000"), (Double.leastNonzeroMagnitude, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
        (0.1, "0.1"), (-1.5, "-1.5"), (333333333.3333333, "333333333.3333333"),
    ])
    func numbersAreWrittenAsECMAScriptDoes(value: Double, text: String) {
        #expect(JCS.format(value) == text)
    }

    @Test func membersSortByUTF16CodeUnits() throws {
        // U+1F600 is D83D DE00 in UTF-16, so it sorts before U+FB01 (FB01), unlike in UTF-8 or scalar order.
        let v = JSONValue.object([("\u{FB01}", .null), ("\u{1F600}", .null), ("a", .null)])
        #expect(
            String(decoding: try JCS.canonicalize(v), as: UTF8.self)
                == "{\"a\":null,\"\u{1F600}\":null,\"\u{FB01}\":null}")
    }

    @Test(arguments: [
        (#"{"a":1,"a":2}"#, "duplicate member name `a`"),
        (String(repeating: "[", count: 300) + String(repeating: "]", count: 300), "nesting deeper than 256"),
        ("[1,]", "unexpected character"),
        ("01", "invalid number"),
    ])
    func strictParsing(text: String, problem: String) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(Array(text.utf8)) }
        do {
            _ = try JSONValue.parse(Array(text.utf8))
        } catch {
            #expect(error.message == problem)
        }
    }

    @Test func invalidUTF8IsRefused() {
        #expect(throws: JSONParseError.self) { try JSONValue.parse([0x22, 0xFF, 0x22]) }
    }

    @Test func nonFiniteNumbersAreUnrepresentable() {
        #expect(throws: JCS.Unrepresentable.self) { try JCS.canonicalize(.number(JSONNumber("1e999"))) }
    }
}
