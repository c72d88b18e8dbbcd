import BylawTestSupport
import Foundation
import Testing

/// A set that extends another, as a user sees it: `check` names both sets in text, JSON and the audit record.
@Suite struct ExtendsCommandTests {
    static let rules = "Tests/BylawTests/Fixtures/extends/rules"
    static let north = "Tests/BylawTests/Fixtures/extends/decisions/north.yaml"

    @Test func textNamesBothSets() throws {
        let r = try Run.bylaw(["check", "--no-audit", "--rules", Self.rules, Self.north])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.contains("rule sets: province-strict 1.1.0 (extends national 2.0.0)"))
        #expect(r.stdout.contains("7 rules: 3 passed, 4 failed"))
    }

    @Test func jsonNamesBothSets() throws {
        let r = try Run.bylaw(["check", "--no-audit", "--format", "json", "--rules", Self.rules, Self.north])
        let decision = try #require((try r.json()["decisions"] as? [[String: Any]])?.first)
        let sets = try #require(decision["rule_sets"] as? [[String: Any]])
        #expect(sets.map { $0["id"] as? String } == ["province-strict"])
        let parents = try #require(sets.first?["extends"] as? [[String: Any]])
        #expect(parents.map { $0["id"] as? String } == ["national"])
        #expect(parents.first?["version"] as? String == "2.0.0")
        #expect(parents.first?["file"] as? String == Self.rules + "/national/ruleset.yaml")
        let failed = (decision["results"] as? [[String: Any]] ?? []).filter { $0["outcome"] as? String == "failed" }
        #expect(failed.map { $0["rule"] as? String } == ["N-01", "N-03", "PS-06", "PS-01"])
    }

    @Test func auditRecordNamesBothSetsWithTheirHashes() throws {
        let dir = Scratch.root.appendingPathComponent("bylaw-ext-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let store = dir + "/trail.sqlite"
        let r = try Run.bylaw(["check", "--rules", Self.rules, "--audit", store, Self.north])
        #expect(r.status == 1, "\(r.stderr)")
        let show = try Run.bylaw(["log", "show", "--audit", store, "1"])
        let record = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        let sets = try #require(record["rule_sets"] as? [[String: Any]])
        #expect(sets.map { $0["id"] as? String } == ["province-strict"])
        let parent = try #require((sets.first?["extends"] as? [[String: Any]])?.first)
        #expect(parent["id"] as? String == "national")
        #expect(parent["version"] as? String == "2.0.0")
        #expect(parent["sha256"] as? String == (try Self.sha256(Self.rules + "/national/ruleset.yaml")))
        let verify = try Run.bylaw(["log", "verify", "--audit", store])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    /// SHA-256 of a file, computed by coreutils' `sha256sum` rather than by bylaw.
    static func sha256(_ path: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        p.arguments = [path]
        p.currentDirectoryURL = URL(fileURLWithPath: Run.repository)
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return String(text.prefix(64))
    }
}
