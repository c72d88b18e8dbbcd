import BylawCEL
import BylawDiagnostics
import BylawTestSupport
import BylawYAML
import Foundation
import Testing

@testable import Bylaw

/// Every hit policy, cell form and failure mode of decision tables, through a real rule set.
@Suite struct DecisionTableTests {
    /// A rule set whose single rule returns the table's result through its message.
    static func library(hit: String, rows: String, defaultRow: String = "", output: String = "") throws -> RuleLibrary {
        let dir = Scratch.root.appendingPathComponent("bylaw-table-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("t"), withIntermediateDirectories: true)
        let text = """
            ruleset: t
            title: t
            version: 1.0.0
            source: {title: t}
            applies_to: k
            input:
              category: string
              value: decimal
              day: date
            tables:
              pick:
                hit: \(hit)
                inputs: [category, value, day]
            \(output)
                rows:
            \(rows)
            \(defaultRow)
            rules:
              - id: R
                title: r
                cite: c
                require: dyn(pick()) == "never"
                message: '{pick()}'
            """
        try text.write(to: dir.appendingPathComponent("t/ruleset.yaml"), atomically: true, encoding: .utf8)
        let lib = RuleLibrary.load(root: dir.path)
        #expect(lib.diagnostics.isEmpty, "\(lib.diagnostics)")
        return lib
    }

    static func run(_ lib: RuleLibrary, category: String, value: String, day: String = "2017-05-01") throws
        -> RuleResult?
    {
        let r = try check(
            "kind: k\nid: x\ndate: 2017-01-01\nunit: u\ncategory: \(category)\nvalue: \(value)\nday: \(day)\n",
            library: lib)
        return r.results.first
    }

    static let rows = """
              - {when: [building, ">= 1000000", any], then: superior}
              - {when: [any, "[500000..1000000)", "-"], then: group}
              - {when: [[car, it], any, "< 2017-06-01"], then: head}
              - {when: [any, any, {expr: "it >= date('2017-06-01')"}], then: late}
        """

    @Test(arguments: [
        ("building", "2000000", "2017-05-01", "superior"),
        ("building", "600000", "2017-05-01", "group"),
        ("car", "1000000", "2017-05-01", "head"),
        ("it", "999999.99", "2017-05-01", "group"),
        ("desk", "10", "2017-07-01", "late"),
    ])
    func firstHit(category: String, value: String, day: String, expected: String) throws {
        let lib = try Self.library(hit: "first", rows: Self.rows)
        #expect(try Self.run(lib, category: category, value: value, day: day)?.message == expected)
    }

    @Test func firstWithNoMatchAndNoDefaultIsAnError() throws {
        let lib = try Self.library(hit: "first", rows: Self.rows)
        let r = try #require(try Self.run(lib, category: "desk", value: "10"))
        #expect(r.outcome == .error)
        #expect(r.error?.contains("no row of table `pick` matches and it has no default") == true)
    }

    @Test func defaultRowApplies() throws {
        let lib = try Self.library(hit: "first", rows: Self.rows, defaultRow: "    default: nobody")
        #expect(try Self.run(lib, category: "desk", value: "10")?.message == "nobody")
    }

    @Test func uniqueWithTwoMatchesIsAnError() throws {
        let lib = try Self.library(hit: "unique", rows: Self.rows)
        let r = try #require(try Self.run(lib, category: "building", value: "2000000", day: "2017-07-01"))
        #expect(r.outcome == .error)
        #expect(r.error?.contains("has hit policy unique but rows on lines") == true)
    }

    @Test func uniqueWithOneMatch() throws {
        let lib = try Self.library(hit: "unique", rows: Self.rows)
        #expect(try Self.run(lib, category: "car", value: "10")?.message == "head")
    }

    @Test func anyAllowsAgreeingRowsOnly() throws {
        let agreeing = """
                  - {when: [any, ">= 10", any], then: same}
                  - {when: [car, any, any], then: same}
            """
        let lib = try Self.library(hit: "any", rows: agreeing)
        #expect(try Self.run(lib, category: "car", value: "20")?.message == "same")
        let conflicting = try Self.library(hit: "any", rows: Self.rows)
        let r = try #require(try Self.run(conflicting, category: "building", value: "2000000", day: "2017-07-01"))
        #expect(r.outcome == .error)
    }

    @Test func collectGivesEveryMatchInRowOrder() throws {
        let lib = try Self.library(hit: "collect", rows: Self.rows)
        #expect(
            try Self.run(lib, category: "building", value: "2000000", day: "2017-07-01")?.message
                == #"["superior", "late"]"#)
        #expect(try Self.run(lib, category: "desk", value: "1")?.message == "[]")
    }
}

/// The first column's index (`DecisionTable.indexed`) against examining every row: the same matched rows and
/// result for every value, including texts that are canonically equivalent but differ in code points, which
/// the cells tell apart and so must the index.
@Suite struct DecisionTableIndexTests {
    static func row(_ cells: [Cell], _ output: String) -> DecisionTable.Row {
        DecisionTable.Row(
            cells: cells, output: .string(output), location: SourceLocation(file: "t", line: 1, column: 1))
    }

    static func table(_ hit: DecisionTable.HitPolicy) throws -> DecisionTable {
        let composed = "caf\u{E9}"
        let rows = [
            row([.equals(.string("vehicle")), .compare(.greaterOrEqual, .int(200))], "a"),
            row([.equals(.string("vehicle")), .any], "b"),
            row(
                [
                    .oneOf([.string("it"), .string(composed)]),
                    .range(low: .int(10), lowInclusive: true, high: .int(100), highInclusive: false),
                ], "c"),
            row([.any, .compare(.less, .int(5))], "d"),
            row([.equals(.string("it")), .any], "e"),
            row([.any, .any], "f"),
        ]
        let inputs = try ["category", "amount"].map { name in
            Expression(
                source: name, program: try CEL.compile(name, environment: env).get(),
                location: SourceLocation(file: "t", line: 1, column: 1))
        }
        return DecisionTable(
            name: "t", description: nil, hit: hit, inputs: inputs, outputType: .string, rows: rows,
            defaultOutput: nil, location: SourceLocation(file: "t", line: 1, column: 1))
    }

    static var env: CELEnvironment {
        var e = CELEnvironment()
        e.declare("category", .dyn)
        e.declare("amount", .dyn)
        return e
    }

    @Test(arguments: DecisionTable.HitPolicy.allCases)
    func theIndexAgreesWithEveryRow(hit: DecisionTable.HitPolicy) throws {
        let table = try Self.table(hit).indexed()
        #expect(table.firstColumn != nil)
        let categories: [CELValue] = [
            .string("vehicle"), .string("it"), .string("caf\u{E9}"), .string("cafe\u{301}"), .string("desk"),
            .string(""), .int(3), .null,
        ]
        let amounts: [CELValue] = [.int(0), .int(4), .int(10), .int(99), .int(100), .int(500), .string("x")]
        var compared = 0
        for category in categories {
            for amount in amounts {
                var a = CELActivation()
                a.bind("category", to: category)
                a.bind("amount", to: amount)
                let fast = table.evaluate(a, keepingChecks: false)
                let every = table.evaluate(a, keepingChecks: false, indexed: false)
                #expect(fast.matched == every.matched, "\(hit) \(category) \(amount)")
                #expect("\(fast.result)" == "\(every.result)", "\(hit) \(category) \(amount)")
                compared += 1
            }
        }
        #expect(compared == 56)
        // The decomposed form is another text to the cells: only the `any` rows can take it.
        var a = CELActivation()
        a.bind("category", to: .string("cafe\u{301}"))
        a.bind("amount", to: .int(50))
        #expect(table.evaluate(a, keepingChecks: false).matched.first == 5)
        a.bind("category", to: .string("caf\u{E9}"))
        #expect(table.evaluate(a, keepingChecks: false).matched.first == 2)
    }

    /// Up to 16 texts are searched in order, more are hashed: both agree with examining every row. (The table
    /// has one text besides the `k…` ones: 15 and 16 make 16 and 17 texts.)
    @Test(arguments: [3, 15, 16, 40])
    func manyTextsAgreeWithEveryRow(texts: Int) throws {
        let base = try Self.table(.first)
        var t = base
        t.rows =
            (0..<texts).map { Self.row([.equals(.string("k\($0)")), .any], "r\($0)") }
            + [Self.row([.equals(.string("caf\u{E9}")), .any], "composed"), Self.row([.any, .any], "other")]
        let table = t.indexed()
        #expect(table.firstColumn != nil)
        let probes: [String] = (0..<(texts + 2)).map { "k\($0)" } + ["caf\u{E9}", "cafe\u{301}", "", "K0"]
        for probe in probes {
            var a = CELActivation()
            a.bind("category", to: .string(probe))
            a.bind("amount", to: .int(1))
            let fast = table.evaluate(a, keepingChecks: false)
            let every = table.evaluate(a, keepingChecks: false, indexed: false)
            #expect(fast.matched == every.matched, "\(texts) \(probe)")
            #expect("\(fast.result)" == "\(every.result)", "\(texts) \(probe)")
        }
    }

    @Test func aFirstColumnOfNumbersIsNotIndexed() throws {
        var t = try Self.table(.first)
        t.rows[0].cells[0] = .equals(.int(1))
        #expect(t.indexed().firstColumn == nil)
    }
}
