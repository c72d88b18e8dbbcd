import BylawCEL
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
        let set = try #require(prepared.ruleSets.first)
        #expect(!set.tables.isEmpty, "the test needs a rule set with tables")
        weak var scope: TableScope?
        do {
            let evaluator = Evaluator(ruleSet: set)
            let context = evaluator.context(decision, today: today)
            scope = context.scope
            let results = set.rules.map { evaluator.evaluate($0, in: context) }
            #expect(results.contains { $0.outcome == .failed })
            #expect(!context.scope.outcomes.isEmpty, "a table was called")
        }
        #expect(scope == nil, "the table scope outlived its decision")
    }
}
