import Bylaw
import BylawCEL
import BylawTestSupport
import Foundation
import Testing

/// The shipped mainland calendar pins known days of every year (checked against two independent
/// sources by scripts/calendar/check_cn_calendar.py).
@Suite struct CalendarTests {
    static let calendar: WorkingCalendar? = try? WorkingCalendar.load(
        path: Paths.shippedRules + "/calendars/cn-mainland.yaml"
    ).get()

    @Test(arguments: [
        ("2013-10-12", true, "Saturday make-up day"),
        ("2014-01-30", true, "除夕 was a working day in 2014"),
        ("2015-09-04", false, "the 2015 victory-anniversary block"),
        ("2016-06-12", true, "Sunday make-up day"),
        ("2017-10-01", false, "national day"),
        ("2017-10-08", false, "last day of the 2017 block"),
        ("2017-09-30", true, "Saturday make-up day before national day"),
        ("2017-10-09", true, "Monday after the block"),
        ("2018-12-29", true, "Saturday make-up day listed under 2019"),
        ("2019-05-02", false, "the amended 2019 labour-day block"),
        ("2020-02-01", false, "the 2020 extension cancelled the make-up Saturday"),
        ("2020-01-31", false, "the 2020 extension"),
        ("2021-09-18", true, "Saturday make-up day"),
        ("2022-04-02", true, "Saturday make-up day"),
        ("2023-04-05", false, "qingming, one day"),
        ("2024-02-09", true, "除夕 2024 was a working day"),
        ("2024-02-18", true, "Sunday make-up day"),
        ("2025-01-28", false, "除夕 is a holiday from 2025"),
        ("2025-04-27", true, "Sunday make-up day"),
        ("2026-02-23", false, "the nine-day spring festival"),
        ("2026-02-28", true, "Saturday make-up day"),
        ("2026-09-20", true, "Sunday make-up day"),
        ("2017-09-27", true, "an ordinary Wednesday"),
        ("2017-09-24", false, "an ordinary Sunday"),
    ])
    func pinnedDay(day: String, working: Bool, why: String) throws {
        let cal = try #require(Self.calendar)
        let d = try #require(CELDate(iso: day))
        #expect(cal.isWorkingDay(d) == working, "\(day): \(why)")
    }

    @Test(arguments: ["2012-12-31", "2028-01-01"])
    func daysOutsideTheCalendarAreUnknown(day: String) throws {
        let cal = try #require(Self.calendar)
        #expect(cal.isWorkingDay(try #require(CELDate(iso: day))) == nil)
    }

    /// 2027 is listed provisionally: its statutory holidays are known, its make-up days are not.
    @Test(arguments: [
        ("2027-02-05", false, "除夕, a statutory day from 2025"),
        ("2027-02-09", false, "补假 for 春节 days that fall on the weekend (presumed)"),
        ("2027-02-11", true, "an ordinary Thursday after the block"),
        ("2027-10-05", false, "补假 for 国庆 days that fall on the weekend (presumed)"),
    ])
    func provisionalYear(day: String, working: Bool, why: String) throws {
        let cal = try #require(Self.calendar)
        let d = try #require(CELDate(iso: day))
        #expect(cal.isWorkingDay(d) == working, "\(day): \(why)")
        #expect(cal.isProvisional(d))
    }

    @Test func confirmedCoverageEndsBeforeTheFirstProvisionalYear() throws {
        let cal = try #require(Self.calendar)
        #expect(cal.hasProvisionalDays)
        #expect(cal.confirmedUntil == CELDate(iso: "2026-12-31"))
        #expect(cal.lastDay == CELDate(iso: "2027-12-31"))
        #expect(!cal.isProvisional(try #require(CELDate(iso: "2026-12-31"))))
    }

    @Test func aProvisionalYearMustBeANumber() {
        let text = """
            calendar: x
            covers: {from: 2027-01-01, until: 2027-12-31}
            years:
              - {year: next, provisional: true}
              - {year: 2027, provisional: maybe}
            """
        let dir = Scratch.root.appendingPathComponent("calendar-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("cal.yaml").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        guard case .failure(let f) = WorkingCalendar.load(path: path) else {
            Issue.record("a calendar with a bad provisional year loaded")
            return
        }
        #expect(f.diagnostics.map(\.code) == ["calendar.bad-year", "calendar.bad-provisional"])
    }
}
