import Testing

@testable import BylawYAML

/// YAML 1.2 core schema only: the 1.1 extras stay strings, quoted scalars are always strings,
/// and the original spelling is kept.
@Suite struct TypingTests {
    @Test(arguments: [
        ("yes", YAMLCoreType.string, "yes"),
        ("no", .string, "no"),
        ("on", .string, "on"),
        ("off", .string, "off"),
        ("y", .string, "y"),
        ("n", .string, "n"),
        ("NO", .string, "NO"),
        ("0755", .int, "0755"),  // core int; the schema layer rejects the leading zero from `text`
        ("1:30", .string, "1:30"),
        ("2017-01-01", .string, "2017-01-01"),
        ("0o17", .int, "0o17"),
        ("0x1F", .int, "0x1F"),
        ("1e3", .float, "1e3"),
        ("650000.00", .float, "650000.00"),
        ("-.5", .float, "-.5"),
        (".inf", .float, ".inf"),
        ("-.Inf", .float, "-.Inf"),
        (".NaN", .float, ".NaN"),
        ("~", .null, "~"),
        ("null", .null, "null"),
        ("", .null, ""),
        ("true", .bool, "true"),
        ("True", .bool, "True"),
        ("tRUE", .string, "tRUE"),
        ("\"true\"", .string, "true"),
        ("'1'", .string, "1"),
        ("!!str 12", .string, "12"),
        ("!!float 12", .float, "12"),
        ("! 12", .string, "12"),
        ("0x", .string, "0x"),
        ("1_000", .string, "1_000"),
    ])
    func coreSchema(_ input: String, _ type: YAMLCoreType, _ text: String) throws {
        let root = try load("v: \(input)\n")
        let scalar = try #require(root["v"]?.scalar)
        #expect(scalar.coreType == type)
        #expect(scalar.text == text)
    }

    @Test func convenienceAccessors() throws {
        let root = try load("a: True\nb: ~\nc: \"false\"\n")
        #expect(root["a"]?.scalar?.boolValue == true)
        #expect(root["b"]?.scalar?.isNull == true)
        #expect(root["c"]?.scalar?.boolValue == nil)
        #expect(root["missing"] == nil)
    }

    @Test func blockScalarsAreStrings() throws {
        let root = try load("a: |\n  true\nb: >\n  12\n")
        #expect(root["a"]?.scalar?.coreType == .string)
        #expect(root["a"]?.scalar?.style == .literal)
        #expect(root["b"]?.scalar?.coreType == .string)
        #expect(root["b"]?.scalar?.style == .folded)
    }
}
