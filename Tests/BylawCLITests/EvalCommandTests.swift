import BylawTestSupport
import Foundation
import Testing

/// `bylaw eval`, the rule author's REPL.
@Suite struct EvalCommandTests {
    @Test(arguments: [
        (#"0.1 + decimal("0.2") == 0.3"#, "true  (bool)\n"),
        (#"working_days_between(date("2017-09-29"), date("2017-10-12"))"#, "5  (int)\n"),
        (#"add_months(date("2017-01-31"), 1)"#, "2017-02-28  (date)\n"),
        ("[1, 2, 3].all(x, x > 0)", "true  (bool)\n"),
    ])
    func valueAndType(expr: String, expected: String) throws {
        let r = try Run.bylaw(["eval", expr])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == expected)
    }

    @Test func jsonUsesTheConformanceValueEncoding() throws {
        let r = try Run.bylaw(["eval", "--format", "json", "ratio(2, 13)"])
        #expect(r.stdout == #"{"value":{"decimal_value":"0.153846153846153846"}}"# + "\n")
        let e = try Run.bylaw(["eval", "--format", "json", "{'a': 1}['b']"])
        #expect(e.status == 1)
        #expect(e.stdout.hasPrefix(#"{"error":{"code":"#))
    }

    @Test func evaluationErrorExitsOneTypeErrorExitsTwo() throws {
        let div = try Run.bylaw(["eval", "1 / 0"])
        #expect(div.status == 1)
        #expect(div.stderr.contains("division by zero"))
        let type = try Run.bylaw(["eval", "--var", "x=5", #"x + 1 > "a""#])
        #expect(type.status == 2)
        #expect(type.stderr.contains("<expr>:1:1: error: no matching overload for `>` applied to `(int, string)`"))
        #expect(type.stderr.contains("1 | x + 1 > \"a\""))
        // In Chinese, as every other diagnostic.
        let zh = try Run.bylaw(["eval", "1 / 0", "--lang", "zh"])
        #expect(zh.status == 1)
        #expect(zh.stderr.contains("<expr>:1:1: 错误: 除数为零 [cel.division-by-zero]"), "\(zh.stderr)")
    }

    @Test func inputIsTypedByTheRuleSetsForItsKind() throws {
        let r = try Run.bylaw([
            "eval", "--rules", Run.fixtures + "/rules", "--input", Run.fixtures + "/ok.yaml",
            "asset.book_value * 2 == 1300000 && today == date('2017-10-20')",
        ])
        #expect(r.stdout == "true  (bool)\n", "\(r.stderr)")
    }

    @Test func varsFileUsesTheValueEncoding() throws {
        let path = Scratch.root.appendingPathComponent("vars-\(UUID().uuidString).json").path
        try #"{"n": {"int64_value": "9223372036854775807"}, "d": {"date_value": "2016-02-29"}}"#.write(
            toFile: path, atomically: true, encoding: .utf8)
        let r = try Run.bylaw(["eval", "--vars", path, "add_years(d, 1) == date('2017-02-28') && n > 0"])
        #expect(r.stdout == "true  (bool)\n", "\(r.stderr)")
        let overflow = try Run.bylaw(["eval", "--vars", path, "n + 1"])
        #expect(overflow.status == 1)
    }
}
