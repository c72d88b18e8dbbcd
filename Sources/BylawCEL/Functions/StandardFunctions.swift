/// `size`, string predicates, `matches` and the type conversions.
extension Library {
    static func error(_ kind: CELEvalError.Kind, _ message: String) -> CELResult {
        .failure(CELEvalError(kind, message: message))
    }

    static let standardFunctions: [CELFunction] = {
        let a = CELType.typeParam("A")
        let b = CELType.typeParam("B")
        let size = unary { value in
            switch value {
            case .string(let s): .success(.int(Int64(s.unicodeScalars.count)))
            case .bytes(let x): .success(.int(Int64(x.count)))
            case .list(let x): .success(.int(Int64(x.count)))
            case .map(let m): .success(.int(Int64(m.count)))
            default: .failure(.noSuchOverload("size", [value]))
            }
        }
        let sizeTypes: [CELType] = [.string, .bytes, .list(a), .map(a, b)]
        let sizes = sizeTypes.flatMap { type in
            [overload("size", [type], .int, size), overload("size_receiver", [type], .int, receiver: true, size)]
        }
        func stringPredicate(_ name: String, _ test: @escaping @Sendable (String, String) -> Bool) -> CELFunction {
            let impl = binary { x, y in
                guard case .string(let s) = x, case .string(let t) = y else {
                    return .failure(.noSuchOverload(name, [x, y]))
                }
                return .success(.bool(test(s, t)))
            }
            return CELFunction(
                name: name, overloads: [overload(name, [.string, .string], .bool, receiver: true, impl)])
        }
        let matches: Impl = { args, context in
            guard args.count == 2, case .string(let s) = args[0], case .string(let pattern) = args[1] else {
                return .failure(.noSuchOverload("matches", args))
            }
            switch RE2Pattern.compile(pattern) {
            case .success(let regex):
                // Compiling is work too: one step per instruction.
                guard context.charge(steps: regex.program.count) else { return .failure(context.costLimitError) }
                return regex.matches(s, context)
            case .failure(let failure): return error(.invalidRegex, failure.message)
            }
        }
        return [
            CELFunction(name: "size", overloads: sizes),
            stringPredicate("contains") { s, t in t.isEmpty || s.unicodeScalars.firstRange(of: t.unicodeScalars) != nil
            },
            stringPredicate("startsWith") { s, t in s.unicodeScalars.starts(with: t.unicodeScalars) },
            stringPredicate("endsWith") { s, t in s.unicodeScalars.reversed().starts(with: t.unicodeScalars.reversed())
            },
            CELFunction(
                name: "matches",
                overloads: [
                    overload("matches", [.string, .string], .bool, receiver: true, matches),
                    overload("matches_global", [.string, .string], .bool, matches),
                ]),
        ]
    }()

    static let conversionFunctions: [CELFunction] = {
        let a = CELType.typeParam("A")
        let toInt = unary { value in
            switch value {
            case .int: return .success(value)
            case .uint(let u): return Int64(exactly: u).map { .success(.int($0)) } ?? .failure(.overflow("int"))
            case .double(let d):
                guard d.isFinite, d > -9.223372036854777e18, d < 9.223372036854775807e18 else {
                    return .failure(.overflow("int"))
                }
                return Int64(exactly: d.rounded(.towardZero)).map { .success(.int($0)) } ?? .failure(.overflow("int"))
            case .string(let s):
                return Int64(s).map { .success(.int($0)) }
                    ?? error(.invalidArgument, "cannot convert `\(s)` to int")
            case .decimal(let d): return d.truncatedInt64.map { .success(.int($0)) } ?? .failure(.overflow("int"))
            default: return .failure(.noSuchOverload("int", [value]))
            }
        }
        let toUInt = unary { value in
            switch value {
            case .uint: return .success(value)
            case .int(let i): return UInt64(exactly: i).map { .success(.uint($0)) } ?? .failure(.overflow("uint"))
            case .double(let d):
                guard d.isFinite, d > -1, d < 1.8446744073709552e19 else { return .failure(.overflow("uint")) }
                return UInt64(exactly: d.rounded(.towardZero)).map { .success(.uint($0)) }
                    ?? .failure(.overflow("uint"))
            case .string(let s):
                return UInt64(s).map { .success(.uint($0)) }
                    ?? error(.invalidArgument, "cannot convert `\(s)` to uint")
            default: return .failure(.noSuchOverload("uint", [value]))
            }
        }
        let toDouble = unary { value in
            switch value {
            case .double: return .success(value)
            case .int(let i): return .success(.double(Double(i)))
            case .uint(let u): return .success(.double(Double(u)))
            case .decimal(let d): return .success(.double(d.doubleValue))
            case .string(let s):
                return Double(s).map { .success(.double($0)) }
                    ?? error(.invalidArgument, "cannot convert `\(s)` to double")
            default: return .failure(.noSuchOverload("double", [value]))
            }
        }
        let toString = unary { value in
            switch value {
            case .string: return .success(value)
            case .int(let i): return .success(.string(String(i)))
            case .uint(let u): return .success(.string(String(u)))
            case .double(let d): return .success(.string(CELValue.render(d)))
            case .bool(let b): return .success(.string(String(b)))
            case .decimal(let d): return .success(.string(d.description))
            case .date(let d): return .success(.string(d.description))
            case .bytes(let x):
                guard let s = String(validating: x, as: UTF8.self) else {
                    return error(.invalidArgument, "bytes are not valid UTF-8")
                }
                return .success(.string(s))
            default: return .failure(.noSuchOverload("string", [value]))
            }
        }
        let toBytes = unary { value in
            switch value {
            case .bytes: .success(value)
            case .string(let s): .success(.bytes(Array(s.utf8)))
            default: .failure(.noSuchOverload("bytes", [value]))
            }
        }
        let toBool = unary { value in
            switch value {
            case .bool: return .success(value)
            case .string(let s):
                switch s {
                case "true", "TRUE", "True", "t", "1": return .success(.bool(true))
                case "false", "FALSE", "False", "f", "0": return .success(.bool(false))
                default: return error(.invalidArgument, "cannot convert `\(s)` to bool")
                }
            default: return .failure(.noSuchOverload("bool", [value]))
            }
        }
        func conversion(_ name: String, _ from: [CELType], _ to: CELType, _ impl: @escaping Impl) -> CELFunction {
            CELFunction(name: name, overloads: from.map { overload("\(name)_\($0)", [$0], to, impl) })
        }
        return [
            conversion("int", [.int, .uint, .double, .string, .decimal], .int, toInt),
            conversion("uint", [.uint, .int, .double, .string], .uint, toUInt),
            conversion("double", [.double, .int, .uint, .string, .decimal], .double, toDouble),
            conversion("string", [.string, .int, .uint, .double, .bool, .bytes, .decimal, .date], .string, toString),
            conversion("bytes", [.bytes, .string], .bytes, toBytes),
            conversion("bool", [.bool, .string], .bool, toBool),
            CELFunction(name: "dyn", overloads: [overload("to_dyn", [a], .dyn, unary { .success($0) })]),
            CELFunction(name: "type", overloads: [overload("type", [a], .type, unary { .success(.type($0.type)) })]),
        ]
    }()
}
