import BylawCEL

/// A loaded rule set with what every evaluation of it needs computed once: the `params` map, the tables by
/// name, the name reports give it and the input schema merged with the common fields.
///
/// A reference, so that choosing and evaluating the set for each of a batch's records hands on one pointer
/// instead of copying the set's many fields (a copy is a reference count per field, and worker threads
/// counting on the same shared objects slow each other down).
final class RuleSetRuntime: Sendable {
    let set: RuleSet
    /// The set's rules, each behind a reference (see `Shared`).
    let rules: [Shared<Rule>]
    /// `params` as expressions see it.
    let params: CELValue
    /// The set's tables by name (the first of a repeated name: the loader reports repeats).
    let tables: [String: DecisionTable]
    let applied: AppliedRuleSet
    /// `Environment.common` merged with the set's input schema: the schema a decision is typed by when this
    /// is the only set that applies.
    let schema: Result<ObjectSchema, SchemaConflict>

    init(_ set: RuleSet) {
        self.set = set
        rules = set.rules.map(Shared.init)
        params = Self.params(of: set)
        tables = Self.tables(of: set)
        applied = set.applied
        schema = Environment.common.merged(with: set.input)
    }

    static func params(of set: RuleSet) -> CELValue {
        .map((try? CELMap(set.parameters.map { (.string($0.name), $0.value) })) ?? CELMap())
    }

    static func tables(of set: RuleSet) -> [String: DecisionTable] {
        Dictionary(set.tables.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    }
}

/// An immutable value behind a reference. Reading a field of `value` borrows it in place; passing the value
/// itself out of an array element would copy it, one reference count per field (for a `Rule`, a dozen),
/// because the compiler cannot prove the array unchanged for the length of the call.
final class Shared<Value: Sendable>: Sendable {
    let value: Value

    init(_ value: Value) { self.value = value }
}
