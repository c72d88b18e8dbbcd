import BylawCEL

/// The names an expression of a rule set may use: decision fields, `decision`, `params`, `today`,
/// the `let` names and the tables.
package struct Environment {
    private(set) var cel = CELEnvironment()
    private var names: Set<String> = []

    /// The fields every decision has, whatever its kind.
    package static let common = ObjectSchema(fields: [
        FieldSpec(name: "kind", type: .string, optional: false, description: "the decision kind"),
        FieldSpec(name: "id", type: .string, optional: false, description: "the decision's id, unique within its kind"),
        FieldSpec(name: "date", type: .date, optional: false, description: "the decision date"),
        FieldSpec(name: "unit", type: .string, optional: false, description: "the deciding unit, a /-separated path"),
    ])

    /// The full schema of a decision for a rule set's input: the common fields first.
    package static func decisionSchema(_ input: ObjectSchema) -> ObjectSchema {
        var fields = common.fields
        for f in input.fields where !fields.contains(where: { $0.name == f.name }) { fields.append(f) }
        return ObjectSchema(fields: fields)
    }

    /// - Parameter lets: the names the set's `let`s (its parent's, then its own) will declare, for the layout.
    static func base(input: ObjectSchema, parameters: [Parameter], lets: [String] = []) -> Environment {
        var env = Environment()
        let schema = decisionSchema(input)
        env.cel.layout = layout(schema: schema, lets: lets)
        for f in schema.fields { env.declare(f.name, f.type.celType(named: f.name)) }
        env.declare("decision", FieldType.object(schema).celType(named: "decision"))
        let params = CELObjectType(
            name: "params", fields: parameters.map { ($0.name, ParameterValue.type(of: $0.value)) })
        env.declare("params", .object(params))
        env.declare("today", .date)
        return env
    }

    /// The slots a rule set's expressions read variables from: the decision's fields, `decision`, `params`,
    /// `today` and the `let`s. Every program of the set is compiled with it, and the evaluator fills a frame of
    /// it for each decision (see `CELLayout`). A table cell's `it` has no slot: it is given in the activation's
    /// `variables`, so that the frame, shared by all of a decision's evaluations, is not copied for every cell.
    ///
    /// The frame mirrors `decision`: `Evaluator.context` sets each field's slot to exactly the decision's entry,
    /// so `decision.x` and `has(decision.x)` read the slot.
    static func layout(schema: ObjectSchema, lets: [String]) -> CELLayout {
        CELLayout(
            schema.fields.map(\.name) + ["decision", "params", "today"] + lets, mirroring: "decision",
            fields: schema.fields.count)
    }

    var layout: CELLayout? { cel.layout }

    func isDeclared(_ name: String) -> Bool { names.contains(name) }

    mutating func declare(_ name: String, _ type: CELType) {
        names.insert(name)
        cel.declare(name, type)
    }

    /// Declares a table as a function of no arguments.
    mutating func declareTable(_ table: DecisionTable) {
        let name = table.name
        cel.declare(
            CELFunction(
                name: name,
                overloads: [
                    CELOverload(id: "bylaw_table_\(name)", parameters: [], result: table.resultType) { _, context in
                        guard let scope = context.host as? TableScope else {
                            return .failure(
                                CELEvalError(
                                    .host("table.unavailable"), message: "table `\(name)` is not available here",
                                    offset: nil))
                        }
                        return scope.call(name)
                    }
                ]))
    }
}

/// Per-decision state for table calls: each table is evaluated at most once per decision.
final class TableScope: @unchecked Sendable {
    // INVARIANT: used by one evaluation on one thread at a time; never shared across decisions.
    let tables: [String: TableRef]
    /// The decision's activation, kept without its host: the activation a rule sees points at this scope,
    /// so keeping that one here would make a reference cycle and leak every decision's values.
    var activation: CELActivation {
        get { detached }
        set {
            detached = newValue
            detached.host = nil
        }
    }
    private var detached: CELActivation
    /// Each table called so far and its outcome, in the order called: a decision calls a few tables at most,
    /// so a list searched by name costs less than hashing the name for a dictionary. The first is held apart,
    /// so that a decision calling one table allocates no list.
    private var first: (name: String, outcome: DecisionTable.Outcome)?
    private var more: [(name: String, outcome: DecisionTable.Outcome)] = []
    /// Every table called so far and its outcome, in the order called.
    var called: [(name: String, outcome: DecisionTable.Outcome)] { (first.map { [$0] } ?? []) + more }

    /// Whether each table's outcome keeps the rows it examined, for an explanation.
    let keepsChecks: Bool
    /// Whether a table may examine only the rows its first column's index picks (false: every row, the
    /// reference a differential test compares with).
    let indexed: Bool

    init(tables: [String: TableRef], activation: CELActivation, keepsChecks: Bool = false, indexed: Bool = true) {
        self.tables = tables
        self.keepsChecks = keepsChecks
        self.indexed = indexed
        detached = activation
        detached.host = nil
    }

    /// The outcome of the table `name` if it has been called for this decision.
    func outcome(of name: String) -> DecisionTable.Outcome? {
        if let first, first.name == name { return first.outcome }
        for k in more.indices where more[k].name == name { return more[k].outcome }
        return nil
    }

    func call(_ name: String) -> CELResult {
        if let done = outcome(of: name) { return done.result }
        guard let table = tables[name] else {
            return .failure(CELEvalError(.host("table.unknown"), message: "no table `\(name)`", offset: nil))
        }
        // Tables may call tables: their cells see this scope for as long as the call lasts.
        var attached = detached
        attached.host = self
        let outcome = table.evaluate(attached, keepingChecks: keepsChecks, indexed: indexed)
        if first == nil { first = (name, outcome) } else { more.append((name, outcome)) }
        return outcome.result
    }
}

/// A loaded table held by reference, so that looking it up for a call hands on one pointer instead of
/// copying the table's fields.
final class TableRef: Sendable {
    let table: DecisionTable
    init(_ table: DecisionTable) { self.table = table }

    /// `table.evaluate`, the table read where the reference holds it: called on `ref.table`, the caller copied
    /// the whole table first (a reference count for each of its fields) and released it after.
    func evaluate(_ activation: CELActivation, keepingChecks: Bool, indexed: Bool) -> DecisionTable.Outcome {
        table.evaluate(activation, keepingChecks: keepingChecks, indexed: indexed)
    }
}

/// Parameter values: typed from their YAML text, or by a declared `type`.
enum ParameterValue {
    /// The type expressions see for a parameter: a list takes its first element's type, so
    /// `x in params.allowed` type-checks; everything else has its runtime type.
    static func type(of value: CELValue) -> CELType {
        if case .list(let items) = value { return .list(items.first.map(type(of:)) ?? .dyn) }
        return value.type
    }
}
