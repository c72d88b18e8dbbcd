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

    /// A rule library in a scratch folder: the fixture calendars and the `disposal` set, with the fixture's
    /// compliant decision as `examples/ok.yaml` and an empty `tests/` for the test to write.
    static func scratchSet() throws -> (dir: URL, set: URL) {
        let dir = Scratch.root.appendingPathComponent("bylaw-test-\(UUID().uuidString)")
        let set = dir.appendingPathComponent("disposal")
        let fm = FileManager.default
        try fm.createDirectory(at: set.appendingPathComponent("tests"), withIntermediateDirectories: true)
        try fm.createDirectory(at: set.appendingPathComponent("examples"), withIntermediateDirectories: true)
        try fm.copyItem(atPath: Run.fixtures + "/rules/calendars", toPath: dir.appendingPathComponent("calendars").path)
        try fm.copyItem(
            atPath: Run.fixtures + "/rules/disposal/ruleset.yaml",
            toPath: set.appendingPathComponent("ruleset.yaml").path)
        try fm.copyItem(atPath: Run.fixtures + "/ok.yaml", toPath: set.appendingPathComponent("examples/ok.yaml").path)
        return (dir, set)
    }

    /// A case may start from a base decision and patch a few fields (RFC 7396): maps merge, lists and scalars
    /// replace, null removes; a problem in the patch is reported at its line in the test file.
    @Test func baseAndPatch() throws {
        let (_, set) = try Self.scratchSet()
        try """
        cases:
          - name: the base alone is compliant
            base: ../examples/ok.yaml
            expect: {verdict: compliant, failed: []}
          - name: a price one cent below nine tenths of the appraisal
            base: ../examples/ok.yaml
            patch: {price: 539999.99}
            expect: {verdict: non_compliant, failed: [D-03]}
          - name: a nested field merges, its siblings stay
            base: ../examples/ok.yaml
            patch: {asset: {appraised: 700000.00}}
            expect: {verdict: non_compliant, failed: [D-03]}
          - name: a list replaces the base's whole
            base: ../examples/ok.yaml
            patch: {approvals: [{body: party_group, date: 2017-09-02}]}
            expect: {verdict: non_compliant, failed: [D-01]}
          - name: null removes a field
            base: ../examples/ok.yaml
            patch: {asset: {appraised: null}}
            expect: {verdict: non_compliant, failed: [D-02], not_applicable: [D-03]}
          - name: a wrong type in the patch is found in the test file
            base: ../examples/ok.yaml
            patch: {quantity: many}
            expect: {verdict: invalid}
        """.write(to: set.appendingPathComponent("tests/cases.yaml"), atomically: true, encoding: .utf8)
        let r = try Run.bylaw(["test", set.path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("6 passed, 0 failed"), "\(r.stdout)")
        let explain = try Run.bylaw(["test", "--format", "json", set.path])
        #expect(explain.status == 0)

        try """
        cases:
          - name: both a decision and a base
            decision: ../examples/ok.yaml
            base: ../examples/ok.yaml
            expect: {verdict: compliant}
          - name: a patch without a base
            patch: {price: 1}
            expect: {verdict: compliant}
        """.write(to: set.appendingPathComponent("tests/cases.yaml"), atomically: true, encoding: .utf8)
        let bad = try Run.bylaw(["test", set.path])
        #expect(bad.status != 0)
        #expect(bad.stdout.contains("[test.decision-and-base]") || bad.stderr.contains("[test.decision-and-base]"))
        #expect(bad.stdout.contains("[test.patch-without-base]") || bad.stderr.contains("[test.patch-without-base]"))
    }

    /// Test cases read decisions from inside their rule library only, never through a link; a library's
    /// calendar is never read through a link either (its first line would show in the error).
    @Test func pathsStayInsideTheLibrary() throws {
        let (dir, set) = try Self.scratchSet()
        let fm = FileManager.default
        let secret = dir.deletingLastPathComponent().appendingPathComponent("secret-\(UUID().uuidString).yaml")
        try "kind: asset_disposal\nTOP-SECRET-LINE: 1\n".write(to: secret, atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(
            atPath: set.appendingPathComponent("examples/linked.yaml").path, withDestinationPath: secret.path)
        try """
        cases:
          - name: absolute
            decision: \(secret.path)
            expect: {verdict: compliant}
          - name: climbing out
            base: ../../../\(secret.lastPathComponent)
            expect: {verdict: compliant}
          - name: through a link
            decision: ../examples/linked.yaml
            expect: {verdict: compliant}
          - name: inside
            decision: ../examples/ok.yaml
            expect: {verdict: compliant}
        """.write(to: set.appendingPathComponent("tests/cases.yaml"), atomically: true, encoding: .utf8)
        let r = try Run.bylaw(["test", set.path])
        let all = r.stdout + r.stderr
        #expect(r.status != 0)
        #expect(all.components(separatedBy: "[test.path-outside]").count - 1 == 2, "\(all)")
        #expect(all.contains("[io.symlink]"))
        #expect(!all.contains("TOP-SECRET-LINE"))

        // A calendar that is a link to a file elsewhere is refused, and nothing of that file is shown.
        let calendar = dir.appendingPathComponent("calendars/test-cal.yaml")
        try fm.removeItem(at: calendar)
        try fm.createSymbolicLink(atPath: calendar.path, withDestinationPath: secret.path)
        let lint = try Run.bylaw(["lint", set.path])
        #expect(lint.status != 0)
        #expect((lint.stdout + lint.stderr).contains("symbolic link"))
        #expect(!(lint.stdout + lint.stderr).contains("TOP-SECRET-LINE"))
    }

    @Test func shippedLibraryPasses() throws {
        let r = try Run.bylaw(["test", "--require-coverage", "rules"])
        #expect(r.status == 0, "\(r.stdout.suffix(2000))\(r.stderr)")
        #expect(r.stdout.contains(" passed, 0 failed\n"))
    }
}
