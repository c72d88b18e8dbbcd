import BylawCEL
import BylawTestSupport
import Testing

@testable import Bylaw

/// Decision + rule set → the exact failed, not-applicable and error rule ids.
@Suite struct VerdictTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let edits: [String: String?]
        let verdict: Verdict
        let failed: [String]
        let notApplicable: [String]
        let errors: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "compliant", edits: [:], verdict: .compliant, failed: [], notApplicable: [], errors: []),
        Case(
            name: "no finance review", edits: ["  - {body: finance": nil], verdict: .nonCompliant, failed: ["D-01"],
            notApplicable: [], errors: []),
        Case(
            name: "price one cent under 90 % of appraisal",
            edits: ["price:": "price: 539999.99"], verdict: .nonCompliant, failed: ["D-03"], notApplicable: [],
            errors: []),
        Case(
            name: "no appraisal above threshold",
            edits: ["asset:": "asset: {category: vehicle, book_value: 650000.00}"], verdict: .nonCompliant,
            failed: ["D-02"], notApplicable: ["D-03"], errors: []),
        Case(
            name: "building needs the superior union",
            edits: [
                "asset:": "asset: {category: building, book_value: 1200000.00, appraised: 1200000.00}",
                "price:": "price: 1200000.00",
            ],
            verdict: .nonCompliant, failed: ["D-04"], notApplicable: [], errors: []),
        Case(
            name: "related buyer is a warning", edits: ["buyer_related:": "buyer_related: true"], verdict: .needsReview,
            failed: ["D-05"], notApplicable: [], errors: []),
        Case(
            name: "4 working days across the national-day holiday is only a notice",
            edits: ["notice:": "notice: {start: 2017-09-29, end: 2017-10-11}"], verdict: .compliant, failed: ["D-06"],
            notApplicable: [], errors: []),
        Case(
            name: "no notice", edits: ["notice:": nil], verdict: .compliant, failed: [], notApplicable: ["D-06"],
            errors: []),
        Case(
            name: "notice outside the calendar is an error, never a guess",
            edits: ["notice:": "notice: {start: 2018-01-02, end: 2018-01-20}"], verdict: .error, failed: [],
            notApplicable: [], errors: ["D-06"]),
    ]

    @Test(arguments: cases)
    func verdict(_ c: Case) throws {
        let r = try check(disposal(c.edits))
        #expect(r.diagnostics.filter { $0.severity == .error }.isEmpty, "\(r.diagnostics)")
        #expect(r.verdict == c.verdict)
        #expect(r.ids(.failed) == c.failed)
        #expect(r.ids(.notApplicable) == c.notApplicable)
        #expect(r.ids(.error) == c.errors)
    }

    @Test func failedRuleCarriesCitationMessageAndEvidence() throws {
        let r = try check(
            disposal([
                "asset:": "asset: {category: building, book_value: 1200000.00, appraised: 1200000.00}",
                "price:": "price: 1200000.00",
            ]))
        let d04 = try #require(r.results(.failed).first)
        #expect(d04.ruleID == "D-04")
        #expect(d04.cite == "第十三条")
        #expect(d04.message == "须经 superior_union 批准")
        #expect(d04.evidence.map(\.path) == ["bodies", "min_approver()"])
        #expect(
            d04.evidence.map { ValueText.literal($0.value) } == [#"["finance", "party_group"]"#, #""superior_union""#])
    }

    @Test func evidenceShowsDecimalsExactly() throws {
        let r = try check(disposal(["price:": "price: 539999.99"]))
        let d03 = try #require(r.results(.failed).first)
        #expect(d03.message == "成交价 539999.99 低于评估价的九成")
        #expect(
            d03.evidence.map { "\($0.path) = \(ValueText.literal($0.value))" } == [
                "decision.method = \"auction\"", "decision.asset.appraised = 600000.00", "price = 539999.99",
                "params.price_floor = 0.9", "asset.appraised = 600000.00",
            ])
    }

    @Test func asOfBeforeEveryVersionIsAClearError() throws {
        let r = try check(disposal(), asOf: "2016-06-01")
        #expect(r.verdict == .invalid)
        #expect(r.diagnostics.map(\.code) == ["decision.no-ruleset"])
        #expect(r.diagnostics.first?.message == "no rule set for kind `asset_disposal` is in force on `2016-06-01`")
    }

    /// The error points at what makes it: a date no version is in force on points at the date (a sheet's date
    /// cell, not the first cell of the row); an unknown kind at the kind.
    @Test func noRuleSetPointsAtTheDateOrTheKind() throws {
        let yaml = try disposal(["date:": "date: 2001-01-01"])
        let dateLine =
            (yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("date:") } ?? -1)
            + 1
        let r = try check(yaml)
        #expect(r.diagnostics.map(\.code) == ["decision.no-ruleset"])
        #expect(r.diagnostics.first?.location?.line == dateLine)
        let kind = try check(disposal(["kind:": "kind: nothing_like_it"]))
        let kindLine =
            (try disposal().split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
                $0.hasPrefix("kind:")
            } ?? -1) + 1
        #expect(kind.diagnostics.first?.location?.line == kindLine)
    }

    @Test func unknownKindSuggestsTheNearestKnownKind() throws {
        let r = try check(disposal(["kind:": "kind: asset_disposl"]))
        #expect(r.verdict == .invalid)
        #expect(r.diagnostics.first?.help == "did you mean `asset_disposal`?")
    }
}

/// A result keeps its message, error, evidence and calendar note apart and shares them between copies: a
/// change to one copy must never show in another, and a result that only passed carries none of them.
@Suite struct RuleResultDetailsTests {
    static let identity = RuleIdentity(ruleSet: "s", ruleID: "R", title: "t", cite: "c", severity: .violation)

    @Test func aChangedCopyLeavesTheOriginalAlone() {
        var failed = RuleResult(identity: Self.identity, outcome: .failed)
        failed.message = "m"
        failed.evidence = [Evidence(path: "a", value: .int(1), sensitive: false)]
        var copy = failed
        copy.message = "changed"
        copy.evidence.append(Evidence(path: "b", value: .int(2), sensitive: false))
        copy.error = "e"
        #expect(failed.message == "m")
        #expect(failed.evidence.map(\.path) == ["a"])
        #expect(failed.error == nil)
        #expect(copy.message == "changed")
        #expect(copy.evidence.map(\.path) == ["a", "b"])
        #expect(copy.error == "e")
        // Cleared again, the copy is a quiet result once more.
        var quiet = RuleResult(identity: Self.identity, outcome: .passed)
        #expect(quiet.jsonWhole != nil)
        quiet.message = nil
        quiet.evidence = []
        #expect(quiet.jsonWhole != nil)
        quiet.provisional = ProvisionalCalendarNote(
            calendar: "c", file: "f", day: CELDate(year: 2026, month: 1, day: 1)!)
        #expect(quiet.jsonWhole == nil)
        quiet.provisional = nil
        #expect(quiet.jsonWhole != nil)
        #expect(quiet.message == nil && quiet.error == nil && quiet.evidence.isEmpty)
    }
}
