import BylawTestSupport
import Foundation
import Testing

/// `bylaw diff` between two versions of a rule set: exact output on a small pair, and the shipped versions.
@Suite struct DiffCommandTests {
    static let corpus = "Tests/BylawTests/Corpus/diff"

    @Test(arguments: [("text", "expected.txt"), ("md", "expected.md"), ("json", "expected.json")])
    func smallPairGivesExactlyTheExpectedReport(format: String, expected: String) throws {
        let r = try Run.bylaw(["diff", Self.corpus + "/v1", Self.corpus + "/v2", "--format", format])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr == "")
        let want = try String(contentsOfFile: Run.repository + "/" + Self.corpus + "/" + expected, encoding: .utf8)
        #expect(r.stdout == want)
    }

    @Test func textNamesEveryKindOfChange() throws {
        let r = try Run.bylaw(["diff", Self.corpus + "/v1/ruleset.yaml", Self.corpus + "/v2/ruleset.yaml"])
        let lines = r.stdout.split(separator: "\n").map(String.init)
        for line in [
            "rule set `grants`: 1.0.0 → 2.0.0",
            "    ~ max_amount: 100000.00 → 80000.00",
            "    + audit_threshold: 30000",
            "    - min_signatures: 2",
            "    + audited: bool",
            "    ~ approver row 1: when: [>= 50000], then: party_group → when: [>= 30000], then: party_group",
            "    ~ G-01 cite: 第三条 → 第三条第一款",
            "    ~ G-02 severity: violation → warning",
            "    ~ G-13 id: G-03 → G-13",
            "    + G-04: 超过审计线须经审计",
            "12 differences: rules 1 added, 0 removed, 3 changed",
        ] {
            #expect(lines.contains(line), "missing: \(line)\n\(r.stdout)")
        }
    }

    /// In Chinese the rows of a table are named as a reader counts them, and a field's type is shown as the rule
    /// set writes it, in no language: its bound and whether it may be left out.
    @Test func chineseNamesRowsAndShowsFieldsAsWritten() throws {
        let r = try Run.bylaw([
            "diff", Self.corpus + "/v1/ruleset.yaml", Self.corpus + "/v2/ruleset.yaml", "--lang", "zh",
        ])
        #expect(
            r.stdout.contains(
                "    ~ approver 第 1 行: when: [>= 50000], then: party_group → when: [>= 30000], then: party_group\n"),
            "\(r.stdout)")
        let dir = Scratch.root.appendingPathComponent("diff-fields-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let shipped = try String(
            contentsOfFile: Run.repository + "/rules/asset-management/ruleset.yaml", encoding: .utf8)
        let edited =
            shipped
            .replacingOccurrences(
                of: "book_value: {type: decimal, min: 0,", with: "book_value: {type: decimal, min: 1,"
            )
            .replacingOccurrences(of: "  service_life?: {type: int, min: 0,", with: "  service_life: {type: int,")
        #expect(edited != shipped)
        try shipped.write(toFile: dir + "/a.yaml", atomically: true, encoding: .utf8)
        try edited.write(toFile: dir + "/b.yaml", atomically: true, encoding: .utf8)
        let fields = try Run.bylaw(["diff", dir + "/a.yaml", dir + "/b.yaml", "--lang", "zh"])
        #expect(fields.status == 1)
        #expect(
            fields.stdout.contains(
                "  输入字段\n    ~ asset.book_value: {type: decimal, min: 0} → {type: decimal, min: 1}\n"
                    + "    ~ asset.service_life: {type: int, min: 0, optional: true} → int\n"), "\(fields.stdout)")
        #expect(!fields.stdout.contains("optional,") && !fields.stdout.contains("at least"))
    }

    @Test func sameVersionHasNoDifferences() throws {
        let file = Self.corpus + "/v1/ruleset.yaml"
        let r = try Run.bylaw(["diff", file, file])
        #expect(r.status == 0)
        #expect(
            r.stdout
                == "rule set `grants`: 1.0.0 → 1.0.0\n  no differences\n0 differences: rules 0 added, 0 removed, 0 changed\n"
        )
    }

    /// The 2014 and 2019 cadre-selection rule sets: the rules renumbered from `CS-` to `CS2-` whose titles stayed
    /// are renames; the rest are added or removed.
    @Test func shippedCadreSelectionVersions() throws {
        let r = try Run.bylaw(["diff", "rules/cadre-selection/ruleset.yaml", "rules/cadre-selection/ruleset-2019.yaml"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(
            r.stdout.hasPrefix("rule set `cadre-selection`: 1.3.0 → 2.3.0\n  header\n    ~ version: 1.3.0 → 2.3.0\n"))
        #expect(r.stdout.hasSuffix("\n188 differences: rules 30 added, 15 removed, 16 changed\n"))
        #expect(r.stdout.contains("\n    - CS-20: 处分或诫勉影响期内不得提拔\n"))
        let json = try Run.bylaw([
            "diff", "rules/cadre-selection/ruleset.yaml", "rules/cadre-selection/ruleset-2019.yaml", "--format", "json",
        ]).json()
        #expect(json["differences"] as? Int == 188)
        let md = try Run.bylaw([
            "diff", "rules/cadre-selection/ruleset.yaml", "rules/cadre-selection/ruleset-2019.yaml", "--format", "md",
        ])
        #expect(md.stdout.hasPrefix("## rule set `cadre-selection`: 1.3.0 → 2.3.0\n\n### header\n\n"))
    }

    @Test func usageAndLoadErrors() throws {
        let missing = try Run.bylaw(["diff", "no-such-file.yaml", Self.corpus + "/v1"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "bylaw: `no-such-file.yaml` does not exist\n")
        let help = try Run.bylaw(["diff", "--help"])
        #expect(help.stdout.contains("r=rules/cadre-selection; bylaw diff $r/ruleset.yaml $r/ruleset-2019.yaml"))
    }
}
