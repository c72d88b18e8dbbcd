/// One planned node: evaluates against the state of the current evaluation.
///
/// A struct around the closure rather than the bare function type. A function value kept in an array or an
/// `Optional` (a call's arguments, a comprehension's transform) is stored in its most general form, and every
/// call through it then goes through two conversion thunks that copy the result; a struct field keeps the
/// closure as it was written.
struct Step: Sendable {
    let run: @Sendable (inout EvalState) -> CELResult

    init(_ run: @escaping @Sendable (inout EvalState) -> CELResult) { self.run = run }

    @inline(__always)
    func callAsFunction(_ state: inout EvalState) -> CELResult { run(&state) }
}

/// The mutable state of one evaluation: the activation, comprehension slots, cost, trace.
struct EvalState {
    /// The activation, read in place: copying it into every evaluation would count references on the layout,
    /// the calendar and the variables, objects that every worker thread shares.
    // INVARIANT: points at the activation `CELProgram.evaluate` holds for as long as the state lives.
    let activation: UnsafePointer<CELActivation>
    var slots: [CELValue]
    var cost = 0
    let costLimit: Int
    var trace: [Int: CELResult]?

    init(_ activation: UnsafePointer<CELActivation>, slotCount: Int, tracing: Bool) {
        self.activation = activation
        slots = slotCount > 0 ? Array(repeating: .null, count: slotCount) : []
        costLimit = activation.pointee.costLimit
        trace = tracing ? [:] : nil
    }

    /// What a function implementation sees besides its arguments.
    var context: CELEvalContext { CELEvalContext(activation) }

    /// Charges one step; false once the budget is spent.
    @inline(__always)
    mutating func charge() -> Bool {
        cost += 1
        return cost <= costLimit
    }
}

extension CELEvalError {
    /// This error, placed at `offset` unless it already has a position.
    func at(_ offset: Int) -> CELEvalError {
        guard self.offset == nil else { return self }
        var copy = self
        copy.offset = offset
        return copy
    }
}
