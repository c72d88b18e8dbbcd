import Bylaw
import BylawTestSupport
import Foundation
import Testing

@testable import BylawJSON

/// RFC 8785 (JCS) canonicalisation and the strict JSON parser beneath it.
@Suite struct JCSTests {
    /// The RFC author's vectors, read from the shared conformance folder beside the repository.
    static let vectors = URL(fileURLWithPath: Paths.repository).deletingLastPathComponent()
        .appendingPathComponent("shared/conformance/jcs")

    private func canonical(_ json: String) throws -> String {
        String(decoding: try JCS.canonicalize(json: json), as: UTF8.self)
    }

    private func parseError(_ bytes: [UInt8]) -> JSONError? {
        do {
            _ = try JSONValue.parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func conformanceVectors() throws {
        let input = Self.vectors.appendingPathComponent("input")
        let output = Self.vectors.appendingPathComponent("output")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: input.path) else {
            print("JCS vectors skipped: \(input.path) is absent")
            return
        }
        var passed = 0
        let files = names.filter { $0.hasSuffix(".json") }.sorted()
        for name in files {
            let source = [UInt8](try Data(contentsOf: input.appendingPathComponent(name)))
            let expected = [UInt8](try Data(contentsOf: output.appendingPathComponent(name)))
            let actual = try JCS.canonicalize(json: source)
            #expect(
                actual == expected,
                "\(name): got \(String(decoding: actual, as: UTF8.self))")
            if actual == expected {
                passed += 1
                print("JCS vector \(name): pass")
            }
        }
        print("JCS vectors: \(passed)/\(files.count) passed")
        #expect(files.count > 0)
    }

    @Test func membersSortByUTF16CodeUnits() throws {
        // An astral character sorts by its high surrogate (U+D83D), so before U+E000…U+FFFF but after U+20AC;
        // code-point order would put it last.
        let json = #"{"\uffff":5,"\ue000":4,"\ud83d\ude00":3,"\u20ac":2,"z":1,"":0}"#
        #expect(try canonical(json) == "{\"\":0,\"z\":1,\"\u{20ac}\":2,\"\u{1F600}\":3,\"\u{E000}\":4,\"\u{FFFF}\":5}")
        // Case and accents sort by code unit, not locale; nested objects are sorted too.
        #expect(
            try canonical(#"{"b":{"é":1,"e":2,"E":3},"B":[{"y":1,"x":2}]}"#)
                == #"{"B":[{"x":2,"y":1}],"b":{"E":3,"e":2,"é":1}}"#)
        // Built values sort the same way.
        let built = JSONValue.object([("\u{1F600}", .null), ("\u{FB33}", .bool(true)), ("\u{20AC}", .bool(false))])
        #expect(
            String(decoding: try JCS.canonicalize(built), as: UTF8.self)
                == "{\"\u{20AC}\":false,\"\u{1F600}\":null,\"\u{FB33}\":true}")
    }

    /// Random names over characters on both sides of every UTF-16/code-point disagreement sort exactly as
    /// their `Array(utf16)` forms do.
    @Test func randomNamesSortByUTF16() throws {
        let pool: [Character] = [
            "a", "B", "\u{7F}", "\u{E9}", "\u{20AC}", "\u{D7FF}", "\u{E000}", "\u{FB33}", "\u{FFFD}", "\u{FFFF}",
            "\u{10000}", "\u{1F600}", "\u{1F602}", "\u{10FFFF}", "a\u{301}",
        ]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var names: [String] = []
            while names.count < 12 {
                let name = String(
                    (0..<Int.random(in: 0...3, using: &rng)).map { _ in pool.randomElement(using: &rng)! })
                if !names.contains(where: { $0.utf8.elementsEqual(name.utf8) }) { names.append(name) }
            }
            let value = JSONValue.object(names.map { ($0, JSONValue.null) })
            let expected = names.sorted { Array($0.utf16).lexicographicallyPrecedes(Array($1.utf16)) }
            let text = "{" + expected.map { "\"\($0)\":null" }.joined(separator: ",") + "}"
            #expect(try JCS.canonicalize(value) == Array(text.utf8), "\(names)")
        }
    }

    @Test(arguments: [
        (#""\"\\\/""#, #""\"\\/""#),
        (#""\b\t\n\f\r""#, #""\b\t\n\f\r""#),
        (#""\u0000\u0001\u000b\u001f""#, #""\u0000\u0001\u000b\u001f""#),
        (#""\u001F\u000E""#, #""\u001f\u000e""#),
        (#""\u007f\u0080\u00e9""#, "\"\u{7F}\u{80}\u{E9}\""),
        (#""\u2028\u2029""#, "\"\u{2028}\u{2029}\""),
        (#""\ud83d\ude02 \uD83D\uDE02""#, "\"\u{1F602} \u{1F602}\""),
        (#""</script>&'""#, #""</script>&'""#),
        (#""A\u030a""#, "\"A\u{30A}\""),
    ])
    func stringEscaping(input: String, expected: String) throws {
        #expect(try canonical(input) == expected)
    }

    @Test(arguments: [
        ("0", "0"), ("-0", "0"), ("0.0", "0"), ("-0.0e5", "0"),
        ("1", "1"), ("-1.0", "-1"), ("4.50", "4.5"), ("2e-3", "0.002"),
        ("1e20", "100000000000000000000"), ("1e21", "1e+21"), ("999999999999999999999", "1e+21"),
        ("123456789012345680000", "123456789012345680000"), ("1E30", "1e+30"), ("1e23", "1e+23"),
        ("0.000001", "0.000001"), ("1e-7", "1e-7"), ("1.5e-7", "1.5e-7"), ("-1.25e-10", "-1.25e-10"),
        ("5e-324", "5e-324"), ("-5e-324", "-5e-324"),
        ("1.7976931348623157e308", "1.7976931348623157e+308"),
        ("333333333.33333329", "333333333.3333333"), ("0.30000000000000004", "0.30000000000000004"),
        ("9007199254740993", "9007199254740992"), ("1e-400", "0"),
        ("0.000000000000000000000000001", "1e-27"), ("12345678.9e-3", "12345.6789"),
    ])
    func numberForms(input: String, expected: String) throws {
        #expect(try canonical(input) == expected)
    }

    @Test func nonFiniteNumbersAreErrors() throws {
        #expect(throws: JSONError.nonFiniteNumber("1e400")) { try JCS.canonicalize(json: "[1e400]") }
        #expect(throws: JSONError.nonFiniteNumber("-1e400")) { try JCS.canonicalize(json: "-1e400") }
        #expect(JSONNumber(Double.nan) == nil)
        #expect(JSONNumber(-Double.infinity) == nil)
        #expect(JSONNumber(-0.0)?.text == "0")
        #expect(JSONNumber(0.1)?.text == "0.1")
    }

    @Test func numbersKeepTheirText() throws {
        let big = try JSONValue.parse(Array("9223372036854775807".utf8))
        #expect(big == .number(JSONNumber(Int64.max)))
        guard case .number(let n) = big else { return }
        #expect(n.int64 == Int64.max)
        #expect(n.text == "9223372036854775807")
        #expect(JSONNumber("4.50")?.double == 4.5)
        #expect(JSONNumber("4.50")?.int64 == nil)
        for bad in ["01", "+1", ".5", "1.", "1e", "-", "0x10", "NaN", "Infinity", " 1", "1 "] {
            #expect(JSONNumber(bad) == nil, "\(bad)")
        }
    }

    @Test func duplicateNamesAreRejected() throws {
        #expect(throws: JSONError.duplicateName("a", offset: 8)) { try JCS.canonicalize(json: #"{"a":1, "a":2}"#) }
        // Equal after unescaping.
        #expect(throws: JSONError.duplicateName("a", offset: 8)) {
            try JCS.canonicalize(json: #"{"a":[],"\u0061":{}}"#)
        }
        // Nested.
        #expect(throws: JSONError.self) { try JCS.canonicalize(json: #"[{"x":{"k":1,"k":1}}]"#) }
        // A built object with a repeated name has no canonical form either.
        #expect(throws: JSONError.duplicateName("k", offset: 0)) {
            try JCS.canonicalize(.object([("k", .null), ("j", .null), ("k", .null)]))
        }
        // A large object (checked through a set) too.
        let many = (0..<40).map { "\"k\($0)\":0" }.joined(separator: ",")
        #expect(throws: JSONError.duplicateName("k7", offset: many.utf8.count + 2)) {
            try JCS.canonicalize(json: "{" + many + ",\"k7\":1}")
        }
        #expect(try canonical("{" + many + "}").hasPrefix("{\"k0\":0,\"k1\":0,\"k10\":0"))
        // Canonically equivalent but different names are different names: JCS does not normalise.
        #expect(try canonical("{\"a\u{301}\":1,\"\u{E1}\":2}") == "{\"a\u{301}\":1,\"\u{E1}\":2}")
    }

    @Test func deepNestingIsRejected() throws {
        let limit = JSONValue.maximumDepth
        let arrays = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(try canonical(arrays) == arrays)
        let tooDeep = "[" + arrays + "]"
        #expect(throws: JSONError.tooDeep(offset: limit)) { try JSONValue.parse(Array(tooDeep.utf8)) }
        let objects =
            String(repeating: #"{"a":"#, count: limit + 1) + "1" + String(repeating: "}", count: limit + 1)
        #expect(throws: JSONError.tooDeep(offset: 5 * limit)) { try JSONValue.parse(Array(objects.utf8)) }
        // Far past the limit fails the same way, without exhausting the stack.
        let hostile = Array(repeating: UInt8(ascii: "["), count: 1_000_000)
        #expect(parseError(hostile) == .tooDeep(offset: limit))
    }

    @Test(
        arguments: [
            [0x22, 0xFF, 0x22],  // never valid
            [0x22, 0x80, 0x22],  // stray continuation byte
            [0x22, 0xC0, 0xAF, 0x22],  // overlong "/"
            [0x22, 0xE0, 0x80, 0xAF, 0x22],  // overlong
            [0x22, 0xED, 0xA0, 0x80, 0x22],  // UTF-8-encoded surrogate U+D800
            [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],  // above U+10FFFF
            [0x22, 0xE2, 0x82, 0x22],  // truncated "€"
            [0x22, 0xE2, 0x82],  // truncated at the end
        ] as [[UInt8]])
    func invalidUTF8IsRejected(bytes: [UInt8]) throws {
        #expect(parseError(bytes) == .invalidUTF8(offset: 1))
    }

    @Test(arguments: [
        "", " ", "[1,]", "{\"a\":1,}", "[01]", "{'a':1}", "{a:1}", "[1 2]", "\"abc", "\"\u{1}\"", "\"\\x\"",
        "\"\\u12G4\"", "NaN", "[Infinity]", "tru", "nul", "[1]]", "{} {}", "\u{FEFF}{}", "[\"\t\"]",
    ])
    func syntaxErrors(input: String) throws {
        guard case .syntax = parseError(Array(input.utf8)) else {
            Issue.record("expected a syntax error for \(input.debugDescription)")
            return
        }
    }

    @Test(arguments: [#""\ud800""#, #""\udc00x""#, #""\ud83d\u0041""#, #""\ud83d""#, #""\ud83d\n""#])
    func unpairedSurrogatesAreRejected(input: String) throws {
        #expect(parseError(Array(input.utf8)) == .unpairedSurrogate(offset: 1))
    }

    @Test func parsesIntoValues() throws {
        let value = try JSONValue.parse(Array(#" {"b": [true, false, null, "x\n", -1.5e3], "a": {}} "#.utf8))
        let expected = JSONValue.object([
            ("b", .array([.bool(true), .bool(false), .null, .string("x\n"), .number(JSONNumber("-1.5e3")!)])),
            ("a", .object([])),
        ])
        #expect(value == expected)
        guard case .object(let members) = value else { return }
        #expect(members.map(\.0) == ["b", "a"])  // source order kept
        // Objects compare as sets of members; strings by exact scalars; numbers by text.
        #expect(JSONValue.object([("a", .null), ("b", .null)]) == .object([("b", .null), ("a", .null)]))
        #expect(JSONValue.string("\u{E1}") != .string("a\u{301}"))
        #expect(JSONValue.number(JSONNumber("1.0")!) != .number(JSONNumber(1)))
    }
}
