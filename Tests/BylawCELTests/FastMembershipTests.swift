import Testing

@testable import BylawCEL

/// `in` on the fast plan against the interpreter: the same answers, the same errors and the same cost limits,
/// for lists of strings, of mixed values, for maps and for operands that fail.
@Suite struct FastMembershipTests {
    @Test(arguments: [
        "'a' in mixed", "1 in mixed", "1.0 in xs", "1u in xs", "4 in xs", "'1' in xs", "'k1' in m", "'zz' in m",
        "1 in m", "xs in xs", "[1, 2, 3] in [xs]", "'a' in m.k1", "(1 / 0) in xs", "1 in xs[5]", "'甲' in names",
        "'乙' in names", "'e\\u0301' in names", "'\\u00e9' in names", "!('a' in mixed)", "'a' in mixed || 1 / 0 == 1",
        "'zz' in mixed && 1 / 0 == 1", "'甲' in people.map(p, p.name)", "null in mixed", "'a' in empty",
        "1.0 in {1: 'x'}", "2u in {2: 'y'}", "1.5 in {1: 'x'}", "(0.0 / 0.0) in [0.0 / 0.0]", "(0.0 / 0.0) in [1.0]",
        "'a' in {'a': 1}", "true in {true: 1}", "1 in [1u]", "1 in [1.0]", "[1] in [[1.0]]",
    ])
    func theFastPlanAgreesWithTheInterpreter(source: String) throws {
        let program = try CEL.compile(source, environment: FastMapTests.environment()).get()
        for limit in [CELActivation.defaultCostLimit, 0, 1, 2, 3, 5, 9] {
            var fast = FastMapTests.activation(costLimit: limit)
            fast.fastPath = true
            var reference = fast
            reference.fastPath = false
            #expect("\(program.evaluate(fast))" == "\(program.evaluate(reference))", "\(source), cost limit \(limit)")
        }
    }

    /// The fast plan answers a plain membership itself rather than passing it to the interpreter.
    @Test func aStringInAListOfStringsIsSettledOnTheFastPlan() throws {
        let program = try CEL.compile("'乙' in names", environment: FastMapTests.environment()).get()
        #expect(program.hasFastPath)
        var interpreted = 0
        let result = program.evaluate(FastMapTests.activation(costLimit: 100), interpreted: &interpreted)
        #expect(result == .success(.bool(true)))
        #expect(interpreted == 0)
    }
}

/// A decoded object's member looked up first where the schema puts it: whatever the guess, the answer is the
/// full lookup's.
@Suite struct MapHintTests {
    @Test(arguments: [0, 1, 5, 32, 33, 50])
    func everyHintGivesTheLookupsAnswer(size: Int) {
        let entries = (0..<size).map { (key: CELValue.string("field_\($0)"), value: CELValue.int(Int64($0))) }
        let map = CELMap(distinctStringKeys: entries)
        let names = (0..<size).map { "field_\($0)" } + ["missing", ""]
        for name in names {
            for hint in -2...(size + 2) {
                #expect(map.value(named: name, hint: hint) == map[.string(name)], "\(name) at \(hint)")
            }
        }
    }

    /// Maps built entry by entry (below and above the size that builds an index), and a key at the hint that is
    /// not a string.
    @Test(arguments: [4, 9, 12])
    func mapsBuiltByInsertionToo(size: Int) throws {
        var map = CELMap()
        try map.insert(.int(1), .string("one"))
        for k in 0..<size { try map.insert(.string("f\(k)"), .int(Int64(k))) }
        for name in (0..<size).map({ "f\($0)" }) + ["missing"] {
            for hint in -1...(size + 2) {
                #expect(map.value(named: name, hint: hint) == map[.string(name)], "\(name) at \(hint)")
            }
        }
        #expect(map.value(named: "f0", hint: 0) == .int(0), "the int key at 0 is passed over")
    }

    /// A name equal only under Unicode equivalence is not the member, at the hint or anywhere else.
    @Test func theHintComparesCodePoints() {
        let map = CELMap(distinctStringKeys: [(key: CELValue.string("caf\u{E9}"), value: CELValue.int(1))])
        #expect(map.value(named: "caf\u{E9}", hint: 0) == .int(1))
        #expect(map.value(named: "cafe\u{301}", hint: 0) == nil)
    }
}
