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

    /// A field labelled differently by two versions is one field, titled by the later label, not an `anyOf`.
    @Test func aRelabelledFieldKeepsOneSchemaWithTheLaterTitle() throws {
        let lib = try scratchLibrary([
            "ruleset-2014.yaml": Self.version(
                "1.0.0", effective: "{from: 2014-01-15, until: 2019-03-17}",
                input: "{amount: {type: decimal, label: 金额}}"),
            "ruleset.yaml": Self.version(
                "2.0.0", effective: "{from: 2019-03-17}", input: "{amount: {type: decimal, label: 报销金额}}"),
        ])
        #expect(lib.diagnostics.isEmpty)
        let schema = try #require(JSONSchemaWriter.decision(kind: "k", in: lib, words: Self.words))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(schema.text.utf8)) as? [String: Any])
        let amount = try #require((json["properties"] as? [String: Any])?["amount"] as? [String: Any])
        #expect(amount["title"] as? String == "报销金额")
        let forms = try #require(amount["anyOf"] as? [[String: Any]])
        #expect(
            forms.map { $0["type"] as? String } == ["number", "string"], "the decimal's two forms, not two versions")
        #expect(!schema.text.contains("\"金额\""))
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
