import BylawCEL
import BylawTestSupport
import BylawYAML
import Testing

@testable import Bylaw

/// A batch audit checks a million decisions in one process: nothing of one decision may outlive it.
@Suite struct EvaluationMemoryTests {
    /// The rule's activation points at the table scope, and the scope keeps the activation; if the scope
    /// kept it with that pointer, every decision's values would leak (a 100,000-record run grew by 1 GB).
    @Test func tableScopeIsFreedAfterADecision() throws {
        let library = RuleLibrary.load(root: Paths.shippedRules)
        let file = Paths.shippedRules + "/asset-management/examples/non-compliant-building-agreement-sale.yaml"
        let node = try YAMLLoader.load(path: file, limits: .decision)
        let prepared = library.prepare(node, file: file, asOf: nil, textCells: false)
        let decision = try #require(prepared.decision)
        let today = try #require(prepared.today)
        let set = try #require(prepared.ruleSets.first?.set)
        #expect(!set.tables.isEmpty, "the test needs a rule set with tables")
        weak var scope: TableScope?
        do {
            let evaluator = Evaluator(ruleSet: set)
            let context = evaluator.context(decision, today: today)
            scope = context.scope
            let results = set.rules.map { evaluator.evaluate($0, in: context) }
            #expect(results.contains { $0.outcome == .failed })
            #expect(!context.scope.called.isEmpty, "a table was called")
        }
        #expect(scope == nil, "the table scope outlived its decision")
    }
}

/// The fast paths of typing and verdicts, held to their definitions.
@Suite struct TypingFastPathTests {
    @Test(arguments: [
        ("0", true), ("12", true), ("-12.50", true), ("0.5", true), ("650000.00", true), ("-0", true),
        ("00", false), ("012", false), (".5", false), ("5.", false), ("1e5", false), ("-", false), ("", false),
        ("1.2.3", false), ("١٢", false), ("+5", false), ("--5", false), ("5 ", false), ("0x10", false),
    ])
    func plainDecimals(_ text: String, _ expected: Bool) {
        #expect(DecisionTyper.isPlainDecimal(text) == expected, "\(text)")
    }

    @Test func verdictIsTheWorstOutcome() {
        func result(_ outcome: RuleOutcome, _ severity: RuleSeverity) -> RuleResult {
            RuleResult(
                ruleSet: "s", ruleID: "R", title: "", cite: "", severity: severity, outcome: outcome, message: nil,
                error: nil, evidence: [])
        }
        #expect(DecisionResult.verdict(of: []) == .compliant)
        #expect(DecisionResult.verdict(of: [result(.failed, .notice), result(.passed, .violation)]) == .compliant)
        #expect(DecisionResult.verdict(of: [result(.failed, .warning)]) == .needsReview)
        #expect(
            DecisionResult.verdict(of: [result(.failed, .violation), result(.failed, .warning)]) == .nonCompliant)
        #expect(
            DecisionResult.verdict(of: [result(.failed, .warning), result(.failed, .violation)]) == .nonCompliant)
        #expect(DecisionResult.verdict(of: [result(.failed, .violation), result(.error, .notice)]) == .error)
    }
}
