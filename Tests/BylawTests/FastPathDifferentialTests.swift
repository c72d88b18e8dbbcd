import BylawCEL
import BylawTestSupport
import BylawYAML
import Foundation
import Testing

@testable import Bylaw

/// The fast path of CEL evaluation (`FastPlanner`) against the interpreter, the reference: on every shipped
/// example and on thousands of decisions made from them by random edits (a field removed, a value replaced by
/// another field's, by a boundary number, a date, a wrong type), both must give the same verdict and, rule by
/// rule, the same outcome, message, error and evidence.
@Suite struct FastPathDifferentialTests {
    static let library = RuleLibrary.load(root: Paths.shippedRules)

    static var examples: [String] {
        let root = Paths.shippedRules
        let all = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        return all.filter { $0.contains("/examples/") && $0.hasSuffix(".yaml") }.map { root + "/" + $0 }.sorted()
    }

    @Test func mostShippedExpressionsHaveAFastPlan() {
        var planned = 0
        var total = 0
        for set in Self.library.ruleSets {
            for rule in set.rules {
                for program in [rule.when?.program, rule.require.program].compactMap({ $0 }) {
                    total += 1
                    if program.hasFastPath { planned += 1 }
                }
            }
        }
        print("fast plans: \(planned) of \(total) rule expressions in the shipped library")
        #expect(total > 100)
        #expect(planned * 20 >= total * 19, "only \(planned) of \(total) rule expressions have a fast plan")
    }

    /// A decision the fast plan settles is counted as such, and one that needs the interpreter (a `let` that
    /// cannot be computed: `assigned` is missing) says how many expressions it took: `bylaw audit` counts them.
    @Test func theInterpreterIsCountedWhenItAnswers() throws {
        func check(_ yaml: String) throws -> DecisionResult {
            let node = try YAMLLoader.load(bytes: Array(yaml.utf8), file: "d.yaml", limits: .decision)
            return LetFailureTests.library.check(node, file: "d.yaml", asOf: nil)
        }
        let settled = try check("kind: k\nid: X\ndate: 2021-01-01\nunit: a\ncomplex: false\nassigned: 2020-06-01\n")
        #expect(settled.verdict == .compliant)
        #expect(settled.interpretedExpressions == 0)
        let unsettled = try check("kind: k\nid: X\ndate: 2021-01-01\nunit: a\ncomplex: false\n")
        #expect(unsettled.verdict == .error)
        #expect(unsettled.interpretedExpressions == 1)
        let reference = Evaluator.$interpretOnly.withValue(true) {
            try? check("kind: k\nid: X\ndate: 2021-01-01\nunit: a\ncomplex: false\n")
        }
        #expect(reference?.interpretedExpressions == 0, "with the fast path off there is nothing to count")
    }

    @Test func examplesAgree() throws {
        let files = Self.examples
        #expect(files.count > 30)
        for file in files {
            let node = try YAMLLoader.load(path: file, limits: .decision)
            try Self.compare(node, file)
        }
    }

    @Test(arguments: 0..<4)
    func randomEditsAgree(seed: UInt64) throws {
        var rng = SplitMix(seed: 0x5EED_0000 + seed)
        let nodes = try Self.examples.map { try YAMLLoader.load(path: $0, limits: .decision) }
        let pool = nodes.flatMap(Self.scalars)
        var verdicts: [Verdict: Int] = [:]
        for _ in 0..<600 {
            guard var node = nodes.randomElement(using: &rng) else { continue }
            for _ in 0..<Int.random(in: 1...3, using: &rng) { node = Self.edit(node, pool: pool, rng: &rng) }
            verdicts[try Self.compare(node, node.file), default: 0] += 1
        }
        // The edits must reach the rules, not only make decisions invalid.
        #expect(verdicts.values.reduce(0, +) == 600)
        #expect((verdicts[.compliant] ?? 0) > 30, "\(verdicts)")
        #expect((verdicts[.nonCompliant] ?? 0) > 30, "\(verdicts)")
    }

    /// Checks `node` both ways and expects the same results.
    @discardableResult
    static func compare(_ node: YAMLNode, _ file: String) throws -> Verdict {
        let fast = library.check(node, file: file)
        let reference = Evaluator.$interpretOnly.withValue(true) { library.check(node, file: file) }
        #expect(fast.verdict == reference.verdict, "\(file)")
        try #require(fast.results.count == reference.results.count, "\(file)")
        for (a, b) in zip(fast.results, reference.results) {
            #expect(a.ruleID == b.ruleID && a.outcome == b.outcome, "\(file) \(a.ruleID): \(a.outcome) vs \(b.outcome)")
            #expect(a.message == b.message, "\(file) \(a.ruleID)")
            #expect(a.error == b.error, "\(file) \(a.ruleID)")
            #expect(a.evidence == b.evidence, "\(file) \(a.ruleID)")
        }
        return reference.verdict
    }

    /// Every scalar in a document, as replacement values.
    static func scalars(_ node: YAMLNode) -> [YAMLScalar] {
        switch node.content {
        case .scalar(let s): [s]
        case .sequence(let items): items.flatMap(scalars)
        case .mapping(let pairs): pairs.flatMap { scalars($0.value) }
        }
    }

    static let boundaries: [YAMLScalar] = [
        .init(text: "0", style: .plain, coreType: .int), .init(text: "-1", style: .plain, coreType: .int),
        .init(text: "1", style: .plain, coreType: .int), .init(text: "99999999.99", style: .plain, coreType: .float),
        .init(text: "0.00", style: .plain, coreType: .float), .init(text: "true", style: .plain, coreType: .bool),
        .init(text: "false", style: .plain, coreType: .bool), .init(text: "", style: .plain, coreType: .null),
        .init(text: "2019-03-01", style: .plain, coreType: .string),
        .init(text: "2025-12-31", style: .plain, coreType: .string),
        .init(text: "不是日期", style: .plain, coreType: .string),
    ]

    /// One random edit somewhere in the tree: a mapping entry removed, or a scalar replaced.
    static func edit(_ node: YAMLNode, pool: [YAMLScalar], rng: inout SplitMix) -> YAMLNode {
        var out = node
        switch node.content {
        case .scalar:
            let source = Bool.random(using: &rng) ? pool : boundaries
            if let replacement = source.randomElement(using: &rng) { out.content = .scalar(replacement) }
        case .sequence(var items):
            guard !items.isEmpty else { return node }
            let i = Int.random(in: 0..<items.count, using: &rng)
            if Int.random(in: 0..<4, using: &rng) == 0 {
                items.remove(at: i)
            } else {
                items[i] = edit(items[i], pool: pool, rng: &rng)
            }
            out.content = .sequence(items)
        case .mapping(var pairs):
            guard !pairs.isEmpty else { return node }
            let i = Int.random(in: 0..<pairs.count, using: &rng)
            // Keep `kind` and `date`, or nearly every edit would only make the decision invalid.
            let key = pairs[i].key.scalar?.text ?? ""
            if key == "kind" { return node }
            if Int.random(in: 0..<4, using: &rng) == 0, key != "date" {
                pairs.remove(at: i)
            } else {
                pairs[i].value = edit(pairs[i].value, pool: pool, rng: &rng)
            }
            out.content = .mapping(pairs)
        }
        return out
    }
}
