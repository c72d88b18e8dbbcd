/// Exact decimal arithmetic. Each operation returns nil when the result does not fit.
extension CELDecimal {
    /// `lhs + rhs`, exact.
    static func add(_ lhs: CELDecimal, _ rhs: CELDecimal) -> CELDecimal? {
        let target = max(lhs.scale, rhs.scale)
        guard let left = lhs.rescaled(to: target), let right = rhs.rescaled(to: target) else { return nil }
        let (sum, overflow) = left.significand.addingReportingOverflow(right.significand)
        return overflow ? nil : CELDecimal(significand: sum, scale: target)
    }

    /// `-value`, exact.
    static func negate(_ value: CELDecimal) -> CELDecimal? {
        let (result, overflow) = Int128(0).subtractingReportingOverflow(value.significand)
        return overflow ? nil : CELDecimal(significand: result, scale: value.scale)
    }

    /// `lhs - rhs`, exact.
    static func subtract(_ lhs: CELDecimal, _ rhs: CELDecimal) -> CELDecimal? {
        guard let negated = negate(rhs) else { return nil }
        return add(lhs, negated)
    }

    /// `lhs * rhs`, exact; the scales add (trailing zeros dropped past `maxScale`).
    static func multiply(_ lhs: CELDecimal, _ rhs: CELDecimal) -> CELDecimal? {
        let (product, overflow) = lhs.significand.multipliedReportingOverflow(by: rhs.significand)
        guard !overflow else { return nil }
        var value = product
        var scale = lhs.scale + rhs.scale
        while scale > maxScale, value % 10 == 0 {
            value /= 10
            scale -= 1
        }
        return CELDecimal(significand: value, scale: scale)
    }

    /// `lhs / rhs` rounded half-even to `ratioScale` fractional digits, trailing zeros dropped.
    /// Nil on division by zero or overflow.
    static func ratio(_ lhs: CELDecimal, _ rhs: CELDecimal) -> CELDecimal? {
        guard rhs.significand != 0 else { return nil }
        // lhs / rhs = (l × 10^-ls) / (r × 10^-rs); scale the quotient by 10^ratioScale.
        var numerator = lhs.significand
        var denominator = rhs.significand
        let shift = ratioScale + rhs.scale - lhs.scale
        if shift >= 0 {
            guard let power = power(shift) else { return nil }
            let (value, overflow) = numerator.multipliedReportingOverflow(by: power)
            guard !overflow else { return nil }
            numerator = value
        } else {
            guard let power = power(-shift) else { return nil }
            let (value, overflow) = denominator.multipliedReportingOverflow(by: power)
            guard !overflow else { return nil }
            denominator = value
        }
        let quotient = numerator.quotientAndRemainder(dividingBy: denominator)
        var result = quotient.quotient
        let twice = quotient.remainder.magnitude.multipliedReportingOverflow(by: 2)
        let exceeds = twice.overflow || twice.partialValue > denominator.magnitude
        let tie = !twice.overflow && twice.partialValue == denominator.magnitude
        if exceeds || (tie && result % 2 != 0) {
            let negative = (numerator < 0) != (denominator < 0)
            result += negative ? -1 : 1
        }
        return CELDecimal(significand: result, scale: ratioScale)?.normalized
    }

    /// `value` rounded to `places` fractional digits, half away from zero; the result has
    /// exactly `places` fractional digits. Nil when `places` is outside `0...maxScale` or on overflow.
    static func round(_ value: CELDecimal, places: Int) -> CELDecimal? {
        guard (0...maxScale).contains(places) else { return nil }
        if places >= value.scale { return value.rescaled(to: places) }
        guard let power = power(value.scale - places) else { return nil }
        let parts = value.significand.quotientAndRemainder(dividingBy: power)
        var result = parts.quotient
        if parts.remainder.magnitude * 2 >= power.magnitude {
            result += value.significand < 0 ? -1 : 1
        }
        return CELDecimal(significand: result, scale: places)
    }

    /// The decimal written by the shortest text that round-trips `value`; nil when not finite.
    static func fromDouble(_ value: Double) -> CELDecimal? {
        guard value.isFinite else { return nil }
        return CELDecimal("\(value)")
    }

    /// The integer part, when it fits `Int64` (truncating toward zero).
    var truncatedInt64: Int64? {
        guard let power = CELDecimal.power(scale) else { return nil }
        return Int64(exactly: significand / power)
    }
}
