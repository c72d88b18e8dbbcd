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

    /// `int` as the schema defines it, written the plain way for reference: `-?(0|[1-9][0-9]*)` by its
    /// characters, then the standard library's conversion, which refuses what does not fit.
    static func referenceInteger(_ text: String) -> Int64? {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        guard digits == "0" || digits.first != "0" else { return nil }
        return Int64(text)
    }

    @Test(
        arguments: [
            ("0", 0), ("-0", 0), ("7", 7), ("-12", -12), ("9223372036854775807", Int64.max),
            ("-9223372036854775808", Int64.min), ("9223372036854775808", nil), ("-9223372036854775809", nil),
            ("18446744073709551616", nil), ("99999999999999999999", nil), ("00", nil), ("-00", nil), ("012", nil),
            ("-", nil), ("", nil), ("+5", nil), ("--5", nil), ("5.0", nil), ("5 ", nil), ("١٢", nil), ("1\u{301}", nil),
            ("１２", nil), ("0x10", nil), ("1e3", nil),
        ] as [(String, Int64?)])
    func integers(_ text: String, _ expected: Int64?) {
        #expect(DecisionTyper.integer(text) == expected, "\(text)")
        #expect(Self.referenceInteger(text) == expected, "the reference disagrees on \(text)")
    }

    /// The byte reading against the reference on random texts of digits, signs and points.
    @Test func integersAgreeWithTheReference() {
        var generator = SplitMix(seed: 27)
        let alphabet = Array("0123456789-.+ 9")
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...21, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(DecisionTyper.integer(text) == Self.referenceInteger(text), "\(text)")
        }
        for value in [Int64.max, Int64.min, 0, 1, -1, 1_000_000_007] {
            #expect(DecisionTyper.integer(String(value)) == value)
        }
    }

    /// Decimals and dates read from bytes in place against their definitions: `isPlainDecimal` then
    /// `CELDecimal(_:)`, and `CELDate(iso:)` of a text with its dashes in place; random texts of digits, signs,
    /// points, dashes and characters beyond ASCII, long enough to overflow.
    @Test func decimalsAndDatesAgreeWithTheirDefinitions() {
        var generator = SplitMix(seed: 8785)
        let alphabet = ["0", "1", "9", "-", ".", "+", " ", "e", "０", "١", "é", "0", "5"]
        var decimals = 0
        for _ in 0..<30_000 {
            var text = (0..<generator.int(12)).map { _ in generator.pick(alphabet) }.joined()
            if generator.int(3) == 0 {
                text =
                    String(repeating: "9", count: generator.int(44)) + "."
                    + String(repeating: "1", count: generator.int(40))
            }
            let expected = DecisionTyper.isPlainDecimal(text) ? CELDecimal(text) : nil
            let got = DecisionTyper.plainDecimal(text)
            #expect(got == expected && got?.scale == expected?.scale, "\(text)")
            if got != nil { decimals += 1 }
            var day = (0..<10).map { _ in generator.pick(["0", "1", "2", "3", "9"]) }
            day[4] = "-"
            day[7] = "-"
            if generator.int(5) == 0 { day[generator.int(10)] = generator.pick(alphabet) }
            let date = day.joined()
            #expect(DecisionTyper.date(date) == CELDate(iso: date), "\(date)")
        }
        #expect(decimals > 2_000)
        #expect(DecisionTyper.plainDecimal("-0.50")?.scale == 2 && DecisionTyper.plainDecimal("01.5") == nil)
        #expect(DecisionTyper.date("2024-02-29") != nil && DecisionTyper.date("2023-02-29") == nil)
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
