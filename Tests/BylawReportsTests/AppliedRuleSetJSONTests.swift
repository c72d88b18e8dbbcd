import Bylaw
import Foundation
import Testing

@testable import BylawReports

/// A rule set's JSON object is written once with a loaded set (`AppliedRuleSet.withJSON()`) and copied by the
/// reports: it must be byte for byte what the reports write for the same set without it, escapes and parents
/// included, and any change to the set must drop it rather than leave it stale.
@Suite struct AppliedRuleSetJSONTests {
    static let parent = AppliedRuleSet(id: "national", version: "2.0.0", file: "rules/national/ruleset.yaml")

    @Test(arguments: [
        AppliedRuleSet(id: "gd", version: "1.0.0", file: "rules/gd/ruleset.yaml"),
        AppliedRuleSet(id: "gd\"q\\", version: "1.0.0", file: "rules/广东/规则\u{1}\u{7F}.yaml", extends: [parent]),
        AppliedRuleSet(id: "", version: "", file: "", extends: [parent, parent]),
    ])
    func theKeptObjectIsWhatTheReportWrites(set: AppliedRuleSet) throws {
        #expect(set.json == nil)
        let kept = set.withJSON()
        #expect(kept.json != nil)
        #expect(kept == set, "whether the JSON is written does not make another set")
        #expect(ResultJSON.ruleSet(kept) == ResultJSON.ruleSet(set))
        let parsed = try #require(
            try JSONSerialization.jsonObject(with: Data(ResultJSON.ruleSet(kept).utf8)) as? [String: Any])
        #expect(parsed["id"] as? String == set.id)
        #expect(parsed["file"] as? String == set.file)
        #expect((parsed["extends"] as? [Any])?.count == set.extends.count)
    }

    @Test func aChangeDropsTheKeptObject() {
        var set = AppliedRuleSet(id: "gd", version: "1.0.0", file: "/srv/rules/gd/ruleset.yaml").withJSON()
        set.file = "rules/gd/ruleset.yaml"
        #expect(set.json == nil)
        #expect(ResultJSON.ruleSet(set).contains("\"file\":\"rules/gd/ruleset.yaml\""))
        for change in [
            { (s: inout AppliedRuleSet) in s.id = "x" }, { $0.version = "9" }, { $0.extends = [Self.parent] },
        ] {
            var other = AppliedRuleSet(id: "gd", version: "1.0.0", file: "f").withJSON()
            change(&other)
            #expect(other.json == nil)
        }
    }
}
