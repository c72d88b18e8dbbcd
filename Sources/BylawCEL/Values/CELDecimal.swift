/// An exact decimal number: an `Int128` significand and a decimal scale.
///
/// The value is `significand × 10^-scale`. Arithmetic is exact; a result that does not fit
/// is an error, never a silently rounded value. The scale is kept for rendering
/// (`650000.00` stays `650000.00`); equality and ordering compare values (`1.0 == 1.00`).
public struct CELDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The unscaled integer value.
    public let significand: Int128
    /// The number of fractional digits, `0...maxScale`.
    public let scale: Int

    /// The largest scale a decimal may have.
    public static let maxScale = 36
    /// The fractional digits `ratio(a, b)` rounds to.
    public static let ratioScale = 18

    /// Creates a decimal from its parts; nil when the scale is out of range.
    public init?(significand: Int128, scale: Int) {
        guard (0...Self.maxScale).contains(scale) else { return nil }
        self.significand = significand
        self.scale = scale
    }

    /// An integer as a decimal with scale 0.
    public init(_ value: Int64) {
        significand = Int128(value)
        scale = 0
    }

    /// Parses decimal text exactly: `-12.50`, `650000.00`, `1e3`, `2.5E-2`.
    public init?(_ text: String) {
        var scalars = Array(text.unicodeScalars)[...]
        var negative = false
        if let first = scalars.first, first == "-" || first == "+" {
            negative = first == "-"
            scalars = scalars.dropFirst()
        }
        var significand: Int128 = 0
        var fraction = 0
        var digits = 0
        var seenPoint = false
        var exponent = 0
        while let scalar = scalars.first {
            if scalar == "." {
                guard !seenPoint else { return nil }
                seenPoint = true
            } else if let digit = Self.digit(scalar) {
                let (times, o1) = significand.multipliedReportingOverflow(by: 10)
                let (plus, o2) = times.addingReportingOverflow(Int128(digit))
                guard !o1, !o2 else { return nil }
                significand = plus
                digits += 1
                if seenPoint { fraction += 1 }
            } else if scalar == "e" || scalar == "E" {
                guard let value = Int(String(String.UnicodeScalarView(scalars.dropFirst()))),
                    abs(value) <= 100
                else { return nil }
                exponent = value
                scalars = []
                break
            } else {
                return nil
            }
            scalars = scalars.dropFirst()
        }
        guard digits > 0 else { return nil }
        var scale = fraction - exponent
        if scale < 0 {
            guard let power = Self.power(-scale) else { return nil }
            let (value, overflow) = significand.multipliedReportingOverflow(by: power)
            guard !overflow else { return nil }
            significand = value
            scale = 0
        }
        guard scale <= Self.maxScale else { return nil }
        self.significand = negative ? -significand : significand
        self.scale = scale
    }

    private static func digit(_ scalar: Unicode.Scalar) -> Int? {
        guard scalar.value >= 48, scalar.value <= 57 else { return nil }
        return Int(scalar.value - 48)
    }

    /// `10^exponent`, or nil when it does not fit `Int128`.
    static func power(_ exponent: Int) -> Int128? {
        guard exponent >= 0, exponent < powers.count else { return nil }
        return powers[exponent]
    }

    /// `10^0` to `10^38`, every power of ten `Int128` holds: a comparison of two scales rescales one side.
    private static let powers: [Int128] = (0...38).reduce(into: []) { list, k in
        list.append(k == 0 ? 1 : list[k - 1] * 10)
    }

    /// This value with `scale` raised to `target` (exact), or nil on overflow.
    func rescaled(to target: Int) -> CELDecimal? {
        guard target >= scale, let power = Self.power(target - scale) else { return nil }
        let (value, overflow) = significand.multipliedReportingOverflow(by: power)
        guard !overflow else { return nil }
        return CELDecimal(significand: value, scale: target)
    }

    /// The same value with trailing fractional zeros removed.
    var normalized: CELDecimal {
        var value = significand
        var scale = scale
        while scale > 0, value % 10 == 0 {
            value /= 10
            scale -= 1
        }
        return CELDecimal(significand: value, scale: scale) ?? self
    }

    public var description: String {
        // Digits written from the right into a byte buffer: `-`, the integer part (at least `0`), then `.` and
        // `scale` fraction digits.
        var bytes: [UInt8] = []
        var magnitude = significand.magnitude
        var written = 0
        while magnitude > 0 || written <= scale {
            if written == scale, scale > 0 { bytes.append(UInt8(ascii: ".")) }
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
            written += 1
        }
        if significand < 0 { bytes.append(UInt8(ascii: "-")) }
        bytes.reverse()
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The value as the nearest double (for `double(decimal)`).
    public var doubleValue: Double { Double(description) ?? .nan }

    public static func == (lhs: CELDecimal, rhs: CELDecimal) -> Bool { compare(lhs, rhs) == 0 }

    public static func < (lhs: CELDecimal, rhs: CELDecimal) -> Bool { compare(lhs, rhs) < 0 }

    public func hash(into hasher: inout Hasher) {
        let normal = normalized
        hasher.combine(normal.significand)
        hasher.combine(normal.scale)
    }

    /// -1, 0 or 1: the order of the two values, whatever their scales.
    package static func compare(_ lhs: CELDecimal, _ rhs: CELDecimal) -> Int {
        let (a, b) = (lhs.significand, rhs.significand)
        if lhs.scale == rhs.scale { return a < b ? -1 : (a == b ? 0 : 1) }
        // Signs differ (or one side is zero): the signs decide, with nothing to rescale.
        let (sa, sb) = (a.signum(), b.signum())
        if sa != sb { return sa < sb ? -1 : 1 }
        // The same sign: the side with the smaller scale is raised to the other's. One that overflows is larger
        // in magnitude than anything the other can hold.
        if lhs.scale < rhs.scale {
            guard let power = power(rhs.scale - lhs.scale) else { return sa < 0 ? -1 : 1 }
            let (left, overflow) = a.multipliedReportingOverflow(by: power)
            if overflow { return sa < 0 ? -1 : 1 }
            return left < b ? -1 : (left == b ? 0 : 1)
        }
        guard let power = power(lhs.scale - rhs.scale) else { return sb < 0 ? 1 : -1 }
        let (right, overflow) = b.multipliedReportingOverflow(by: power)
        if overflow { return sb < 0 ? 1 : -1 }
        return a < right ? -1 : (a == right ? 0 : 1)
    }
}
