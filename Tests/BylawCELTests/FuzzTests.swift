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

    static let extensionPieces = [
        "s", "l", "m", "t", "d", "i", "v", "0", "-1", "30", "9223372036854775807", "-9223372036854775808", "(", ")",
        "[", "]", "{", "}", ",", ":", ".", "+", "-", "==", "<", "&&", "'%s %d %.3f %x %b %e %o %X %%'", "'©αT'", "''",
        ".charAt(", ".indexOf(", ".lastIndexOf(", ".substring(", ".split(", ".replace(", ".join(", ".format([",
        ".trim()", ".reverse()", ".lowerAscii()", "strings.quote(", "math.greatest(", "math.least(", "math.abs(",
        "math.bitShiftLeft(", "math.bitShiftRight(", "math.round(", "timestamp('2009-02-13T23:31:30Z')",
        "timestamp(253402300799)", "duration('-1.5h')", "duration('9223372036s')", ".getHours('Asia/Shanghai')",
        ".getDayOfYear(", ".getMilliseconds()", "'+14:00'", "date(", "int(", "string(", ".transformMap(i, v,",
        ".transformList(i, v,", ".transformMapEntry(i, v,", ".all(i, v,", ".existsOne(i, v,", ".`a-b`", "b'\\xff'",
    ]

    static let extensionSeeds = [
        "s.indexOf('a', 1) + s.lastIndexOf('b') < s.split(',', 2).size()",
        "'%s: %.2f'.format([l.transformList(i, v, v * i), 1.005]) == strings.quote(s.replace('a', 'b', -1))",
        "math.greatest(l) > 0 && math.bitShiftRight(-1024, t) < 0",
        "timestamp('2009-02-13T23:31:30Z') + duration('36h') - d > timestamp(0) ? t : 0",
        "m.transformMapEntry(k, v, {v: k}).all(k, v, k.size() > 0)",
    ]

    @Test func randomAndMutatedExtensionExpressionsTerminate() {
        var generator = Generator(state: 0xC0_FF_EE25)
        var environment = CELEnvironment()
        environment.declare("s", .string)
        environment.declare("l", .list(.int))
        environment.declare("m", .map(.string, .string))
        environment.declare("t", .int)
        environment.declare("d", .duration)
        let activation = CELActivation(
            variables: [
                "s": .string("a,b©c"), "l": .list([.int(3), .int(-1)]), "t": .int(70),
                "m": .map(CELMap(distinctStringKeys: [(key: "k", value: .string("v"))])),
                "d": .duration(CELDuration(nanoseconds: -1)),
            ], costLimit: 10_000, memoryLimit: 100_000)
        var evaluated = 0
        for round in 0..<3_000 {
            var source: String
            if round % 2 == 0 {
                source = (0..<(1 + generator.next(20))).map { _ in
                    Self.extensionPieces[generator.next(Self.extensionPieces.count)]
                }.joined()
            } else {
                var scalars = Array(Self.extensionSeeds[generator.next(Self.extensionSeeds.count)].unicodeScalars)
                for _ in 0..<(1 + generator.next(4)) {
                    let position = generator.next(scalars.count + 1)
                    switch generator.next(3) {
                    case 0 where !scalars.isEmpty && position < scalars.count: scalars.remove(at: position)
                    case 1:
                        scalars.insert(
                            contentsOf: Self.extensionPieces[generator.next(Self.extensionPieces.count)].unicodeScalars,
                            at: position)
                    default: if position < scalars.count { scalars[position] = scalars[generator.next(scalars.count)] }
                    }
                }
                source = String(String.UnicodeScalarView(scalars))
            }
            for checked in [true, false] {
                if case .success(let program) = CEL.compile(source, environment: environment, checked: checked) {
                    _ = program.evaluate(activation)
                    evaluated += 1
                }
            }
        }
        #expect(evaluated > 100)
    }
}
