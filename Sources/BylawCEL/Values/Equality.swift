/// CEL equality and ordering, shared by the interpreter, maps and `Equatable`.

/// CEL `==`: nil when the two values can never be compared (never happens: unlike types are
/// simply unequal); NaN is unequal to everything.
func celEquals(_ lhs: CELValue, _ rhs: CELValue) -> Bool? {
    // Two strings first, the commonest comparison in rules (`action == "处置"`), before the pair of values below
    // is built.
    if case .string(let a) = lhs, case .string(let b) = rhs { return CodePoints.equal(a, b) }
    switch (lhs, rhs) {
    case (.bool(let a), .bool(let b)): return a == b
    case (.bytes(let a), .bytes(let b)): return a == b
    case (.null, .null): return true
    case (.date(let a), .date(let b)): return a == b
    case (.days(let a), .days(let b)): return a == b
    case (.timestamp(let a), .timestamp(let b)): return a == b
    case (.duration(let a), .duration(let b)): return a == b
    case (.type(let a), .type(let b)): return a.erased == b.erased
    case (.list(let a), .list(let b)):
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where celEquals(x, y) != true { return false }
        return true
    case (.map(let a), .map(let b)):
        guard a.count == b.count else { return false }
        for entry in a.entries {
            guard let other = b[entry.key], celEquals(entry.value, other) == true else { return false }
        }
        return true
    default:
        if let order = numericCompare(lhs, rhs) { return order == 0 }
        return false
    }
}

/// Orders two numbers of any numeric kinds exactly: -1, 0, 1, or nil when not both numbers
/// or when a NaN is involved.
func numericCompare(_ lhs: CELValue, _ rhs: CELValue) -> Int? {
    func sign<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }
    switch (lhs, rhs) {
    case (.int(let a), .int(let b)): return sign(a, b)
    case (.uint(let a), .uint(let b)): return sign(a, b)
    case (.double(let a), .double(let b)): return a.isNaN || b.isNaN ? nil : sign(a, b)
    case (.int(let a), .uint(let b)): return a < 0 ? -1 : sign(UInt64(a), b)
    case (.uint(let a), .int(let b)): return b < 0 ? 1 : sign(a, UInt64(b))
    case (.int(let a), .double(let b)): return compareIntDouble(Int128(a), b)
    case (.uint(let a), .double(let b)): return compareIntDouble(Int128(a), b)
    case (.double(let a), .int(let b)): return compareIntDouble(Int128(b), a).map { -$0 }
    case (.double(let a), .uint(let b)): return compareIntDouble(Int128(b), a).map { -$0 }
    case (.decimal(let a), .decimal(let b)): return CELDecimal.compare(a, b)
    case (.decimal(let a), .int(let b)): return CELDecimal.compare(a, CELDecimal(b))
    case (.int(let a), .decimal(let b)): return CELDecimal.compare(CELDecimal(a), b)
    case (.decimal(let a), .uint(let b)):
        return CELDecimal(significand: Int128(b), scale: 0).map { CELDecimal.compare(a, $0) }
    case (.uint(let a), .decimal(let b)):
        return CELDecimal(significand: Int128(a), scale: 0).map { CELDecimal.compare($0, b) }
    case (.decimal(let a), .double(let b)):
        guard !b.isNaN else { return nil }
        guard let exact = CELDecimal.fromDouble(b) else { return b > 0 ? -1 : 1 }
        return CELDecimal.compare(a, exact)
    case (.double(let a), .decimal(let b)):
        guard !a.isNaN else { return nil }
        guard let exact = CELDecimal.fromDouble(a) else { return a > 0 ? 1 : -1 }
        return CELDecimal.compare(exact, b)
    default: return nil
    }
}

/// Compares an integer with a double as cel-spec does: the integer converted to double.
private func compareIntDouble(_ a: Int128, _ b: Double) -> Int? {
    if b.isNaN { return nil }
    let x = Double(a)
    return x < b ? -1 : (x == b ? 0 : 1)
}

/// CEL ordering for `<` and friends: nil when the pair has no ordering overload.
func celCompare(_ lhs: CELValue, _ rhs: CELValue) -> Int? {
    func sign<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }
    switch (lhs, rhs) {
    case (.bool(let a), .bool(let b)): return sign(a ? 1 : 0, b ? 1 : 0)
    case (.string(let a), .string(let b)): return CodePoints.compare(a, b)
    case (.bytes(let a), .bytes(let b)):
        return a == b ? 0 : (a.lexicographicallyPrecedes(b) ? -1 : 1)
    case (.date(let a), .date(let b)): return sign(a, b)
    case (.days(let a), .days(let b)): return sign(a, b)
    case (.timestamp(let a), .timestamp(let b)): return sign(a, b)
    case (.duration(let a), .duration(let b)): return sign(a, b)
    default: return numericCompare(lhs, rhs)
    }
}
