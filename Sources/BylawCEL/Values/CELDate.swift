/// A calendar day in the proleptic Gregorian calendar, years 1 through 9999.
///
/// Stored as days since 1970-01-01, so comparisons and day arithmetic are integer operations.
public struct CELDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    public let daysSinceEpoch: Int64

    /// The first representable day, 0001-01-01.
    public static let minDays: Int64 = -719_162
    /// The last representable day, 9999-12-31.
    public static let maxDays: Int64 = 2_932_896

    /// A date from days since 1970-01-01; nil outside years 1...9999.
    public init?(daysSinceEpoch: Int64) {
        guard (Self.minDays...Self.maxDays).contains(daysSinceEpoch) else { return nil }
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// A date from its parts; nil when the day does not exist (`2017-02-29`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        daysSinceEpoch = Self.days(year: year, month: month, day: day)
    }

    /// Parses strictly `YYYY-MM-DD`; nil for any other form or a day that does not exist.
    public init?(iso: String) {
        let parsed =
            iso.utf8.withContiguousStorageIfAvailable { CELDate(isoUTF8: $0) }
            ?? Array(iso.utf8).withUnsafeBufferPointer { CELDate(isoUTF8: $0) }
        guard let parsed else { return nil }
        self = parsed
    }

    /// Parses strictly `YYYY-MM-DD` from UTF-8 bytes, as `init?(iso:)` does from a string.
    public init?(isoUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        // Every one of the ten places must be an ASCII digit or `-`, so reading bytes is reading characters.
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                let digit = bytes[i] &- UInt8(ascii: "0")
                guard digit <= 9 else { return nil }
                n = n * 10 + Int(digit)
            }
            return n
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The year, month (1–12) and day (1–31).
    public var components: (year: Int, month: Int, day: Int) { Self.civil(daysSinceEpoch) }

    /// The proleptic Gregorian year, month and day of a day count from 1970-01-01, for any count whose year
    /// fits `Int` (timestamps in other time zones may fall just outside years 1...9999).
    static func civil(_ daysSinceEpoch: Int64) -> (year: Int, month: Int, day: Int) {
        // Civil-from-days (H. Hinnant's algorithm), with era arithmetic on non-negative values.
        let z = Int(daysSinceEpoch) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// The ISO weekday: 1 Monday … 7 Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let offset = Int((daysSinceEpoch % 7 + 7) % 7)
        return (offset + 3) % 7 + 1
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        // Written straight into the string's ten bytes: reports and the audit trail write many dates.
        let (year, month, day) = components
        return String(unsafeUninitializedCapacity: 10) { out in
            func put(_ value: Int, at end: Int, width: Int) {
                var v = value
                for k in stride(from: end, to: end - width, by: -1) {
                    out[k] = UInt8(ascii: "0") + UInt8(v % 10)
                    v /= 10
                }
            }
            put(year, at: 3, width: 4)
            out[4] = UInt8(ascii: "-")
            put(month, at: 6, width: 2)
            out[7] = UInt8(ascii: "-")
            put(day, at: 9, width: 2)
            return 10
        }
    }

    public static func < (lhs: CELDate, rhs: CELDate) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    package static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days-from-civil for a valid date.
    static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return Int64(era * 146_097 + dayOfEra - 719_468)
    }

    /// This date moved by `months` calendar months, clamped to the end of the target month;
    /// nil outside years 1...9999.
    func addingMonths(_ months: Int64) -> CELDate? {
        let (year, month, day) = components
        guard abs(months) < 200_000 else { return nil }
        let total = Int64(year) * 12 + Int64(month - 1) + months
        let newYear = Int(total / 12)
        let newMonth = Int(total % 12) + 1
        guard (1...9999).contains(newYear), total >= 0 else { return nil }
        let clamped = min(day, Self.daysInMonth(year: newYear, month: newMonth))
        return CELDate(year: newYear, month: newMonth, day: clamped)
    }

    /// This date moved by `days`; nil outside years 1...9999.
    func addingDays(_ days: Int64) -> CELDate? {
        let (sum, overflow) = daysSinceEpoch.addingReportingOverflow(days)
        return overflow ? nil : CELDate(daysSinceEpoch: sum)
    }

    /// Whole years from `self` to `later` (negative when `later` is earlier).
    /// A 29 February anniversary falls on 28 February in common years.
    func wholeYears(until later: CELDate) -> Int64 {
        if later < self { return -later.wholeYears(until: self) }
        let start = components
        let end = later.components
        var years = end.year - start.year
        if years > 0, let anniversary = addingMonths(Int64(years) * 12), anniversary > later {
            years -= 1
        }
        return Int64(years)
    }
}

/// A calendar of working days supplied by the host (holidays and make-up working days).
public protocol WorkingDayCalendar: Sendable {
    /// Whether `day` is a working day; nil when the day is outside the years the calendar knows.
    func isWorkingDay(_ day: CELDate) -> Bool?
    /// Whether the calendar marks any day provisional (statutory holidays known, make-up working days not yet
    /// announced). Lets the host skip tracking when it does not.
    var hasProvisionalDays: Bool { get }
    /// Whether `day` lies in a provisional part of the calendar: its answer may change when the year's
    /// arrangement is announced.
    func isProvisional(_ day: CELDate) -> Bool
}

extension WorkingDayCalendar {
    public var hasProvisionalDays: Bool { false }
    public func isProvisional(_ day: CELDate) -> Bool { false }
}

/// Collects, for one evaluation, facts a host needs besides the value: today, the first provisional calendar
/// day a working-day function consulted. A class so that function implementations can note into it through the
/// read-only activation.
// INVARIANT: one observer serves one evaluation on one thread at a time; the host resets it between rules.
public final class CELEvalObserver: @unchecked Sendable {
    /// The first provisional calendar day consulted since the last reset.
    public private(set) var provisionalDay: CELDate?

    public init() {}

    /// Forgets what was noted.
    public func reset() { provisionalDay = nil }

    func noteProvisional(_ day: CELDate) {
        if provisionalDay == nil { provisionalDay = day }
    }
}
