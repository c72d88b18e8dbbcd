import BylawCEL
import Testing

/// The strings extension library: indexes count code points; limits and ranges as cel-go has them.
@Suite struct StringExtensionTests {
    @Test(
        arguments: [
            ("charAt middle", "'tacocat'.charAt(3)", #""o""#),
            ("charAt at the end is empty", "'tacocat'.charAt(7)", #""""#),
            ("charAt counts code points", "'©αT'.charAt(1)", #""α""#),
            ("charAt past the end", "'tacocat'.charAt(30)", "error: index out of range: 30"),
            ("indexOf empty", "'tacocat'.indexOf('')", "0"),
            ("indexOf string", "'tacocat'.indexOf('ac')", "1"),
            ("indexOf missing", "'tacocat'.indexOf('none')", "-1"),
            ("indexOf from offset", "'tacocat'.indexOf('a', 3)", "5"),
            ("indexOf empty from offset", "'tacocat'.indexOf('', 3)", "3"),
            ("indexOf unicode from offset", "'ta©o©αT'.indexOf('©αT', 3)", "4"),
            ("indexOf offset too large", "'tacocat'.indexOf('a', 30)", "error: index out of range: 30"),
            ("lastIndexOf empty", "'tacocat'.lastIndexOf('')", "7"),
            ("lastIndexOf string", "'tacocat'.lastIndexOf('at')", "5"),
            ("lastIndexOf on empty text", "''.lastIndexOf('@@')", "-1"),
            ("lastIndexOf before offset", "'tacocat'.lastIndexOf('a', 3)", "1"),
            ("lastIndexOf overlapping", "'bananananana'.lastIndexOf('nana', 7)", "6"),
            ("lastIndexOf unicode", "'ta©o©αT'.lastIndexOf('©α', 4)", "4"),
            ("lastIndexOf negative offset", "'tacocat'.lastIndexOf('a', -1)", "error: index out of range: -1"),
            ("lowerAscii keeps non-ASCII", "'TacoCÆt Xii'.lowerAscii()", #""tacocÆt xii""#),
            ("upperAscii keeps non-ASCII", "'tacoCαt'.upperAscii()", #""TACOCαT""#),
            ("replace all", "'{0} days {0} hours'.replace('{0}', '2')", #""2 days 2 hours""#),
            ("replace with limit", "'{0} days {0} hours'.replace('{0}', '2', 1)", #""2 days {0} hours""#),
            ("replace limit zero", "'aaa'.replace('a', 'b', 0)", #""aaa""#),
            ("replace unicode", "'1 ©αT taco'.replace('αT', 'o©α')", #""1 ©o©α taco""#),
            ("replace empty pattern", "'ab'.replace('', '-')", #""-a-b-""#),
            ("split all", "'hello world'.split(' ')", #"["hello", "world"]"#),
            ("split limit zero", "'a b c'.split(' ', 0)", "[]"),
            ("split limit one", "'a b c'.split(' ', 1)", #"["a b c"]"#),
            ("split limit two keeps the rest", "'a b c'.split(' ', 2)", #"["a", "b c"]"#),
            ("split unicode negative limit", "'o©o©o©o'.split('©', -1)", #"["o", "o", "o", "o"]"#),
            ("split empty separator", "'abc'.split('')", #"["a", "b", "c"]"#),
            ("split empty text", "''.split(',')", #"[""]"#),
            ("substring from", "'tacocat'.substring(4)", #""cat""#),
            ("substring range", "'ta©o©αT'.substring(2, 6)", #""©o©α""#),
            ("substring empty range", "'tacocat'.substring(4, 4)", #""""#),
            ("substring reversed", "'tacocat'.substring(4, 3)", "error: invalid substring range. start: 4, end: 3"),
            ("substring negative", "'tacocat'.substring(-1)", "error: index out of range: -1"),
            ("trim ASCII space", "' \\f\\n\\r\\t\\vtext  '.trim()", #""text""#),
            ("trim Unicode space", "'\\u0085\\u00a0\\u1680text\\u2028\\u3000'.trim()", #""text""#),
            ("trim keeps zero-width", "'\\u200btext\\ufeff'.trim() == '\\u200btext\\ufeff'", "true"),
            ("join no separator", "['x', 'y'].join()", #""xy""#),
            ("join separator", "['x', 'y'].join('-')", #""x-y""#),
            ("join empty", "[].join('-')", #""""#),
            ("reverse code points", "'gums©'.reverse()", #""©smug""#),
            ("quote escapes", #"strings.quote("a\nb\\\"")"#, #""\"a\\nb\\\\\\\"\"""#),
            ("quote keeps unicode", "strings.quote('завтра') == '\"завтра\"'", "true"),
        ])
    func strings(name: String, source: String, expected: String) {
        #expect(rendered(evaluate(source)) == expected, "\(name)")
    }

    @Test(
        arguments: [
            ("no substitution", "'no substitution'.format([])", #""no substitution""#),
            ("percent escapes", "'%%%s%%'.format(['text'])", #""%text%""#),
            ("several clauses", "'%d %s %d'.format([1, 'A', 2u])", #""1 A 2""#),
            ("fixed precision rounds the binary value", "'%.3f'.format([1.2345])", #""1.234""#),
            ("fixed default precision", "'%f'.format([2.71828])", #""2.718280""#),
            ("fixed decimal is exact", "'%.2f'.format([decimal('2.345')])", #""2.35""#),
            ("scientific", "'%.6e'.format([1052.032911275])", #""1.052033e+03""#),
            ("scientific default", "'%e'.format([2.71828])", #""2.718280e+00""#),
            ("NaN as fixed", "'%f'.format([double('NaN')])", #""NaN""#),
            ("infinity as decimal clause", "'%d'.format([double('-Infinity')])", #""-Infinity""#),
            ("binary", "'%b'.format([5])", #""101""#),
            ("binary bool", "'%b'.format([true])", #""1""#),
            ("octal", "'%o'.format([uint(65535)])", #""177777""#),
            ("hex", "'%x'.format([30])", #""1e""#),
            ("hex upper", "'%X'.format([30])", #""1E""#),
            ("hex negative", "'%x'.format([-30])", #""-1e""#),
            ("hex string", "'%x'.format(['Hello world!'])", #""48656c6c6f20776f726c6421""#),
            ("hex bytes", "'%X'.format([b'byte string'])", #""6279746520737472696E67""#),
            ("string of list", "'%s'.format([['abc', 3.14, null, [9, 8]]])", #""[abc, 3.14, null, [9, 8]]""#),
            ("string of map sorted", "'%s'.format([{'b': 1, 'a': true}])", #""{a: true, b: 1}""#),
            ("string of bytes", "'%s'.format([b'xyz'])", #""xyz""#),
            ("string of type", "'%s'.format([type('x')])", #""string""#),
            (
                "unknown clause", "'%a'.format([1])",
                #"error: could not parse formatting clause: unrecognized formatting clause "a""#
            ),
            ("missing argument", "'%d %d'.format([1])", "error: index 1 out of range"),
            (
                "binary of a string", "'%b'.format(['abc'])",
                "error: error during formatting: only integers and bools can be formatted as binary, was given string"
            ),
            (
                "decimal clause of null", "'%d'.format([null])",
                "error: error during formatting: decimal clause can only be used on integers, was given null_type"
            ),
        ])
    func format(name: String, source: String, expected: String) {
        #expect(rendered(evaluate(source)) == expected, "\(name)")
    }

    @Test(
        arguments: [
            ("charAt types", "'abc'.charAt(1)", "string"),
            ("split types", "'a,b'.split(',')", "list(string)"),
            ("join types", "['a'].join(',')", "string"),
            ("quote types", "strings.quote('a')", "string"),
            ("format types", "'%d'.format([1])", "string"),
        ])
    func checkedTypes(name: String, source: String, expected: String) throws {
        let program = try CEL.compile(source, environment: CELEnvironment()).get()
        #expect(program.resultType.description == expected, "\(name)")
    }

    @Test func wrongArgumentTypesAreCheckErrors() {
        guard case .failure(let issues) = CEL.compile("'abc'.charAt('1')", environment: CELEnvironment()) else {
            Issue.record("expected a check error")
            return
        }
        #expect(issues.first?.code == "cel.no-matching-overload")
    }

    @Test func replaceChargesItsOutputBeforeBuildingIt() {
        // 10,000 matches × 10,000 bytes would be 100 MB.
        let big = String(repeating: "z", count: 10_000)
        let result = evaluate(
            "s.replace('a', r)",
            {
                var e = CELEnvironment()
                e.declare("s", .string)
                e.declare("r", .string)
                return e
            }(),
            variables: ["s": .string(String(repeating: "a", count: 10_000)), "r": .string(big)])
        guard case .failure(let error) = result else {
            Issue.record("expected the budget to stop it")
            return
        }
        #expect(error.code == "cel.cost-limit")
    }
}
