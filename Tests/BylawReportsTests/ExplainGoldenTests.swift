import Bylaw
import BylawTestSupport
import Foundation
import Testing

@testable import BylawReports

/// `explain` on a failed and a passed rule, text and JSON, against reviewed golden files.
/// Re-record with `BYLAW_RECORD=1`; a recording run fails so that every re-record is a reviewed diff.
@Suite struct ExplainGoldenTests {
    static let corpus = Paths.here.appendingPathComponent("Corpus/explain").path

    /// (golden name, decision file, --rule)
    static let cases: [(String, String, String?)] = [
        ("failed", corpus + "/failed.yaml", nil),
        ("failed-D-04", corpus + "/failed.yaml", "D-04"),
        ("passed-D-04", Paths.fixtures + "/ok.yaml", "D-04"),
    ]

    @Test(arguments: cases.map(\.0))
    func golden(_ name: String) throws {
        let (_, file, rule) = try #require(Self.cases.first { $0.0 == name })
        let x = fixtureLibrary.explain(file: file, rule: rule)
        #expect(!x.result.diagnostics.hasErrors)
        let shown = file.replacingOccurrences(of: Paths.repository + "/", with: "")
        let fixtures = Paths.repository + "/"
        try compare(ExplainReport.text(x).replacingOccurrences(of: fixtures, with: ""), name + ".txt", file: shown)
        try compare(
            ExplainReport.json(x).replacingOccurrences(of: fixtures, with: "") + "\n", name + ".json", file: shown)
    }

    private func compare(_ rendered: String, _ golden: String, file: String) throws {
        let path = Self.corpus + "/" + golden
        if ProcessInfo.processInfo.environment["BYLAW_RECORD"] != nil {
            try rendered.write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("recorded \(path); review the diff and run again without BYLAW_RECORD")
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(rendered == expected, "explain output for \(file) differs from \(golden)")
    }

    @Test func failedRuleNamesTheRowsThatDidNotMatch() throws {
        let x = fixtureLibrary.explain(file: Self.corpus + "/failed.yaml", rule: "D-04")
        let rule = try #require(x.rules.first)
        #expect(rule.result.outcome == .failed)
        let table = try #require(rule.tables.first)
        #expect(table.matchedRow == 3)
        #expect(table.rows.map(\.failedCell) == [1, 2, nil])
        #expect(table.rows[1].reason == #"cell 2 "[500000..1000000)" does not match 300000.00"#)
        #expect(table.rows[0].line == 31)
    }

    @Test func unknownRuleSuggestsTheClosest() {
        let x = fixtureLibrary.explain(file: Paths.fixtures + "/ok.yaml", rule: "D-4")
        #expect(x.rules.isEmpty)
        let d = x.result.diagnostics.first { $0.code == "explain.unknown-rule" }
        #expect(d?.help == "did you mean `D-04`?")
    }

    @Test func wideTextLinesUpByDisplayWidth() {
        let t = ExpressionTrace(
            source: #""资产" + x == y"#, evaluated: true, value: .success(.bool(false)),
            nodes: [
                TracedNode(
                    offset: 0, length: 13, kind: "call", anchor: 9, value: .success(.bool(false)),
                    lastIteration: false),
                TracedNode(
                    offset: 0, length: 8, kind: "call", anchor: 5, value: .success(.string("资产a")),
                    lastIteration: false),
                TracedNode(
                    offset: 7, length: 1, kind: "ident", anchor: 7, value: .success(.string("a")),
                    lastIteration: false),
                TracedNode(
                    offset: 12, length: 1, kind: "ident", anchor: 12, value: .success(.string("资")),
                    lastIteration: false),
            ])
        #expect(
            ExplainReport.diagram(t) == [
                #""资产" + x == y"#,
                "       | | |  |",
                #"       | | |  "资""#,
                "       | | false",
                #"       | "a""#,
                #"       "资产a""#,
            ])
    }
}
