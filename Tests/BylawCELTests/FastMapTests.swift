import BylawCEL
import Testing

/// `map` over one variable on the fast plan against the interpreter: the same values, the same errors, and the
/// same cost limits met at the same place.
@Suite struct FastMapTests {
    static let variables: [String: CELValue] = [
        "xs": .list([.int(1), .int(2), .int(3)]),
        "mixed": .list([.int(1), .string("a")]),
        "people": .list([
            .map((try? CELMap([(.string("name"), .string("甲"))])) ?? CELMap()),
            .map((try? CELMap([(.string("name"), .string("乙"))])) ?? CELMap()),
        ]),
        "m": .map((try? CELMap([(.string("k1"), .int(1)), (.string("k2"), .int(2))])) ?? CELMap()),
        "empty": .list([]),
        "names": .list([.string("甲"), .string("乙"), .string("e\u{301}")]),
    ]

    static let names = variables.keys.sorted()
    static let layout = CELLayout(names)

    /// The variables in a frame, as a rule set lays out a decision's fields: the fast plan reads slots.
    static func environment() -> CELEnvironment {
        var e = CELEnvironment()
        for name in names { e.declare(name, .dyn) }
        e.layout = layout
        return e
    }

    static func activation(costLimit: Int) -> CELActivation {
        var a = CELActivation(costLimit: costLimit)
        var frame = layout.frame()
        for (k, name) in names.enumerated() { frame.values[k] = variables[name] }
        a.frame = frame
        return a
    }

    @Test(arguments: [
        "xs.map(x, x * 2)", "people.map(p, p.name)", "m.map(k, k)", "empty.map(x, x)", "xs.map(x, x / 0)",
        "mixed.map(x, x + 1)", "xs.map(x, xs.map(y, x + y))", "people.map(p, p.age)", "xs.map(x, x > 1 ? x : 0)",
        "size(xs.map(x, x)) == 3", "xs.map(x, x, x * 10)", "'甲' in people.map(p, p.name)",
    ])
    func theFastPlanAgreesWithTheInterpreter(source: String) throws {
        let program = try CEL.compile(source, environment: Self.environment()).get()
        for limit in [CELActivation.defaultCostLimit, 2, 5, 9] {
            var fast = Self.activation(costLimit: limit)
            fast.fastPath = true
            var reference = fast
            reference.fastPath = false
            let a = program.evaluate(fast)
            let b = program.evaluate(reference)
            #expect("\(a)" == "\(b)", "\(source) with cost limit \(limit)")
        }
    }

    @Test func aMapOfOneVariableHasAFastPlan() throws {
        #expect(try CEL.compile("xs.map(x, x * 2)", environment: Self.environment()).get().hasFastPath)
        let doubled = try CEL.compile("xs.map(x, x * 2)", environment: Self.environment()).get()
            .evaluate(Self.activation(costLimit: CELActivation.defaultCostLimit))
        #expect(doubled == .success(.list([.int(2), .int(4), .int(6)])))
    }
}
