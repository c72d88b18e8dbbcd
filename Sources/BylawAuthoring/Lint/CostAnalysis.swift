import Bylaw
import BylawCEL
import BylawDiagnostics
import BylawYAML

/// Rules and `let`s whose worst-case cost can exceed the evaluation budget on a decision of moderate size: such a
/// decision makes them end in `error` (`cel.cost-limit`) instead of a verdict.
///
/// The bound is ``assumedSize`` elements for every list and map and as many bytes for every text a decision gives
/// (within the decision YAML limits, ``YAMLLimits/decision``, which allow far more). Any rule that reads a list once
/// can be driven past the budget by a list near the YAML limit (and then ends in `error`, never a pass); what this
/// check finds is cost that grows faster than the input: a comprehension inside another, a string built by
/// doubling, a long regex scan.
public struct CostAnalysis: LintAnalysis {
    public init() {}

    public var checks: [LintCheck] { [LintChecks.costBudget] }

    /// The most elements of a list or map, or bytes of a text, lint assumes a decision gives.
    public static let assumedSize = 10_000

    /// The bounds lint assumes of every value a decision gives.
    public static let bounds: CELSizeBounds = {
        let limits = YAMLLimits.decision
        let largest = max(min(limits.maxScalarBytes, limits.maxBytes), limits.maxItemsPerSequence)
        return CELSizeBounds(otherwise: min(assumedSize, largest))
    }()

    public func run(_ input: LintInput) -> [Diagnostic] {
        input.eachPiece { set in
            let bounds = Self.bounds(for: set)
            var out: [ItemFinding] = []
            for binding in set.lets {
                if let d = check(binding.expression, "`let` `\(binding.name)`", bounds) {
                    out.append(ItemFinding(diagnostic: d, reads: [binding.expression]))
                }
            }
            for rule in set.rules {
                for (key, e) in [("when", rule.when), ("require", rule.require)] {
                    guard let e, let d = check(e, "`\(key)` of rule `\(rule.id)`", bounds) else { continue }
                    out.append(ItemFinding(diagnostic: d, reads: [e]))
                }
            }
            return out
        }
    }

    /// ``bounds`` with the exact sizes of the parameters and of the `let`s that read only constants.
    static func bounds(for set: RuleSet) -> CELSizeBounds {
        var bounds = Self.bounds
        func record(_ value: CELValue, at path: [String]) {
            bounds.paths[path] = size(value)
            if case .list(let items) = value { bounds.paths[path + ["*"]] = items.map(size).max() ?? 0 }
        }
        for p in set.parameters { record(p.value, at: ["params", p.name]) }
        // An enum's text is no longer than its longest value, wherever it sits.
        func enums(_ schema: ObjectSchema, at path: [String]) {
            for field in schema.fields { enumBounds(field.type, at: path + [field.name]) }
        }
        func enumBounds(_ type: FieldType, at path: [String]) {
            switch type {
            case .enumeration(let values): bounds.paths[path] = values.map(\.utf8.count).max() ?? 0
            case .list(let item): enumBounds(item, at: path + ["*"])
            case .object(let schema): enums(schema, at: path)
            default: break
            }
        }
        enums(set.input, at: [])
        enums(set.input, at: ["decision"])
        let folder = ConstantFolder(set)
        for binding in set.lets {
            if case .constant(let value) = folder.fold(binding.expression) {
                record(value, at: [binding.name])
            } else if let path = selected(binding.expression.program.ast.root) {
                // A `let` that names a field, or filters a list field, holds values that field's bounds bound.
                for (key, bound) in bounds.paths where key.count > path.count && Array(key.prefix(path.count)) == path {
                    bounds.paths[[binding.name] + key.dropFirst(path.count)] = bound
                }
            }
        }
        return bounds
    }

    /// The field path a `let` reads whole or filters: `procedure.meeting`, `candidate.sanctions.filter(s, …)`.
    private static func selected(_ node: CELExpr) -> [String]? {
        if case .comprehension(let c) = node.kind {
            return c.kind == .filter ? selected(c.range) : nil
        }
        var names: [String] = []
        var n = node
        while case .select(let operand, let field, false) = n.kind {
            names.insert(field, at: 0)
            n = operand
        }
        guard case .ident(let name) = n.kind else { return nil }
        return [name] + names
    }

    /// Elements of a list or map, bytes of a text; 0 for anything else.
    private static func size(_ value: CELValue) -> Int {
        switch value {
        case .list(let items): items.count
        case .map(let map): map.count
        case .string(let s): s.utf8.count
        case .bytes(let b): b.count
        default: 0
        }
    }

    private func check(_ e: Expression, _ what: String, _ bounds: CELSizeBounds) -> Diagnostic? {
        let estimate = e.program.worstCaseCost(bounds)
        let steps = CELActivation.defaultCostLimit
        let memory = CELActivation.defaultMemoryLimit
        guard estimate.exceeds(costLimit: steps, memoryLimit: memory) else { return nil }
        // Only cost that grows faster than the input (ten times the input costing more than twenty times as much),
        // or that a tenth of the input already drives past the budget.
        var tenth = bounds
        tenth.otherwise = max(1, bounds.otherwise / 10)
        let small = e.program.worstCaseCost(tenth)
        func faster(_ big: Int, _ small: Int) -> Bool {
            let (limit, overflow) = small.multipliedReportingOverflow(by: 20)
            return !overflow && big > limit
        }
        guard
            faster(estimate.steps, small.steps) || faster(estimate.bytes, small.bytes)
                || small.exceeds(costLimit: steps, memoryLimit: memory)
        else { return nil }
        let over =
            estimate.steps > steps
            ? "up to \(Self.figure(estimate.steps)) steps, over the budget of \(Self.figure(steps))"
            : "up to \(Self.figure(estimate.bytes)) bytes, over the budget of \(Self.figure(memory))"
        return LintChecks.costBudget.diagnostic(
            "\(what) can cost \(over) on a decision with lists or texts of \(Self.figure(Self.assumedSize)) elements or bytes",
            at: e.location,
            length: e.source.unicodeScalars.count)
    }

    /// `1,000,000`, or `more than 10^18` for a saturated figure.
    static func figure(_ n: Int) -> String {
        if n == Int.max { return "more than 10^18" }
        var digits = Array(String(n))
        var i = digits.count - 3
        while i > 0 {
            digits.insert(",", at: i)
            i -= 3
        }
        return String(digits)
    }
}
