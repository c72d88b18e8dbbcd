/// An evaluation error: a value carried through evaluation, never a crash.
public struct CELEvalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable code such as `cel.division-by-zero` or `cel.no-such-key`.
    public var code: String
    /// One lowercase line, user text in backticks.
    public var message: String
    /// Where in the expression (Unicode scalars), when known.
    public var offset: Int?

    public init(code: String, message: String, offset: Int? = nil) {
        self.code = code
        self.message = message
        self.offset = offset
    }

    public var description: String { message }

    static func noSuchOverload(_ function: String, _ args: [CELValue]) -> CELEvalError {
        let types = args.map { $0.type.runtimeName }.joined(separator: ", ")
        return CELEvalError(
            code: "cel.no-such-overload",
            message: "no such overload: `\(displayName(function))` applied to `(\(types))`")
    }

    static func overflow(_ what: String) -> CELEvalError {
        CELEvalError(code: "cel.overflow", message: "\(what) overflow")
    }

    static let divisionByZero = CELEvalError(code: "cel.division-by-zero", message: "division by zero")
    static let moduloByZero = CELEvalError(code: "cel.division-by-zero", message: "modulus by zero")
    static let costExceeded = CELEvalError(code: "cel.cost-limit", message: "cost limit exceeded")

    static func invalidArgument(_ message: String) -> CELEvalError {
        CELEvalError(code: "cel.invalid-argument", message: message)
    }
}

/// The outcome of evaluating an expression or a function.
public typealias CELResult = Result<CELValue, CELEvalError>

/// How an operator's internal name reads to a user: `_+_` is `+`.
func displayName(_ function: String) -> String {
    switch function {
    case "_?_:_": return "?:"
    case "_[_]": return "[]"
    case "@in": return "in"
    case "!_": return "!"
    case "-_": return "-"
    default:
        if function.hasPrefix("_"), function.hasSuffix("_"), function.count > 2 {
            return String(function.dropFirst().dropLast())
        }
        return function
    }
}
