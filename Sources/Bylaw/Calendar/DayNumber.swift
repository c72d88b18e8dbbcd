import BylawCEL

/// Days since 1970-01-01 in the proleptic Gregorian calendar, and back.
enum DayNumber {
    /// The day number of a civil date (Howard Hinnant's days_from_civil).
    static func of(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func of(_ d: CELDate) -> Int { of(year: d.year, month: d.month, day: d.day) }

    /// ISO weekday: 1 Monday … 7 Sunday.
    static func weekday(_ n: Int) -> Int {
        let w = (n + 3) % 7  // 1970-01-01 was a Thursday (ISO 4)
        return (w < 0 ? w + 7 : w) + 1
    }
}
