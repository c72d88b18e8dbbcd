import BylawTestSupport
import Foundation
import Testing

/// Values a rule set marks sensitive, and values computed from them, are masked in every report and on the
/// terminal unless `--reveal` is given.
@Suite struct MaskedOutputTests {
    static let ruleSet = """
        ruleset: person
        title: 出生日期
        version: 1.0.0
        source: {title: 测试, issuer: 测试}
        applies_to: person_check
        sensitive: [person.birth_date]
        input:
          person: {name: string, birth_date: date}
        let:
          age: years_between(person.birth_date, date("2025-01-01"))
        rules:
          - id: P-01
            title: 年满十八周岁
            cite: 第一条
            require: age >= 40
            message: '{person.name} 出生于 {person.birth_date}，{age} 岁，不满四十周岁'
        """

    static func folder() throws -> (dir: String, decision: String, invalid: String) {
        let dir = Scratch.root.appendingPathComponent("bylaw-mask-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/person", withIntermediateDirectories: true)
        try ruleSet.write(toFile: dir + "/person/ruleset.yaml", atomically: true, encoding: .utf8)
        let decision = dir + "/p.yaml"
        try "kind: person_check\nid: P-1\ndate: 2025-01-01\nunit: acftu/x\nperson: {name: 王五, birth_date: 1990-03-07}\n"
            .write(toFile: decision, atomically: true, encoding: .utf8)
        let invalid = dir + "/q.yaml"
        try "kind: person_check\nid: P-2\ndate: 2025-01-01\nunit: acftu/x\nperson: {name: 王五, birth_date: 1990年3月7日}\n"
            .write(toFile: invalid, atomically: true, encoding: .utf8)
        return (dir, decision, invalid)
    }

    static let secrets = ["1990-03-07", "1990年3月7日", "34 岁", "\"34\"", "= 34"]

    @Test func everyOutputMasksUnlessRevealed() throws {
        let (dir, decision, invalid) = try Self.folder()
        var runs: [[String]] = [
            ["check", "--rules", dir, "--no-audit", decision, invalid],
            ["check", "--rules", dir, "--no-audit", "--format", "json", decision, invalid],
            ["explain", "--rules", dir, decision],
            ["explain", "--rules", dir, "--format", "json", decision],
        ]
        for format in ["text", "json", "jsonl", "csv", "junit", "html"] {
            runs.append(["audit", "--rules", dir, "--no-audit", "--format", format, decision, invalid])
        }
        for args in runs {
            let r = try Run.bylaw(args)
            let all = r.stdout + r.stderr
            #expect(!all.isEmpty)
            for secret in Self.secrets {
                #expect(!all.contains(secret), "\(args.prefix(6).joined(separator: " ")) shows \(secret)")
            }
            #expect(all.contains("[masked]"), "\(args.prefix(6).joined(separator: " "))")
            let revealed = try Run.bylaw(args + ["--reveal"])
            #expect(
                (revealed.stdout + revealed.stderr).contains("1990"),
                "\(args.prefix(6).joined(separator: " ")) --reveal")
        }
    }

    /// `check` says how to see what it masked, once, and only when it masked something and was not quiet.
    @Test func checkSaysHowToSeeMaskedValues() throws {
        let (dir, decision, _) = try Self.folder()
        let note = "note: values the rule sets mark sensitive show as [masked]"
        let masked = try Run.bylaw(["check", "--rules", dir, "--no-audit", decision])
        #expect(masked.stderr.components(separatedBy: note).count == 2, "\(masked.stderr)")
        let zh = try Run.bylaw(["check", "--rules", dir, "--no-audit", "--lang", "zh", decision])
        #expect(zh.stderr.contains("有权查看的人员可加 --reveal 显示"), "\(zh.stderr)")
        for extra in [["--reveal"], ["--quiet"]] {
            let r = try Run.bylaw(["check", "--rules", dir, "--no-audit", decision] + extra)
            #expect(!r.stderr.contains(note), "\(extra)")
        }
        let plain = try Run.bylaw([
            "check", "--no-audit",
            Run.repository + "/rules/asset-management/examples/compliant-2017-vehicle-auction.yaml", "--rules",
            Run.repository + "/rules",
        ])
        #expect(!plain.stderr.contains(note))
    }
}
