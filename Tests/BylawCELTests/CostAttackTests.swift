import BylawCEL
import Foundation
import Testing

/// Hostile expressions that once ran for many seconds or aborted the process: each must end with
/// `cel.cost-limit`, promptly. The time bound is a sanity check of a few seconds, not a benchmark.
@Suite struct CostAttackTests {
    static func run(_ source: String, variables: [String: CELValue] = [:], checked: Bool = true) -> (
        CELResult, Duration
    ) {
        let clock = ContinuousClock()
        let start = clock.now
        var environment = CELEnvironment()
        for (name, value) in variables { environment.declare(name, value.type) }
        let result: CELResult
        switch CEL.compile(source, environment: environment, checked: checked) {
        case .success(let program): result = program.evaluate(CELActivation(variables: variables))
        case .failure(let issues):
            result = .failure(CELEvalError(.host("compile"), message: issues.map(\.message).joined(separator: "; ")))
        }
        let elapsed = clock.now - start
        let outcome = if case .failure(let error) = result { "\(error.code): \(error.message)" } else { "a value" }
        print("cost attack: \(source.prefix(50))… \(outcome) after \(elapsed)")
        return (result, elapsed)
    }

    static func errorCode(_ result: CELResult) -> String? {
        if case .failure(let error) = result { return error.code }
        return nil
    }

    @Test func stringDoubledFortyTimes() {
        // Each `map` binds the previous string and doubles it: 2^40 bytes if nothing stopped it.
        var source = "['ab']"
        for level in 0..<40 { source += ".map(s\(level), s\(level) + s\(level))" }
        let (result, elapsed) = Self.run(source)
        #expect(Self.errorCode(result) == "cel.cost-limit")
        #expect(elapsed < .seconds(5))
    }

    @Test func nestedMapsConcatenatingStrings() {
        // An 84 KB expression: 8 nested `map`s, each over its own list of long literals, concatenating them.
        let literal = "'" + String(repeating: "x", count: 2_600) + "'"
        let list = "[" + Array(repeating: literal, count: 4).joined(separator: ", ") + "]"
        let names = (0..<8).map { "v\($0)" }
        var body = names.joined(separator: " + ")
        for name in names.reversed() { body = "\(list).map(\(name), \(body))" }
        #expect(body.utf8.count > 80_000)
        #expect(body.utf8.count < 100_000)
        let (result, elapsed) = Self.run(body)
        #expect(Self.errorCode(result) == "cel.cost-limit")
        #expect(elapsed < .seconds(5))
    }

    @Test func boundedRepeatRegexOnLongText() {
        let text = String(repeating: "a", count: 200_000)
        let (result, elapsed) = Self.run("s.matches('[a-z]{1,1000}x')", variables: ["s": .string(text)])
        #expect(Self.errorCode(result) == "cel.cost-limit")
        #expect(elapsed < .seconds(5))
    }

    @Test func membershipInsideAllIsQuadratic() {
        let list = CELValue.list((0..<20_000).map { .string("member-\($0)") })
        let (result, elapsed) = Self.run("l.all(m, m in l)", variables: ["l": list])
        #expect(Self.errorCode(result) == "cel.cost-limit")
        #expect(elapsed < .seconds(5))
    }

    @Test func listDoubling() {
        // A list bound and doubled 40 times, as the string above.
        let (result, elapsed) = Self.run("[[1, 2, 3, 4]]" + (0..<40).map { ".map(l\($0), l\($0) + l\($0))" }.joined())
        #expect(Self.errorCode(result) == "cel.cost-limit")
        #expect(elapsed < .seconds(5))
    }

    @Test(
        arguments: [
            ("string concatenation within budget", "'ab' + 'cd'", "\"abcd\""),
            ("membership within budget", "3 in [1, 2, 3]", "true"),
            ("regex within budget", "'AB-12'.matches('^[A-Z]+-\\\\d{2}$')", "true"),
        ])
    func ordinaryWorkStaysWithinBudget(name: String, source: String, expected: String) {
        let (result, _) = Self.run(source)
        #expect(rendered(result) == expected, "\(name)")
    }

    @Test func memoryLimitIsItsOwnBudget() throws {
        let program = try CEL.compile(
            "s + s",
            environment: {
                var e = CELEnvironment()
                e.declare("s", .string)
                return e
            }()
        ).get()
        let activation = CELActivation(
            variables: ["s": .string(String(repeating: "y", count: 1_000))], memoryLimit: 1_500)
        let result = program.evaluate(activation)
        #expect(Self.errorCode(result) == "cel.cost-limit")
        #expect(rendered(result).contains("memory limit"))
    }
}

/// Work that is cheap to ask for and dear to do: long searches and long formatted output.
@Suite struct CostAmplificationTests {
    static let environment: CELEnvironment = {
        var environment = CELEnvironment()
        environment.declare("s", .string)
        environment.declare("t", .string)
        return environment
    }()

    @Test(
        arguments: [
            ("indexOf of a long needle in a long text", "s.indexOf(t)"),
            ("contains of a long needle", "s.contains(t)"),
            ("split by a long separator", "s.split(t)"),
            (
                "format of many references to one long string",
                "'%s'.format([s.split('').map(c, s)])"
            ),
        ])
    func stopsWithTheCostLimit(name: String, source: String) {
        let variables: [String: CELValue] = [
            "s": .string(String(repeating: "a", count: 100_000)),
            "t": .string(String(repeating: "a", count: 50_000) + "b"),
        ]
        let clock = ContinuousClock()
        let start = clock.now
        let result = evaluate(source, Self.environment, variables: variables)
        let elapsed = clock.now - start
        guard case .failure(let error) = result else {
            Issue.record("\(name): expected the budget to stop it, got \(rendered(result))")
            return
        }
        #expect(error.code == "cel.cost-limit", "\(name): \(error.message)")
        #expect(elapsed < .seconds(5), "\(name)")
    }
}
