/// bylaw's extensions: decimals, dates, working days and list aggregates.
extension Library {
    static let decimalFunctions: [CELFunction] = {
        let toDecimal = unary { value in
            switch value {
            case .decimal: return .success(value)
            case .int(let i): return .success(.decimal(CELDecimal(i)))
            case .uint(let u):
                return CELDecimal(significand: Int128(u), scale: 0).map { .success(.decimal($0)) }
                    ?? .failure(.overflow("decimal"))
            case .double(let d):
                return CELDecimal.fromDouble(d).map { .success(.decimal($0)) }
                    ?? error(.invalidArgument, "cannot convert \(CELValue.render(d)) to decimal")
            case .string(let s):
                return CELDecimal(s).map { .success(.decimal($0)) }
                    ?? error(.invalidArgument, "invalid decimal `\(s)`")
            default: return .failure(.noSuchOverload("decimal", [value]))
            }
        }
        let ratio = binary { x, y in
            guard let (a, b) = Operators.decimalPair(x, y) ?? intPair(x, y) else {
                return .failure(.noSuchOverload("ratio", [x, y]))
            }
            if b.significand == 0 { return .failure(.divisionByZero) }
            return CELDecimal.ratio(a, b).map { .success(.decimal($0)) } ?? .failure(.overflow("decimal"))
        }
        let round = binary { x, y in
            guard case .decimal(let d) = x, case .int(let places) = y else {
                return .failure(.noSuchOverload("round", [x, y]))
            }
            guard (0...Int64(CELDecimal.maxScale)).contains(places) else {
                return error(.invalidArgument, "`round` places must be between 0 and \(CELDecimal.maxScale)")
            }
            return CELDecimal.round(d, places: Int(places)).map { .success(.decimal($0)) }
                ?? .failure(.overflow("decimal"))
        }
        // `percent(0.9) == "90%"`: the value times a hundred, exactly, trailing zeros dropped, for messages.
        let percent = unary { value in
            let d: CELDecimal
            switch value {
            case .decimal(let x): d = x
            case .int(let i): d = CELDecimal(i)
            default: return .failure(.noSuchOverload("percent", [value]))
            }
            guard let raised = d.rescaled(to: max(d.scale, 2)),
                let hundredfold = CELDecimal(significand: raised.significand, scale: raised.scale - 2)
            else { return .failure(.overflow("decimal")) }
            return .success(.string(hundredfold.normalized.description + "%"))
        }
        return [
            CELFunction(
                name: "percent",
                overloads: [
                    overload("percent_decimal", [.decimal], .string, percent),
                    overload("percent_int", [.int], .string, percent),
                ]),
            CELFunction(
                name: "decimal",
                overloads: [CELType.decimal, .int, .uint, .double, .string].map {
                    overload("decimal_\($0)", [$0], .decimal, toDecimal)
                }),
            CELFunction(
                name: "ratio",
                overloads: [(CELType.decimal, CELType.decimal), (.decimal, .int), (.int, .decimal), (.int, .int)].map {
                    overload("ratio", [$0.0, $0.1], .decimal, ratio)
                }),
            CELFunction(name: "round", overloads: [overload("round_decimal", [.decimal, .int], .decimal, round)]),
        ]
    }()

    private static func intPair(_ x: CELValue, _ y: CELValue) -> (CELDecimal, CELDecimal)? {
        guard case .int(let a) = x, case .int(let b) = y else { return nil }
        return (CELDecimal(a), CELDecimal(b))
    }

    static let dateFunctions: [CELFunction] = {
        let toDate = unary { value in
            switch value {
            case .date: return .success(value)
            case .string(let s):
                return CELDate(iso: s).map { .success(.date($0)) }
                    ?? error(.invalidArgument, "invalid date `\(s)`; expected YYYY-MM-DD")
            default: return .failure(.noSuchOverload("date", [value]))
            }
        }
        func dateInt(_ name: String, _ f: @escaping @Sendable (CELDate, Int64) -> CELResult) -> CELFunction {
            CELFunction(
                name: name,
                overloads: [
                    overload(
                        name, [.date, .int], .date,
                        binary { x, y in
                            guard case .date(let d) = x, case .int(let n) = y else {
                                return .failure(.noSuchOverload(name, [x, y]))
                            }
                            return f(d, n)
                        })
                ])
        }
        func dateDate(_ name: String, _ f: @escaping @Sendable (CELDate, CELDate, CELEvalContext) -> CELResult)
            -> CELFunction
        {
            CELFunction(
                name: name,
                overloads: [
                    overload(name, [.date, .date], .int) { args, context in
                        guard args.count == 2, case .date(let a) = args[0], case .date(let b) = args[1] else {
                            return .failure(.noSuchOverload(name, args))
                        }
                        return f(a, b, context)
                    }
                ])
        }
        func dateField(_ name: String, _ f: @escaping @Sendable (CELDate) -> Int64) -> CELFunction {
            CELFunction(
                name: name,
                overloads: [
                    overload(
                        name, [.date], .int,
                        unary { value in
                            guard case .date(let d) = value else { return .failure(.noSuchOverload(name, [value])) }
                            return .success(.int(f(d)))
                        })
                ])
        }
        let range = Operators.dateRange
        return [
            CELFunction(
                name: "date",
                overloads: [
                    overload("date_string", [.string], .date, toDate), overload("date_date", [.date], .date, toDate),
                ]),
            CELFunction(
                name: "days",
                overloads: [
                    overload(
                        "days", [.int], .days,
                        unary { value in
                            guard case .int(let n) = value else { return .failure(.noSuchOverload("days", [value])) }
                            return .success(.days(n))
                        })
                ]),
            dateInt("add_months") { d, n in d.addingMonths(n).map { .success(.date($0)) } ?? .failure(range) },
            dateInt("add_years") { d, n in
                let (months, overflow) = n.multipliedReportingOverflow(by: 12)
                return overflow
                    ? .failure(range) : (d.addingMonths(months).map { .success(.date($0)) } ?? .failure(range))
            },
            dateDate("days_between") { a, b, _ in .success(.int(b.daysSinceEpoch - a.daysSinceEpoch)) },
            dateDate("years_between") { a, b, _ in .success(.int(a.wholeYears(until: b))) },
            dateDate("working_days_between") { a, b, context in WorkingDays.between(a, b, context) },
            dateDate("working_days_in") { a, b, context in
                // Inclusive at both ends: the days a <= d <= b, so an author never writes `a + days(-1)`.
                guard let before = a.addingDays(-1) else { return .failure(range) }
                if b < a { return .success(.int(0)) }
                return WorkingDays.between(before, b, context)
            },
            dateField("year") { Int64($0.year) },
            dateField("month") { Int64($0.month) },
            dateField("day") { Int64($0.day) },
            CELFunction(
                name: "weekday",
                overloads: [
                    overload(
                        "weekday", [.date], .int,
                        unary { value in
                            guard case .date(let d) = value else {
                                return .failure(.noSuchOverload("weekday", [value]))
                            }
                            return .success(.int(Int64(d.weekday)))
                        })
                ]),
            CELFunction(
                name: "add_working_days",
                overloads: [
                    overload("add_working_days", [.date, .int], .date) { args, context in
                        guard args.count == 2, case .date(let d) = args[0], case .int(let n) = args[1] else {
                            return .failure(.noSuchOverload("add_working_days", args))
                        }
                        return WorkingDays.add(d, n, context)
                    }
                ]),
        ]
    }()

    static let aggregateFunctions: [CELFunction] = {
        let a = CELType.typeParam("A")
        func sum(_ zero: CELValue) -> Impl {
            unary { value in
                guard case .list(let items) = value else { return .failure(.noSuchOverload("sum", [value])) }
                guard var total = items.first else { return .success(zero) }
                for item in items.dropFirst() {
                    switch Operators.add(total, item) {
                    case .success(let next): total = next
                    case .failure(let failure): return .failure(failure)
                    }
                }
                guard total.type.isNumeric else { return .failure(.noSuchOverload("sum", [value])) }
                return .success(total)
            }
        }
        func extreme(_ name: String, _ wanted: Int) -> Impl {
            unary { value in
                guard case .list(let items) = value else { return .failure(.noSuchOverload(name, [value])) }
                guard var best = items.first else { return error(.invalidArgument, "`\(name)` of an empty list") }
                for item in items.dropFirst() {
                    guard let order = celCompare(item, best) else {
                        return .failure(.noSuchOverload(name, [item, best]))
                    }
                    if order == wanted { best = item }
                }
                if items.count == 1, celCompare(best, best) == nil { return .failure(.noSuchOverload(name, [best])) }
                return .success(best)
            }
        }
        let sums: [(CELType, CELValue)] = [
            (.int, .int(0)), (.uint, .uint(0)), (.double, .double(0)), (.decimal, .decimal(CELDecimal(0))),
            (.dyn, .int(0)),
        ]
        return [
            CELFunction(name: "sum", overloads: sums.map { overload("sum_\($0.0)", [.list($0.0)], $0.0, sum($0.1)) }),
            CELFunction(name: "min", overloads: [overload("min", [.list(a)], a, extreme("min", -1))]),
            CELFunction(name: "max", overloads: [overload("max", [.list(a)], a, extreme("max", 1))]),
        ]
    }()
}

/// Working-day arithmetic over the host's calendar.
enum WorkingDays {
    static let maxSpan: Int64 = 3_660

    static func check(_ day: CELDate, _ calendar: any WorkingDayCalendar, _ observer: CELEvalObserver?) -> Result<
        Bool, CELEvalError
    > {
        guard let working = calendar.isWorkingDay(day) else {
            return .failure(
                CELEvalError(.calendarRange, message: "the working-day calendar does not cover `\(day)`"))
        }
        if let observer, calendar.isProvisional(day) { observer.noteProvisional(day) }
        return .success(working)
    }

    static let noCalendar = CELEvalError(.noCalendar, message: "no working-day calendar")

    /// The number of working days d with a < d ≤ b (negative when b < a).
    static func between(_ a: CELDate, _ b: CELDate, _ context: CELEvalContext) -> CELResult {
        guard let calendar = context.calendar else { return .failure(noCalendar) }
        if b < a { return between(b, a, context).map { if case .int(let n) = $0 { .int(-n) } else { $0 } } }
        let observer = calendar.hasProvisionalDays ? context.observer : nil
        guard b.daysSinceEpoch - a.daysSinceEpoch <= maxSpan * 10 else {
            return .failure(
                CELEvalError(.invalidArgument, message: "working-day span longer than \(maxSpan * 10) days")
            )
        }
        var count: Int64 = 0
        var day = a.daysSinceEpoch + 1
        while day <= b.daysSinceEpoch {
            guard let date = CELDate(daysSinceEpoch: day) else { return .failure(Operators.dateRange) }
            switch check(date, calendar, observer) {
            case .success(let working): if working { count += 1 }
            case .failure(let failure): return .failure(failure)
            }
            day += 1
        }
        return .success(.int(count))
    }

    /// The n-th working day after d (n ≥ 0; n = 0 gives d).
    static func add(_ d: CELDate, _ n: Int64, _ context: CELEvalContext) -> CELResult {
        guard let calendar = context.calendar else { return .failure(noCalendar) }
        let observer = calendar.hasProvisionalDays ? context.observer : nil
        guard n >= 0 else {
            return .failure(
                CELEvalError(.invalidArgument, message: "`add_working_days` needs a count of 0 or more"))
        }
        guard n <= maxSpan else {
            return .failure(
                CELEvalError(.invalidArgument, message: "`add_working_days` count above \(maxSpan)"))
        }
        var remaining = n
        var day = d
        while remaining > 0 {
            guard let next = day.addingDays(1) else { return .failure(Operators.dateRange) }
            day = next
            switch check(day, calendar, observer) {
            case .success(let working): if working { remaining -= 1 }
            case .failure(let failure): return .failure(failure)
            }
        }
        return .success(.date(day))
    }
}
