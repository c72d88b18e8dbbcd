import BylawCEL
import BylawDiagnostics
import BylawYAML

/// What a rule set's own expressions see, for an author's expression (`bylaw eval --set ID`): the decision's
/// fields, `decision`, `params`, `today`, every `let` computed for the decision, and the tables as functions.
/// The let values and table calls are computed exactly as `check` computes them (`Evaluator.context`).
public struct RuleSetScope {
    /// The rule set whose scope this is.
    public let set: RuleSet
    /// The names an expression may use, with their types, laid out as the set's own expressions are.
    public private(set) var environment: CELEnvironment
    /// Their values for the decision.
    public private(set) var activation: CELActivation
    /// The `let`s that could not be computed for this decision, with why.
    public let failedLets: [String: CELEvalError]

    /// The scope of the set `id` for `decision` (nil: an empty decision, so only `params`, `today` and what
    /// needs no field are usable). The version is the one in force on `asOf`, else on the decision's date,
    /// else the newest.
    public static func make(library: RuleLibrary, id: String, decision: YAMLNode?, asOf: CELDate?) -> Result<
        RuleSetScope, LoadFailure
    > {
        func from(_ r: RuleSetRuntime) -> Int64 { r.set.effectiveFrom?.daysSinceEpoch ?? .min }
        var fields = CELMap()
        var day = asOf
        if let decision {
            let p = library.prepare(decision, file: decision.file, asOf: asOf, textCells: false)
            guard let typed = p.decision, let today = p.today else {
                return .failure(LoadFailure(diagnostics: p.result.diagnostics))
            }
            fields = typed
            day = today
        }
        let versions = library.runtimes.filter { $0.set.id == id }
        guard
            let runtime = day.flatMap({ d in versions.first { $0.set.isInForce(on: d) } })
                ?? versions.max(by: { from($0) < from($1) })
        else {
            let known = Array(Set(library.ruleSets.map(\.id))).sorted().joined(separator: ", ")
            return .failure(
                LoadFailure(diagnostics: [
                    .error(
                        "eval.unknown-set", "no rule set `\(id)` in the library", at: nil, help: "the sets: \(known)")
                ]))
        }
        if let kind = fields[.string("kind")], kind != .string(runtime.set.appliesTo) {
            return .failure(
                LoadFailure(diagnostics: [
                    .error(
                        "eval.wrong-kind",
                        "rule set `\(id)` applies to `\(runtime.set.appliesTo)`, not to this decision's kind",
                        at: decision?["kind"]?.location)
                ]))
        }
        guard let today = day ?? runtime.set.effectiveFrom else {
            return .failure(
                LoadFailure(diagnostics: [
                    .error(
                        "eval.no-today", "rule set `\(id)` has no start date to take as `today`", at: nil,
                        help: "give --as-of YYYY-MM-DD or --input DECISION")
                ]))
        }
        let context = Evaluator(runtime: runtime).context(fields, today: today)
        return .success(
            RuleSetScope(
                set: runtime.set, environment: Self.environment(of: runtime.set), activation: context.activation,
                failedLets: context.failedLets))
    }

    /// Adds a variable of the caller's (`--var`): in the set's frame when the set names it, so that it
    /// replaces the set's own value, else beside it.
    public mutating func bind(_ name: String, _ value: CELValue) {
        if let slot = activation.frame?.layout.slot(name) {
            activation.frame?.values[slot] = value
        } else {
            environment.declare(name, value.type)
            activation.variables[name] = value
        }
    }

    /// The set's environment as its loader built it: the decision schema, `decision`, `params`, `today`, each
    /// `let` with its type and each table, laid out in the set's own frame layout.
    static func environment(of set: RuleSet) -> CELEnvironment {
        let schema = Environment.decisionSchema(set.input)
        let letNames = set.layout.map { Array($0.names.dropFirst(schema.fields.count + 3)) } ?? set.lets.map(\.name)
        var env = Environment.base(input: set.input, parameters: set.parameters, lets: letNames)
        for binding in set.lets { env.declare(binding.name, binding.expression.program.resultType) }
        for table in set.tables { env.declareTable(table) }
        return env.cel
    }
}
