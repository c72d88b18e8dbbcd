import BylawCEL
import Testing

/// A calendar for 2017: weekends off, 2017-10-01…08 off (National Day), Saturday 2017-09-30 worked.
struct TestCalendar: WorkingDayCalendar {
    func isWorkingDay(_ day: CELDate) -> Bool? {
        guard day.year == 2017 else { return nil }
        if day.month == 10, day.day <= 8 { return false }
        if day.month == 9, day.day == 30 { return true }
        return day.weekday <= 5
    }
}

func evaluate(
    _ source: String, _ environment: CELEnvironment = CELEnvironment(), variables: [String: CELValue] = [:],
    costLimit: Int = CELActivation.defaultCostLimit
) -> CELResult {
    switch CEL.compile(source, environment: environment) {
    case .success(let program):
        return program.evaluate(CELActivation(variables: variables, calendar: TestCalendar(), costLimit: costLimit))
    case .failure(let issues):
        return .failure(CELEvalError(.host("compile"), message: issues.map(\.message).joined(separator: "; ")))
    }
}

func rendered(_ result: CELResult) -> String {
    switch result {
    case .success(let value): value.description
    case .failure(let error): "error: \(error.message)"
    }
}

@Suite struct ExtensionTests {
    @Test(
        arguments: [
            ("decimal plus literal is exact", #"decimal("0.1") + 0.2 == 0.3"#, "true"),
            ("literal on the left", #"0.1 + decimal("0.2") == 0.3"#, "true"),
            ("scale kept", #"decimal("650000.00")"#, #"decimal("650000.00")"#),
            ("multiply by literal", #"decimal("650000.00") * 0.9"#, #"decimal("585000.000")"#),
            ("compare with int", #"decimal("500000.00") >= 500000"#, "true"),
            ("ratio half-even", "ratio(2, 3)", #"decimal("0.666666666666666667")"#),
            ("ratio by zero", #"ratio(decimal("1"), 0)"#, "error: division by zero"),
            ("round half away from zero", #"round(decimal("2.345"), 2)"#, #"decimal("2.35")"#),
            ("round negative", #"round(decimal("-2.5"), 0)"#, #"decimal("-3")"#),
            ("decimal overflow", #"decimal("170141183460469231731687303715884105727") + 1"#, "error: decimal overflow"),
            ("int overflow", "9223372036854775807 * 2", "error: int overflow"),
            ("sum decimals", #"sum([decimal("1.10"), decimal("2.20")])"#, #"decimal("3.30")"#),
            ("sum empty ints", "sum([1].filter(x, x > 5))", "0"),
            ("min", "min([3, 1, 2])", "1"),
            ("max empty", "max([1].filter(x, x > 5))", "error: `max` of an empty list"),
            ("count macro", "[1, 2, 3, 4].count(x, x % 2 == 0)", "2"),
            ("count global", "count([1, 2, 3], x, x > 1)", "2"),
            ("month end clamp", #"add_months(date("2017-01-31"), 1)"#, #"date("2017-02-28")"#),
            ("leap month end", #"add_months(date("2016-01-31"), 1)"#, #"date("2016-02-29")"#),
            ("leap year add", #"add_years(date("2016-02-29"), 1)"#, #"date("2017-02-28")"#),
            ("plus days across year", #"date("2016-12-31") + days(1)"#, #"date("2017-01-01")"#),
            ("minus days", #"date("2016-03-01") - days(1)"#, #"date("2016-02-29")"#),
            ("days between", #"days_between(date("2016-02-01"), date("2016-03-01"))"#, "29"),
            ("years between leap birthday", #"years_between(date("2016-02-29"), date("2017-02-28"))"#, "1"),
            ("years between before", #"years_between(date("2016-02-29"), date("2017-02-27"))"#, "0"),
            ("weekday", #"weekday(date("2017-09-15"))"#, "5"),
            ("invalid date", #"date("2017-02-29")"#, "error: invalid date `2017-02-29`; expected YYYY-MM-DD"),
            ("string of date", #"string(date("2017-09-15"))"#, #""2017-09-15""#),
            ("working days across holiday", #"working_days_between(date("2017-09-28"), date("2017-10-10"))"#, "4"),
            ("working days backwards", #"working_days_between(date("2017-10-10"), date("2017-09-28"))"#, "-4"),
            // Inclusive at both ends: Thursday 28th, Friday 29th, the make-up Saturday 30th, Monday 9th.
            ("working days in, both ends", #"working_days_in(date("2017-09-28"), date("2017-10-09"))"#, "4"),
            ("working days in, one day", #"working_days_in(date("2017-09-30"), date("2017-09-30"))"#, "1"),
            ("working days in, a holiday", #"working_days_in(date("2017-10-02"), date("2017-10-02"))"#, "0"),
            ("working days in, reversed", #"working_days_in(date("2017-10-09"), date("2017-09-28"))"#, "0"),
            ("year of a date", #"year(date("2017-09-15"))"#, "2017"),
            ("month of a date", #"month(date("2017-09-15"))"#, "9"),
            ("percent of a ratio", #"percent(decimal("0.9"))"#, #""90%""#),
            ("percent keeps what is exact", #"percent(decimal("0.0895"))"#, #""8.95%""#),
            ("percent drops trailing zeros", #"percent(decimal("0.1500"))"#, #""15%""#),
            ("percent of a small share", #"percent(decimal("0.001"))"#, #""0.1%""#),
            ("percent of an int", #"percent(2)"#, #""200%""#),
            ("percent of a negative", #"percent(decimal("-0.05"))"#, #""-5%""#),
            ("day of a date", #"day(date("2017-09-15"))"#, "15"),
            ("day at a leap month's end", #"day(date("2016-02-29"))"#, "29"),
            ("first of the month", #"date("2019-01-31") - days(day(date("2019-01-31")) - 1)"#, #"date("2019-01-01")"#),
            ("year in a comparison", #"year(date("2017-12-31")) < year(date("2018-01-01"))"#, "true"),
            ("add working days make-up saturday", #"add_working_days(date("2017-09-29"), 1)"#, #"date("2017-09-30")"#),
            ("add working days over holiday", #"add_working_days(date("2017-09-30"), 1)"#, #"date("2017-10-09")"#),
            ("add zero working days", #"add_working_days(date("2017-10-01"), 0)"#, #"date("2017-10-01")"#),
            (
                "calendar range", #"add_working_days(date("2017-12-29"), 2)"#,
                "error: the working-day calendar does not cover `2018-01-01`"
            ),
            (
                "matches rejects backreference", #"'aa'.matches('(a)\\1')"#,
                "error: backreferences such as `\\1` are not supported"
            ),
            ("matches classes", #"'AB-12'.matches('^[A-Z]+-\\d{2}$')"#, "true"),
        ] as [(String, String, String)])
    func extensions(_ name: String, _ source: String, _ expected: String) {
        #expect(rendered(evaluate(source)) == expected, "\(name)")
    }

    @Test func hostileRegexIsLinear() {
        let text = String(repeating: "a", count: 10_000) + "b"
        let result = evaluate(
            "s.matches('(a+)+$')",
            {
                var e = CELEnvironment()
                e.declare("s", .string)
                return e
            }(), variables: ["s": .string(text)])
        #expect(rendered(result) == "false")
        let hit = evaluate(
            "s.matches('(a+)+b$')",
            {
                var e = CELEnvironment()
                e.declare("s", .string)
                return e
            }(), variables: ["s": .string(text)])
        #expect(rendered(hit) == "true")
    }

    @Test func costBudgetStopsRunawayComprehension() {
        let source =
            "[1,2,3,4,5,6,7,8,9,10].all(a, [1,2,3,4,5,6,7,8,9,10].all(b, [1,2,3,4,5,6,7,8,9,10].all(c, [1,2,3,4,5,6,7,8,9,10].all(d, a + b + c + d > 0))))"
        #expect(rendered(evaluate(source, costLimit: 1_000)) == "error: cost limit exceeded")
        #expect(rendered(evaluate(source)) == "true")
    }

    @Test func noCalendarIsAnError() throws {
        let program = try CEL.compile(#"add_working_days(date("2017-09-29"), 1)"#, environment: CELEnvironment()).get()
        #expect(rendered(program.evaluate(CELActivation())) == "error: no working-day calendar")
    }
}
