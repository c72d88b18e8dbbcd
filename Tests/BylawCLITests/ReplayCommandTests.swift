import Foundation
import Testing

/// `bylaw replay`: a trail written by `check` and `audit` under the shipped library, judged again under the
/// same library and under one with another price floor.
@Suite struct ReplayCommandTests {
    static func trail() throws -> (dir: URL, store: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bylaw-replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let store = dir.appendingPathComponent("trail.sqlite").path
        let rules = Run.repository + "/rules"
        // Nine shipped disposal examples through check, the twelve-row ledger through audit, and one cadre
        // promotion whose birth date is masked in the trail.
        let check = try Run.bylaw(["check", rules + "/asset-management/examples", "--audit", store, "--rules", rules])
        #expect(check.status == 1, "\(check.stderr)")
        let example = Run.repository + "/examples/asset-disposals"
        let audit = try Run.bylaw([
            "audit", example + "/disposal-ledger.csv", "--kind", "asset_disposal", "--map", example + "/columns.yaml",
            "--audit", store, "--rules", rules, "--quiet", "--format", "json",
        ])
        #expect(audit.status == 1, "\(audit.stderr)")
        let cadre = try Run.bylaw([
            "check", rules + "/cadre-selection/examples/compliant-2025-deputy-bureau.yaml", "--audit", store,
            "--rules", rules,
        ])
        #expect(cadre.status == 0, "\(cadre.stderr)")
        return (dir, store)
    }

    @Test func underTheSameRulesNothingChanges() throws {
        let (dir, store) = try Self.trail()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Run.bylaw(["replay", "--audit", store, "--rules", Run.repository + "/rules"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stdout
                == "21 decisions replayed: 0 would be judged differently, 21 alike; not replayable: 1 masked, 0 "
                + "without a document\n")
    }

    @Test func aLowerPriceFloorChangesExactlyTheAgreementSale() throws {
        let (dir, store) = try Self.trail()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rules = dir.appendingPathComponent("rules")
        try FileManager.default.copyItem(atPath: Run.repository + "/rules", toPath: rules.path)
        let file = rules.appendingPathComponent("asset-management/ruleset.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let floor = "  min_price_ratio:\n    value: 0.9\n"
        #expect(text.contains(floor))
        try text.replacingOccurrences(of: floor, with: "  min_price_ratio:\n    value: 0.8\n").write(
            to: file, atomically: true, encoding: .utf8)
        let r = try Run.bylaw(["replay", "--audit", store, "--rules", rules.path])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(
            r.stdout == """
                ~ seq 7  ZC-2023-0045  non_compliant → non_compliant
                    no longer fails: asset-management/AM-08
                21 decisions replayed: 1 would be judged differently, 20 alike; not replayable: 1 masked, 0 without a document

                """)
        let later = try Run.bylaw(["replay", "--audit", store, "--rules", rules.path, "--since", "2999-01-01"])
        #expect(later.status == 0)
        #expect(later.stdout == "0 decisions replayed: 0 would be judged differently, 0 alike\n")
        let zh = try Run.bylaw(["replay", "--audit", store, "--rules", rules.path, "--lang", "zh"])
        #expect(
            zh.stdout == """
                ~ seq 7  ZC-2023-0045  不合规 → 不合规
                    不再违反：asset-management/AM-08
                重放 21 个决定：1 个结论会改变，20 个不变；无法重放：1 个含遮蔽的值，0 个没有决定原文

                """)
    }

    @Test func aMissingStoreExitsTwo() throws {
        let r = try Run.bylaw(["replay", "--audit", "/nonexistent/trail.sqlite"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("there is no audit store"), "\(r.stderr)")
    }
}
