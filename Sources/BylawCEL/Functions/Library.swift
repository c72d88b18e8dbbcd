/// The built-in function library: CEL's standard functions and bylaw's extensions.
/// See `FUNCTIONS.md` for the table of signatures and examples.
enum Library {
    typealias Impl = @Sendable ([CELValue], CELEvalContext) -> CELResult

    static func overload(
        _ id: String, _ parameters: [CELType], _ result: CELType, receiver: Bool = false, _ impl: @escaping Impl
    ) -> CELOverload {
        CELOverload(id: id, parameters: parameters, result: result, isReceiverStyle: receiver, implementation: impl)
    }

    static func unary(_ f: @escaping @Sendable (CELValue) -> CELResult) -> Impl {
        { args, _ in
            args.count == 1
                ? f(args[0])
                : .failure(CELEvalError(.noSuchOverload, message: "wrong number of arguments"))
        }
    }

    static func binary(_ f: @escaping @Sendable (CELValue, CELValue) -> CELResult) -> Impl {
        { args, _ in
            args.count == 2
                ? f(args[0], args[1])
                : .failure(CELEvalError(.noSuchOverload, message: "wrong number of arguments"))
        }
    }

    static let functions: [String: CELFunction] = {
        var table: [String: CELFunction] = [:]
        for function in operatorFunctions + standardFunctions + conversionFunctions + decimalFunctions
            + dateFunctions + aggregateFunctions + stringExtensionFunctions + timeFunctions
            + mathFunctions
        {
            if var existing = table[function.name] {
                existing.overloads += function.overloads
                table[function.name] = existing
            } else {
                table[function.name] = function
            }
        }
        return table
    }()

    static let numericPairs: [(CELType, CELType)] = [
        (.int, .int), (.uint, .uint), (.double, .double), (.decimal, .decimal), (.decimal, .int), (.int, .decimal),
    ]

    static let operatorFunctions: [CELFunction] = {
        let a = CELType.typeParam("A")
        let add = binary(Operators.add)
        let subtract = binary(Operators.subtract)
        let multiply = binary(Operators.multiply)
        var plus = numericPairs.map {
            overload("add", [$0.0, $0.1], $0.0 == .decimal || $0.1 == .decimal ? .decimal : $0.0, add)
        }
        plus += [
            overload("add_string", [.string, .string], .string, add),
            overload("add_bytes", [.bytes, .bytes], .bytes, add),
            overload("add_list", [.list(a), .list(a)], .list(a), add),
            overload("add_date_days", [.date, .days], .date, add),
            overload("add_days_date", [.days, .date], .date, add),
            overload("add_days", [.days, .days], .days, add),
            overload("add_timestamp_duration", [.timestamp, .duration], .timestamp, add),
            overload("add_duration_timestamp", [.duration, .timestamp], .timestamp, add),
            overload("add_duration_duration", [.duration, .duration], .duration, add),
        ]
        var minus = numericPairs.map {
            overload("subtract", [$0.0, $0.1], $0.0 == .decimal || $0.1 == .decimal ? .decimal : $0.0, subtract)
        }
        minus += [
            overload("subtract_date_days", [.date, .days], .date, subtract),
            overload("subtract_days", [.days, .days], .days, subtract),
            overload("subtract_timestamp_duration", [.timestamp, .duration], .timestamp, subtract),
            overload("subtract_timestamp_timestamp", [.timestamp, .timestamp], .duration, subtract),
            overload("subtract_duration_duration", [.duration, .duration], .duration, subtract),
        ]
        let times = numericPairs.map {
            overload("multiply", [$0.0, $0.1], $0.0 == .decimal || $0.1 == .decimal ? .decimal : $0.0, multiply)
        }
        let divide = [CELType.int, .uint, .double].map { overload("divide", [$0, $0], $0, binary(Operators.divide)) }
        let modulo = [CELType.int, .uint].map { overload("modulo", [$0, $0], $0, binary(Operators.modulo)) }
        let negate = [CELType.int, .double, .decimal, .days, .duration].map {
            overload("negate", [$0], $0, unary(Operators.negate))
        }
        var functions = [
            CELFunction(name: "_+_", overloads: plus),
            CELFunction(name: "_-_", overloads: minus),
            CELFunction(name: "_*_", overloads: times),
            CELFunction(name: "_/_", overloads: divide),
            CELFunction(name: "_%_", overloads: modulo),
            CELFunction(name: "-_", overloads: negate),
            CELFunction(name: "!_", overloads: [overload("logical_not", [.bool], .bool, unary(Operators.not))]),
        ]
        let ordered: [(CELType, CELType)] =
            [(.bool, .bool), (.string, .string), (.bytes, .bytes), (.date, .date), (.days, .days)]
            + [(.timestamp, .timestamp), (.duration, .duration)]
            + [CELType.int, .uint, .double].flatMap { x in [CELType.int, .uint, .double].map { (x, $0) } }
            + [(.decimal, .decimal), (.decimal, .int), (.int, .decimal), (.decimal, .uint), (.uint, .decimal)]
        let relations: [(String, @Sendable (Int) -> Bool)] = [
            ("_<_", { $0 < 0 }), ("_<=_", { $0 <= 0 }), ("_>_", { $0 > 0 }), ("_>=_", { $0 >= 0 }),
        ]
        for (name, test) in relations {
            let impl = binary { Operators.compare(name, $0, $1, test) }
            functions.append(
                CELFunction(name: name, overloads: ordered.map { overload("compare", [$0.0, $0.1], .bool, impl) }))
        }
        return functions
    }()
}
