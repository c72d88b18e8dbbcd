/// The arithmetic, comparison, membership and index operators over runtime values.
/// Each is total: an unsupported pair of kinds gives a "no such overload" error.
enum Operators {
    static func add(_ a: CELValue, _ b: CELValue) -> CELResult {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.addingReportingOverflow(y)
            return o ? .failure(.overflow("int")) : .success(.int(r))
        case (.uint(let x), .uint(let y)):
            let (r, o) = x.addingReportingOverflow(y)
            return o ? .failure(.overflow("uint")) : .success(.uint(r))
        case (.double(let x), .double(let y)): return .success(.double(x + y))
        case (.string(let x), .string(let y)): return .success(.string(x + y))
        case (.bytes(let x), .bytes(let y)): return .success(.bytes(x + y))
        case (.list(let x), .list(let y)): return .success(.list(x + y))
        case (.date(let d), .days(let n)), (.days(let n), .date(let d)):
            return d.addingDays(n).map { .success(.date($0)) } ?? .failure(dateRange)
        case (.days(let x), .days(let y)):
            let (r, o) = x.addingReportingOverflow(y)
            return o ? .failure(.overflow("days")) : .success(.days(r))
        case (.timestamp(let t), .duration(let d)), (.duration(let d), .timestamp(let t)):
            return t.adding(d).map { .success(.timestamp($0)) } ?? .failure(timestampRange)
        case (.duration(let x), .duration(let y)):
            let (r, o) = x.nanoseconds.addingReportingOverflow(y.nanoseconds)
            return o ? .failure(durationRange) : .success(.duration(CELDuration(nanoseconds: r)))
        default:
            guard let (x, y) = decimalPair(a, b) else { return .failure(.noSuchOverload("_+_", [a, b])) }
            return CELDecimal.add(x, y).map { .success(.decimal($0)) } ?? .failure(.overflow("decimal"))
        }
    }

    static func subtract(_ a: CELValue, _ b: CELValue) -> CELResult {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.subtractingReportingOverflow(y)
            return o ? .failure(.overflow("int")) : .success(.int(r))
        case (.uint(let x), .uint(let y)):
            let (r, o) = x.subtractingReportingOverflow(y)
            return o ? .failure(.overflow("uint")) : .success(.uint(r))
        case (.double(let x), .double(let y)): return .success(.double(x - y))
        case (.date(let d), .days(let n)):
            guard n != Int64.min else { return .failure(dateRange) }
            return d.addingDays(-n).map { .success(.date($0)) } ?? .failure(dateRange)
        case (.days(let x), .days(let y)):
            let (r, o) = x.subtractingReportingOverflow(y)
            return o ? .failure(.overflow("days")) : .success(.days(r))
        case (.timestamp(let t), .duration(let d)):
            guard d.nanoseconds != Int64.min else { return .failure(timestampRange) }
            return t.adding(CELDuration(nanoseconds: -d.nanoseconds)).map { .success(.timestamp($0)) }
                ?? .failure(timestampRange)
        case (.timestamp(let x), .timestamp(let y)):
            return x.since(y).map { .success(.duration($0)) } ?? .failure(durationRange)
        case (.duration(let x), .duration(let y)):
            let (r, o) = x.nanoseconds.subtractingReportingOverflow(y.nanoseconds)
            return o ? .failure(durationRange) : .success(.duration(CELDuration(nanoseconds: r)))
        default:
            guard let (x, y) = decimalPair(a, b) else { return .failure(.noSuchOverload("_-_", [a, b])) }
            return CELDecimal.subtract(x, y).map { .success(.decimal($0)) } ?? .failure(.overflow("decimal"))
        }
    }

    static func multiply(_ a: CELValue, _ b: CELValue) -> CELResult {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.multipliedReportingOverflow(by: y)
            return o ? .failure(.overflow("int")) : .success(.int(r))
        case (.uint(let x), .uint(let y)):
            let (r, o) = x.multipliedReportingOverflow(by: y)
            return o ? .failure(.overflow("uint")) : .success(.uint(r))
        case (.double(let x), .double(let y)): return .success(.double(x * y))
        default:
            guard let (x, y) = decimalPair(a, b) else { return .failure(.noSuchOverload("_*_", [a, b])) }
            return CELDecimal.multiply(x, y).map { .success(.decimal($0)) } ?? .failure(.overflow("decimal"))
        }
    }

    static func divide(_ a: CELValue, _ b: CELValue) -> CELResult {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            if y == 0 { return .failure(.divisionByZero) }
            let (r, o) = x.dividedReportingOverflow(by: y)
            return o ? .failure(.overflow("int")) : .success(.int(r))
        case (.uint(let x), .uint(let y)):
            return y == 0 ? .failure(.divisionByZero) : .success(.uint(x / y))
        case (.double(let x), .double(let y)): return .success(.double(x / y))
        case (.decimal, _), (_, .decimal):
            return .failure(
                CELEvalError(.noSuchOverload, message: "decimals divide only with `ratio(a, b)`"))
        default: return .failure(.noSuchOverload("_/_", [a, b]))
        }
    }

    static func modulo(_ a: CELValue, _ b: CELValue) -> CELResult {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            if y == 0 { return .failure(.moduloByZero) }
            let (r, o) = x.remainderReportingOverflow(dividingBy: y)
            return o ? .failure(.overflow("int")) : .success(.int(r))
        case (.uint(let x), .uint(let y)):
            return y == 0 ? .failure(.moduloByZero) : .success(.uint(x % y))
        default: return .failure(.noSuchOverload("_%_", [a, b]))
        }
    }

    static func negate(_ a: CELValue) -> CELResult {
        switch a {
        case .int(let x):
            let (r, o) = Int64(0).subtractingReportingOverflow(x)
            return o ? .failure(.overflow("int")) : .success(.int(r))
        case .double(let x): return .success(.double(-x))
        case .decimal(let x):
            return CELDecimal.negate(x).map { .success(.decimal($0)) } ?? .failure(.overflow("decimal"))
        case .days(let x):
            let (r, o) = Int64(0).subtractingReportingOverflow(x)
            return o ? .failure(.overflow("days")) : .success(.days(r))
        case .duration(let x):
            let (r, o) = Int64(0).subtractingReportingOverflow(x.nanoseconds)
            return o ? .failure(durationRange) : .success(.duration(CELDuration(nanoseconds: r)))
        default: return .failure(.noSuchOverload("-_", [a]))
        }
    }

    static func not(_ a: CELValue) -> CELResult {
        if case .bool(let x) = a { return .success(.bool(!x)) }
        return .failure(.noSuchOverload("!_", [a]))
    }

    /// `<`, `<=`, `>`, `>=` through `test` on the comparison sign.
    static func compare(_ function: String, _ a: CELValue, _ b: CELValue, _ test: (Int) -> Bool) -> CELResult {
        if let order = celCompare(a, b) { return .success(.bool(test(order))) }
        // NaN compares false with every number.
        if case .double(let x) = a, x.isNaN, b.type.isNumeric { return .success(.bool(false)) }
        if case .double(let y) = b, y.isNaN, a.type.isNumeric { return .success(.bool(false)) }
        return .failure(.noSuchOverload(function, [a, b]))
    }

    static func contains(_ element: CELValue, _ container: CELValue) -> CELResult {
        switch container {
        case .list(let items): return .success(.bool(items.contains { celEquals($0, element) == true }))
        case .map(let map): return .success(.bool(map[element] != nil))
        default: return .failure(.noSuchOverload("@in", [element, container]))
        }
    }

    static func index(_ container: CELValue, _ key: CELValue) -> CELResult {
        switch (container, key) {
        case (.list(let items), _):
            let position: Int64
            switch key {
            case .int(let i): position = i
            case .uint(let u): position = Int64(exactly: u) ?? -1
            case .double(let d):
                guard let exact = Int64(exactly: d) else {
                    return .failure(.invalidArgument("invalid list index \(key)"))
                }
                position = exact
            default: return .failure(.invalidArgument("invalid list index of type `\(key.type)`"))
            }
            guard position >= 0, position < items.count else {
                return .failure(
                    CELEvalError(
                        .indexOutOfRange,
                        message: "index \(key) out of range for a list of size \(items.count)"))
            }
            return .success(items[Int(position)])
        case (.map(let map), _):
            if let value = map[key] { return .success(value) }
            return .failure(noSuchKey(key))
        default:
            return .failure(.noSuchOverload("_[_]", [container, key]))
        }
    }

    static func noSuchKey(_ key: CELValue) -> CELEvalError {
        let text = if case .string(let s) = key { s } else { key.description }
        return CELEvalError(.noSuchKey, message: "no such key `\(text)`")
    }

    static let dateRange = CELEvalError(.dateRange, message: "date out of range (years 1 to 9999)")
    static let timestampRange = CELEvalError(
        .timestampRange, message: "timestamp out of range (0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z)")
    static let durationRange = CELEvalError(.durationRange, message: "duration out of range (about ±292 years)")

    /// Two decimals from a decimal paired with a decimal or an integer (exact).
    static func decimalPair(_ a: CELValue, _ b: CELValue) -> (CELDecimal, CELDecimal)? {
        func exact(_ v: CELValue) -> CELDecimal? {
            switch v {
            case .decimal(let d): d
            case .int(let i): CELDecimal(i)
            case .uint(let u): CELDecimal(significand: Int128(u), scale: 0)
            default: nil
            }
        }
        guard case .decimal = a, true else {
            guard case .decimal = b, let x = exact(a), let y = exact(b) else { return nil }
            return (x, y)
        }
        guard let x = exact(a), let y = exact(b) else { return nil }
        return (x, y)
    }
}
