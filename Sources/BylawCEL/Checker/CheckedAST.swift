/// What the checker learned about an expression, by node id: all the planner and the cost estimator read of it,
/// so that they take a value and never the checker itself.
struct CheckedAST: Sendable {
    /// The type of every node.
    var types: [Int: CELType] = [:]
    /// The overloads a call node may take, narrowed by its arguments' types.
    var overloads: [Int: [CELOverload]] = [:]
    /// Number literals that the checker typed as decimals (`1.5` compared with a decimal field).
    var decimalLiterals: [Int: CELDecimal] = [:]
}

extension Checker {
    /// The tables the checker filled, as a value.
    var checkedAST: CheckedAST { CheckedAST(types: types, overloads: overloads, decimalLiterals: decimalLiterals) }
}
