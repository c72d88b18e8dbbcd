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
        "buyer": .map(try! CELMap([(.string("related"), .bool(true))])),
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
}
