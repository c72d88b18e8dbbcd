import BylawCEL
import Testing

/// Two-variable comprehensions, qualified names resolved by longest prefix, and quoted field names.
@Suite struct ComprehensionAndNameTests {
    @Test(
        arguments: [
            ("all over list indexes", "[1, 2, 3].all(i, v, v == i + 1)", "true"),
            ("all fails on one", "[1, 2, 4].all(i, v, v == i + 1)", "false"),
            ("exists over map entries", "{'a': 1, 'b': 2}.exists(k, v, k == 'b' && v == 2)", "true"),
            ("existsOne two variables", "[5, 5, 6].existsOne(i, v, v == 5 && i > 0)", "true"),
            ("existsOne one variable", "[5, 5, 6].existsOne(v, v == 5)", "false"),
            ("transformList", "[10, 20].transformList(i, v, v + i)", "[10, 21]"),
            ("transformList with filter", "[10, 20, 30].transformList(i, v, i != 1, v / 10)", "[1, 3]"),
            ("transformList over map", "{'a': 1, 'b': 2}.transformList(k, v, k + string(v))", #"["a1", "b2"]"#),
            ("transformMap over list", "['x', 'y'].transformMap(i, v, v + v)", #"{0: "xx", 1: "yy"}"#),
            ("transformMap over map", "{'a': 1, 'b': 2}.transformMap(k, v, v * 10)", #"{"a": 10, "b": 20}"#),
            ("transformMap with filter", "{'a': 1, 'b': 2}.transformMap(k, v, v > 1, v)", #"{"b": 2}"#),
            (
                "transformMapEntry swaps", "{'a': 'x', 'b': 'y'}.transformMapEntry(k, v, {v: k})",
                #"{"x": "a", "y": "b"}"#
            ),
            (
                "transformMapEntry repeated key", "{'a': 1, 'b': 1}.transformMapEntry(k, v, {v: k})",
                "error: insert failed: key 1 already exists"
            ),
            ("exists over mixed elements", "[1, 'foo', 3].exists(i, v, i == 1 && v != '1')", "true"),
            ("exists error when nothing is true", "[1, 2, 3].exists(i, v, v / i == 17)", "error: division by zero"),
            ("all false absorbs an error", "[1, 2, 3].all(i, v, 6 / (2 - v) == i)", "false"),
            (
                "all error when nothing is false", "[0, 'foo', 5].all(i, v, v % 3 == i)",
                "error: no such overload: `%` applied to `(string, int)`"
            ),
            ("existsOne does not short-circuit", "[3, 2, 1, 0].existsOne(i, v, v / i > 1)", "error: division by zero"),
            ("existsOne over a map", "{6: 'six', 7: 'seven'}.existsOne(k, v, k % 5 == 2 && v == 'seven')", "true"),
            ("transformList of empty", "[].transformList(i, v, i / v)", "[]"),
            ("transformList filter error", "[2, 1, 0].transformList(i, v, v / i > 0, v)", "error: division by zero"),
            ("transformMap of empty", "{}.transformMap(k, v, k + v)", "{}"),
            ("nested comprehensions shadow", "[1, 2].all(i, v, [3].all(i, w, i == 0 && v < w))", "true"),
        ])
    func comprehensions(name: String, source: String, expected: String) {
        #expect(rendered(evaluate(source)) == expected, "\(name)")
    }

    @Test(
        arguments: [
            ("two-variable list types", "[1].transformMap(i, v, string(v))", "map(int, string)"),
            ("two-variable map types", "{'a': 1.5}.transformList(k, v, v)", "list(double)"),
            ("transformMapEntry types", "{'a': 1}.transformMapEntry(k, v, {v: k})", "map(int, string)"),
            ("all types", "{'a': 1}.all(k, v, v > 0)", "bool"),
        ])
    func checkedTypes(name: String, source: String, expected: String) throws {
        let program = try CEL.compile(source, environment: CELEnvironment()).get()
        #expect(program.resultType.description == expected, "\(name)")
    }

    @Test func twoVariableBodyMistakesAreCheckErrors() {
        guard case .failure(let issues) = CEL.compile("[1].all(i, v, v + 'x')", environment: CELEnvironment()) else {
            Issue.record("expected a check error")
            return
        }
        #expect(issues.first?.code == "cel.no-matching-overload")
    }

    @Test func repeatedVariableIsASyntaxError() {
        guard case .failure(let issues) = CEL.parse("[1].all(x, x, true)") else {
            Issue.record("expected a syntax error")
            return
        }
        #expect(issues.first?.message == "the two variables of `all` must differ")
    }

    static let qualifiedEnvironment: CELEnvironment = {
        var environment = CELEnvironment()
        environment.declare("a.b", .map(.string, .int))
        environment.declare("a", .map(.string, .map(.string, .int)))
        environment.declare("headers", .map(.string, .string))
        return environment
    }()

    static func map(_ key: String, _ value: CELValue) -> CELValue {
        .map(CELMap(distinctStringKeys: [(key: key, value: value)]))
    }

    static let qualifiedVariables: [String: CELValue] = [
        "a.b": map("c", .int(7)),
        "a": map("b", map("c", .int(1))),
        "headers": map("content-type", .string("text/plain")),
    ]

    @Test(
        arguments: [
            ("longest declared prefix wins", "a.b.c", "7"),
            ("the shorter variable is still reachable by index", "a['b']['c']", "1"),
            ("has on a qualified variable", "has(a.b.c)", "true"),
            ("comprehension variable shadows", "[{'b': {'c': 2}}].all(a, a.b.c == 2)", "true"),
            ("quoted field name", "headers.`content-type`", #""text/plain""#),
            ("has with a quoted field name", "has(headers.`content-type`)", "true"),
            ("math namespace", "math.greatest(1, 5, 3)", "5"),
            ("qualified type name", "type(duration('1s')) == google.protobuf.Duration", "true"),
        ])
    func qualifiedNames(name: String, source: String, expected: String) {
        let result = evaluate(source, Self.qualifiedEnvironment, variables: Self.qualifiedVariables)
        #expect(rendered(result) == expected, "\(name)")
    }

    @Test(
        arguments: [
            ("quoted name as a method", "a.`b`()", "a quoted name `b` cannot be called as a method"),
            ("quoted name with a bad character", "a.`b*c`", "invalid character `*` in a quoted field name"),
            ("unterminated quoted name", "a.`b", "unterminated quoted field name"),
            ("quoted name on its own", "`b`", "unexpected the quoted name `b`"),
        ])
    func quotedNameErrors(name: String, source: String, expected: String) {
        guard case .failure(let issues) = CEL.parse(source) else {
            Issue.record("\(name): expected a syntax error")
            return
        }
        #expect(issues.first?.message == expected, "\(name)")
    }
}
