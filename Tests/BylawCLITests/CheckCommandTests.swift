import BylawTestSupport
import Foundation
import Testing

/// `bylaw check` as a user runs it: stdout, stderr, exit code and the JSON shape.
@Suite struct CheckCommandTests {
    let rules = Run.fixtures + "/rules"

    func writeTemp(_ text: String, name: String = "d.yaml") throws -> String {
        let dir = Scratch.root.appendingPathComponent("bylaw-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func fixture(_ replace: String = "", with: String = "") throws -> String {
        let base = try String(contentsOfFile: Run.fixtures + "/ok.yaml", encoding: .utf8)
        return replace.isEmpty ? base : base.replacingOccurrences(of: replace, with: with)
    }

    @Test func compliantExitsZero() throws {
        let r = try Run.bylaw(["check", "--rules", rules, Run.fixtures + "/ok.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("✓ compliant  asset_disposal AD-2017-001  2017-10-20  acftu/finance\n"))
        #expect(r.stdout.contains("6 rules: 6 passed"))
    }

    @Test func nonCompliantShowsRuleCitationMessageAndEvidence() throws {
        let path = try writeTemp(try fixture("price: 540000.00", with: "price: 539999.99"))
        let r = try Run.bylaw(["check", "--rules", rules, path])
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("✗ non_compliant  asset_disposal AD-2017-001"))
        #expect(r.stdout.contains("violations (1)"))
        #expect(r.stdout.contains("D-03  出售价格不低于评估价九成  第十五条"))
        #expect(r.stdout.contains("成交价 539999.99 低于评估价的九成"))
        #expect(r.stdout.contains("· price = 539999.99"))
    }

    /// A huge one-line decision is refused before it is read, and its excerpt is one short line.
    @Test func aHugeDecisionIsRefusedWithAShortExcerpt() throws {
        let path = try writeTemp(
            "{\"kind\": \"asset_disposal\", \"pad\": \"" + String(repeating: "x", count: 9 << 20) + "\"}",
            name: "huge.json")
        let r = try Run.bylaw(["check", "--rules", rules, "--no-audit", path])
        #expect(r.status == 2)
        #expect(r.stdout.contains("more than the limit of 8388608 [yaml.limit.size]"))
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count < 400 }, "an excerpt is one short line")
        // Refused by its size alone: the rule library is not even loaded (here it does not exist).
        let alone = try Run.bylaw(["check", "--rules", "/no/such/rules", "--no-audit", path])
        #expect(alone.status == 2)
        #expect(alone.stdout.contains("[yaml.limit.size]"), "\(alone.stdout)\(alone.stderr)")
    }

    /// `check` reads a `.json` decision as `audit` does: surrogate-pair escapes are one character.
    @Test func jsonSurrogatePairsAreReadAsAuditReadsThem() throws {
        let json = #"{"kind":"asset_disposal","id":"AD-\ud83d\ude00","date":"2017-10-20","unit":"acftu/finance"}"#
        let path = try writeTemp(json, name: "emoji.json")
        let r = try Run.bylaw(["check", "--rules", rules, "--no-audit", "--format", "json", path])
        let top = try r.json()
        let d = try #require((top["decisions"] as? [[String: Any]])?.first)
        #expect(d["id"] as? String == "AD-😀")
        let audit = try Run.bylaw(["audit", "--rules", rules, "--no-audit", "--format", "jsonl", path])
        #expect(audit.stdout.contains("AD-😀"), "\(audit.stdout)\(audit.stderr)")
    }

    /// A folder is checked as `audit` reads one: every decision file in it, in sorted order.
    @Test func aFolderChecksEveryDecisionInIt() throws {
        let r = try Run.bylaw(["check", "--no-audit", "--quiet", "rules/cadre-selection/examples"])
        #expect(r.status == 1)
        let names = try FileManager.default.contentsOfDirectory(
            atPath: Run.repository + "/rules/cadre-selection/examples"
        )
        .filter { $0.hasSuffix(".yaml") }
        #expect(r.stdout.split(separator: "\n").filter { !$0.isEmpty }.count == names.count)
        let empty = Scratch.root.appendingPathComponent("empty-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let none = try Run.bylaw(["check", "--no-audit", empty])
        #expect(none.status == 2)
        #expect(none.stderr.contains("holds no decision files"))
    }

    @Test func jsonShapeIsStable() throws {
        let path = try writeTemp(try fixture("buyer_related: false", with: "buyer_related: true"))
        let r = try Run.bylaw(["check", "--rules", rules, "--format", "json", path])
        #expect(r.status == 1)
        let top = try r.json()
        #expect(top["verdict"] as? String == "needs_review")
        let decisions = try #require(top["decisions"] as? [[String: Any]])
        let d = try #require(decisions.first)
        #expect(
            Set(d.keys) == [
                "file", "kind", "id", "date", "unit", "verdict", "rule_sets", "summary", "results", "diagnostics",
                "receipt",
            ])
        let receipt = try #require(d["receipt"] as? [String: Any])
        #expect(Set(receipt.keys) == ["seq", "record_id", "leaf_hash", "chain_hash"])
        #expect(d["id"] as? String == "AD-2017-001")
        let results = try #require(d["results"] as? [[String: Any]])
        #expect(
            results.filter { $0["outcome"] as? String == "failed" }.compactMap { $0["rule"] as? String } == ["D-05"])
        let d05 = try #require(results.first { $0["rule"] as? String == "D-05" })
        #expect(
            Set(d05.keys) == [
                "rule_set", "rule", "title", "cite", "severity", "outcome", "message", "error", "evidence",
            ])
        #expect(d05["severity"] as? String == "warning")
        let summary = try #require(d["summary"] as? [String: Int])
        #expect(summary == ["passed": 5, "failed": 1, "not_applicable": 0, "error": 0])
    }

    @Test func invalidDecisionExitsTwoWithPosition() throws {
        let path = try writeTemp(try fixture("quantity: 1", with: "quantity: 0012"))
        let r = try Run.bylaw(["check", "--rules", rules, path])
        #expect(r.status == 2)
        #expect(r.stdout.hasPrefix("✗ invalid"))
        #expect(r.stdout.contains("d.yaml:13:11: error: `quantity` is `0012`, a number with a leading zero"))
    }

    @Test func malformedYAMLExitsTwoWithPosition() throws {
        let path = try writeTemp("kind: asset_disposal\nid: [unclosed\n")
        let r = try Run.bylaw(["check", "--rules", rules, path])
        #expect(r.status == 2)
        #expect(r.stdout.contains("d.yaml:"))
        #expect(r.stdout.contains("error:"))
    }

    @Test func missingRulesFolderExitsTwo() throws {
        let r = try Run.bylaw(["check", "--rules", "/nonexistent/rules", Run.fixtures + "/ok.yaml"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("rules folder `/nonexistent/rules` does not exist"))
    }

    @Test func badAsOfIsAUsageErrorExitingTwo() throws {
        let r = try Run.bylaw(["check", "--rules", rules, "--as-of", "2017-13-01", Run.fixtures + "/ok.yaml"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("`2017-13-01` is not a calendar date written YYYY-MM-DD (such as 2023-06-13)"))
        // The command's own help is named, not the root's usage.
        #expect(r.stderr.hasSuffix("Usage: see `bylaw check --help`.\n"), "\(r.stderr)")
        #expect(!r.stderr.contains("<subcommand>"))
        let zh = try Run.bylaw([
            "test", "--lang", "zh", Run.fixtures + "/no-such-folder",
        ])
        #expect(zh.status == 2)
        #expect(zh.stderr == "错误：`\(Run.fixtures)/no-such-folder` 不是文件夹\n用法：见 `bylaw test --help`。\n")
        // A rule set named by its folder's name alone, from the library's parent folder.
        let named = try Run.bylaw(["test", "--lang", "zh", "union-funds"])
        #expect(named.stderr.hasPrefix("错误：`union-funds` 不是文件夹；是否应为 `rules/union-funds`？\n"), "\(named.stderr)")
    }

    @Test func helpTeachesExitCodes() throws {
        let r = try Run.bylaw(["check", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("EXIT CODES"))
        #expect(r.stdout.contains("--as-of"))
    }
}
