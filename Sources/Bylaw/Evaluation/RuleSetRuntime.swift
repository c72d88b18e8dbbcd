import BylawCEL

/// A loaded rule set with what every evaluation of it needs computed once: the `params` map, the tables by
/// name, the name reports give it and the input schema merged with the common fields.
///
/// A reference, so that choosing and evaluating the set for each of a batch's records hands on one pointer
/// instead of copying the set's many fields (a copy is a reference count per field, and worker threads
/// counting on the same shared objects slow each other down).
package final class RuleSetRuntime: Sendable {
    let set: RuleSet
    /// The set's rules, each with what evaluating it needs worked out once.
    let rules: [PreparedRule]
    /// `params` as expressions see it.
    let params: CELValue
    /// The set's tables by name (the first of a repeated name: the loader reports repeats).
    let tables: [String: TableRef]
    package let applied: AppliedRuleSet
    /// `Environment.common` merged with the set's input schema: the schema a decision is typed by when this
    /// is the only set that applies.
    let schema: Result<ObjectSchema, SchemaConflict>
    /// The frame slots, in the set's layout, of `decision`, `params`, `today` and each `let` (in order): found
    /// once, not by name for every decision. Nil without a layout.
    let bindingSlots: (decision: Int?, params: Int?, today: Int?, lets: [Int?])
    /// The `let`s and tables computed from the set's sensitive paths (`SensitivePaths.derived`).
    let derived: Set<String>
    /// Each `let`'s name and program, in order, held apart so that computing them copies no `LetBinding`.
    let lets: [(name: String, program: CELProgram)]

    init(_ set: RuleSet) {
        self.set = set
        derived = SensitivePaths.derived(from: set)
        let layout = set.layout
        bindingSlots = (
            layout?.slot("decision"), layout?.slot("params"), layout?.slot("today"),
            set.lets.map { layout?.slot($0.name) }
        )
        rules = set.rules.map { PreparedRule($0, in: set.id) }
        lets = set.lets.map { ($0.name, $0.expression.program) }
        params = Self.params(of: set)
        tables = Self.tables(of: set)
        applied = set.applied.withJSON()
        schema = Environment.common.merged(with: set.input)
    }

    /// A field two applying sets declare differently, and the set where that was found.
    package struct Conflict: Error {
        let conflict: SchemaConflict
        let set: RuleSetRuntime
    }

    /// The schema a decision is typed by when `sets` apply: the common fields, then each set's input.
    /// The one merge the tree path (`RuleLibrary.prepare`) and the JSON fast path (`TypedJSON`) share, so
    /// they type a decision alike.
    package static func schema(of sets: [RuleSetRuntime]) throws(Conflict) -> ObjectSchema {
        guard let first = sets.first else { return Environment.common }
        var schema: ObjectSchema
        switch first.schema {
        case .success(let s): schema = s
        case .failure(let c): throw Conflict(conflict: c, set: first)
        }
        for set in sets.dropFirst() {
            switch schema.merged(with: set.set.input) {
            case .success(let m): schema = m
            case .failure(let c): throw Conflict(conflict: c, set: set)
            }
        }
        return schema
    }

    /// Evaluates `decision` against every set in `sets`, in order, appending to `result`'s results, and sets
    /// its verdict.
    package static func evaluate(
        _ decision: CELMap, today: CELDate, sets: [RuleSetRuntime], into result: inout DecisionResult
    ) {
        if result.sensitivePaths.isEmpty { result.sensitivePaths = sensitivePaths(of: sets) }
        for set in sets {
            result.interpretedExpressions += Evaluator(runtime: set).evaluate(
                decision, today: today, into: &result.results, interpretedBy: &result.interpretedBy)
        }
        result.verdict = DecisionResult.verdict(of: result.results)
    }

    /// Every path the sets mark sensitive (a set that extends another carries its parent's too).
    static func sensitivePaths(of sets: [RuleSetRuntime]) -> [String] {
        var out: [String] = []
        for set in sets { for p in set.set.sensitive where !out.contains(p) { out.append(p) } }
        return out
    }

    static func params(of set: RuleSet) -> CELValue {
        .map((try? CELMap(set.parameters.map { (.string($0.name), $0.value) })) ?? CELMap())
    }

    static func tables(of set: RuleSet) -> [String: TableRef] {
        Dictionary(set.tables.map { ($0.name, TableRef($0.indexed())) }, uniquingKeysWith: { a, _ in a })
    }
}

/// A rule with what evaluating it needs worked out once: the identity all its results share and its evidence
/// plan. A reference: reading `rule.x` borrows the field in place, where passing a `Rule` out of an array element
/// would copy it, one reference count per field (a dozen), because the compiler cannot prove the array unchanged
/// for the length of the call.
final class PreparedRule: Sendable {
    let rule: Rule
    let identity: RuleIdentity
    let evidence: EvidencePlan
    /// The `when` and `require` programs, held apart: reading `rule.when?.program` copies the whole optional
    /// `Expression` (its source and location too) for every decision.
    let when: CELProgram?
    let require: CELProgram

    init(_ rule: Rule, in ruleSet: String) {
        self.rule = rule
        when = rule.when?.program
        require = rule.require.program
        identity = RuleIdentity(
            ruleSet: ruleSet, ruleID: rule.id, title: rule.title, cite: rule.cite, severity: rule.severity,
            titleEnglish: rule.titleEnglish)
        evidence = EvidencePlan(rule)
    }
}
