import BylawCEL
import Testing

/// `timestamp` and `duration`: parsing, arithmetic with range checks, comparisons, accessors in time zones.
@Suite struct TimeTests {
    @Test(
        arguments: [
            ("int of timestamp", "int(timestamp('2009-02-13T23:31:30Z'))", "1234567890"),
            ("string of timestamp", "string(timestamp('2009-02-13T23:31:30Z'))", #""2009-02-13T23:31:30Z""#),
            ("offset normalised to UTC", "string(timestamp('2025-01-02T10:00:00+08:00'))", #""2025-01-02T02:00:00Z""#),
            (
                "nanos kept", "string(timestamp('9999-12-31T23:59:59.999999999Z'))",
                #""9999-12-31T23:59:59.999999999Z""#
            ),
            ("fraction trimmed", "string(timestamp('2000-01-01T00:00:00.500Z'))", #""2000-01-01T00:00:00.5Z""#),
            ("timestamp from seconds", "timestamp(0) == timestamp('1970-01-01T00:00:00Z')", "true"),
            ("type of timestamp", "type(timestamp('2009-02-13T23:31:30Z'))", "google.protobuf.Timestamp"),
            ("year zero", "timestamp('0000-01-01T00:00:00Z')", "error"),
            ("year 10000", "timestamp('10000-01-01T00:00:00Z')", "error"),
            ("no zone", "timestamp('2009-02-13T23:31:30')", "error"),
            ("seconds out of range", "timestamp(253402300800)", "error"),
            ("string of duration", "string(duration('1000000s'))", #""1000000s""#),
            ("duration units", "duration('1h45m47s') == duration('6347s')", "true"),
            ("duration 36h", "duration('36h').getHours()", "36"),
            ("duration fraction", "string(duration('1.5s'))", #""1.5s""#),
            ("duration negative", "string(duration('-1ms'))", #""-0.001s""#),
            ("duration micro sign", "duration('1µs') == duration('1000ns')", "true"),
            ("duration zero", "duration('0') == duration('0s')", "true"),
            ("duration missing unit", "duration('10')", "error"),
            ("duration out of range", "duration('320000000000s')", "error"),
            ("type of duration", "type(duration('1s')) == google.protobuf.Duration", "true"),
            ("int of duration is nanoseconds", "int(duration('1.5s'))", "1500000000"),
        ])
    func conversions(name: String, source: String, expected: String) {
        #expect(Self.outcome(evaluate(source)) == expected, "\(name)")
    }

    @Test(
        arguments: [
            (
                "timestamp plus duration",
                "timestamp('2009-02-13T23:00:00Z') + duration('240s') == timestamp('2009-02-13T23:04:00Z')", "true"
            ),
            (
                "duration plus timestamp",
                "duration('120s') + timestamp('2009-02-13T23:01:00Z') == timestamp('2009-02-13T23:03:00Z')", "true"
            ),
            (
                "nanos carry",
                "timestamp('0001-01-01T00:00:01.999999999Z') + duration('999999999ns') == "
                    + "timestamp('0001-01-01T00:00:02.999999998Z')", "true"
            ),
            (
                "nanos borrow",
                "timestamp('0001-01-01T00:00:01.000000001Z') + duration('-999999999ns') == "
                    + "timestamp('0001-01-01T00:00:00.000000002Z')", "true"
            ),
            (
                "timestamp difference",
                "timestamp('2009-02-13T23:31:00Z') - timestamp('2009-02-13T23:29:00Z') == duration('120s')", "true"
            ),
            ("duration arithmetic", "duration('900s') - duration('42s') + duration('2s') == duration('860s')", "true"),
            ("negated duration", "-duration('5s') < duration('0s')", "true"),
            ("timestamp order", "timestamp('2009-02-13T23:00:00Z') < timestamp('2009-03-13T23:00:00Z')", "true"),
            ("duration order", "duration('300s') >= duration('200s')", "true"),
            ("under the first second", "timestamp('0001-01-01T00:00:00Z') + duration('-1ns')", "error"),
            ("past the last second", "timestamp('9999-12-31T23:59:59.999999999Z') + duration('1ns')", "error"),
            ("span too long", "timestamp('9999-12-31T23:59:59Z') - timestamp('0001-01-01T00:00:00Z')", "error"),
            ("duration sum overflows", "duration('9000000000s') + duration('9000000000s')", "error"),
            ("timestamp is never null", "dyn(timestamp(0)) == null", "false"),
            ("duration is never null", "dyn(duration('0s')) == null", "false"),
        ])
    func arithmetic(name: String, source: String, expected: String) {
        #expect(Self.outcome(evaluate(source)) == expected, "\(name)")
    }

    @Test(
        arguments: [
            ("getDate", "getDate()", "13"),
            ("getDayOfMonth", "getDayOfMonth()", "12"),
            ("getDayOfWeek", "getDayOfWeek()", "5"),
            ("getDayOfYear", "getDayOfYear()", "43"),
            ("getFullYear", "getFullYear()", "2009"),
            ("getHours", "getHours()", "23"),
            ("getMinutes", "getMinutes()", "31"),
            ("getMonth", "getMonth()", "1"),
            ("getSeconds", "getSeconds()", "30"),
            ("getDate in Sydney", "getDate('Australia/Sydney')", "14"),
            ("getDayOfMonth in US/Central", "getDayOfMonth('US/Central')", "12"),
            ("getDayOfMonth at +11:00", "getDayOfMonth('+11:00')", "13"),
            ("getFullYear at -09:30", "getFullYear('-09:30')", "2009"),
            ("getHours at unsigned 02:00", "getHours('02:00')", "1"),
            ("getMinutes in Kathmandu", "getMinutes('Asia/Kathmandu')", "16"),
            ("getHours in Shanghai", "getHours('Asia/Shanghai')", "7"),
            ("getSeconds at -00:00", "getSeconds('-00:00')", "30"),
            ("unknown zone", "getHours('Mars/Olympus')", "error"),
            ("a path is no zone", "getHours('../../etc/passwd')", "error"),
        ])
    func accessors(name: String, call: String, expected: String) {
        let source = "timestamp('2009-02-13T23:31:30Z').\(call)"
        #expect(Self.outcome(evaluate(source)) == expected, "\(name)")
    }

    @Test(
        arguments: [
            ("milliseconds of a timestamp", "timestamp('2009-02-13T23:31:20.123456789Z').getMilliseconds()", "123"),
            ("day before in St Johns", "timestamp('2009-02-13T02:00:00Z').getDayOfMonth('America/St_Johns')", "11"),
            ("day before at -02:30", "timestamp('2009-02-13T02:00:00Z').getDayOfMonth('-02:30')", "11"),
            ("duration hours", "duration('10000s').getHours()", "2"),
            ("duration minutes", "duration('3730s').getMinutes()", "62"),
            ("duration seconds", "duration('3730s').getSeconds()", "3730"),
            ("duration milliseconds component", "duration('123.321456789s').getMilliseconds()", "321"),
            ("date of a timestamp", "date(timestamp('2025-01-01T20:00:00Z'))", #"date("2025-01-01")"#),
            ("date in a time zone", "date(timestamp('2025-01-01T20:00:00Z'), 'Asia/Shanghai')", #"date("2025-01-02")"#),
            ("timestamp of a date", "string(timestamp(date('2017-09-15')))", #""2017-09-15T00:00:00Z""#),
            ("duration of days", "duration(days(2)) == duration('48h')", "true"),
        ])
    func moreAccessorsAndDates(name: String, source: String, expected: String) {
        #expect(Self.outcome(evaluate(source)) == expected, "\(name)")
    }

    @Test(
        arguments: [
            ("timestamp type", "timestamp('2009-02-13T23:31:30Z')", "google.protobuf.Timestamp"),
            ("difference type", "timestamp(1) - timestamp(0)", "google.protobuf.Duration"),
            ("accessor type", "duration('1s').getSeconds()", "int"),
            ("date bridge type", "date(timestamp(0), '+08:00')", "date"),
        ])
    func checkedTypes(name: String, source: String, expected: String) throws {
        let program = try CEL.compile(source, environment: CELEnvironment()).get()
        #expect(program.resultType.description == expected, "\(name)")
    }

    @Test func mixingTimestampAndDateIsACheckError() {
        guard
            case .failure(let issues) = CEL.compile("timestamp(0) < date('2017-01-01')", environment: CELEnvironment())
        else {
            Issue.record("expected a check error")
            return
        }
        #expect(issues.first?.code == "cel.no-matching-overload")
    }

    @Test func codecRoundTrips() throws {
        for source in ["timestamp('2009-02-13T23:31:30.25Z')", "duration('-1.5s')"] {
            guard case .success(let value) = evaluate(source) else {
                Issue.record("\(source) failed")
                continue
            }
            let decoded = try CELValueCodec.decodeText(CELValueCodec.encodeText(value))
            #expect(decoded.isIdentical(to: value), "\(source)")
        }
    }

    /// The rendered value, or just `error` (the conformance suite checks only that these fail).
    static func outcome(_ result: CELResult) -> String {
        if case .failure = result { return "error" }
        return rendered(result)
    }
}
