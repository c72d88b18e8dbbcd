/// A point in time with nanosecond precision, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z:
/// CEL's `google.protobuf.Timestamp`.
public struct CELTimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let seconds: Int64
    /// Nanoseconds within the second, `0..<1_000_000_000`.
    public let nanos: Int32

    public static let minSeconds: Int64 = -62_135_596_800
    public static let maxSeconds: Int64 = 253_402_300_799

    /// A timestamp, or nil outside the range (or when `nanos` is not within a second).
    public init?(seconds: Int64, nanos: Int32 = 0) {
        guard (Self.minSeconds...Self.maxSeconds).contains(seconds), (0..<1_000_000_000).contains(nanos) else {
            return nil
        }
        self.seconds = seconds
        self.nanos = nanos
    }

    /// Midnight UTC at the start of `date`.
    public init(_ date: CELDate) {
        seconds = date.daysSinceEpoch * 86_400
        nanos = 0
    }

    /// Parses RFC 3339: `2025-01-02T10:00:00Z`, `2025-01-02T10:00:00.5+08:00` (up to nine fraction digits).
    public init?(rfc3339 text: String) {
        let b = Array(text.utf8)
        func digits(_ at: Int, _ count: Int) -> Int? {
            guard at + count <= b.count else { return nil }
            var n = 0
            for i in at..<at + count {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                n = n * 10 + Int(b[i] - 48)
            }
            return n
        }
        guard b.count >= 20, let year = digits(0, 4), b[4] == UInt8(ascii: "-"), let month = digits(5, 2),
            b[7] == UInt8(ascii: "-"), let day = digits(8, 2), b[10] == UInt8(ascii: "T"), let hour = digits(11, 2),
            b[13] == UInt8(ascii: ":"), let minute = digits(14, 2), b[16] == UInt8(ascii: ":"),
            let second = digits(17, 2), hour < 24, minute < 60, second < 60,
            let date = CELDate(year: year, month: month, day: day)
        else { return nil }
        var index = 19
        var nanos = 0
        if index < b.count, b[index] == UInt8(ascii: ".") {
            index += 1
            var count = 0
            while index < b.count, b[index] >= 48, b[index] <= 57 {
                guard count < 9 else { return nil }
                nanos = nanos * 10 + Int(b[index] - 48)
                count += 1
                index += 1
            }
            guard count > 0 else { return nil }
            for _ in count..<9 { nanos *= 10 }
        }
        guard index < b.count else { return nil }
        var offset = 0
        if b[index] == UInt8(ascii: "Z") {
            index += 1
        } else {
            guard b[index] == UInt8(ascii: "+") || b[index] == UInt8(ascii: "-"), let h = digits(index + 1, 2),
                index + 3 < b.count, b[index + 3] == UInt8(ascii: ":"), let m = digits(index + 4, 2), h < 24, m < 60
            else { return nil }
            offset = (h * 3600 + m * 60) * (b[index] == UInt8(ascii: "-") ? -1 : 1)
            index += 6
        }
        guard index == b.count else { return nil }
        let seconds = date.daysSinceEpoch * 86_400 + Int64(hour * 3600 + minute * 60 + second - offset)
        self.init(seconds: seconds, nanos: Int32(nanos))
    }

    /// RFC 3339 in UTC with the fraction's trailing zeros dropped: `2009-02-13T23:31:30.5Z`.
    public var description: String {
        let parts = Self.parts(seconds, offset: 0)
        func pad(_ n: Int, _ width: Int) -> String { String(n).leftPadded(width) }
        var out =
            "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))T"
            + "\(pad(parts.hour, 2)):\(pad(parts.minute, 2)):\(pad(parts.second, 2))"
        if nanos > 0 { out += "." + fraction(Int(nanos)) }
        return out + "Z"
    }

    public static func < (lhs: CELTimestamp, rhs: CELTimestamp) -> Bool {
        (lhs.seconds, lhs.nanos) < (rhs.seconds, rhs.nanos)
    }

    /// The civil parts of `seconds` shifted by `offset` seconds (a time zone's offset from UTC).
    static func parts(_ seconds: Int64, offset: Int64) -> (
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, days: Int64
    ) {
        let local = seconds + offset
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let ofDay = Int(local - days * 86_400)
        let (year, month, day) = CELDate.civil(days)
        return (year, month, day, ofDay / 3600, ofDay / 60 % 60, ofDay % 60, days)
    }

    /// This timestamp moved by `duration`; nil outside the range.
    func adding(_ duration: CELDuration) -> CELTimestamp? {
        let total = Int128(seconds) * 1_000_000_000 + Int128(nanos) + Int128(duration.nanoseconds)
        let (q, r) = total.quotientAndRemainder(dividingBy: 1_000_000_000)
        let (s, n) = r < 0 ? (q - 1, r + 1_000_000_000) : (q, r)
        guard let secs = Int64(exactly: s), let nanos = Int32(exactly: n) else { return nil }
        return CELTimestamp(seconds: secs, nanos: nanos)
    }

    /// `self - other`; nil when the span does not fit a duration.
    func since(_ other: CELTimestamp) -> CELDuration? {
        let total =
            (Int128(seconds) - Int128(other.seconds)) * 1_000_000_000 + Int128(nanos) - Int128(other.nanos)
        return Int64(exactly: total).map(CELDuration.init(nanoseconds:))
    }
}

/// A signed span of time in nanoseconds, about ±292 years: CEL's `google.protobuf.Duration` as cel-go
/// holds it.
public struct CELDuration: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let nanoseconds: Int64

    public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    /// Parses Go duration text: a sign, then one or more decimal numbers each with a unit `ns`, `us` (or `µs`),
    /// `ms`, `s`, `m`, `h`: `36h`, `1h30m`, `-1.5s`, `0`. Nil when malformed or out of range.
    public init?(text: String) {
        var scalars = Array(text.unicodeScalars)[...]
        var negative = false
        if let first = scalars.first, first == "-" || first == "+" {
            negative = first == "-"
            scalars = scalars.dropFirst()
        }
        if scalars.elementsEqual("0".unicodeScalars) {
            self.init(nanoseconds: 0)
            return
        }
        guard !scalars.isEmpty else { return nil }
        var total: Int128 = 0
        while !scalars.isEmpty {
            var whole: Int128 = 0
            var fraction: Int128 = 0
            var scale: Int128 = 1
            var digits = 0
            while let c = scalars.first, c.value >= 48, c.value <= 57 {
                whole = whole * 10 + Int128(c.value - 48)
                guard whole < Int128(Int64.max) else { return nil }
                digits += 1
                scalars = scalars.dropFirst()
            }
            if scalars.first == "." {
                scalars = scalars.dropFirst()
                while let c = scalars.first, c.value >= 48, c.value <= 57 {
                    if scale < 1_000_000_000_000_000_000 {
                        fraction = fraction * 10 + Int128(c.value - 48)
                        scale *= 10
                    }
                    digits += 1
                    scalars = scalars.dropFirst()
                }
            }
            guard digits > 0 else { return nil }
            var unit = ""
            while let c = scalars.first, !(c.value >= 48 && c.value <= 57), c != "." {
                unit.unicodeScalars.append(c)
                scalars = scalars.dropFirst()
            }
            guard let size = Self.units[unit] else { return nil }
            total += whole * size + fraction * size / scale
            guard total <= Int128(Int64.max) else { return nil }
        }
        self.init(nanoseconds: Int64(negative ? -total : total))
    }

    static let units: [String: Int128] = [
        "ns": 1, "us": 1_000, "\u{B5}s": 1_000, "\u{3BC}s": 1_000, "ms": 1_000_000, "s": 1_000_000_000,
        "m": 60_000_000_000, "h": 3_600_000_000_000,
    ]

    /// Seconds with the fraction's trailing zeros dropped: `1000000s`, `1.5s`, `-0.000000001s`.
    public var description: String {
        let magnitude = nanoseconds.magnitude
        let whole = magnitude / 1_000_000_000
        let part = Int(magnitude % 1_000_000_000)
        return (nanoseconds < 0 ? "-" : "") + String(whole) + (part > 0 ? "." + fraction(part) : "") + "s"
    }

    public static func < (lhs: CELDuration, rhs: CELDuration) -> Bool { lhs.nanoseconds < rhs.nanoseconds }
}

/// Nine fraction digits of `nanos` with trailing zeros dropped.
private func fraction(_ nanos: Int) -> String {
    var text = String(nanos).leftPadded(9)
    while text.hasSuffix("0") { text.removeLast() }
    return text
}
