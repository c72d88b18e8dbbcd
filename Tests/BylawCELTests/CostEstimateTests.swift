import BylawCEL
import Testing

/// Worst-case estimates: the expressions the budget stops are flagged from their input bounds alone, and ordinary
/// rules are not.
@Suite struct CostEstimateTests {
    static let environment: CELEnvironment = {
        var environment = CELEnvironment()
        environment.declare("l", .list(.string))
        environment.declare("s", .string)
        environment.declare("n", .int)
        return environment
    }()

    static func estimate(_ source: String, _ bounds: CELSizeBounds) throws -> CELCostEstimate {
        try CEL.compile(source, environment: environment).get().worstCaseCost(bounds)
    }

    static let limits = (cost: CELActivation.defaultCostLimit, memory: CELActivation.defaultMemoryLimit)

    @Test(
        arguments: [
            ("membership inside all over 20,000 elements", "l.all(m, m in l)", 20_000),
            ("bounded repeat on 200 KB", "s.matches('[a-z]{1,1000}x')", 200_000),
            ("string doubled forty times", "['ab']" + (0..<40).map { ".map(s\($0), s\($0) + s\($0))" }.joined(), 10),
            ("search of a long needle", "s.indexOf(s.substring(1))", 100_000),
        ])
    func attacksAreFlagged(name: String, source: String, bound: Int) throws {
        let estimate = try Self.estimate(source, CELSizeBounds(otherwise: bound))
        #expect(estimate.exceeds(costLimit: Self.limits.cost, memoryLimit: Self.limits.memory), "\(name)")
    }

    @Test(
        arguments: [
            ("membership inside all over 100 elements", "l.all(m, m in l)", 100),
            ("a regex over a short field", "s.matches('^[A-Z]+-\\\\d{2}$')", 64),
            ("comparisons", "n > 3 && s == 'x' && size(l) < 10", 1_000),
            ("a bounded join", "l.join(', ').size() < 500", 200),
        ])
    func ordinaryRulesAreNot(name: String, source: String, bound: Int) throws {
        let estimate = try Self.estimate(source, CELSizeBounds(otherwise: bound))
        #expect(!estimate.exceeds(costLimit: Self.limits.cost, memoryLimit: Self.limits.memory), "\(name)")
    }

    @Test func pathBoundsOverrideTheDefault() throws {
        let tight = CELSizeBounds(paths: [["l"]: 100], otherwise: 1_000_000)
        let loose = CELSizeBounds(paths: [["l"]: 100_000], otherwise: 1)
        #expect(try Self.estimate("l.all(m, m in l)", tight).steps < 20_000)
        #expect(try Self.estimate("l.all(m, m in l)", loose).steps > 1_000_000_000)
    }

    @Test(
        arguments: [
            ("membership inside all", "l.all(m, m in l)", "true"),
            ("a regex that fails at every position", "s.matches('(a|b)*c')", "false"),
            ("a doubling map", "l.map(m, m + m + s).size()", "300"),
            ("a search", "s.indexOf('ab') + l.join('').size()", "599"),
        ])
    func estimatesBoundWhatEvaluationSpends(name: String, source: String, expected: String) throws {
        // An evaluation within the bounds, given exactly the estimated budget, never runs out.
        let variables: [String: CELValue] = [
            "l": .list((0..<300).map { .string("m\($0 % 10)") }), "s": .string(String(repeating: "a", count: 300)),
        ]
        let program = try CEL.compile(source, environment: Self.environment).get()
        let estimate = program.worstCaseCost(CELSizeBounds(otherwise: 300))
        let result = program.evaluate(
            CELActivation(variables: variables, costLimit: estimate.steps, memoryLimit: estimate.bytes))
        #expect(rendered(result) == expected, "\(name)")
    }

    @Test func estimatesSaturate() throws {
        let source = "l" + (0..<8).map { ".map(x\($0), l)" }.joined()
        let estimate = try Self.estimate(source, CELSizeBounds(otherwise: Int.max / 2))
        #expect(estimate.steps == Int.max)
    }
}
