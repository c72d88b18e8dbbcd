import BylawCEL

/// The values a set of bounds allows for one expression: an interval with open or closed ends.
struct Interval: Sendable {
    struct End: Sendable {
        var value: CELDecimal
        var strict: Bool
        /// The bound it came from, for messages.
        var source: Bound
    }
    var lower: End?
    var upper: End?

    /// The tightest interval the bounds allow together.
    init(_ bounds: [Bound]) {
        for b in bounds {
            if b.side != .upper { tighten(lower: End(value: b.value, strict: b.strict, source: b)) }
            if b.side != .lower { tighten(upper: End(value: b.value, strict: b.strict, source: b)) }
        }
    }

    private mutating func tighten(lower e: End) {
        guard let l = lower else { return lower = e }
        if e.value > l.value || (e.value == l.value && e.strict) { lower = e }
    }

    private mutating func tighten(upper e: End) {
        guard let u = upper else { return upper = e }
        if e.value < u.value || (e.value == u.value && e.strict) { upper = e }
    }

    /// Integer end points: `> 4.5` is `>= 5`; nil for an open side.
    private var integerLower: CELDecimal? {
        guard let l = lower else { return nil }
        let up = l.value.integer(roundingUp: true)
        return l.strict && up == l.value ? up + 1 : up
    }

    private var integerUpper: CELDecimal? {
        guard let u = upper else { return nil }
        let down = u.value.integer(roundingUp: false)
        return u.strict && down == u.value ? down - 1 : down
    }

    private var isEmpty: Bool {
        guard let l = lower, let u = upper else { return false }
        return l.value > u.value || (l.value == u.value && (l.strict || u.strict))
    }

    private var hasNoInteger: Bool {
        guard let l = integerLower, let u = integerUpper else { return false }
        return l > u
    }

    /// How `self` reaches outside `other`: certainly (`integers`: a whole number it allows and `other` does
    /// not, or any number for a decimal), only if the expression can be fractional, or not at all.
    enum Excess { case none, realsOnly, integers }

    /// - Parameter whole: true when the expression is an int, false when it is a decimal, nil when unknown.
    func excess(over other: Interval, whole: Bool?) -> Excess {
        if isEmpty || (whole == true && hasNoInteger) { return .none }
        let integers =
            !hasNoInteger
            && (Self.below(integerLower, other.integerLower) || Self.above(integerUpper, other.integerUpper))
        if integers { return .integers }
        guard reachesBelow(other) || reachesAbove(other) else { return .none }
        switch whole {
        case true?: return .none
        case false?: return .integers
        case nil: return .realsOnly
        }
    }

    /// True when `self` allows values below everything `other` allows.
    func reachesBelow(_ other: Interval) -> Bool {
        guard let o = other.lower else { return false }
        guard let l = lower else { return true }
        return l.value < o.value || (l.value == o.value && !l.strict && o.strict)
    }

    func reachesAbove(_ other: Interval) -> Bool {
        guard let o = other.upper else { return false }
        guard let u = upper else { return true }
        return u.value > o.value || (u.value == o.value && !u.strict && o.strict)
    }

    private static func below(_ mine: CELDecimal?, _ theirs: CELDecimal?) -> Bool {
        guard let theirs else { return false }
        guard let mine else { return true }
        return mine < theirs
    }

    private static func above(_ mine: CELDecimal?, _ theirs: CELDecimal?) -> Bool {
        guard let theirs else { return false }
        guard let mine else { return true }
        return mine > theirs
    }
}

extension CELDecimal {
    static func + (a: CELDecimal, b: Int) -> CELDecimal {
        CELDecimal(significand: a.significand + Int128(b), scale: 0) ?? a
    }
    static func - (a: CELDecimal, b: Int) -> CELDecimal { a + -b }
}
