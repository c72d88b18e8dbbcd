import Foundation
import Testing

/// `bylaw explain` end to end: the built binary, its output and exit codes.
@Suite struct ExplainCommandTests {
    static let rules = Run.fixtures + "/rules"
    static let failed = Run.repository + "/Tests/BylawTests/Corpus/explain/failed.yaml"

    @Test func textShowsValuesUnderTheExpressionAndWhyRowsDidNotMatch() throws {
        let r = try Run.bylaw(["explain", Self.failed, "--rules", Self.rules, "--rule", "D-04"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("✗ D-04  审批层级  第十三条  failed"))
        #expect(r.stdout.contains("    min_approver() in bodies\n    |              |  |\n"))
        #expect(r.stdout.contains(#"row 2 (line 32): cell 2 "[500000..1000000)" does not match 300000.00"#))
        #expect(!r.stdout.contains("D-01"))
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let r = try Run.bylaw(["explain", Self.failed, "--rules", Self.rules, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try r.json()
        let rules = try #require(obj["rules"] as? [[String: Any]])
        #expect(rules.map { $0["rule"] as? String } == ["D-01", "D-02", "D-03", "D-04", "D-05", "D-06"])
        let d04 = try #require(rules.first { $0["rule"] as? String == "D-04" })
        #expect(d04["outcome"] as? String == "failed")
        let require = try #require(d04["require"] as? [String: Any])
        #expect(require["source"] as? String == "min_approver() in bodies")
        #expect(require["value"] as? Bool == false)
        let nodes = try #require(require["nodes"] as? [[String: Any]])
        #expect(
            nodes.first?.keys.sorted() == ["anchor", "error", "kind", "last_iteration", "length", "offset", "value"])
        let table = try #require((d04["tables"] as? [[String: Any]])?.first)
        #expect(table["matched_row"] as? Int == 3)
        let rows = try #require(table["rows"] as? [[String: Any]])
        #expect(rows.map { $0["failed_cell"] as? Int } == [1, 2, nil])
        let lets = try #require(d04["lets"] as? [[String: Any]])
        #expect(lets.first?["name"] as? String == "bodies")
    }

    @Test func unknownRuleIsExit2WithDidYouMean() throws {
        let r = try Run.bylaw(["explain", Self.failed, "--rules", Self.rules, "--rule", "D-4"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("explain.unknown-rule"))
        #expect(r.stderr.contains("did you mean `D-04`?"))
        #expect(r.stdout.isEmpty)
    }

    @Test func invalidDecisionIsExit2() throws {
        let r = try Run.bylaw(["explain", Run.fixtures + "/rules/disposal/ruleset.yaml", "--rules", Self.rules])
        #expect(r.status == 2)
        #expect(!r.stderr.isEmpty)
    }
}
