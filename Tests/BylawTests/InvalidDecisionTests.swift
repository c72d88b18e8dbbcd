import Bylaw
import BylawDiagnostics
import BylawTestSupport
import BylawYAML
import Testing

/// Every schema type rejects what it must, with the field path, the position and a stable code.
@Suite struct InvalidDecisionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let edits: [String: String?]
        let code: String
        let message: String
        let line: Int
        let column: Int
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "yes is not a bool", edits: ["buyer_related:": "buyer_related: yes"], code: "decision.type-mismatch",
            message: "`buyer_related` must be a boolean, not `yes`", line: 12, column: 16),
        Case(
            name: "leading zero int", edits: ["quantity:": "quantity: 0012"], code: "decision.number-ambiguous",
            message: "`quantity` is `0012`, a number with a leading zero", line: 13, column: 11),
        Case(
            name: "exponent is not a decimal", edits: ["price:": "price: 1e3"], code: "decision.type-mismatch",
            message: "`price` must be a decimal number, not `1e3`", line: 7, column: 8),
        Case(
            name: "too many digits", edits: ["price:": "price: " + String(repeating: "9", count: 60)],
            code: "decision.number-range",
            message: "`price` is `" + String(repeating: "9", count: 40)
                + "…`, a number of 60 digits: more than is held exactly", line: 7, column: 8),
        Case(
            name: "quoted number", edits: ["price:": "price: \"540000\""], code: "decision.type-mismatch",
            message: "`price` must be a decimal number, not the quoted text `540000`", line: 7, column: 8),
        Case(
            name: "impossible date", edits: ["date:": "date: 2017-02-29"], code: "decision.no-such-day",
            message:
                "`date` is `2017-02-29`, which is no day of the calendar: the days of February 2017 run from `2017-02-01` to `2017-02-28`",
            line: 3, column: 7),
        Case(
            name: "no month 13", edits: ["date:": "date: 2017-13-01"], code: "decision.no-such-month",
            message: "`date` is `2017-13-01`: there is no month `13`", line: 3, column: 7),
        Case(
            name: "no year 0", edits: ["date:": "date: 0000-01-15"], code: "decision.no-such-year",
            message: "`date` is `0000-01-15`: there is no year `0000`; years start at 1", line: 3, column: 7),
        Case(
            name: "date not in the form", edits: ["date:": "date: 2017/02/28"], code: "decision.bad-date",
            message: "`date` must be the decision date written YYYY-MM-DD", line: 3, column: 7),
        Case(
            name: "nested impossible date", edits: ["notice:": "notice: {start: 2017-09-31, end: 2017-10-12}"],
            code: "decision.no-such-day",
            message:
                "`notice.start` is `2017-09-31`, which is no day of the calendar: the days of September 2017 run from `2017-09-01` to `2017-09-30`",
            line: 11, column: 17),
        Case(
            name: "nested date", edits: ["notice:": "notice: {start: 2017-9-29, end: 2017-10-12}"],
            code: "decision.bad-date",
            message: "`notice.start` must be a calendar date written YYYY-MM-DD, not `2017-9-29`", line: 11, column: 17),
        Case(
            name: "enum value", edits: ["method:": "method: auktion"], code: "decision.bad-enum",
            message: "`method` is `auktion`, which is not one of its values", line: 6, column: 9),
        Case(
            name: "list expected",
            edits: ["approvals:": "approvals: finance", "  - {body: finance": nil, "  - {body: party": nil],
            code: "decision.type-mismatch", message: "`approvals` must be a list, not `finance`", line: 8, column: 12),
        Case(
            name: "a negative amount", edits: ["price:": "price: -1250.50"], code: "decision.below-minimum",
            message: "`price` must be at least `0`, not `-1250.50`", line: 7, column: 8),
        Case(
            name: "a count below its least", edits: ["quantity:": "quantity: 0"], code: "decision.below-minimum",
            message: "`quantity` must be at least `1`, not `0`", line: 13, column: 11),
        Case(
            name: "missing required nested field", edits: ["asset:": "asset: {category: vehicle}"],
            code: "decision.missing-field", message: "required field `asset.book_value` (decimal) is missing", line: 5,
            column: 8),
        Case(
            name: "missing list item field", edits: ["  - {body: finance": "  - {body: finance}"],
            code: "decision.missing-field", message: "required field `approvals[0].date` (date) is missing", line: 9,
            column: 5),
    ]

    @Test(arguments: cases)
    func invalid(_ c: Case) throws {
        let r = try check(disposal(c.edits))
        #expect(r.verdict == .invalid)
        let errors = r.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        let d = try #require(errors.first)
        #expect(d.code == c.code)
        #expect(d.message == c.message)
        #expect(d.location?.line == c.line)
        #expect(d.location?.column == c.column)
        #expect(r.results.isEmpty, "an invalid decision is not evaluated")
    }

    /// "Remove the quotes" only where the quoted text is the number: a quoted amount with thousands separators
    /// or a word would be wrong without them too.
    @Test(arguments: [
        ("\"540000\"", "remove the quotes"),
        ("\"1,234.50\"", "write plain digits with an optional fraction, such as 650000.00"),
        ("\"abc\"", "write plain digits with an optional fraction, such as 650000.00"),
    ])
    func theQuotesHintOnlyWhereItHelps(value: String, help: String) throws {
        let r = try check(disposal(["price:": "price: " + value]))
        #expect(r.diagnostics.first?.code == "decision.type-mismatch")
        #expect(r.diagnostics.first?.help == help, "\(value)")
    }

    /// A form with only its kind names every field every decision has, not only the first missing.
    @Test func aFormMissingItsDateNamesTheOtherCommonFieldsToo() throws {
        let r = try check("kind: asset_disposal\nid: ~\n")
        #expect(r.verdict == .invalid)
        #expect(
            r.diagnostics.map(\.message) == [
                "required field `date` is missing: the decision's date says which rule sets are in force",
                "required field `id` (string) is missing", "required field `unit` (string) is missing",
            ])
        let dated = try check("kind: asset_disposal\nid: X-1\nunit: acftu/x\n")
        #expect(dated.diagnostics.count == 1)
    }

    @Test func unknownFieldIsAWarningWithASuggestion() throws {
        let r = try check(disposal(["quantity:": "quantity: 1\nbuyer_relatd: true"]))
        #expect(r.verdict == .compliant)
        let w = try #require(r.diagnostics.first)
        #expect(w.severity == .warning)
        #expect(w.code == "decision.unknown-field")
        #expect(w.help == "did you mean `buyer_related`?")
        #expect(w.location?.line == 14)
    }

    /// A NUL character (YAML's `\0`) in any text or key makes the decision invalid, at the text, with its path;
    /// the header fields keep it as U+FFFD, so that no reader or store is given a NUL.
    @Test(arguments: [
        ("id:", "id: \"AD-\\0-1\"", "id", 2, 5),
        ("method:", "method: \"auc\\0tion\"", "method", 6, 9),
        ("  - {body: finance", "  - {body: \"fin\\0ance\", date: 2017-09-01}", "approvals[0].body", 9, 12),
        ("quantity:", "quantity: 1\n\"x\\0y\": 2", "x\u{FFFD}y", 14, 1),
    ])
    func aNULCharacterIsRefusedWhereItIs(find: String, replace: String, path: String, line: Int, column: Int) throws {
        let r = try check(disposal([find: replace]))
        #expect(r.verdict == .invalid)
        #expect(r.results.isEmpty)
        let d = try #require(r.diagnostics.first)
        #expect(r.diagnostics.map(\.code) == ["decision.nul-character"])
        #expect(d.message == "`\(path)` holds a NUL character (U+0000), which no text in a decision may hold")
        #expect(d.location?.line == line && d.location?.column == column, "\(String(describing: d.location))")
        #expect(r.id == (path == "id" ? "AD-\u{FFFD}-1" : "AD-2017-001"))
        #expect(r.kind == "asset_disposal" && r.unit == "acftu/finance")
    }

    @Test func aliasesAreRefusedInDecisions() throws {
        let yaml = try disposal(["price:": "price: &p 540000.00\nother: *p"])
        #expect(throws: (any Error).self) { try check(yaml) }
    }
}

/// The readers refuse repeated keys; a tree built another way that repeats a field is refused by the typer,
/// with its own code, rather than typed with one of the two values.
@Suite struct RepeatedFieldTests {
    @Test func aRepeatedFieldIsAnErrorAtItsSecondKey() throws {
        let text = try disposal()
        var node = try YAMLLoader.load(bytes: Array(text.utf8), file: "decision.yaml", limits: .decision)
        let pairs = try #require(node.mapping)
        let unit = try #require(pairs.first { $0.key.scalar?.text == "unit" })
        node.content = .mapping(pairs + [unit])
        let result = fixtureLibrary.check(node, file: "decision.yaml")
        #expect(result.verdict == .invalid)
        #expect(result.diagnostics.map(\.code) == ["decision.duplicate-field"])
        #expect(result.diagnostics.first?.message == "field `unit` is given twice")
    }
}
