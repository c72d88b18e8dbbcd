import BylawCEL
import Testing

/// The math extension: extremes over mixed numbers, rounding, abs and sign, floating-point tests, bits.
@Suite struct MathExtensionTests {
    @Test(
        arguments: [
            ("greatest of one", "math.greatest(5)", "5"),
            ("greatest of several", "math.greatest(1, 5, 3)", "5"),
            ("greatest mixed keeps the type", "math.greatest(1, 2.5, 2u)", "2.5"),
            ("greatest of a list", "math.greatest([3u, 9u, 4u])", "9u"),
            ("greatest of decimals", "math.greatest(decimal('1.10'), decimal('1.2'))", #"decimal("1.2")"#),
            ("least of several", "math.least(-1, 0, -3)", "-3"),
            ("least of an empty list", "math.least([])", "error: `math.least` of an empty list"),
            ("ceil", "math.ceil(1.2)", "2.0"),
            ("floor negative", "math.floor(-1.2)", "-2.0"),
            ("round half away from zero", "math.round(-2.5)", "-3.0"),
            ("trunc", "math.trunc(-2.7)", "-2.0"),
            ("abs int", "math.abs(-4)", "4"),
            ("abs overflow", "math.abs(-9223372036854775808)", "error: int overflow"),
            ("abs double", "math.abs(-0.5)", "0.5"),
            ("sign int", "math.sign(-7)", "-1"),
            ("sign uint", "math.sign(0u)", "0u"),
            ("sign double", "math.sign(2.5)", "1.0"),
            ("isNaN", "math.isNaN(0.0 / 0.0)", "true"),
            ("isInf", "math.isInf(1.0 / 0.0)", "true"),
            ("isFinite", "math.isFinite(1.0)", "true"),
            ("bitAnd", "math.bitAnd(6, 3)", "2"),
            ("bitOr uint", "math.bitOr(4u, 1u)", "5u"),
            ("bitXor", "math.bitXor(6, 3)", "5"),
            ("bitNot", "math.bitNot(0)", "-1"),
            ("shift left", "math.bitShiftLeft(1, 4)", "16"),
            ("shift left past the width", "math.bitShiftLeft(1, 64)", "0"),
            ("shift right of an int is arithmetic", "math.bitShiftRight(-1024, 3)", "-128"),
            ("shift right of a negative int past the width", "math.bitShiftRight(-1024, 64)", "-1"),
            ("shift left of a negative int past the width", "math.bitShiftLeft(-1, 200)", "0"),
            ("bitXor with a negative", "math.bitXor(4, -2)", "-6"),
            ("bitNot uint", "math.bitNot(0u)", "18446744073709551615u"),
            (
                "greatest of mixed with int max", "math.greatest(5.4, 10, 3u, -5.0, 9223372036854775807)",
                "9223372036854775807"
            ),
            ("least of a mixed dyn list", "math.least([dyn(5.4), dyn(10u), dyn(3u), dyn(1u), dyn(3.5)])", "1u"),
            ("greatest tie keeps the first", "math.greatest(1u, 1)", "1u"),
            ("ceil of dyn int", "math.ceil(dyn(1))", "error: no such overload: `math.ceil` applied to `(int)`"),
            ("shift right uint", "math.bitShiftRight(256u, 4)", "16u"),
            ("negative shift", "math.bitShiftLeft(1, -1)", "error: `math.bitShiftLeft` of a negative offset -1"),
        ])
    func math(name: String, source: String, expected: String) {
        #expect(rendered(evaluate(source)) == expected, "\(name)")
    }

    @Test(
        arguments: [
            ("greatest of ints", "math.greatest(1, 2)", "int"),
            ("greatest mixed", "math.greatest(1, 2.0)", "dyn"),
            ("ceil", "math.ceil(1.5)", "double"),
            ("bit operation", "math.bitAnd(1u, 3u)", "uint"),
        ])
    func checkedTypes(name: String, source: String, expected: String) throws {
        let program = try CEL.compile(source, environment: CELEnvironment()).get()
        #expect(program.resultType.description == expected, "\(name)")
    }

    @Test(
        arguments: [
            ("greatest of strings", "math.greatest('a', 'b')"),
            ("ceil of an int", "math.ceil(1)"),
            ("unknown math function", "math.cube(2)"),
        ])
    func checkErrors(name: String, source: String) {
        guard case .failure = CEL.compile(source, environment: CELEnvironment()) else {
            Issue.record("\(name): expected a check error")
            return
        }
    }

    @Test func aVariableNamedMathIsNotTheNamespace() {
        var environment = CELEnvironment()
        environment.declare("math", .map(.string, .int))
        let result = evaluate(
            "math.greatest", environment,
            variables: ["math": .map(CELMap(distinctStringKeys: [(key: "greatest", value: .int(3))]))])
        #expect(rendered(result) == "3")
    }
}
