import BylawCEL
import Testing

/// Random and mutated expressions never crash and always end: parse, check and evaluate.
@Suite struct FuzzTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
    }

    static let pieces = [
        "x", "y", "1", "2u", "3.5", "-", "+", "*", "/", "%", "==", "!=", "<", ">=", "&&", "||", "!", "?", ":", "(", ")",
        "[", "]", "{", "}", ",", ".", "'s'", "b'b'", "r'\\d'", "\"\"\"t\"\"\"", "in", "null", "true", "size(", "has(",
        ".all(v,",
        ".exists(v,", ".map(v,", ".filter(v,", "v", "decimal('1.5')", "date('2017-01-31')", "days(3)", "add_months(",
        "ratio(",
        "'\\x4", "0x", "9223372036854775808", "matches('(a+)+$')", "count(", "if", "\u{1F600}", "//c\n", " ",
    ]

    static let seeds = [
        "x > 1 && y.all(v, v < 3) || size(y) == 0",
        "decimal('0.1') + 0.2 == 0.3 ? 'yes' : 'no'",
        "{'a': [1, 2u, 3.0]}['a'].exists(v, v == 2)",
        "add_months(date('2017-01-31'), 1) > date('2017-02-01') - days(1)",
        "y.map(v, v * 2).filter(v, v % 3 == 0).count(v, v > 1)",
    ]

    @Test func randomAndMutatedExpressionsTerminate() {
        var generator = Generator(state: 0xB1_1A_2017)
        var environment = CELEnvironment()
        environment.declare("x", .int)
        environment.declare("y", .list(.int))
        let activation = CELActivation(
            variables: ["x": .int(5), "y": .list([.int(1), .int(2), .int(3)])], costLimit: 10_000)
        var evaluated = 0
        for round in 0..<3_000 {
            var source: String
            if round % 2 == 0 {
                source = (0..<(1 + generator.next(25))).map { _ in Self.pieces[generator.next(Self.pieces.count)] }
                    .joined(separator: generator.next(2) == 0 ? " " : "")
            } else {
                var scalars = Array(Self.seeds[generator.next(Self.seeds.count)].unicodeScalars)
                for _ in 0..<(1 + generator.next(4)) {
                    let position = generator.next(scalars.count + 1)
                    switch generator.next(3) {
                    case 0 where !scalars.isEmpty && position < scalars.count: scalars.remove(at: position)
                    case 1:
                        scalars.insert(
                            contentsOf: Self.pieces[generator.next(Self.pieces.count)].unicodeScalars, at: position)
                    default: if position < scalars.count { scalars[position] = scalars[generator.next(scalars.count)] }
                    }
                }
                source = String(String.UnicodeScalarView(scalars))
            }
            for checked in [true, false] {
                if case .success(let program) = CEL.compile(source, environment: environment, checked: checked) {
                    _ = program.evaluate(activation)
                    _ = program.evaluateTraced(activation)
                    evaluated += 1
                }
            }
        }
        #expect(evaluated > 100)
    }
}
