import BylawCEL
import Testing

/// Programs compiled with a layout read variables from the activation's frame by slot, and give the same
/// results as when the values come by name: from a frame of another layout, or from `variables`.
@Suite struct FrameTests {
    static let layout = CELLayout(["amount", "limit", "buyer", "amount"])

    static func environment(layout: CELLayout?) -> CELEnvironment {
        var env = CELEnvironment()
        env.declare("amount", .int)
        env.declare("limit", .int)
        env.declare("buyer", .map(.string, .dyn))
        env.layout = layout
        return env
    }

    static func program(_ source: String, layout: CELLayout? = layout) throws -> CELProgram {
        try CEL.compile(source, environment: environment(layout: layout)).get()
    }

    static let values: [String: CELValue] = [
        "amount": .int(120), "limit": .int(100),
        "buyer": .map((try? CELMap([(.string("related"), .bool(true))])) ?? CELMap()),
    ]

    static func framed(_ layout: CELLayout, _ values: [String: CELValue]) -> CELActivation {
        var activation = CELActivation()
        activation.frame = layout.frame()
        for (name, value) in values { activation.bind(name, to: value) }
        return activation
    }

    @Test func repeatedNameKeepsItsFirstSlot() {
        #expect(Self.layout.names == ["amount", "limit", "buyer"])
        #expect(Self.layout.slot("buyer") == 2)
        #expect(Self.layout.slot("nope") == nil)
    }

    @Test(arguments: [
        ("amount > limit && buyer.related", "true"),
        ("amount - limit", "20"),
        ("has(buyer.related) && !has(buyer.name)", "true"),
        ("[1, 2].exists(amount, amount > 1) && amount == 120", "true"),
    ])
    func sameResultWhereverTheValuesAre(source: String, expected: String) throws {
        let program = try Self.program(source)
        let otherLayout = CELLayout(["buyer", "zzz", "limit", "amount"])
        let activations = [
            Self.framed(Self.layout, Self.values),
            Self.framed(otherLayout, Self.values),
            CELActivation(variables: Self.values),
        ]
        for activation in activations {
            #expect(rendered(program.evaluate(activation)) == expected)
        }
        let unlaid = try Self.program(source, layout: nil)
        #expect(rendered(unlaid.evaluate(Self.framed(Self.layout, Self.values))) == expected)
    }

    @Test func bindOutsideTheLayoutGoesToVariables() {
        var activation = Self.framed(Self.layout, [:])
        activation.bind("extra", to: .int(7))
        activation.bind("amount", to: .int(1))
        #expect(activation.variables["extra"] == .int(7))
        #expect(activation.variables["amount"] == nil)
        #expect(activation.frame?.values[0] == .int(1))
        #expect(activation[variable: "extra"] == .int(7))
        #expect(activation[variable: "amount"] == .int(1))
        #expect(activation[variable: "limit"] == nil)
    }

    @Test func emptySlotFallsBackToVariablesThenFails() throws {
        let program = try Self.program("amount + limit")
        var activation = Self.framed(Self.layout, ["amount": .int(2)])
        activation.variables["limit"] = .int(3)
        #expect(rendered(program.evaluate(activation)) == "5")
        activation.variables["limit"] = nil
        #expect(rendered(program.evaluate(activation)) == "error: no value for variable `limit`")
    }

    @Test func aFrameValueWinsOverTheSameNameInVariables() throws {
        let program = try Self.program("amount")
        var activation = Self.framed(Self.layout, ["amount": .int(2)])
        activation.variables["amount"] = .int(99)
        #expect(rendered(program.evaluate(activation)) == "2")
    }

    /// A layout that mirrors `decision` reads `decision.f` and `has(decision.f)` from `f`'s slot; any other
    /// activation (no frame, or a frame without `decision`) reads the map. Both give the same answers, errors
    /// included, for present, absent and undeclared fields.
    @Test func aMirroredObjectIsReadFromTheSlotsWithTheMapsAnswers() throws {
        let layout = CELLayout(["amount", "limit", "decision"], mirroring: "decision", fields: 2)
        var env = CELEnvironment()
        env.declare("amount", .int)
        env.declare("limit", .int)
        env.declare("decision", .map(.string, .dyn))
        env.layout = layout
        let decision = CELMap(distinctStringKeys: [("amount", .int(120))])
        let sources = [
            "has(decision.amount)", "has(decision.limit)", "decision.amount", "decision.limit",
            "has(decision.other)", "decision.other", "[1, 2].exists(decision, decision == 2)",
        ]
        var mirrored = CELActivation()
        mirrored.frame = layout.frame()
        mirrored.bind("amount", to: .int(120))
        mirrored.bind("decision", to: .map(decision))
        let plain = CELActivation(variables: ["amount": .int(120), "decision": .map(decision)])
        var withoutObject = CELActivation()
        withoutObject.frame = layout.frame()
        withoutObject.variables["decision"] = .map(decision)
        let expected = [
            "true", "false", "120", "error: no such key `limit`", "false",
            "error: no such key `other`", "true",
        ]
        for (source, answer) in zip(sources, expected) {
            let program = try CEL.compile(source, environment: env).get()
            #expect(rendered(program.evaluate(mirrored)) == answer, "\(source)")
            #expect(rendered(program.evaluate(plain)) == answer, "\(source) without a frame")
            #expect(rendered(program.evaluate(withoutObject)) == answer, "\(source) with `decision` outside the frame")
        }
        // The slot is what is read: a frame that broke the promise would show it.
        var broken = mirrored
        broken.bind("limit", to: .int(1))
        #expect(rendered(try CEL.compile("has(decision.limit)", environment: env).get().evaluate(broken)) == "true")
    }
}
