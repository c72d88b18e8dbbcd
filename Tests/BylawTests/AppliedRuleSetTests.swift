import Bylaw
import Foundation
import Testing

/// `AppliedRuleSet.json`, the object JSON reports write for a set, is written once with the set and kept in step
/// with every change to it: it must read back as the set's members, escapes and parents included.
@Suite struct AppliedRuleSetTests {
    static func object(_ a: AppliedRuleSet) throws -> [String: Any] {
        let parsed = try JSONSerialization.jsonObject(with: Data(a.json))
        return try #require(parsed as? [String: Any])
    }

    @Test func theObjectReadsBackAsTheSet() throws {
        let parent = AppliedRuleSet(id: "national", version: "2.0.0", file: "rules/national/ruleset.yaml")
        var set = AppliedRuleSet(
            id: "gd\"q\\", version: "1.0.0", file: "rules/广东/规则\u{1}.yaml", extends: [parent])
        var o = try Self.object(set)
        #expect(o["id"] as? String == "gd\"q\\")
        #expect(o["version"] as? String == "1.0.0")
        #expect(o["file"] as? String == "rules/广东/规则\u{1}.yaml")
        let parents = try #require(o["extends"] as? [[String: Any]])
        #expect(parents.count == 1 && parents[0]["id"] as? String == "national")
        #expect((parents[0]["extends"] as? [Any])?.isEmpty == true)
        #expect(Array(o.keys).sorted() == ["extends", "file", "id", "version"])
        // Each member changed afterwards changes the object with it.
        set.file = "/srv/other.yaml"
        set.version = "1.0.1"
        set.id = "gd"
        set.extends = []
        o = try Self.object(set)
        #expect(o["file"] as? String == "/srv/other.yaml")
        #expect(o["version"] as? String == "1.0.1")
        #expect(o["id"] as? String == "gd")
        #expect((o["extends"] as? [Any])?.isEmpty == true)
        #expect(set == AppliedRuleSet(id: "gd", version: "1.0.1", file: "/srv/other.yaml"))
    }
}
