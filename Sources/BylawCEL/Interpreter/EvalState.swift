/// One planned node: evaluates against the state of the current evaluation.
typealias Step = @Sendable (inout EvalState) -> CELResult

/// The mutable state of one evaluation: variables, comprehension slots, cost, trace.
struct EvalState {
    var variables: [String: CELValue]
    let frame: CELFrame?
    var slots: [CELValue]
    var cost = 0
    let costLimit: Int
    let context: CELEvalContext
    var trace: [Int: CELResult]?

    init(_ activation: CELActivation, slotCount: Int, tracing: Bool) {
        variables = activation.variables
        frame = activation.frame
        slots = slotCount > 0 ? Array(repeating: .null, count: slotCount) : []
        costLimit = activation.costLimit
        context = CELEvalContext(calendar: activation.calendar, host: activation.host)
        trace = tracing ? [:] : nil
    }

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
