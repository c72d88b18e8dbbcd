/// An evaluation error: a value carried through evaluation, never a crash.
public struct CELEvalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for code that branches on it; `code` is its stable text.
    public enum Kind: Sendable, Equatable {
        case calendarRange, costLimit, dateRange, divisionByZero, duplicateKey, durationRange, indexOutOfRange
        case invalidArgument, invalidMapKey, invalidRegex, noCalendar, noSuchField, noSuchKey, noSuchOverload
        case overflow, syntax, timestampRange, unboundFunction, unboundVariable
        /// An error raised by a function or table the host program (the rule engine) binds, with its own code.
        case host(String)

        /// Every kind CEL itself raises (all but `host`).
        public static let builtIn: [Kind] = [
            .calendarRange, .costLimit, .dateRange, .divisionByZero, .duplicateKey, .durationRange, .indexOutOfRange,
            .invalidArgument, .invalidMapKey, .invalidRegex, .noCalendar, .noSuchField, .noSuchKey, .noSuchOverload,
            .overflow, .syntax, .timestampRange, .unboundFunction, .unboundVariable,
        ]

        /// The stable code shown to users: `cel.division-by-zero`, or a host's own (`table.no-match`).
        public var code: String {
            switch self {
            case .host(let code): return code
            default:
                // `cel.` and the case name in kebab case: `.noSuchKey` → `cel.no-such-key`.
                var out = "cel."
                for c in String(describing: self) {
                    if c.isUppercase {
                        out += "-" + c.lowercased()
                    } else {
                        out.append(c)
                    }
                }
                return out
            }
        }
    }

    public var kind: Kind
    /// A stable code such as `cel.division-by-zero` or `cel.no-such-key`.
    public var code: String { kind.code }
    /// One lowercase line, user text in backticks.
    public var message: String
    /// Where in the expression (Unicode scalars), when known.
    public var offset: Int?

    public init(_ kind: Kind, message: String, offset: Int? = nil) {
        self.kind = kind
        self.message = message
        self.offset = offset
    }

    public var description: String { message }

    static func noSuchOverload(_ function: String, _ args: [CELValue]) -> CELEvalError {
        let types = args.map { $0.type.runtimeName }.joined(separator: ", ")
        return CELEvalError(
            .noSuchOverload,
            message: "no such overload: `\(displayName(function))` applied to `(\(types))`")
    }

    static func overflow(_ what: String) -> CELEvalError {
        CELEvalError(.overflow, message: "\(what) overflow")
    }

    static let divisionByZero = CELEvalError(.divisionByZero, message: "division by zero")
    static let moduloByZero = CELEvalError(.divisionByZero, message: "modulus by zero")
    static let costExceeded = CELEvalError(.costLimit, message: "cost limit exceeded")

    static func invalidArgument(_ message: String) -> CELEvalError {
        CELEvalError(.invalidArgument, message: message)
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
