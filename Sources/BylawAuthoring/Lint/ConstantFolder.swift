import Bylaw
import BylawCEL

/// Evaluates expressions at lint time with only what is the same for every decision bound: `params`, the
/// calendar, and the `let` names that themselves read only constants. Decision fields, `decision`, `today`,
/// the other `let` names and tables are left unbound, so reading them is an evaluation error.
///
/// Why a success is a constant: every CEL operation fails when an operand fails, except `&&`, `||` and the
/// `exists`/`all` macros, which give a value only when the operands that did evaluate decide it (`false &&
/// anything` is false). Binding more variables can only turn failures into values, never change a value, so
/// a value found with constants alone is the value for every decision.
struct ConstantFolder {
    private(set) var activation: CELActivation
    /// Tables, called as functions: unavailable here, and never constant.
    let tables: Set<String>

    /// CEL type names: an unbound variable spelt like one would evaluate to the type instead of failing,
    /// so an expression reading such a variable is never folded.
    static let typeNames: Set<String> = [
        "bool", "int", "uint", "double", "string", "bytes", "null_type", "dyn", "type", "decimal", "date", "days",
        "list", "map",
    ]

    init(_ set: RuleSet) {
        let params = (try? CELMap(set.parameters.map { (CELValue.string($0.name), $0.value) })) ?? CELMap()
        activation = CELActivation(variables: ["params": .map(params)], calendar: set.calendar)
        tables = Set(set.tables.map(\.name))
        for binding in set.lets where isClosed(binding.expression) {
            if case .success(let v) = binding.expression.program.evaluate(activation) {
                activation.variables[binding.name] = v
            }
        }
    }

    enum Outcome {
        /// The same value for every decision.
        case constant(CELValue)
        /// Fails for every decision (the expression reads only constants).
        case fails(CELEvalError)
        /// Depends on the decision.
        case varies
    }

    func fold(_ e: Expression) -> Outcome {
        let reads = e.program.references.compactMap(\.first)
        if reads.contains(where: { Self.typeNames.contains($0) && activation.variables[$0] == nil }) {
            return .varies
        }
        switch e.program.evaluate(activation) {
        case .success(let v): return .constant(v)
        case .failure(let err): return isClosed(e) ? .fails(err) : .varies
        }
    }

    /// True when the expression reads only bound names and calls no table.
    func isClosed(_ e: Expression) -> Bool {
        let bound = e.program.references.allSatisfy { path in path.first.map { activation.variables[$0] != nil } ?? true
        }
        return bound && !callsTable(e)
    }

    func callsTable(_ e: Expression) -> Bool {
        e.program.ast.nodes.contains { node in
            if case .call(let f, nil, let args) = node.kind, args.isEmpty, tables.contains(f) { return true }
            return false
        }
    }

    /// The value of a constant operand: a literal, `params.<name>`, a list of those, or a constant `let` name.
    func constant(_ node: CELExpr) -> CELValue? {
        if case .ident(let name) = node.kind, name != "params" { return activation.variables[name] }
        if case .map(let params)? = activation.variables["params"] {
            var values: [String: CELValue] = [:]
            for entry in params.entries { if case .string(let k) = entry.key { values[k] = entry.value } }
            return SimpleCell.constant(node, values)
        }
        return SimpleCell.constant(node, [:])
    }
}
