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
    var meter: CostMeter
    var trace: [Int: CELResult]?

    init(_ activation: UnsafePointer<CELActivation>, slotCount: Int, tracing: Bool) {
        self.activation = activation
        slots = slotCount > 0 ? Array(repeating: .null, count: slotCount) : []
        meter = CostMeter(stepLimit: activation.pointee.costLimit, byteLimit: activation.pointee.memoryLimit)
        trace = tracing ? [:] : nil
    }

    /// Calls a function implementation with a context that can charge this evaluation's budget.
    mutating func call(_ overload: CELOverload, _ args: [CELValue]) -> CELResult {
        let activation = activation
        return withUnsafeMutablePointer(to: &meter) { meter in
            overload.implementation(args, CELEvalContext(activation, meter: meter))
        }
    }

    /// Charges one step; false once the budget is spent.
    @inline(__always)
    mutating func charge(_ count: Int = 1) -> Bool { meter.charge(count) }

    /// Charges the steps and bytes of `work`; nil when the budget holds, else the error.
    mutating func charge(_ work: Work) -> CELEvalError? {
        let ok = work.built > 0 ? meter.build(work.built) && meter.scan(work.scanned) : meter.scan(work.scanned)
        return ok ? nil : meter.exceeded
    }
}

/// What an operation will scan and build, known before it runs.
struct Work {
    var scanned = 0
    var built = 0
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
