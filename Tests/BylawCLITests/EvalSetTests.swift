import Foundation
import Testing

/// `bylaw eval --set ID`: an expression sees what the rule set's own expressions see.
@Suite struct EvalSetTests {
    static let auction = "rules/asset-management/examples/compliant-vehicle-auction.yaml"
    static let building = "rules/asset-management/examples/non-compliant-building-agreement-sale.yaml"

    @Test(arguments: [
        // params, of the version in force on the decision's date
        ([auction], "params.min_price_ratio", "0.9  (decimal)\n"),
        // a table as a function, computed from the decision's fields
        ([auction], "required_approver()", "\"省级工会\"  (string)\n"),
        ([building], "required_approver()", "\"省级工会\"  (string)\n"),
        // a let, typed: the decision's years in use compared with the let `min_life`
        ([auction], "years_used >= min_life", "true  (bool)\n"),
        // a decision field typed by the input schema (decimal, exact)
        ([building], "sale.price < params.min_price_ratio * appraisal.value", "true  (bool)\n"),
        ([auction], "approver_rank[approval.body]", "3  (int)\n"),
    ])
    func theSetsScopeForADecision(_ input: [String], _ expression: String, _ expected: String) throws {
        let r = try Run.bylaw(["eval", "--set", "asset-management", "--input"] + input + [expression])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == expected)
        #expect(r.stderr.isEmpty, "\(r.stderr)")
    }

    @Test func withoutADecisionParamsAndConstantLetsWork() throws {
        let r = try Run.bylaw(["eval", "--set", "asset-management", "size(appraisal_methods) + params.ledger_days"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "34  (int)\n")
        let field = try Run.bylaw(["eval", "--set", "asset-management", "years_used"])
        #expect(field.status == 1)
        #expect(field.stderr.contains("no value for variable `years_used`"), "\(field.stderr)")
    }

    @Test func varReplacesAParameterMap() throws {
        let r = try Run.bylaw([
            "eval", "--set", "asset-management", "--input", Self.auction, "--var", "params={'min_price_ratio': 2}",
            "params.min_price_ratio",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "2  (int)\n")
    }

    @Test func anUnknownSetOrAnotherKindIsAnError() throws {
        let unknown = try Run.bylaw(["eval", "--set", "nope", "1"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no rule set `nope` in the library [eval.unknown-set]"), "\(unknown.stderr)")
        let kind = try Run.bylaw([
            "eval", "--set", "cadre-selection", "--input", Self.auction, "today",
        ])
        #expect(kind.status == 2)
        #expect(kind.stderr.contains("rule set `cadre-selection` applies to `cadre_promotion`"), "\(kind.stderr)")
    }

    @Test func aTypeErrorPointsIntoTheExpression() throws {
        let r = try Run.bylaw(["eval", "--set", "asset-management", "--input", Self.auction, "asset.book_value + 'x'"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("<expr>:1:"), "\(r.stderr)")
    }
}
