import Bylaw
import BylawTestSupport
import Foundation
import Testing

@testable import BylawAuthoring

/// The decision schema of a kind whose rule set has versions with different inputs.
@Suite struct JSONSchemaWriterTests {
    static func version(_ v: String, effective: String, input: String) -> String {
        """
        ruleset: notice
        title: 公示规则
        version: \(v)
        source: {title: t}
        effective: \(effective)
        applies_to: k
        input: \(input)
        rules:
          - {id: N-1, title: 公示天数, cite: 第一条, require: 'true'}
        """
    }

    static let library = {
        try? scratchLibrary([
            "ruleset-2014.yaml": version(
                "1.0.0", effective: "{from: 2014-01-15, until: 2019-03-17}",
                input: "{days: int, old: date, code: string}"),
            "ruleset.yaml": version(
                "2.0.0", effective: "{from: 2019-03-17}", input: "{days: int, new?: bool, code: {enum: [a, b]}}"),
        ])
    }()

    /// The schema's own texts, by key: the catalogue is not needed to test the structure.
    static func words(_ key: String, _ arguments: [String]) -> String { key }

    @Test func fieldsOfEveryVersionAreRequiredOnlyWhenEveryVersionRequiresThem() throws {
        let lib = try #require(Self.library)
        #expect(lib.diagnostics.isEmpty)
        let schema = try #require(JSONSchemaWriter.decision(kind: "k", in: lib, words: Self.words))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(schema.text.utf8)) as? [String: Any])
        #expect(json["required"] as? [String] == ["kind", "id", "date", "unit", "days", "code"])
        let props = try #require(json["properties"] as? [String: Any])
        #expect(Array(props.keys).sorted() == ["code", "date", "days", "id", "kind", "new", "old", "unit"])
        let code = try #require(props["code"] as? [String: Any])
        #expect((code["anyOf"] as? [Any])?.count == 2, "a field typed differently by two versions accepts either")
    }

    @Test func outputIsDeterministic() throws {
        let lib = try #require(Self.library)
        #expect(
            JSONSchemaWriter.decision(kind: "k", in: lib, words: Self.words)?.text
                == JSONSchemaWriter.decision(kind: "k", in: lib, words: Self.words)?.text)
        #expect(JSONSchemaWriter.decision(kind: "nope", in: lib, words: Self.words) == nil)
        #expect(JSONSchemaWriter.ruleSet.text == JSONSchemaWriter.ruleSet.text)
    }
}
