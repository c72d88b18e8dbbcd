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
