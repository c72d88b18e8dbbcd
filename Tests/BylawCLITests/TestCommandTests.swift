import BylawTestSupport
import Foundation
import Testing

/// `bylaw test` as a rules officer runs it.
@Suite struct TestCommandTests {
    @Test func passingSuiteListsUncoveredRulesAndExitsZero() throws {
        let r = try Run.bylaw(["test", Run.fixtures + "/rules/disposal"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("✓ 价格低于评估价九成"))
        #expect(r.stdout.contains("coverage: 5 rules never fail in any case: disposal/D-01, disposal/D-02"))
        #expect(r.stdout.hasSuffix("2 passed, 0 failed\n"))
    }

    @Test func requireCoverageFails() throws {
        let r = try Run.bylaw(["test", "--require-coverage", Run.fixtures + "/rules/disposal"])
        #expect(r.status == 1)
    }

    @Test func failingCaseShowsTheDifference() throws {
        let dir = Scratch.root.appendingPathComponent("bylaw-test-\(UUID().uuidString)")
        let set = dir.appendingPathComponent("disposal")
        try FileManager.default.createDirectory(
            at: set.appendingPathComponent("tests"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: Run.fixtures + "/rules/calendars", toPath: dir.appendingPathComponent("calendars").path)
        try FileManager.default.copyItem(
            atPath: Run.fixtures + "/rules/disposal/ruleset.yaml",
            toPath: set.appendingPathComponent("ruleset.yaml").path)
        let ok = try String(contentsOfFile: Run.fixtures + "/ok.yaml", encoding: .utf8)
        let indented = ok.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n")
        try """
        cases:
          - name: wrong expectation
            decision:
        \(indented)
            expect: {verdict: non_compliant, failed: [D-05]}
        """.write(to: set.appendingPathComponent("tests/cases.yaml"), atomically: true, encoding: .utf8)
        let r = try Run.bylaw(["test", set.path])
        #expect(r.status == 1)
        #expect(r.stdout.contains("✗ wrong expectation"))
        #expect(r.stdout.contains("verdict: expected non_compliant, got compliant"))
        #expect(r.stdout.contains("failed: expected but not failed: D-05"))
        let junit = try Run.bylaw(["test", "--format", "junit", set.path])
        #expect(junit.stdout.contains("<testsuite name=\"\(set.path)\" tests=\"1\" failures=\"1\">"))
    }

    @Test func shippedLibraryPasses() throws {
        let r = try Run.bylaw(["test", "--require-coverage", "rules"])
        #expect(r.status == 0, "\(r.stdout.suffix(2000))\(r.stderr)")
        #expect(r.stdout.contains(" passed, 0 failed\n"))
    }
}
