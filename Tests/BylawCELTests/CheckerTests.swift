import BylawCEL
import Testing

@Suite struct CheckerTests {
    static let asset = CELObjectType(
        name: "Asset", fields: [("book_value", .decimal), ("kind", .string), ("acquired", .date)])

    static var environment: CELEnvironment {
        var environment = CELEnvironment()
        environment.declare("asset", .object(asset))
        environment.declare("bodies", .list(.string))
        environment.declare("ratio_limit", .double)
        environment.declare(
            CELFunction(
                name: "min_approver",
                overloads: [
                    CELOverload(id: "min_approver", parameters: [], result: .string) { _, _ in
                        .success(.string("board"))
                    }
                ]))
        return environment
    }

    @Test(
        arguments: [
            (
                "unknown field", "asset.bookvalue > 1", "cel.undefined-field", "undefined field `bookvalue`", 0,
                "did you mean `book_value`?"
            ),
            (
                "undeclared variable", "1 + asets.kind", "cel.undeclared-reference", "undeclared reference to `asets`",
                4, "did you mean `asset`?"
            ),
            (
                "wrong operand", "asset.kind + 1 == 'x'", "cel.no-matching-overload",
                "no matching overload for `+` applied to `(string, int)`", 0, nil
            ),
            (
                "decimal times double", "asset.book_value * ratio_limit > 1", "cel.no-matching-overload",
                "no matching overload for `*` applied to `(decimal, double)`", 0, "convert with decimal(...)"
            ),
            ("non-bool condition", "bodies.all(b, 1)", "cel.type-mismatch", "expected `bool`, found `int`", 14, nil),
            ("syntax", "asset.kind == 'x' &&", "cel.syntax", "unexpected end of expression", 20, nil),
            ("single equals", "asset.kind = 'x'", "cel.syntax", "unexpected `=`; use `==` to compare", 11, nil),
        ] as [(String, String, String, String, Int, String?)])
    func diagnostics(
        _ name: String, _ source: String, _ code: String, _ message: String, _ offset: Int, _ help: String?
    ) {
        guard case .failure(let issues) = CEL.compile(source, environment: Self.environment) else {
            Issue.record("\(name): expected an issue")
            return
        }
        #expect(issues.first?.code == code, "\(name)")
        #expect(issues.first?.message == message, "\(name)")
        #expect(issues.first?.offset == offset, "\(name)")
        #expect(issues.first?.help == help, "\(name)")
    }

    @Test func oneErrorPerMistake() {
        guard case .failure(let issues) = CEL.compile("asset.bookvalue + 1 > 2 && nope", environment: Self.environment)
        else {
            Issue.record("expected issues")
            return
        }
        #expect(issues.map(\.message) == ["undefined field `bookvalue`", "undeclared reference to `nope`"])
    }

    @Test func objectFieldTypesAndReferences() throws {
        let program = try CEL.compile(
            #"asset.book_value >= 500000 && "x" in bodies && min_approver() == "board""#, environment: Self.environment
        ).get()
        #expect(program.resultType == .bool)
        #expect(program.references == [["asset", "book_value"], ["bodies"]])
        let asset = try CELMap([
            (.string("book_value"), .decimal(try #require(CELDecimal("650000.00")))),
            (.string("kind"), .string("land")),
        ])
        let result = program.evaluate(
            CELActivation(variables: ["asset": .map(asset), "bodies": .list([.string("x")])]))
        #expect(result == .success(.bool(true)))
    }

    @Test func tracingRecordsSubExpressions() throws {
        let program = try CEL.compile("bodies.exists(b, b == 'x') && size(bodies) > 0", environment: Self.environment)
            .get()
        let (result, trace) = program.evaluateTraced(CELActivation(variables: ["bodies": .list([.string("x")])]))
        #expect(result == .success(.bool(true)))
        let sizeNode = try #require(
            program.ast.nodes.first { node in
                if case .call("size", _, _) = node.kind { return true }
                return false
            })
        #expect(trace[sizeNode.id] == .success(.int(1)))
        #expect(program.ast.source.unicodeScalars.count > sizeNode.offset + sizeNode.length - 1)
    }

    @Test func limitsAreErrors() {
        let long = String(repeating: "1 + ", count: 30_000) + "1"
        guard case .failure(let issues) = CEL.parse(long) else {
            Issue.record("expected a limit error")
            return
        }
        #expect(issues.first?.code == "cel.limit")
        let deep = String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200)
        guard case .failure(let deepIssues) = CEL.parse(deep) else {
            Issue.record("expected a depth error")
            return
        }
        #expect(deepIssues.first?.message == "expression nests more than 100 levels deep")
        let chain = String(repeating: "1 + ", count: 1_000) + "1"
        guard case .failure(let chainIssues) = CEL.parse(chain) else {
            Issue.record("expected a height error")
            return
        }
        #expect(chainIssues.first?.message == "expression nests more than 400 levels deep")
    }

    @Test func codecRoundTripsExactly() throws {
        let value = CELValue.list([
            .int(Int64.min), .uint(UInt64.max), .double(.infinity), .bytes([0, 255]),
            .decimal(try #require(CELDecimal("650000.00"))), .date(try #require(CELDate(iso: "2017-09-15"))),
        ])
        let text = CELValueCodec.encodeText(value)
        #expect(text.contains("-9223372036854775808"))
        #expect(try CELValueCodec.decodeText(text).isIdentical(to: value))
    }
}
