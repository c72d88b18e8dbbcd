import BylawCEL
import BylawDiagnostics
import BylawYAML

/// A working-day calendar: weekends, public holidays and make-up working days, over a known span.
/// Days outside the span are unknown (`nil`), so a rule never guesses.
public struct WorkingCalendar: WorkingDayCalendar, Sendable {
    public let name: String
    /// The file it was read from, for messages and the audit trail.
    public let file: String
    let weekend: Set<Int>
    let holidays: Set<Int>
    let workdays: Set<Int>
    let first: Int
    let last: Int
    /// Years whose make-up working days are not yet announced: their statutory holidays are listed, but a count
    /// over them may change when the year's arrangement is published.
    public let provisionalYears: Set<Int>

    /// The first day the calendar covers.
    public var firstDay: CELDate? { CELDate(daysSinceEpoch: Int64(first)) }
    /// The last day the calendar covers, provisional years included.
    public var lastDay: CELDate? { CELDate(daysSinceEpoch: Int64(last)) }
    /// The last covered day before the first provisional year at or after the start: where the calendar's
    /// confirmed coverage ends.
    public var confirmedUntil: CELDate? {
        guard let lastDay else { return nil }
        guard let firstProvisional = provisionalYears.min(),
            let start = CELDate(year: firstProvisional, month: 1, day: 1),
            let before = CELDate(daysSinceEpoch: start.daysSinceEpoch - 1)
        else { return lastDay }
        return min(before, lastDay)
    }

    public var hasProvisionalDays: Bool { !provisionalYears.isEmpty }

    public func isProvisional(_ day: CELDate) -> Bool { provisionalYears.contains(day.year) }

    public func isWorkingDay(_ day: CELDate) -> Bool? {
        let n = DayNumber.of(day)
        guard n >= first, n <= last else { return nil }
        if workdays.contains(n) { return true }
        if holidays.contains(n) { return false }
        return !weekend.contains(DayNumber.weekday(n))
    }

    static let weekdayNames = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    ]

    /// Reads a calendar file; problems are diagnostics.
    public static func load(path: String) -> Result<WorkingCalendar, LoadFailure> {
        load(path: path) { (path) throws(YAMLLoadError) in try YAMLLoader.load(path: path, limits: .ruleSet) }
    }

    /// Reads a calendar through `reading`, which gives the document at a path.
    static func load(path: String, reading: (String) throws(YAMLLoadError) -> YAMLNode) -> Result<
        WorkingCalendar, LoadFailure
    > {
        let root: YAMLNode
        do {
            root = try reading(path)
        } catch {
            return .failure(LoadFailure(diagnostics: error.diagnostics))
        }
        var diags: [Diagnostic] = []
        let cal = parse(root, file: path, into: &diags)
        if let cal, !diags.hasErrors { return .success(cal) }
        return .failure(LoadFailure(diagnostics: diags))
    }

    static func parse(_ root: YAMLNode, file: String, into diags: inout [Diagnostic]) -> WorkingCalendar? {
        guard var f = Fields(root, what: "a calendar", into: &diags) else { return nil }
        let name = f.string("calendar", required: true, in: "a calendar", into: &diags) ?? ""
        _ = f.string("title", required: false, in: "", into: &diags)
        _ = f.string("source", required: false, in: "", into: &diags)
        _ = f.string("description", required: false, in: "", into: &diags)
        var weekend: Set<Int> = [6, 7]
        if let w = f.optional("weekend") {
            weekend = []
            for item in w.sequence ?? [] {
                guard let t = item.scalar?.text, let d = weekdayNames[t.lowercased()] else {
                    diags.append(
                        .error("calendar.bad-weekday", "weekend days are names such as `saturday`", at: item.location))
                    continue
                }
                weekend.insert(d)
            }
        }
        var first = Int.max
        var last = Int.min
        if let covers = f.required("covers", in: "a calendar", into: &diags),
            var c = Fields(covers, what: "`covers`", into: &diags)
        {
            first = day(c.required("from", in: "`covers`", into: &diags), into: &diags) ?? first
            last = day(c.required("until", in: "`covers`", into: &diags), into: &diags) ?? last
            c.reportUnknownKeys(in: "`covers`", into: &diags)
        }
        var holidays: Set<Int> = []
        var workdays: Set<Int> = []
        var provisionalYears: Set<Int> = []
        for year in f.required("years", in: "a calendar", into: &diags)?.sequence ?? [] {
            guard var y = Fields(year, what: "a year", into: &diags) else { continue }
            let number = y.required("year", in: "a year", into: &diags)
            _ = y.string("notice", required: false, in: "", into: &diags)
            if let p = y.optional("provisional") {
                switch p.scalar?.boolValue {
                case true?:
                    if let text = number?.scalar?.text, let n = Int(text), (1...9999).contains(n) {
                        provisionalYears.insert(n)
                    } else {
                        diags.append(
                            .error(
                                "calendar.bad-year", "a provisional year needs its `year` as a number such as 2027",
                                at: (number ?? p).location))
                    }
                case false?: break
                case nil:
                    diags.append(
                        .error("calendar.bad-provisional", "`provisional` is `true` or `false`", at: p.location))
                }
            }
            for h in y.optional("holidays")?.sequence ?? [] {
                guard var hf = Fields(h, what: "a holiday", into: &diags) else { continue }
                _ = hf.string("name", required: true, in: "a holiday", into: &diags)
                let from = day(hf.required("from", in: "a holiday", into: &diags), into: &diags)
                let to = day(hf.required("to", in: "a holiday", into: &diags), into: &diags)
                hf.reportUnknownKeys(in: "a holiday", into: &diags)
                guard let from, let to else { continue }
                if to < from {
                    diags.append(.error("calendar.bad-range", "a holiday ends before it starts", at: h.location))
                    continue
                }
                for n in from...to { holidays.insert(n) }
            }
            for w in y.optional("workdays")?.sequence ?? [] {
                guard var wf = Fields(w, what: "a workday", into: &diags) else { continue }
                let d = day(wf.required("date", in: "a workday", into: &diags), into: &diags)
                _ = wf.string("for", required: false, in: "", into: &diags)
                wf.reportUnknownKeys(in: "a workday", into: &diags)
                if let d { workdays.insert(d) }
            }
            y.reportUnknownKeys(in: "a year", into: &diags)
        }
        f.reportUnknownKeys(in: "a calendar", into: &diags)
        guard first <= last else { return nil }
        return WorkingCalendar(
            name: name, file: file, weekend: weekend, holidays: holidays, workdays: workdays, first: first, last: last,
            provisionalYears: provisionalYears)
    }

    private static func day(_ node: YAMLNode?, into diags: inout [Diagnostic]) -> Int? {
        guard let node else { return nil }
        guard let text = node.scalar?.text, let d = DecisionTyper.date(text) else {
            diags.append(.error("calendar.bad-date", "dates are written YYYY-MM-DD", at: node.location))
            return nil
        }
        return DayNumber.of(d)
    }
}
