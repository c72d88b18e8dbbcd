import Bylaw
import BylawCEL
import BylawDiagnostics
import BylawTestSupport
import Foundation
import Testing

@testable import BylawAuthoring

/// Table analysis checked against brute force: random tables over an enum and a number column are
/// evaluated by the evaluator on a grid that meets every piece of the number line the cells cut, and
/// lint's gaps, overlaps, conflicts, shadowed and dead rows must be exactly what the grid shows.
@Suite struct LintTableTests {
    static let categories = ["a", "b", "c"]

    static func categoryCell(_ r: inout SplitMix) -> String {
        switch r.int(4) {
        case 0: return "any"
        case 1: return "[\(r.pick(categories)), \(r.pick(categories))]"
        case 2: return "\"!= \(r.pick(categories))\""
        default: return r.pick(categories)
        }
    }

    static func numberCell(_ r: inout SplitMix) -> String {
        switch r.int(5) {
        case 0: return "any"
        case 1: return "\"\(r.pick(["<", "<=", ">", ">=", "!="])) \(r.int(6))\""
        case 2:
            let lo = r.int(6)
            let hi = lo + r.int(4)
            return "\"\(r.pick(["[", "("]))\(lo)..\(hi)\(r.pick(["]", ")"]))\""
        case 3: return "[\(r.int(6)), \(r.int(6))]"
        default: return String(r.int(6))
        }
    }

    /// Writes a one-table rule set and lints it.
    static func lintTable(hit: String, numberType: String, rows: [String]) throws -> (LintReport, RuleSet) {
        let dir = Scratch.root.appendingPathComponent("bylaw-lint-\(UUID().uuidString)")
            .appendingPathComponent("t")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let yaml = """
            ruleset: t
            title: t
            version: 1.0.0
            source: {title: t}
            applies_to: k
            input:
              category: {enum: [a, b, c]}
              amount: \(numberType)
            tables:
              t:
                hit: \(hit)
                inputs: [category, amount]
                rows:
            \(rows.enumerated().map { "      - {when: [\($1)], then: r\($0)}" }.joined(separator: "\n"))
              every:
                hit: collect
                inputs: [category, amount]
                rows:
            \(rows.enumerated().map { "      - {when: [\($1)], then: r\($0)}" }.joined(separator: "\n"))
            rules:
              - {id: R, title: t, cite: c, require: 't() != "" && size(every()) >= 0'}
            """
        let file = dir.appendingPathComponent("ruleset.yaml").path
        try yaml.write(toFile: file, atomically: true, encoding: .utf8)
        let report = Linter.lint(files: [file], calendarsRoot: dir.deletingLastPathComponent().path)
        let library = RuleLibrary.load(files: [file], calendarsRoot: dir.deletingLastPathComponent().path)
        let set = try #require(library.ruleSets.first, "\(library.diagnostics.map(\.description))\n\(yaml)")
        return (report, set)
    }

    /// Every grid point's matching rows, by the evaluator: numbers -2 to 8 in steps of 1/2 (ints: of 1), which
    /// meets every point and every open piece between the integer values cells name.
    /// `every` is the same rows under `hit: collect`, so its outcome lists every matching row.
    static func grid(_ every: DecisionTable, decimal: Bool) -> [(category: String, amount: CELValue, rows: [Int])] {
        var out: [(String, CELValue, [Int])] = []
        for c in categories {
            for step in -4...16 where decimal || step % 2 == 0 {
                let amount: CELValue =
                    decimal
                    ? .decimal(CELDecimal(significand: Int128(step * 5), scale: 1) ?? CELDecimal(0))
                    : .int(Int64(step / 2))
                let activation = CELActivation(variables: ["category": .string(c), "amount": amount])
                out.append((c, amount, every.evaluate(activation).matched))
            }
        }
        return out
    }

    /// `category = a, amount = 4.5` from a gap message.
    static func example(_ message: String, decimal: Bool) -> (String, CELValue)? {
        guard let start = message.range(of: "`category = ")?.upperBound else { return nil }
        let rest = message[start...]
        guard let comma = rest.range(of: ", amount = "), let end = rest[comma.upperBound...].firstIndex(of: "`")
        else { return nil }
        let category = String(rest[..<comma.lowerBound])
        let amount = String(rest[comma.upperBound..<end])
        if decimal { return CELDecimal(amount).map { (category, .decimal($0)) } }
        return Int64(amount).map { (category, .int($0)) }
    }

    static func lines(_ d: Diagnostic) -> [Int] {
        [d.location?.line ?? 0] + d.notes.compactMap { $0.location?.line }
    }

    @Test(arguments: 0..<4)
    func findingsAreExactlyWhatTheEvaluatorDoes(_ batch: Int) throws {
        var r = SplitMix(seed: UInt64(batch) &* 7919 &+ 17)
        for _ in 0..<50 {
            let hit = r.pick(["first", "unique", "any"])
            let decimal = r.int(2) == 0
            let rows = (0..<(1 + r.int(5))).map { _ in "\(Self.categoryCell(&r)), \(Self.numberCell(&r))" }
            let context = "hit: \(hit), \(decimal ? "decimal" : "int"), rows: \(rows)"
            let (report, set) = try Self.lintTable(
                hit: hit, numberType: decimal ? "decimal" : "int", rows: rows)
            let table = try #require(set.tables.first { $0.name == "t" })
            let every = try #require(set.tables.first { $0.name == "every" })
            let rowLine = table.rows.map(\.location.line)
            let points = Self.grid(every, decimal: decimal)
            let found = report.diagnostics.filter { $0.message.contains("table `t`") }

            // Dead rows: no grid point matches.
            let dead = Set(table.rows.indices.filter { i in !points.contains { $0.rows.contains(i) } })
            let reportedDead = Set(
                found.filter { $0.code == "lint.table-dead-row" }.compactMap { d in
                    rowLine.firstIndex(of: d.location?.line ?? 0)
                })
            #expect(reportedDead == dead, "\(context)")

            // Gaps: some grid point matches nothing (no table here has a default); the example must be one.
            let gapPoints = points.filter { $0.rows.isEmpty }
            let gaps = found.filter { $0.code == "lint.table-gap" }
            #expect(gaps.isEmpty == gapPoints.isEmpty, "\(context)")
            if let gap = gaps.first {
                // The example must fall through when the evaluator runs the table on it.
                let example = try #require(Self.example(gap.message, decimal: decimal), "\(gap.message)")
                let activation = CELActivation(variables: ["category": .string(example.0), "amount": example.1])
                #expect(every.evaluate(activation).matched.isEmpty, "\(context): \(gap.message)")
            }

            // Overlaps (unique) and conflicts (any): exactly the pairs of live rows that share a grid point.
            if hit != "first" {
                var pairs: Set<[Int]> = []
                for p in points where p.rows.count > 1 {
                    for j in p.rows { for i in p.rows where i < j { pairs.insert([i, j]) } }
                }
                if hit == "any" {
                    pairs = pairs.filter { table.rows[$0[0]].output != table.rows[$0[1]].output }
                }
                let code = hit == "unique" ? "lint.table-overlap" : "lint.table-conflict"
                let reported = Set(
                    found.filter { $0.code == code }.map { d in
                        Self.lines(d).compactMap { rowLine.firstIndex(of: $0) }.sorted()
                    })
                #expect(reported == pairs, "\(context)")
            } else {
                // Shadowed (first): live rows that are never the first match.
                let shadowed = Set(
                    table.rows.indices.filter { i in
                        !dead.contains(i) && !points.contains { $0.rows.first == i }
                    })
                let reported = Set(
                    found.filter { $0.code == "lint.table-shadowed" }.compactMap { d in
                        rowLine.firstIndex(of: d.location?.line ?? 0)
                    })
                #expect(reported == shadowed, "\(context)")
            }
        }
    }

    @Test func numberLineCutsDecimalsExactly() throws {
        let (report, _) = try Self.lintTable(
            hit: "first", numberType: "decimal",
            rows: ["any, \"< 499999.99\"", "any, \"(499999.99..500000]\"", "any, \"> 500000\""])
        let gap = try #require(report.diagnostics.first { $0.code == "lint.table-gap" })
        #expect(gap.message.contains("amount = 499999.99`"))
        let (open, _) = try Self.lintTable(
            hit: "first", numberType: "decimal", rows: ["any, \"<= 499999.99\"", "any, \">= 500000\""])
        let between = try #require(open.diagnostics.first { $0.code == "lint.table-gap" })
        #expect(between.message.contains("amount = 499999.991`"), "\(between.message)")
    }

    @Test func intColumnsHaveNoGapBetweenNeighbours() throws {
        let (report, _) = try Self.lintTable(
            hit: "unique", numberType: "int", rows: ["any, \"<= 10\"", "any, \"[11..20]\"", "any, \"> 20\""])
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.description))")
        let (decimal, _) = try Self.lintTable(
            hit: "unique", numberType: "decimal", rows: ["any, \"<= 10\"", "any, \"[11..20]\"", "any, \"> 20\""])
        let gap = try #require(decimal.diagnostics.first { $0.code == "lint.table-gap" })
        #expect(gap.message.contains("amount = 11`") == false)
        #expect(gap.message.contains("amount = 10.1`"), "\(gap.message)")
    }
}
