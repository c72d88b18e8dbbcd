import Bylaw
import BylawCEL
import BylawTestSupport
import BylawYAML
import Foundation
import Testing

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
