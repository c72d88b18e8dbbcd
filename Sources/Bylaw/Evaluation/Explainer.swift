import BylawCEL
import BylawDiagnostics
import BylawYAML

/// Why each rule came out as it did, value by value: the input of `bylaw explain`.
public struct DecisionExplanation: Sendable {
    /// The decision's header, verdict (of every rule, even when one rule is explained) and diagnostics.
    public var result: DecisionResult
    public var rules: [RuleExplanation]
}

/// One rule explained.
public struct RuleExplanation: Sendable {
    /// The rule's result exactly as `check` gives it.
    public var result: RuleResult
    /// Nil when the rule has no `when`.
    public var when: ExpressionTrace?
    public var require: ExpressionTrace
    /// The `let` values the rule reads, directly or through other `let`s, in declaration order.
    public var lets: [LetValue]
    /// The tables the rule calls.
    public var tables: [TableExplanation]
}

/// An expression with the value of every sub-expression that was evaluated.
public struct ExpressionTrace: Sendable {
    public var source: String
    /// False when the expression was not evaluated (`require` of a rule whose `when` is false).
    public var evaluated: Bool
    public var value: CELResult?
    /// Evaluated nodes in pre-order; short-circuited nodes are absent.
    public var nodes: [TracedNode]

    public init(source: String, evaluated: Bool, value: CELResult?, nodes: [TracedNode]) {
        self.source = source
        self.evaluated = evaluated
        self.value = value
        self.nodes = nodes
    }
}

/// One evaluated sub-expression.
public struct TracedNode: Sendable {
    /// Position in the expression, in Unicode scalars.
    public var offset: Int
    public var length: Int
    /// `ident`, `select`, `call`, `literal`, `list`, `map`, `has`, or a macro name (`all`, `map`, …).
    public var kind: String
    /// Where a value marker goes, in Unicode scalars: the operator, the selected field, the method name.
    public var anchor: Int
    public var value: CELResult
    /// Inside a comprehension's body: the value is the last iteration's.
    public var lastIteration: Bool

    public init(offset: Int, length: Int, kind: String, anchor: Int, value: CELResult, lastIteration: Bool) {
        self.offset = offset
        self.length = length
        self.kind = kind
        self.anchor = anchor
        self.value = value
        self.lastIteration = lastIteration
    }
}

/// A `let` value, or why it could not be computed.
public struct LetValue: Sendable {
    public var name: String
    public var value: CELResult
}

/// A decision table call: its inputs, which row matched and why earlier rows did not.
public struct TableExplanation: Sendable {
    public var name: String
    public var hit: DecisionTable.HitPolicy
    public var inputs: [(source: String, value: CELValue)]
    /// 1-based number of the first matching row; nil when none matched.
    public var matchedRow: Int?
    public var result: CELResult
    /// Set when no row matched and the table's default gave the result.
    public var usedDefault: Bool
    public var rows: [RowExplanation]
}

/// One examined row.
public struct RowExplanation: Sendable {
    /// 1-based.
    public var row: Int
    /// The row's line in the rule-set file.
    public var line: Int
    public var matched: Bool
    /// 1-based number of the first cell that did not match.
    public var failedCell: Int?
    /// That cell as written.
    public var cell: String?
    /// `cell 2 ">= 1000000" does not match 650000.00`; nil for a matching row.
    public var reason: String?
    /// The input the failed cell was held against, as a literal.
    public var value: String?
    /// Why the failed cell could not be evaluated, when it could not.
    public var error: String?
}

extension RuleLibrary {
    /// Explains one decision file: every rule of the rule sets that apply, or only `rule`.
    /// An unknown `rule` is an `explain.unknown-rule` error diagnostic on the result.
    public func explain(file: String, asOf: CELDate? = nil, rule: String? = nil) -> DecisionExplanation {
        do {
            let root = try DecisionFile.load(path: file).node
            return explain(root, file: file, asOf: asOf, rule: rule)
        } catch {
            let r = DecisionResult(
                file: file, verdict: .invalid, ruleSets: [], results: [], diagnostics: error.diagnostics)
            return DecisionExplanation(result: r, rules: [])
        }
    }

    /// Explains a decision already read into a node tree.
    public func explain(_ root: YAMLNode, file: String, asOf: CELDate? = nil, rule: String? = nil)
        -> DecisionExplanation
    {
        let p = prepare(root, file: file, asOf: asOf, textCells: false)
        guard let decision = p.decision, let today = p.today else {
            return DecisionExplanation(result: p.result, rules: [])
        }
        var result = p.result
        var rules: [RuleExplanation] = []
        for set in p.ruleSets {
            let evaluator = Evaluator(runtime: set)
            let context = evaluator.context(decision, today: today, explaining: true)
            for r in set.set.rules {
                let ruleResult = evaluator.evaluate(r, in: context)
                result.results.append(ruleResult)
                if rule == nil || rule == r.id {
                    rules.append(Explainer(ruleSet: set.set, context: context).explain(r, result: ruleResult))
                }
            }
        }
        result.verdict = DecisionResult.verdict(of: result.results)
        if let rule, rules.isEmpty {
            let ids = p.ruleSets.flatMap { $0.set.rules.map(\.id) }
            let elsewhere = ruleSets.contains { $0.rules.contains { $0.id == rule } }
            result.diagnostics.append(
                .error(
                    "explain.unknown-rule",
                    elsewhere
                        ? "rule `\(rule)` is not in the rule sets that apply to this decision"
                        : "no rule `\(rule)` in the rule sets that apply to this decision",
                    at: nil,
                    help: Spelling.closest(to: rule, among: ids).map { "did you mean `\($0)`?" }
                        ?? (ids.isEmpty ? nil : "rules here: " + ids.joined(separator: ", "))))
        }
        return DecisionExplanation(result: result, rules: rules)
    }
}

/// Builds one rule's explanation in the context `check` evaluates it in.
struct Explainer {
    let ruleSet: RuleSet
    let context: Evaluator.Context

    func explain(_ rule: Rule, result: RuleResult) -> RuleExplanation {
        // As in `Evaluator`: a rule reading a `let` that failed is not evaluated at all.
        let reads = [rule.when?.program, rule.require.program].compactMap { $0 }.flatMap(\.references)
        let letFailed = reads.contains { context.failedLets[$0.first ?? ""] != nil }
        let whenTrace = rule.when.map { trace($0, evaluate: !letFailed) }
        let requireTrace = trace(rule.require, evaluate: !letFailed && evaluatedOK(whenTrace))
        var tables: [TableExplanation] = []
        for name in rule.tablesUsed {
            guard let table = ruleSet.tables.first(where: { $0.name == name }) else { continue }
            _ = context.scope.call(name)
            if let outcome = context.scope.outcome(of: name) { tables.append(explain(table, outcome)) }
        }
        return RuleExplanation(
            result: result, when: whenTrace, require: requireTrace, lets: lets(of: rule), tables: tables)
    }

    /// `require` is evaluated when `when` is absent or true (a `when` error stops the rule).
    private func evaluatedOK(_ when: ExpressionTrace?) -> Bool {
        guard let when else { return true }
        if case .success(.bool(true))? = when.value { return true }
        return false
    }

    private func trace(_ e: Expression, evaluate: Bool) -> ExpressionTrace {
        guard evaluate else { return ExpressionTrace(source: e.source, evaluated: false, value: nil, nodes: []) }
        let (value, values) = e.program.evaluateTraced(context.activation)
        let ast = e.program.ast
        let scalars = Array(ast.source.unicodeScalars)
        var loopBodies: Set<Int> = []
        for node in ast.nodes {
            if case .comprehension(let c) = node.kind {
                for body in [c.predicate] + (c.transform.map { [$0] } ?? []) {
                    var stack = [body]
                    while let n = stack.popLast() {
                        loopBodies.insert(n.id)
                        stack.append(contentsOf: n.children)
                    }
                }
            }
        }
        let nodes = ast.nodes.compactMap { node -> TracedNode? in
            guard let v = values[node.id] else { return nil }
            return TracedNode(
                offset: node.offset, length: node.length, kind: node.kindName,
                anchor: Self.anchor(of: node, in: scalars), value: v, lastIteration: loopBodies.contains(node.id))
        }
        return ExpressionTrace(source: e.source, evaluated: true, value: value, nodes: nodes)
    }

    /// Where a node's value marker goes: a binary operator's symbol, a selected field's name, a method's
    /// name, an index's `[`; otherwise the node's first character. Offsets in Unicode scalars.
    static func anchor(of node: CELExpr, in source: [Unicode.Scalar]) -> Int {
        func end(_ n: CELExpr) -> Int { n.offset + n.length }
        func find(_ word: String, from: Int, to: Int) -> Int? {
            let w = Array(word.unicodeScalars)
            let upper = min(to, source.count) - w.count
            guard from >= 0, upper >= from else { return nil }
            for i in from...upper where Array(source[i..<i + w.count]) == w { return i }
            return nil
        }
        switch node.kind {
        case .select(let operand, let field, false):
            return find(field, from: end(operand), to: end(node)) ?? node.offset
        case .comprehension(let c):
            return find(c.kind.rawValue, from: end(c.range), to: end(node)) ?? node.offset
        case .call(let function, let target?, _):
            return find(function, from: end(target), to: end(node)) ?? node.offset
        case .call("_[_]", nil, let args) where args.count == 2:
            return find("[", from: end(args[0]), to: args[1].offset) ?? node.offset
        case .call("_?_:_", nil, let args) where args.count == 3:
            return find("?", from: end(args[0]), to: args[1].offset) ?? node.offset
        case .call(let function, nil, let args) where args.count == 2:
            let symbol: String
            if function == "@in" {
                symbol = "in"
            } else if function.hasPrefix("_"), function.hasSuffix("_"), function.count > 2 {
                symbol = String(function.dropFirst().dropLast())
            } else {
                return node.offset
            }
            return find(symbol, from: end(args[0]), to: args[1].offset) ?? node.offset
        default:
            return node.offset
        }
    }

    /// The `let`s the rule reads (through its expressions and the inputs of the tables it calls), with
    /// the `let`s those read, in declaration order.
    private func lets(of rule: Rule) -> [LetValue] {
        let byName = Dictionary(ruleSet.lets.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var programs = [rule.when?.program, rule.require.program].compactMap { $0 }
        for name in rule.tablesUsed {
            programs += ruleSet.tables.first { $0.name == name }?.inputs.map(\.program) ?? []
        }
        var used: Set<String> = []
        var queue = programs.flatMap(\.references).compactMap(\.first)
        while let name = queue.popLast() {
            guard let binding = byName[name], used.insert(name).inserted else { continue }
            queue += binding.expression.program.references.compactMap(\.first)
        }
        return ruleSet.lets.filter { used.contains($0.name) }.map { b in
            if let e = context.failedLets[b.name] { return LetValue(name: b.name, value: .failure(e)) }
            return LetValue(
                name: b.name, value: context.activation[variable: b.name].map(CELResult.success) ?? .success(.null))
        }
    }

    private func explain(_ table: DecisionTable, _ outcome: DecisionTable.Outcome) -> TableExplanation {
        let rows = outcome.checks.map { check -> RowExplanation in
            let row = table.rows[check.row]
            var x = RowExplanation(
                row: check.row + 1, line: row.location.line, matched: check.matched, failedCell: nil, cell: nil,
                reason: nil)
            if let c = check.failedCell {
                let text = c < row.cellSources.count ? row.cellSources[c] : "?"
                x.failedCell = c + 1
                x.cell = text
                let value = c < outcome.inputs.count ? ValueText.literal(outcome.inputs[c]) : "?"
                x.value = value
                x.error = check.error?.message
                x.reason =
                    check.error.map { "cell \(c + 1) \(JSONText.quote(text)) failed on \(value): \($0.message)" }
                    ?? "cell \(c + 1) \(JSONText.quote(text)) does not match \(value)"
            }
            return x
        }
        var usedDefault = false
        if outcome.matched.isEmpty, case .success = outcome.result, table.hit != .collect { usedDefault = true }
        return TableExplanation(
            name: table.name, hit: table.hit,
            inputs: zip(table.inputs, outcome.inputs).map { ($0.source, $1) },
            matchedRow: outcome.matched.first.map { $0 + 1 }, result: outcome.result, usedDefault: usedDefault,
            rows: rows)
    }
}
