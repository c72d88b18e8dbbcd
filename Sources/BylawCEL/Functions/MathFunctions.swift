/// The math extension library of cel-go: `math.greatest`/`math.least`, rounding, `abs`, `sign`, the
/// floating-point tests and the bit operations. `math.greatest(a, b, …)` with two or more arguments is read as
/// `math.greatest([a, b, …])` by the resolver.
extension Library {
    static let variadicMathFunctions: Set<String> = ["math.greatest", "math.least"]

    static let mathFunctions: [CELFunction] = {
        let numbers: [CELType] = [.int, .uint, .double, .decimal]
        func extreme(_ name: String, _ wanted: Int) -> Impl {
            unary { value in
                let items: [CELValue]
                if case .list(let list) = value { items = list } else { items = [value] }
                guard var best = items.first else {
                    return error(.invalidArgument, "`\(name)` of an empty list")
                }
                for item in items {
                    guard item.type.isNumeric else { return .failure(.noSuchOverload(name, [item])) }
                    if case .double(let d) = item, d.isNaN { return .success(item) }
                    if numericCompare(item, best) == wanted { best = item }
                }
                return .success(best)
            }
        }
        func extremes(_ name: String, _ wanted: Int) -> CELFunction {
            let impl = extreme(name, wanted)
            return CELFunction(
                name: name,
                overloads: numbers.map { overload("\(name)_\($0)", [$0], $0, impl) }
                    + numbers.map { overload("\(name)_list_\($0)", [.list($0)], $0, impl) })
        }
        func rounding(_ name: String, _ rule: FloatingPointRoundingRule) -> CELFunction {
            CELFunction(
                name: name,
                overloads: [
                    overload(
                        name, [.double], .double,
                        unary { value in
                            guard case .double(let d) = value else { return .failure(.noSuchOverload(name, [value])) }
                            return .success(.double(d.rounded(rule)))
                        })
                ])
        }
        func test(_ name: String, _ predicate: @escaping @Sendable (Double) -> Bool) -> CELFunction {
            CELFunction(
                name: name,
                overloads: [
                    overload(
                        name, [.double], .bool,
                        unary { value in
                            guard case .double(let d) = value else { return .failure(.noSuchOverload(name, [value])) }
                            return .success(.bool(predicate(d)))
                        })
                ])
        }
        let abs = unary { value in
            switch value {
            case .int(let i): i == Int64.min ? .failure(.overflow("int")) : .success(.int(Swift.abs(i)))
            case .uint: .success(value)
            case .double(let d): .success(.double(Swift.abs(d)))
            case .decimal(let d):
                d.significand < 0
                    ? (CELDecimal.negate(d).map { .success(.decimal($0)) } ?? .failure(.overflow("decimal")))
                    : .success(value)
            default: .failure(.noSuchOverload("math.abs", [value]))
            }
        }
        let sign = unary { value in
            switch value {
            case .int(let i): .success(.int(i.signum()))
            case .uint(let u): .success(.uint(u == 0 ? 0 : 1))
            case .double(let d): .success(.double(d.isNaN ? d : (d > 0 ? 1 : (d < 0 ? -1 : 0))))
            case .decimal(let d): .success(.decimal(CELDecimal(Int64(d.significand.signum()))))
            default: .failure(.noSuchOverload("math.sign", [value]))
            }
        }
        return [
            extremes("math.greatest", 1), extremes("math.least", -1),
            rounding("math.ceil", .up), rounding("math.floor", .down),
            rounding("math.round", .toNearestOrAwayFromZero), rounding("math.trunc", .towardZero),
            CELFunction(name: "math.abs", overloads: numbers.map { overload("math.abs_\($0)", [$0], $0, abs) }),
            CELFunction(name: "math.sign", overloads: numbers.map { overload("math.sign_\($0)", [$0], $0, sign) }),
            test("math.isNaN") { $0.isNaN }, test("math.isInf") { $0.isInfinite },
            test("math.isFinite") { $0.isFinite },
            bitwise("math.bitAnd", &, &), bitwise("math.bitOr", |, |), bitwise("math.bitXor", ^, ^),
            CELFunction(
                name: "math.bitNot",
                overloads: [CELType.int, .uint].map {
                    overload(
                        "math.bitNot_\($0)", [$0], $0,
                        unary { value in
                            switch value {
                            case .int(let i): .success(.int(~i))
                            case .uint(let u): .success(.uint(~u))
                            default: .failure(.noSuchOverload("math.bitNot", [value]))
                            }
                        })
                }),
            shift("math.bitShiftLeft", left: true), shift("math.bitShiftRight", left: false),
        ]
    }()

    private static func bitwise(
        _ name: String, _ onInt: @escaping @Sendable (Int64, Int64) -> Int64,
        _ onUInt: @escaping @Sendable (UInt64, UInt64) -> UInt64
    ) -> CELFunction {
        let impl = binary { x, y in
            switch (x, y) {
            case (.int(let a), .int(let b)): .success(.int(onInt(a, b)))
            case (.uint(let a), .uint(let b)): .success(.uint(onUInt(a, b)))
            default: .failure(.noSuchOverload(name, [x, y]))
            }
        }
        return CELFunction(
            name: name, overloads: [CELType.int, .uint].map { overload("\(name)_\($0)", [$0, $0], $0, impl) })
    }

    /// Shifts by a non-negative count. A left shift of 64 or more gives 0; a right shift of an int is arithmetic
    /// (`-1024 >> 3` is -128; 64 or more gives -1 or 0), of a uint logical.
    private static func shift(_ name: String, left: Bool) -> CELFunction {
        let impl = binary { x, y in
            guard case .int(let count) = y else { return .failure(.noSuchOverload(name, [x, y])) }
            guard count >= 0 else { return error(.invalidArgument, "`\(name)` of a negative offset \(count)") }
            let bits = Int(min(count, 64))
            switch x {
            case .int(let i):
                if left { return .success(.int(bits >= 64 ? 0 : i << bits)) }
                return .success(.int(bits >= 64 ? (i < 0 ? -1 : 0) : i >> bits))
            case .uint(let u):
                guard bits < 64 else { return .success(.uint(0)) }
                return .success(.uint(left ? u << bits : u >> bits))
            default: return .failure(.noSuchOverload(name, [x, y]))
            }
        }
        return CELFunction(
            name: name, overloads: [CELType.int, .uint].map { overload("\(name)_\($0)", [$0, .int], $0, impl) })
    }
}
