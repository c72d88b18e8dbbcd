import Bylaw
import BylawCEL
import BylawDiagnostics
import BylawTestSupport
import Foundation
import Testing

@testable import BylawAuthoring
@testable import BylawReports

/// Rule sets that extend others: inheritance, tightening, which set applies, how results name both sets,
/// load errors, and the loosening analysis. The fixture library is `Fixtures/extends/rules`: `national`
/// (1.0.0 until 2020, 2.0.0 from 2020), `province-strict` (scope acftu/north) and `province-loose`
/// (scope acftu/south), which loosens on purpose.
@Suite struct ExtendsTests {
    static let root = Paths.fixtures + "/extends"
    static let library = RuleLibrary.load(root: root + "/rules")

    static func decision(_ unit: String, date: String = "2021-03-01", extra: String = "") throws -> DecisionResult {
        try check(
            """
            kind: grant
            id: G-1
            date: \(date)
            unit: acftu/\(unit)
            amount: 60000.00
            approvals: [{body: finance_dept}, {body: party_group}, {body: audit}]
            signatures: 2
            notice_days: 6
            \(extra)
            """, library: library)
    }

    @Test func libraryLoads() {
        #expect(!Self.library.diagnostics.hasErrors, "\(Self.library.diagnostics)")
    }

    @Test func childInheritsAndTightenedRulesReplaceTheParents() throws {
        let r = try Self.decision("north")
        #expect(r.ruleSets.map(\.id) == ["province-strict"])
        #expect(r.results.map(\.ruleID) == ["N-01", "N-02", "N-03", "N-04", "N-05", "PS-06", "PS-01"])
        #expect(r.ids(.failed) == ["N-01", "N-03", "PS-06", "PS-01"])
        #expect(r.results.first?.title == "须经财务部门、党组和工会主席审核")
        #expect(r.results.first?.cite == "北方省细则第二条")
        #expect(Set(r.results.map(\.ruleSet)) == ["province-strict"])
        #expect(r.verdict == .nonCompliant)
    }

    @Test func overriddenParameterIsReadByInheritedRules() throws {
        // N-02 `amount <= params.max_amount`: the child lowers the maximum from 100000.00 to 80000.
        let r = try check(
            """
            kind: grant
            id: G-2
            date: 2021-03-01
            unit: acftu/north/harbin
            amount: 90000.00
            approvals: [{body: finance_dept}, {body: party_group}, {body: audit}, {body: chair}]
            signatures: 3
            notice_days: 7
            purpose: 培训
            """, library: Self.library)
        #expect(r.ids(.failed) == ["N-02"])
        #expect(r.results.first { $0.ruleID == "N-02" }?.message == "补助金额 90000.00 超过上限 80000")
        let west = try check(
            """
            kind: grant
            id: G-3
            date: 2021-03-01
            unit: acftu/west
            amount: 90000.00
            approvals: [{body: finance_dept}, {body: party_group}, {body: audit}]
            signatures: 3
            notice_days: 7
            """, library: Self.library)
        #expect(west.ruleSets.map(\.id) == ["national"])
        #expect(west.verdict == .compliant)
    }

    @Test(
        arguments: [
            ("2019-03-01", "north", "province-strict", "1.0.0"),
            ("2021-03-01", "north", "province-strict", "2.0.0"),
            ("2017-06-01", "north", "national", nil),
            ("2021-03-01", "west", "national", nil),
            ("2021-03-01", "northwest", "national", nil),
            ("2021-03-01", "south", "province-loose", "2.0.0"),
        ] as [(String, String, String, String?)])
    func setAndParentVersionChosenByUnitAndDate(date: String, unit: String, set: String, parent: String?) throws {
        let r = try Self.decision(unit, date: date)
        #expect(r.ruleSets.map(\.id) == [set])
        #expect(r.ruleSets.first?.extends.map(\.version) == parent.map { [$0] } ?? [])
    }

    @Test func scopedSetsOnlyTellTheUnitsTheyTakeIn() throws {
        let dir = Scratch.root.appendingPathComponent("bylaw-scope-\(UUID().uuidString)/s")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try """
        ruleset: s
        title: t
        version: 1.0.0
        source: {title: s}
        applies_to: k
        scope: {units: [acftu/north, acftu/east/]}
        rules: [{id: S-1, title: t, cite: c, require: 'true'}]
        """.write(to: dir.appendingPathComponent("ruleset.yaml"), atomically: true, encoding: .utf8)
        let lib = RuleLibrary.load(root: dir.deletingLastPathComponent().path)
        #expect(!lib.diagnostics.hasErrors, "\(lib.diagnostics)")
        let outside = try check("kind: k\nid: A\ndate: 2021-01-01\nunit: acftu/northwest", library: lib)
        #expect(
            outside.diagnostics.map(\.message) == [
                "no rule set for kind `k` in force on `2021-01-01` takes in unit `acftu/northwest`; "
                    + "they are limited to units under `acftu/east`, `acftu/north`"
            ])
        let inside = try check("kind: k\nid: A\ndate: 2021-01-01\nunit: acftu/east/x", library: lib)
        #expect(inside.verdict == .compliant)
    }

    @Test func verdictJSONNamesBothSets() throws {
        let r = try Self.decision("north")
        let json = ResultJSON.decision(r).replacingOccurrences(of: Self.root + "/", with: "")
        #expect(
            json.contains(
                #""rule_sets":[{"id":"province-strict","version":"1.1.0","file":"rules/province-strict/ruleset.yaml","#
                    + #""extends":[{"id":"national","version":"2.0.0","file":"rules/national/ruleset.yaml","extends":[]}]}]"#
            ))
        #expect(r.ruleSets.first?.label == "province-strict 1.1.0 (extends national 2.0.0)")
    }

    @Test func loosenedSetIsFlaggedExactly() throws {
        let diags = Loosening.diagnostics(Self.library)
        let renderer = DiagnosticRenderer { try? String(contentsOfFile: $0, encoding: .utf8) }
        let rendered = renderer.render(diags).replacingOccurrences(of: Self.root + "/", with: "")
        try Golden.compare(rendered, Paths.here.appendingPathComponent("Corpus/extends/loosening.txt").path)
        #expect(!diags.contains { $0.location?.file.contains("province-strict") == true }, "the strict set passes")
        let errors = diags.filter { $0.severity == .error }.map { "\($0.location?.line ?? 0) \($0.code)" }
        #expect(
            errors == [
                "10 lint.loosens-threshold", "11 lint.loosens-threshold", "11 lint.loosens-threshold",
                "17 lint.removes-approval", "28 lint.loosens-threshold",
            ])
        #expect(diags.filter { $0.severity == .warning }.map(\.code) == ["lint.narrows-when"])
        #expect(diags.filter { $0.severity == .note }.map { $0.location?.line } == [33])
    }

    static let errorCorpus = Paths.here.appendingPathComponent("Corpus/extends-errors").path
    static let errorCases = ((try? FileManager.default.contentsOfDirectory(atPath: errorCorpus)) ?? []).sorted()

    @Test func errorCorpusIsThere() { #expect(Self.errorCases.count == 7) }

    @Test(arguments: errorCases)
    func loadErrors(_ name: String) throws {
        let dir = Self.errorCorpus + "/" + name
        let lib = RuleLibrary.load(root: dir)
        #expect(lib.diagnostics.hasErrors)
        let renderer = DiagnosticRenderer { try? String(contentsOfFile: $0, encoding: .utf8) }
        let rendered = renderer.render(lib.diagnostics.sortedForOutput()).replacingOccurrences(of: dir + "/", with: "")
        try Golden.compare(rendered, dir + "/expected.txt")
    }
}
