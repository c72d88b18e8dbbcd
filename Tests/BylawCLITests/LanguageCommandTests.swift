import BylawTestSupport
import Foundation
import Testing

/// The same check, audit and lint runs in English and in Chinese against reviewed golden files, the choice of
/// language by flag, variable and locale, and help in both languages. Re-record with `BYLAW_RECORD=1`; a
/// recording run fails so that every re-record is a reviewed diff.
@Suite struct LanguageCommandTests {
    static let golden = Run.repository + "/Tests/BylawCLITests/Golden"

    /// The runs recorded, by golden-file stem; each is run with `--lang en` and `--lang zh`.
    static let runs: [(String, [String])] = [
        (
            "check-non-compliant",
            ["check", "--no-audit", "rules/asset-management/examples/non-compliant-organ-investment.yaml"]
        ),
        ("check-invalid", ["check", "--no-audit", "Tests/BylawCLITests/Golden/invalid-disposal.yaml"]),
        (
            "audit-ledger",
            [
                "audit", "--no-audit", "examples/asset-disposals/disposal-ledger.csv", "--kind", "asset_disposal",
                "--map", "examples/asset-disposals/columns.yaml",
            ]
        ),
        ("audit-unmapped", ["audit", "--no-audit", "examples/asset-disposals/disposal-ledger.csv"]),
        ("lint-loader-errors", ["lint", "--as-of", "2025-07-11", "Tests/BylawTests/Corpus/lint/loader-errors"]),
        ("lint-table-gap", ["lint", "--as-of", "2025-07-11", "Tests/BylawTests/Corpus/lint/table-gap-band"]),
        ("explain-case", ["explain", "rules/asset-management", "--case", "出借期限六年", "--rule", "AM-16"]),
    ]

    static let cases: [String] = runs.flatMap { [$0.0 + ".en", $0.0 + ".zh-Hans"] }

    @Test(arguments: cases)
    func golden(_ name: String) throws {
        let stem = String(name.prefix { $0 != "." })
        let args = try #require(Self.runs.first { $0.0 == stem }).1
        let lang = name.hasSuffix(".en") ? "en" : "zh"
        // A terminal locale that asks for the other language: --lang wins.
        let run = try Run.bylaw(args + ["--lang", lang], environment: ["LANG": lang == "en" ? "zh_CN.UTF-8" : "C"])
        #expect((0...2).contains(run.status), "\(run.stderr)")
        let text =
            "$ bylaw " + (args + ["--lang", lang]).joined(separator: " ") + "\n" + run.stdout
            + (run.stderr.isEmpty ? "" : "--- stderr\n" + run.stderr)
        let path = Self.golden + "/" + name + ".txt"
        if ProcessInfo.processInfo.environment["BYLAW_RECORD"] != nil {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            Issue.record("recorded \(path); review the diff and run again without BYLAW_RECORD")
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == expected, "\(name) differs from its golden file")
    }

    /// The English run is what bylaw printed before it spoke Chinese: the golden files of other tests agree,
    /// and the English files hold no Chinese words of bylaw's own (only the rule sets' and decisions' text).
    @Test func englishGoldensHoldNoChineseLabels() throws {
        for (stem, _) in Self.runs {
            let en = try String(contentsOfFile: Self.golden + "/\(stem).en.txt", encoding: .utf8)
            let zh = try String(contentsOfFile: Self.golden + "/\(stem).zh-Hans.txt", encoding: .utf8)
            for label in ["不合规", "规则集：", "错误:", "警告:", "结论", "提示:", "已检查"] {
                #expect(!en.contains(label), "\(stem).en has \(label)")
            }
            for label in ["non_compliant", "rule sets:", ": error:", ": warning:", "verdicts", "help:", "linted"] {
                #expect(!zh.contains(label), "\(stem).zh-Hans has \(label)")
            }
        }
    }

    @Test func languageComesFromTheEnvironmentWhenNotGiven() throws {
        let file = "rules/asset-management/examples/non-compliant-organ-investment.yaml"
        let byLocale = try Run.bylaw(["check", "--no-audit", "--quiet", file], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(byLocale.stdout.hasPrefix("✗ 不合规"))
        let byVariable = try Run.bylaw(
            ["check", "--no-audit", "--quiet", file], environment: ["LANG": "zh_CN.UTF-8", "BYLAW_LANG": "en"])
        #expect(byVariable.stdout.hasPrefix("✗ non_compliant"))
        let byLCAll = try Run.bylaw(
            ["check", "--no-audit", "--quiet", file], environment: ["LC_ALL": "zh_CN.UTF-8", "LANG": "C"])
        #expect(byLCAll.stdout.hasPrefix("✗ 不合规"))
        let plain = try Run.bylaw(["check", "--no-audit", "--quiet", file], environment: ["LANG": "C.UTF-8"])
        #expect(plain.stdout.hasPrefix("✗ non_compliant"))
    }

    @Test func anUnknownLanguageIsAUsageError() throws {
        let run = try Run.bylaw(["check", "--lang", "fr", "x.yaml"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("`fr`"))
        let missing = try Run.bylaw(["check", "--lang"])
        #expect(missing.status == 2)
        // With no usable --lang, the message speaks the terminal's language.
        let zh = try Run.bylaw(["check", "--lang", "fr", "x.yaml"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.stderr == "错误：`fr` 不是可用的语言：请用 zh 或 en\n")
    }

    /// `log list` shows a record's verdict in the reader's language; `--verdict` and the JSON keep the word.
    @Test func theTrailsListSpeaksChinese() throws {
        let dir = Scratch.root.appendingPathComponent("log-list-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let store = dir + "/trail.sqlite"
        let checked = try Run.bylaw([
            "check", "rules/asset-management/examples/compliant-vehicle-auction.yaml", "--audit", store,
        ])
        #expect(checked.status == 0, "\(checked.stderr)")
        let zh = try Run.bylaw(["log", "list", "--audit", store, "--verdict", "compliant", "--lang", "zh"])
        #expect(zh.status == 0, "\(zh.stderr)")
        #expect(zh.stdout.split(separator: "\t").dropFirst(2).first == "合规", "\(zh.stdout)")
        let en = try Run.bylaw(["log", "list", "--audit", store, "--lang", "en"])
        #expect(en.stdout.split(separator: "\t").dropFirst(2).first == "compliant", "\(en.stdout)")
    }

    /// bylaw's own words on the parser's error line, and the parser's other forms, in Chinese.
    @Test func moreUsageErrorsInChinese() throws {
        let quiet = try Run.bylaw(["check", "--quiet=1", "x.yaml", "--lang", "zh"])
        #expect(quiet.stderr.contains("错误：选项 '--quiet' 不带取值，却给了 '1'"), "\(quiet.stderr)")
        let lint = try Run.bylaw(["lint", "no-such-folder", "--lang", "zh"])
        #expect(lint.status == 2)
        #expect(lint.stderr.contains("错误：`no-such-folder` 不存在"), "\(lint.stderr)")
        let encoding = try Run.bylaw(["audit", "--encoding", "latin1", "x.csv", "--lang", "zh"])
        #expect(encoding.stderr.contains("可选值：'utf-8'、'gb18030'、'utf-16'。"), "\(encoding.stderr)")
        let help = try Run.bylaw(["help", "nosuch", "--lang", "zh"])
        #expect(help.status == 2)
        #expect(help.stderr.hasPrefix("错误：没有子命令 `nosuch`；子命令有：check, audit"), "\(help.stderr)")
        // The system's reasons inside bylaw's sentences.
        let doc = try Run.bylaw(["doc", "rules", "-o", "/nonexistent-folder/x.md", "--lang", "zh"])
        #expect(doc.stderr.contains("无法写入 `/nonexistent-folder/x.md`：没有这个文件或文件夹"), "\(doc.stderr)")
        let store = try Run.bylaw([
            "check", "rules/asset-management/examples/compliant-vehicle-auction.yaml", "--audit",
            "/nonexistent-folder/x.sqlite", "--lang", "zh",
        ])
        #expect(store.status == 2)
        #expect(store.stderr.contains("无法打开数据库文件"), "\(store.stderr)")
    }

    /// The argument parser's own errors are said in the chosen language too: the error, its help line and the
    /// usage; in English they stay the parser's words.
    @Test func parserErrorsInBothLanguages() throws {
        let zh = try Run.bylaw(["audit", "--jobs", "abc", "x.csv", "--lang", "zh"])
        #expect(zh.status == 2)
        #expect(zh.stderr.contains("错误：取值 'abc' 不适用于 '--jobs <n>'"), "\(zh.stderr)")
        #expect(zh.stderr.contains("用法：bylaw audit"))
        #expect(zh.stderr.contains("详见 'bylaw audit --help'。"))
        #expect(!zh.stderr.contains("Error:") && !zh.stderr.contains("Usage:"), "\(zh.stderr)")
        // A value not among an option's choices: the choices listed in Chinese, no English left.
        let choice = try Run.bylaw(["check", "x.yaml", "--format", "xml", "--lang", "zh"])
        #expect(choice.stderr.contains("错误：取值 'xml' 不适用于 '--format <format>'，可选值：'text'、'json'。"), "\(choice.stderr)")
        let list = try Run.bylaw(["audit", "x.csv", "--format", "xml", "--lang", "zh"])
        #expect(list.stderr.contains("可选值如下：") && !list.stderr.contains("Please"), "\(list.stderr)")
        let extra = try Run.bylaw(["log", "verify", "extra", "--lang", "zh"])
        #expect(extra.stderr.contains("错误：多余的参数 'extra'"), "\(extra.stderr)")
        // A negative count is a value out of range, said so; not a missing value.
        for jobs in ["-1", "0", "300"] {
            let range = try Run.bylaw(["audit", "--jobs", jobs, "x.csv", "--lang", "en"])
            #expect(range.status == 2)
            #expect(range.stderr.contains("--jobs must be between 1 and 256"), "\(jobs): \(range.stderr)")
        }
        let en = try Run.bylaw(["audit", "--jobs", "abc", "x.csv", "--lang", "en"])
        #expect(en.stderr.contains("Error: The value 'abc' is invalid for '--jobs <n>'"), "\(en.stderr)")
    }

    @Test func jsonStaysLanguageNeutral() throws {
        let file = "rules/asset-management/examples/non-compliant-organ-investment.yaml"
        let en = try Run.bylaw(["check", "--no-audit", "--format", "json", file, "--lang", "en"])
        let zh = try Run.bylaw(["check", "--no-audit", "--format", "json", file, "--lang", "zh"])
        #expect(en.stdout == zh.stdout)
        #expect(zh.stdout.contains("\"non_compliant\""))
    }

    @Test func helpInBothLanguages() throws {
        let zh = try Run.bylaw(["--help", "--lang", "zh"])
        #expect(zh.stdout.contains("退出码"))
        #expect(zh.stdout.contains("按 YAML 规则集检查"))
        #expect(!zh.stdout.contains("EXIT CODES"))
        let en = try Run.bylaw(["--help"], environment: ["LANG": "C"])
        #expect(en.stdout.contains("EXIT CODES"))
        #expect(!en.stdout.contains("退出码"))
        let check = try Run.bylaw(["help", "check", "--lang", "zh"])
        #expect(check.stdout.contains("示例"))
        #expect(check.stdout.contains("每个决定只输出结论行"))
        #expect(!check.stdout.contains("Print only the verdict line"))
    }

    /// Every example that `help check`, `help explain`, `help audit` and `help lint` print runs: the files it names
    /// exist and the command line parses (exit 0 or 1, never the 2 of a missing file or a usage error). An
    /// example that redirects its output to a file is left out: the arguments are not given to a shell.
    @Test(arguments: ["check", "explain", "audit", "lint"], ["en", "zh"])
    func helpExamplesRun(_ command: String, _ lang: String) throws {
        let help = try Run.bylaw(["help", command, "--lang", lang])
        let examples = Self.examples(help.stdout).filter { !$0.contains(">") }
        #expect(examples.count >= 3, "\(help.stdout)")
        let scratch = Scratch.root.appendingPathComponent("bylaw-lang-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        for line in examples {
            let args = line.split(separator: " ").dropFirst().map(String.init)
            let run = try Run.bylaw(args, environment: ["BYLAW_AUDIT": scratch + "/trail.sqlite"])
            #expect(run.status == 0 || run.status == 1, "\(line): \(run.stderr)")
            // An example shows the command at work: an audit whose records are mostly invalid teaches nothing.
            #expect(!run.stdout.contains("most records are invalid") && !run.stdout.contains("多数记录无效"), "\(line)")
        }
    }

    /// The `bylaw …` commands under a help text's EXAMPLES (示例) heading, a line ending in `\` joined with the
    /// next.
    static func examples(_ help: String) -> [String] {
        var inside = false
        var found: [String] = []
        var continued = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "EXAMPLES" || trimmed == "示例" {
                inside = true
            } else if inside, !line.hasPrefix(" "), !trimmed.isEmpty {
                inside = false
            } else if inside, continued, let last = found.popLast() {
                found.append(last + " " + trimmed)
            } else if inside, trimmed.hasPrefix("bylaw ") {
                found.append(trimmed)
            } else {
                continue
            }
            continued = found.last?.hasSuffix("\\") == true
            if continued, let last = found.popLast() {
                found.append(String(last.dropLast()).trimmingCharacters(in: .whitespaces))
            }
        }
        return found
    }
}
