import Foundation

/// `timestamp` and `duration`: conversions, the `get…` accessors with and without a time zone, and the bridge
/// to bylaw's `date`.
extension Library {
    static func invalid(_ message: String) -> CELResult { error(.invalidArgument, message) }

    static let timeFunctions: [CELFunction] = {
        let toTimestamp = unary { value in
            switch value {
            case .timestamp: return .success(value)
            case .string(let s):
                return CELTimestamp(rfc3339: s).map { .success(.timestamp($0)) }
                    ?? invalid("invalid timestamp `\(s)`: expected RFC 3339 within years 0001 to 9999")
            case .int(let seconds):
                return CELTimestamp(seconds: seconds).map { .success(.timestamp($0)) }
                    ?? .failure(Operators.timestampRange)
            case .date(let d): return .success(.timestamp(CELTimestamp(d)))
            default: return .failure(.noSuchOverload("timestamp", [value]))
            }
        }
        let toDuration = unary { value in
            switch value {
            case .duration: return .success(value)
            case .string(let s):
                return CELDuration(text: s).map { .success(.duration($0)) }
                    ?? invalid("invalid duration `\(s)`: expected a form such as `36h`, `1h30m` or `1.5s`")
            case .days(let n):
                let (nanos, overflow) = n.multipliedReportingOverflow(by: 86_400_000_000_000)
                return overflow
                    ? .failure(Operators.durationRange) : .success(.duration(CELDuration(nanoseconds: nanos)))
            default: return .failure(.noSuchOverload("duration", [value]))
            }
        }
        let toInt = unary { value in
            switch value {
            case .timestamp(let t): .success(.int(t.seconds))
            case .duration(let d): .success(.int(d.nanoseconds))
            default: .failure(.noSuchOverload("int", [value]))
            }
        }
        let toString = unary { value in
            switch value {
            case .timestamp(let t): .success(.string(t.description))
            case .duration(let d): .success(.string(d.description))
            default: .failure(.noSuchOverload("string", [value]))
            }
        }
        let toDate: Impl = { args, _ in
            guard let first = args.first, case .timestamp(let t) = first else {
                return .failure(.noSuchOverload("date", args))
            }
            var offset: Int64 = 0
            if args.count == 2 {
                guard case .string(let zone) = args[1] else { return .failure(.noSuchOverload("date", args)) }
                switch TimeZones.offset(zone, at: t.seconds) {
                case .success(let seconds): offset = seconds
                case .failure(let failure): return .failure(failure)
                }
            }
            let days = TimestampParts.parts(t.seconds, offset: offset).days
            return CELDate(daysSinceEpoch: days).map { .success(.date($0)) } ?? .failure(Operators.dateRange)
        }
        var functions = [
            CELFunction(
                name: "timestamp",
                overloads: [CELType.string, .int, .timestamp, .date].map {
                    overload("timestamp_\($0)", [$0], .timestamp, toTimestamp)
                }),
            CELFunction(
                name: "duration",
                overloads: [CELType.string, .duration, .days].map {
                    overload("duration_\($0)", [$0], .duration, toDuration)
                }),
            CELFunction(
                name: "int", overloads: [CELType.timestamp, .duration].map { overload("int_\($0)", [$0], .int, toInt) }),
            CELFunction(
                name: "string",
                overloads: [CELType.timestamp, .duration].map { overload("string_\($0)", [$0], .string, toString) }),
            CELFunction(
                name: "date",
                overloads: [
                    overload("date_timestamp", [.timestamp], .date, toDate),
                    overload("date_timestamp_string", [.timestamp, .string], .date, toDate),
                ]),
        ]
        for accessor in TimestampParts.Accessor.allCases {
            var overloads = [
                overload("timestamp_\(accessor.rawValue)", [.timestamp], .int, receiver: true, accessor.implementation),
                overload(
                    "timestamp_\(accessor.rawValue)_tz", [.timestamp, .string], .int, receiver: true,
                    accessor.implementation),
            ]
            if accessor.appliesToDurations {
                overloads.append(
                    overload(
                        "duration_\(accessor.rawValue)", [.duration], .int, receiver: true, accessor.implementation))
            }
            functions.append(CELFunction(name: accessor.rawValue, overloads: overloads))
        }
        return functions
    }()
}

/// The calendar and clock fields of a timestamp, in UTC or a time zone.
enum TimestampParts {
    static func parts(_ seconds: Int64, offset: Int64) -> (
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, days: Int64
    ) {
        CELTimestamp.parts(seconds, offset: offset)
    }

    enum Accessor: String, CaseIterable {
        case getFullYear, getMonth, getDate, getDayOfMonth, getDayOfWeek, getDayOfYear
        case getHours, getMinutes, getSeconds, getMilliseconds

        var appliesToDurations: Bool {
            switch self {
            case .getHours, .getMinutes, .getSeconds, .getMilliseconds: true
            default: false
            }
        }

        var implementation: Library.Impl {
            { args, _ in
                switch args.first {
                case .timestamp(let t)?:
                    var offset: Int64 = 0
                    if args.count == 2 {
                        guard case .string(let zone) = args[1] else {
                            return .failure(.noSuchOverload(rawValue, args))
                        }
                        switch TimeZones.offset(zone, at: t.seconds) {
                        case .success(let seconds): offset = seconds
                        case .failure(let failure): return .failure(failure)
                        }
                    }
                    guard args.count <= 2 else { return .failure(.noSuchOverload(rawValue, args)) }
                    return .success(.int(field(of: t, offset: offset)))
                case .duration(let d)? where args.count == 1 && appliesToDurations:
                    return .success(.int(field(of: d)))
                default:
                    return .failure(.noSuchOverload(rawValue, args))
                }
            }
        }

        /// The field as cel-spec numbers it: months, days of the month, of the week (Sunday 0) and of the year
        /// from 0, `getDate` from 1.
        func field(of t: CELTimestamp, offset: Int64) -> Int64 {
            let p = parts(t.seconds, offset: offset)
            switch self {
            case .getFullYear: return Int64(p.year)
            case .getMonth: return Int64(p.month - 1)
            case .getDate: return Int64(p.day)
            case .getDayOfMonth: return Int64(p.day - 1)
            case .getDayOfWeek: return ((p.days % 7) + 11) % 7  // 1970-01-01 was a Thursday (4).
            case .getDayOfYear: return p.days - CELDate.days(year: p.year, month: 1, day: 1)
            case .getHours: return Int64(p.hour)
            case .getMinutes: return Int64(p.minute)
            case .getSeconds: return Int64(p.second)
            case .getMilliseconds: return Int64(t.nanos / 1_000_000)
            }
        }

        /// A duration's whole hours, minutes or seconds, or the milliseconds within its second.
        func field(of d: CELDuration) -> Int64 {
            switch self {
            case .getHours: d.nanoseconds / 3_600_000_000_000
            case .getMinutes: d.nanoseconds / 60_000_000_000
            case .getSeconds: d.nanoseconds / 1_000_000_000
            default: d.nanoseconds % 1_000_000_000 / 1_000_000
            }
        }
    }
}

/// Time-zone offsets: fixed (`+08:00`, `-02:30`, `02:00`) or IANA names through Foundation's `TimeZone`.
enum TimeZones {
    /// The offset from UTC, in seconds, of `zone` at the instant `seconds`.
    static func offset(_ zone: String, at seconds: Int64) -> Result<Int64, CELEvalError> {
        if let fixed = fixedOffset(zone) { return .success(fixed) }
        // IANA names are letters, digits and `_ + - /`; anything else (a path) is refused before Foundation sees it.
        let allowed =
            zone.utf8.count <= 64 && !zone.contains("..")
            && zone.unicodeScalars.allSatisfy {
                Lexer.isIdentStart($0) || Lexer.isDigit($0) || "+-/".unicodeScalars.contains($0)
            }
        guard allowed, let timeZone = TimeZone(identifier: zone) else {
            return .failure(CELEvalError(.invalidArgument, message: "unknown time zone `\(zone)`"))
        }
        let instant = Date(timeIntervalSince1970: Double(seconds))
        return .success(Int64(timeZone.secondsFromGMT(for: instant)))
    }

    /// `±HH:MM` or `HH:MM`, hours up to 23.
    static func fixedOffset(_ zone: String) -> Int64? {
        var b = Array(zone.utf8)[...]
        var sign: Int64 = 1
        if let first = b.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            sign = first == UInt8(ascii: "-") ? -1 : 1
            b = b.dropFirst()
        }
        let d = Array(b)
        guard d.count == 5, d[2] == UInt8(ascii: ":"),
            [0, 1, 3, 4].allSatisfy({ d[$0] >= 48 && d[$0] <= 57 })
        else { return nil }
        let hours = Int64(d[0] - 48) * 10 + Int64(d[1] - 48)
        let minutes = Int64(d[3] - 48) * 10 + Int64(d[4] - 48)
        guard hours < 24, minutes < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }
}
