/// What an expression may refer to: declared variables and host functions.
public struct CELEnvironment: Sendable {
    var variables: [String: CELType] = [:]
    var functions: [String: CELFunction] = [:]
    /// When set, programs compiled in this environment read the variables it names from the activation's
    /// frame by slot (see ``CELLayout``).
    public var layout: CELLayout?

    /// An environment with the standard and bylaw functions and no variables.
    public init() {}

    /// Declares a variable; a later declaration of the same name replaces the earlier one.
    public mutating func declare(_ name: String, _ type: CELType) {
        variables[name] = type
    }

    /// Declares a host function; overloads add to any already declared under the same name.
    public mutating func declare(_ function: CELFunction) {
        if var existing = functions[function.name] {
            existing.overloads += function.overloads
            functions[function.name] = existing
        } else {
            functions[function.name] = function
        }
    }

    /// The overloads of `name`: host functions first, then the built-in library.
    func overloads(_ name: String) -> [CELOverload] {
        (functions[name]?.overloads ?? []) + (Library.functions[name]?.overloads ?? [])
    }
}

/// A function callable from expressions, with one or more overloads.
public struct CELFunction: Sendable {
    public var name: String
    public var overloads: [CELOverload]

    public init(name: String, overloads: [CELOverload]) {
        self.name = name
        self.overloads = overloads
    }
}

/// One signature of a function and its implementation.
///
/// The implementation receives argument values (the receiver first for receiver-style
/// overloads). It must not trust the checker: a value of an unexpected kind should give an
/// error result, never a crash.
public struct CELOverload: Sendable {
    public var id: String
    public var parameters: [CELType]
    public var result: CELType
    public var isReceiverStyle: Bool
    public var implementation: @Sendable ([CELValue], CELEvalContext) -> CELResult

    public init(
        id: String, parameters: [CELType], result: CELType, isReceiverStyle: Bool = false,
        implementation: @escaping @Sendable ([CELValue], CELEvalContext) -> CELResult
    ) {
        self.id = id
        self.parameters = parameters
        self.result = result
        self.isReceiverStyle = isReceiverStyle
        self.implementation = implementation
    }

    /// Whether runtime values fit the parameter types (`dyn` and type parameters fit anything).
    func accepts(_ args: [CELValue]) -> Bool {
        guard args.count == parameters.count else { return false }
        for (parameter, value) in zip(parameters, args) where !Self.fits(value, parameter) { return false }
        return true
    }

    static func fits(_ value: CELValue, _ type: CELType) -> Bool {
        switch (type, value) {
        case (.dyn, _), (.typeParam, _), (.error, _): true
        case (.bool, .bool), (.int, .int), (.uint, .uint), (.double, .double), (.string, .string),
            (.bytes, .bytes), (.null, .null), (.decimal, .decimal), (.date, .date), (.days, .days),
            (.timestamp, .timestamp), (.duration, .duration),
            (.type, .type), (.list, .list), (.map, .map), (.object, .map):
            true
        default: false
        }
    }
}

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
    public var host: (any Sendable)? { activation.pointee.host }
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
    /// Host data handed to host functions through `CELEvalContext.host`.
    public var host: (any Sendable)?
    /// Notes the evaluation makes for the host (a provisional calendar day consulted); nil when not wanted.
    public var observer: CELEvalObserver?

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
