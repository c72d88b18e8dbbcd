import Bylaw
import BylawDiagnostics
import BylawTestSupport
import Foundation
import Testing

/// Versions of one rule set chosen by the decision's date (or --as-of); overlaps are load errors.
@Suite struct EffectiveDateTests {
    static func version(_ v: String, effective: String, requirement: String) -> String {
        """
        ruleset: notice
        title: 公示规则
        version: \(v)
        source: {title: t}
        effective: \(effective)
        applies_to: k
        input: {days: int}
        rules:
          - {id: N-1, title: 公示天数, cite: 第一条, require: '\(requirement)'}
        """
    }

    static func library(_ files: [String: String]) throws -> RuleLibrary { try scratchLibrary(files) }

    static let versions = [
        "ruleset.yaml": version("2.0.0", effective: "{from: 2019-03-17}", requirement: "days >= 5"),
        "ruleset-2014.yaml": version(
            "1.0.0", effective: "{from: 2014-01-15, until: 2019-03-17}", requirement: "days >= 7"),
    ]

    @Test(arguments: [
        ("2019-03-16", nil as String?, "1.0.0", Verdict.nonCompliant),
        ("2019-03-17", nil, "2.0.0", .compliant),
        ("2019-03-16", "2019-03-17", "2.0.0", .compliant),
        ("2020-01-01", "2015-06-01", "1.0.0", .nonCompliant),
    ])
    func decisionDateChoosesTheVersion(date: String, asOf: String?, version: String, verdict: Verdict) throws {
        let lib = try Self.library(Self.versions)
        #expect(lib.diagnostics.isEmpty)
        let r = try check("kind: k\nid: x\ndate: \(date)\nunit: u\ndays: 6\n", library: lib, asOf: asOf)
        #expect(r.ruleSets.map(\.version) == [version])
        #expect(r.verdict == verdict)
    }

    @Test func overlappingVersionsAreALoadError() throws {
        var files = Self.versions
        files["ruleset-2014.yaml"] = Self.version(
            "1.0.0", effective: "{from: 2014-01-15, until: 2019-03-18}", requirement: "true")
        let lib = try Self.library(files)
        #expect(lib.diagnostics.map(\.code) == ["library.overlapping-versions"])
        #expect(
            lib.diagnostics.first?.message
                == "versions 1.0.0 and 2.0.0 of rule set `notice` are both in force on some days")
    }

    @Test func beforeTheFirstVersionNoRuleSetIsInForce() throws {
        let lib = try Self.library(Self.versions)
        let r = try check("kind: k\nid: x\ndate: 2010-01-01\nunit: u\ndays: 6\n", library: lib)
        #expect(r.verdict == .invalid)
        #expect(r.diagnostics.first?.message == "no rule set for kind `k` is in force on `2010-01-01`")
    }
}
