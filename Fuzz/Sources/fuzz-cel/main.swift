import BylawCEL
import FuzzSupport

/// A decision-shaped object and a few loose variables, one of each type the checker knows.
let environment: CELEnvironment = {
    let asset = CELObjectType(
        name: "asset", fields: [("name", .string), ("book_value", .decimal), ("acquired", .date)])
    let decision = CELObjectType(
        name: "decision",
        fields: [
            ("id", .string), ("date", .date), ("amount", .decimal), ("count", .int), ("share", .double),
            ("seats", .uint), ("approved", .bool), ("digest", .bytes), ("asset", .object(asset)),
            ("tags", .list(.string)), ("votes", .map(.string, .int)), ("notice", .days),
        ])
    var environment = CELEnvironment()
    environment.declare("decision", .object(decision))
    for (name, type) in [
        ("x", CELType.int), ("u", .uint), ("f", .double), ("s", .string), ("b", .bool), ("d", .date), ("n", .decimal),
        ("l", .list(.int)), ("m", .map(.string, .dyn)), ("v", .dyn), ("z", .null),
    ] {
        environment.declare(name, type)
    }
    return environment
}()

/// Values for the variables, so that what compiles also runs (on a small budget, with the shipped calendar).
let activation: CELActivation = {
    let day = CELDate(year: 2024, month: 2, day: 29).map(CELValue.date) ?? .null
    let amount = CELDecimal("12345.67").map(CELValue.decimal) ?? .null
    let decision = CELMap(distinctStringKeys: [
        (key: "id", value: .string("ZC-2024-0001")), (key: "date", value: day), (key: "amount", value: amount),
        (key: "count", value: .int(7)), (key: "share", value: .double(0.5)), (key: "seats", value: .uint(9)),
        (key: "approved", value: .bool(true)), (key: "digest", value: .bytes([0, 0xFF])),
        (
            key: "asset",
            value: .map(
                CELMap(distinctStringKeys: [
                    (key: "name", value: .string("车")), (key: "book_value", value: amount),
                    (key: "acquired", value: day),
                ]))
        ),
        (key: "tags", value: .list([.string("a"), .string("")])),
        (key: "votes", value: .map(CELMap(distinctStringKeys: [(key: "yes", value: .int(5))]))),
        (key: "notice", value: .days(5)),
    ])
    return CELActivation(
        variables: [
            "decision": .map(decision), "x": .int(Int64.max), "u": .uint(UInt64.max), "f": .double(-0.0),
            "s": .string("é\u{202E}x"), "b": .bool(false), "d": day, "n": amount,
            "l": .list([.int(Int64.min), .int(0), .int(1)]),
            "m": .map(CELMap(distinctStringKeys: [(key: "k", value: .list([]))])), "v": .int(-1), "z": .null,
        ], calendar: Fixtures.calendar, costLimit: 10_000)
}()

// One expression: parsed, checked against the environment, planned and evaluated; and again unchecked, where
// every mistake the checker would have caught must become an evaluation error.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCEL(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let source = String(decoding: inputBytes(data, size), as: UTF8.self)
    for checked in [true, false] {
        if case .success(let program) = CEL.compile(source, environment: environment, checked: checked) {
            _ = program.evaluate(activation)
        }
    }
    return 0
}

runFuzzer(fuzzCEL)
