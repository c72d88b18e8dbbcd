import BylawCEL

/// A calendar where Monday to Friday are working days, for any year.
private struct WeekdayCalendar: WorkingDayCalendar {
    func isWorkingDay(_ day: CELDate) -> Bool? { day.weekday <= 5 }
}

private func program(_ source: String, _ environment: CELEnvironment) -> CELProgram? {
    switch CEL.compile(source, environment: environment) {
    case .success(let program): return program
    case .failure(let issues):
        print("cannot compile `\(source)`: \(issues)")
        return nil
    }
}

/// CEL evaluation figures (issue: CEL in Swift).
func benchCEL() {
    let asset = CELObjectType(
        name: "Asset", fields: [("book_value", .int), ("appraised", .decimal), ("proceeds", .decimal)])
    var environment = CELEnvironment()
    environment.declare("x", .int)
    environment.declare("asset", .object(asset))
    environment.declare("items", .list(.int))
    environment.declare("start", .date)
    guard let appraised = CELDecimal("650000.00"), let proceeds = CELDecimal("590000.00"),
        let map = try? CELMap([
            (.string("book_value"), .int(650_000)), (.string("appraised"), .decimal(appraised)),
            (.string("proceeds"), .decimal(proceeds)),
        ]),
        let start = CELDate(iso: "2017-01-01")
    else { return }
    let activation = CELActivation(
        variables: [
            "x": .int(7), "asset": .map(map), "items": .list((1...10).map { .int($0) }), "start": .date(start),
        ],
        calendar: WeekdayCalendar())
    let cases: [(String, String)] = [
        ("single comparison `x > 5`", "x > 5"),
        ("field comparison `asset.book_value >= 500000`", "asset.book_value >= 500000"),
        ("10-element `all`", "items.all(i, i > 0)"),
        ("decimal multiply-and-compare", "asset.proceeds >= 0.9 * asset.appraised"),
        ("working days over a year", "working_days_between(start, start + days(365))"),
    ]
    for (name, source) in cases {
        guard let compiled = program(source, environment) else { continue }
        measure(name) { blackHole(compiled.evaluate(activation)) }
    }
}
