import Foundation

/// What a function implementation can see besides its arguments.
///
/// Valid only for the call it is handed to: it reads the activation being evaluated in place (copying the
/// calendar and host into every evaluation would count references on objects that all threads share).
public struct CELEvalContext: @unchecked Sendable {
    // INVARIANT: the interpreter makes a context only for the length of one function call, inside
    // `CELProgram.evaluate`, which holds the activation `activation` points at.
    private let activation: UnsafePointer<CELActivation>

    // INVARIANT: `meter` points at the budget of the evaluation making the call, for the length of the call.
    private let meter: UnsafeMutablePointer<CostMeter>?

    init(_ activation: UnsafePointer<CELActivation>, meter: UnsafeMutablePointer<CostMeter>? = nil) {
        self.activation = activation
        self.meter = meter
    }

    /// Charges `steps` steps of work to the evaluation's budget; false once it is spent (the function should
    /// then fail with `costLimitError`).
    public func charge(steps: Int) -> Bool { meter?.pointee.charge(steps) ?? true }

    /// Charges scanning `bytes` bytes (one step per ``CostMeter/bytesPerStep``); false once the budget is spent.
    public func charge(scanning bytes: Int) -> Bool { meter?.pointee.scan(bytes) ?? true }

    /// Charges building `bytes` bytes, in steps and against the memory limit; false once either is spent.
    /// Call it before building.
    public func charge(building bytes: Int) -> Bool { meter?.pointee.build(bytes) ?? true }

    /// The error to return once a charge failed.
    public var costLimitError: CELEvalError { meter?.pointee.exceeded ?? CELEvalError.costExceeded }

    /// The host's working-day calendar, if any.
    public var calendar: (any WorkingDayCalendar)? { activation.pointee.calendar }
    /// Whatever the host passed in its activation, for its own functions.
    public var host: (any AnyObject & Sendable)? { activation.pointee.host }
    /// Where the evaluation notes what the host must know besides the value, if the host asked.
    public var observer: CELEvalObserver? { activation.pointee.observer }
}

/// The variables and services for one evaluation.
public struct CELActivation: Sendable {
    /// The default cost budget: 1,000,000 steps (a step is one comprehension iteration or
    /// one function call).
    public static let defaultCostLimit = 1_000_000
    /// The default memory budget: 64 MiB of strings, bytes and list elements built per evaluation.
    public static let defaultMemoryLimit = 64 << 20

    public var variables: [String: CELValue]
    /// Variables by slot, for programs compiled with the frame's layout; read before `variables`.
    public var frame: CELFrame?
    public var calendar: (any WorkingDayCalendar)?
    public var costLimit: Int
    /// Bytes of strings, bytes and list elements one evaluation may build (see ``CostMeter``).
    public var memoryLimit: Int
    /// Host data handed to host functions through `CELEvalContext.host`: an object, so that a host function
    /// finds its own type by a class check rather than by casting an existential.
    public var host: (any AnyObject & Sendable)?
    /// Notes the evaluation makes for the host (a provisional calendar day consulted); nil when not wanted.
    public var observer: CELEvalObserver?
    /// Whether programs may answer by their fast plan (the default) or only by the interpreter, the reference.
    /// Both give the same results; the switch is for differential tests and for `BYLAW_INTERPRET=1`, which turns
    /// the fast path off for a whole process.
    public var fastPath = CELActivation.fastPathByDefault

    /// False when the environment variable `BYLAW_INTERPRET` is `1`.
    public static let fastPathByDefault = ProcessInfo.processInfo.environment["BYLAW_INTERPRET"] != "1"

    public init(
        variables: [String: CELValue] = [:], calendar: (any WorkingDayCalendar)? = nil,
        costLimit: Int = CELActivation.defaultCostLimit, memoryLimit: Int = CELActivation.defaultMemoryLimit
    ) {
        self.variables = variables
        self.calendar = calendar
        self.costLimit = costLimit
        self.memoryLimit = memoryLimit
    }
}
