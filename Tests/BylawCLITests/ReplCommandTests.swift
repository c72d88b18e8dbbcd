import BylawDiagnostics
import Foundation
import Testing

/// `bylaw repl` driven through standard input, as a script would drive it.
@Suite struct ReplCommandTests {
    static let auction = "rules/asset-management/examples/compliant-vehicle-auction.yaml"
    static let building = "rules/asset-management/examples/non-compliant-building-agreement-sale.yaml"

    func repl(_ lines: [String], _ args: [String] = ["--set", "asset-management", "--input", auction]) throws -> Run {
        try Run.bylaw(["repl"] + args, stdin: lines.joined(separator: "\n") + "\n")
    }

    @Test func aSessionSeesTheSetsScopeLetsAndLoads() throws {
        let r = try repl([
            "required_approver()", ":type years_used >= min_life", ":let r = params.min_price_ratio", "r * 2",
            ":load " + Self.building, "sale.price < r * appraisal.value", "required_approver()", ":scope",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stdout == """
                loaded `\(Self.auction)`: ZC-2022-0318
                "省级工会"  (string)
                bool
                r = 0.9  (decimal)
                1.8  (decimal)
                loaded `\(Self.building)`: ZC-2023-0045
                true  (bool)
                "省级工会"  (string)
                set: asset-management
                decision: \(Self.building)
                let: r

                """)
    }

    @Test func errorsArePrintedAndTheSessionGoesOn() throws {
        let r = try repl(["nope", "1 / 0", ":bogus", ":let 9x = 1", "1 + 1", ":quit", "2 + 2"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stdout.split(separator: "\n").dropFirst().map(String.init) == [
                "error: at column 1: undeclared reference to `nope` [cel.undeclared-reference]",
                "error: at column 1: division by zero [cel.division-by-zero]",
                "error: unknown command `:bogus`; :help lists the commands",
                "error: `9x` is not a name for :let",
                "2  (int)",
            ])
    }

    /// In Chinese, what the session says is Chinese: errors, the scope and the help.
    @Test func aChineseSessionSpeaksChinese() throws {
        let r = try repl(
            ["nope", "1 / 0", ":bogus", ":let 9x = 1", ":scope", ":help"],
            ["--set", "asset-management", "--input", Self.auction, "--lang", "zh"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(
            Array(lines.prefix(8)) == [
                "已载入 `\(Self.auction)`：ZC-2022-0318",
                "错误：第 1 列：引用了未声明的名称 `nope` [cel.undeclared-reference]",
                "错误：第 1 列：除数为零 [cel.division-by-zero]",
                "错误：没有命令 `:bogus`；:help 列出全部命令",
                "错误：`9x` 不能用作 :let 的名称",
                "规则集：asset-management",
                "决定：\(Self.auction)",
                "EXPR               计算 EXPR",
            ], "\(r.stdout)")
        #expect(!r.stdout.contains("error:") && !r.stdout.contains("evaluate EXPR"))
    }

    @Test func withoutASetTheDecisionsFieldsAreVariables() throws {
        let r = try repl([":set -", "sale.price", "today"], ["--input", Self.building])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasSuffix("6970000.00  (decimal)\n2023-05-08  (date)\n"), "\(r.stdout)")
    }

    @Test func aBadStartExitsTwo() throws {
        let r = try repl(["1"], ["--set", "nope"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("[eval.unknown-set]"))
        let missing = try repl(["1"], ["--input", "no-such-file.yaml"])
        #expect(missing.status == 2)
    }

    @Test func helpLinesFitEightyColumns() throws {
        for line in try HelpTextTests.discussion(["repl"], columns: 1000) where line.hasPrefix(" ") {
            #expect(DisplayWidth.of(line) <= 80, "\(line)")
        }
    }
}
