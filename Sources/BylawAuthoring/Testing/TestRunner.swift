import Bylaw
import BylawDiagnostics

/// The outcome of one test case.
public struct TestCaseResult: Sendable {
    public var testCase: TestCase
    public var result: DecisionResult
    /// Each way the result differs from what the case expects; empty when it passed.
    public var differences: [String]
    public var passed: Bool { differences.isEmpty }
}

/// A rule-set folder's test run, with coverage.
public struct TestSuiteResult: Sendable {
    public var folder: String
    public var cases: [TestCaseResult]
    /// Rules of the folder's rule sets that no case makes fail, as `ruleset/RULE-ID`.
    public var uncovered: [String]
    public var diagnostics: [Diagnostic]
    /// False when only some cases ran: `uncovered` is then empty and means nothing.
    public var coverageMeasured = true
}

extension RuleLibrary {
    /// Runs the cases of one rule-set folder against this library; with `selecting`, only the cases whose name
    /// it accepts, and no coverage (a rule the left-out cases make fail is not uncovered).
    public func runTests(folder: String, selecting: ((String) -> Bool)? = nil) -> TestSuiteResult {
        var (cases, diags) = TestCaseLoader.load(folder: folder)
        if let selecting { cases = cases.filter { selecting($0.name) } }
        let results = cases.map { c -> TestCaseResult in
            let r = check(c.decision, file: c.decisionFile, asOf: c.asOf)
            return TestCaseResult(testCase: c, result: r, differences: Self.differences(c, r))
        }
        let mine = ruleSets.filter { $0.file.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") }
        var madeToFail: Set<String> = []
        for r in results {
            for rule in r.result.results(.failed) { madeToFail.insert(rule.ruleSet + "/" + rule.ruleID) }
        }
        var uncovered: [String] = []
        for set in mine {
            // An extending set answers for its own rules; inherited ones are covered by the parent's tests.
            for rule in set.rules where rule.location.file == set.file && !madeToFail.contains(set.id + "/" + rule.id) {
                let key = set.id + "/" + rule.id
                if !uncovered.contains(key) { uncovered.append(key) }
            }
        }
        if selecting != nil { uncovered = [] }
        return TestSuiteResult(
            folder: folder, cases: results, uncovered: uncovered, diagnostics: diags,
            coverageMeasured: selecting == nil)
    }

    static func differences(_ c: TestCase, _ r: DecisionResult) -> [String] {
        var out: [String] = []
        if let v = c.expectedVerdict, v != r.verdict {
            out.append("verdict: expected \(v.rawValue), got \(r.verdict.rawValue)")
            for d in r.diagnostics where d.severity == .error { out.append("  \(d)") }
            for e in r.results(.error) { out.append("  \(e.ruleID) error: \(e.error ?? "")") }
        }
        func compare(_ label: String, _ expected: [String]?, _ actual: [String]) {
            guard let expected else { return }
            let missing = expected.filter { !actual.contains($0) }
            let extra = actual.filter { !expected.contains($0) }
            // A line for each side, each worded whole (the report words it in the reader's language).
            if !missing.isEmpty {
                out.append(label + ": expected but not " + label + ": " + missing.joined(separator: ", "))
            }
            if !extra.isEmpty {
                out.append(label + ": " + label + " but not expected: " + extra.joined(separator: ", "))
            }
        }
        compare("failed", c.failed, r.results(.failed).map(\.ruleID))
        compare("not_applicable", c.notApplicable, r.results(.notApplicable).map(\.ruleID))
        compare("errors", c.errors, r.results(.error).map(\.ruleID))
        compare("provisional", c.provisional, r.results.filter { $0.provisional != nil }.map(\.ruleID))
        for (id, expected) in c.messages.sorted(by: { $0.key < $1.key }) {
            let actual = r.results.first { $0.ruleID == id }?.message
            if actual != expected {
                out.append("message of \(id): expected `\(expected)`, got " + (actual.map { "`\($0)`" } ?? "none"))
            }
        }
        return out
    }
}
