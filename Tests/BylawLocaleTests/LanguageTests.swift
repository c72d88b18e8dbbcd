import Bylaw
import BylawYAML
import Testing

@testable import BylawLocale

@Suite struct LanguageTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var flag: String?
        var environment: [String: String]
        var expected: Language
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "nothing set", flag: nil, environment: [:], expected: .english),
        Case(name: "--lang zh", flag: "zh", environment: [:], expected: .chinese),
        Case(name: "--lang en beats BYLAW_LANG", flag: "en", environment: ["BYLAW_LANG": "zh"], expected: .english),
        Case(name: "--lang zh-Hans", flag: "zh-Hans", environment: [:], expected: .chinese),
        Case(
            name: "BYLAW_LANG beats LANG", flag: nil, environment: ["BYLAW_LANG": "en", "LANG": "zh_CN.UTF-8"],
            expected: .english),
        Case(name: "LANG zh_CN", flag: nil, environment: ["LANG": "zh_CN.UTF-8"], expected: .chinese),
        Case(
            name: "LC_ALL beats LANG", flag: nil, environment: ["LC_ALL": "C", "LANG": "zh_CN.UTF-8"],
            expected: .english),
        Case(name: "LC_MESSAGES zh_TW", flag: nil, environment: ["LC_MESSAGES": "zh_TW.UTF-8"], expected: .chinese),
        Case(
            name: "empty LC_ALL passed over", flag: nil, environment: ["LC_ALL": "", "LANG": "zh_CN"],
            expected: .chinese),
        Case(
            name: "unknown BYLAW_LANG passed over", flag: nil, environment: ["BYLAW_LANG": "fr", "LANG": "zh_CN"],
            expected: .chinese),
        Case(name: "French locale is English", flag: nil, environment: ["LANG": "fr_FR.UTF-8"], expected: .english),
    ]

    @Test(arguments: cases)
    func resolves(_ c: Case) {
        #expect(Language.resolve(flag: c.flag, environment: c.environment) == c.expected)
    }

    @Test func tags() {
        #expect(Language(tag: "fr") == nil)
        #expect(Language(tag: "ZH") == .chinese)
        #expect(Language.chinese.htmlTag == "zh-Hans")
    }

    @Test func proseDates() {
        #expect(Language.chinese.proseDate("2025-07-11") == "2025年7月11日")
        #expect(Language.english.proseDate("2025-07-11") == "2025-07-11")
        // Only real calendar days are put into words: a wrong date is shown as written.
        for wrong in ["2022-02-30", "2023-02-29", "0000-01-01", "2025-04-31", "2025-+1-01", "2025-13-01"] {
            #expect(Language.chinese.proseDate(wrong) == wrong, "\(wrong)")
        }
        #expect(Language.chinese.proseDate("2024-02-29") == "2024年2月29日")
        #expect(Language.chinese.proseDate("2000-02-29") == "2000年2月29日")
        #expect(Language.chinese.proseDate("2025-13-11") == "2025-13-11")
        #expect(Language.chinese.proseDate("not a date") == "not a date")
    }

    /// The date no rule set is in force on is kept in the Chinese sentence.
    @Test func noRuleSetInForceKeepsItsDate() {
        let english = "no rule set for kind `asset_disposal` is in force on `2016-06-01`"
        #expect(
            DiagnosticWording.message(code: "decision.no-ruleset", english: english, .chinese)
                == "`2016-06-01` 这一天没有对 `asset_disposal` 类决定生效的规则集")
    }

    @Test func fillsPlaceholders() {
        #expect(Catalogue.fill("{1} of {0}", ["a", "b"]) == "b of a")
        #expect(Catalogue.fill("{2} {x} {", ["a"]) == "{2} {x} {")
        #expect(Language.english.text("no.such.id") == "no.such.id")
    }

    @Test func diagnosticMessagesInChinese() {
        let english = "unknown field `asset.valu`: no rule set that applies reads it"
        #expect(DiagnosticWording.message(code: "decision.unknown-field", english: english, .english) == english)
        #expect(
            DiagnosticWording.message(code: "decision.unknown-field", english: english, .chinese)
                == "未知字段 `asset.valu`：适用的规则集均不读取该字段")
        // A message whose number of quoted spans fits no sentence form: the statement, then the quoted text.
        #expect(
            DiagnosticWording.message(code: "decision.unknown-field", english: "`a` and `b`", .chinese)
                == "未知字段，适用的规则集均不读取：`a`、`b`")
        #expect(DiagnosticWording.message(code: "yaml.duplicate-key", english: "duplicate key", .chinese) == "键重复")
        #expect(DiagnosticWording.message(code: "no.such-code", english: "as is", .chinese) == "as is")
        #expect(DiagnosticWording.help("did you mean `book_value`?", .chinese) == "是否应为 `book_value`？")
        #expect(DiagnosticWording.help("allowed: a, b", .chinese) == "可选值：a、b")
        #expect(DiagnosticWording.help("did you mean `x`?", .english) == "did you mean `x`?")
        // A cell's help lines, as the batch reader writes them.
        #expect(
            DiagnosticWording.help(
                "the forms read are yyyy-M-d, yyyy/M/d; name another with `date:` in the mapping file", .chinese)
                == "可识别的写法有 yyyy-M-d, yyyy/M/d；其他写法请在映射文件中用 `date:` 写明")
        #expect(
            DiagnosticWording.help(
                "the forms read are yyyy/M/d and Excel serial numbers; name another with `date:` in the mapping file",
                .chinese) == "可识别的写法有 yyyy/M/d 及 Excel 日期序号；其他写法请在映射文件中用 `date:` 写明")
        #expect(
            DiagnosticWording.help("say which in the mapping file: `date: d/M/yyyy` or `date: M/d/yyyy`", .chinese)
                == "请在映射文件中写明：日在前写 `date: d/M/yyyy`，月在前写 `date: M/d/yyyy`")
        #expect(DiagnosticWording.help("the keys are `field`, `date`", .chinese) == "可用的键有 `field`, `date`")
        // Why a rule could not be evaluated.
        #expect(DiagnosticWording.ruleError("`require`: division by zero", .chinese) == "`require`：除数为零")
        #expect(
            DiagnosticWording.ruleError("`require`: no row of table `batch` matches and it has no default", .chinese)
                == "`require`：决策表 `batch` 没有匹配的行，也没有默认值")
        #expect(
            DiagnosticWording.ruleError("`let` `age` could not be computed: no such key `sanction`", .chinese)
                == "`let` `age` 无法计算：没有这个键：`sanction`")
        #expect(DiagnosticWording.ruleError("`when`: something new", .chinese) == "`when`：something new")
        #expect(DiagnosticWording.ruleError("`require`: division by zero", .english) == "`require`: division by zero")
        // Whole messages the catalogue knows word for word, the quoted text in place.
        func zh(_ code: String, _ english: String) -> String {
            DiagnosticWording.message(code: code, english: english, .chinese)
        }
        #expect(
            zh("decision.type-mismatch", "`sale.agreement_approved` must be a boolean, not `maybe`")
                == "`sale.agreement_approved` 须为布尔值（true 或 false），不能是 `maybe`")
        #expect(
            zh("decision.type-mismatch", "`asset.book_value` must be a decimal number, not `135万元`")
                == "`asset.book_value` 须为数字（可带小数），不能是 `135万元`")
        #expect(
            zh("decision.bad-date", "`asset.acquired` must be a calendar date written YYYY-MM-DD, not `2012年6月18日`")
                == "`asset.acquired` 须为日历日期，写成 YYYY-MM-DD，不能是 `2012年6月18日`")
        #expect(
            zh("decision.missing-field", "required field `action_date` (date) is missing")
                == "缺少必填字段 `action_date`（日期，写成 YYYY-MM-DD）")
        #expect(
            zh("decision.missing-field", "required field `unit_type` (one of `a`, `b`) is missing")
                == "缺少必填字段 `unit_type`（取值为 `a`、`b` 之一）")
        #expect(DiagnosticWording.help("write true or false", .chinese) == "请写 true 或 false")
        #expect(
            DiagnosticWording.help("`id`: the decision's id, unique within its kind", .chinese) == "`id`：决定的编号，在同类决定中唯一"
        )
        #expect(
            DiagnosticWording.help(
                "rule sets for kind `asset_disposal` are in force 2017-01-01 –; check the decision's `date`, or use `--as-of` to judge it under the rules of another day",
                .chinese) == "`asset_disposal` 类决定的规则集生效期间：2017-01-01 –；请核对决定的 `date`，或用 `--as-of` 按另一天的规则判断")
    }

    /// Each JSON syntax error the reader gives is worded in Chinese, and a full-width mark is named.
    @Test func jsonSyntaxErrorsInChinese() {
        let inputs = [
            "{} x", "", "?", "{\"a\": tru}", "{\"a\": -}", "{\"a\": 01}", "{\"a\": 1.}", "{\"a\": 1e}", "[1", "[1 2]",
            "{a: 1}", "{\"a\" 1}", "{\"a\": 1", "{\"a\": 1 \"b\": 2}", "{\"a\": \"x", "{\"a\": \"\u{1}\"}",
            "{\"a\": \"\\q\"}", "{\"a\": \"\\ud800\"}", "{\"a\": \"\\udc00\"}", "{\"a\": \"\\u12\"}",
            "{\"a\"：1}",
        ]
        var bare: [String] = []
        for text in inputs {
            do {
                _ = try DecisionFile.parse(bytes: Array(text.utf8), name: "d.json", json: true)
                bare.append("parsed: \(text)")
            } catch {
                guard let d = error.diagnostics.first else { continue }
                let chinese = DiagnosticWording.message(code: d.code, english: d.message, .chinese)
                if d.code == "json.syntax", !chinese.hasPrefix("JSON 语法错误：") { bare.append("\(text) → \(d.message)") }
            }
        }
        #expect(bare.isEmpty, "\(bare)")
        do {
            _ = try DecisionFile.parse(bytes: Array("{\"a\"：1}".utf8), name: "d.json", json: true)
        } catch {
            let help = error.diagnostics.first?.help ?? ""
            #expect(DiagnosticWording.help(help, .chinese) == "`：` 是全角符号：JSON 须用半角的 `:`")
        }
    }

    /// An impossible date keeps its reason in Chinese: the month's first and last days, the month, the year.
    @Test func impossibleDatesInChinese() {
        #expect(
            DiagnosticWording.message(
                code: "decision.no-such-day",
                english:
                    "`date` is `2024-02-30`, which is no day of the calendar: the days of February 2024 run from `2024-02-01` to `2024-02-29`",
                .chinese) == "`date` 为 `2024-02-30`，日历上没有这一天：该月的日期从 `2024-02-01` 到 `2024-02-29`")
        #expect(
            DiagnosticWording.message(
                code: "decision.no-such-month", english: "`date` is `2017-13-01`: there is no month `13`", .chinese)
                == "`date` 为 `2017-13-01`：没有 `13` 月")
    }

    /// A YAML syntax error says what is wrong in Chinese, and where the construct began, not libyaml's English.
    @Test func yamlSyntaxErrorsInChinese() {
        #expect(
            DiagnosticWording.message(code: "yaml.syntax", english: "could not find expected ':'", .chinese)
                == "YAML 语法错误：找不到应有的冒号“:”")
        #expect(DiagnosticWording.note("while scanning a simple key", .chinese) == "此键从这里开始")
        #expect(
            DiagnosticWording.help(
                "line 4 has the full-width colon `：` after `method`: YAML needs the ASCII colon and a space, `method: `",
                .chinese) == "第 4 行的 `method` 后是全角冒号“：”：YAML 的键后须是半角冒号加空格，写成 `method: `")
        // Every libyaml problem the catalogue words is one `EventReader.clean` can give: lowercase, no period.
        for e in Catalogue.entries where e.id.hasPrefix("diag-yaml.") {
            #expect(e.english.first?.isLowercase == true && !e.english.hasSuffix("."), "\(e.id)")
        }
    }

    /// A record read from a sheet keeps its place in Chinese: the cell and its column's header come first, then
    /// the problem; in English the message is as the reader wrote it.
    @Test func aSheetRecordsPlaceInChinese() {
        let wording = { (code: String, english: String) in
            DiagnosticWording.message(code: code, english: english, .chinese)
        }
        let empty = "cell B15, column `决策日期` is empty: required field `date` is missing: it is needed"
        #expect(wording("decision.missing-field", empty) == "单元格 B15（列 `决策日期`）为空，缺少必填字段：`date`")
        #expect(DiagnosticWording.message(code: "decision.missing-field", english: empty, .english) == empty)
        let typed = "cell J7, column `账面原值`: unknown field `asset.valu`: no rule set that applies reads it"
        #expect(wording("decision.unknown-field", typed) == "单元格 J7（列 `账面原值`）：未知字段 `asset.valu`：适用的规则集均不读取该字段")
        let csv = "column 3, column `单位`: unknown field `asset.valu`: no rule set that applies reads it"
        #expect(wording("decision.unknown-field", csv).hasPrefix("第 3 列（`单位`）：未知字段 `asset.valu`"))
        let unmapped = "no column gives `approval.date`: required field `approval.date` (date) is missing"
        #expect(
            wording("decision.missing-field", unmapped)
                == "没有哪一列给出 `approval.date`：缺少必填字段 `approval.date`（日期，写成 YYYY-MM-DD）")
        // Not a place: the message is worded as before.
        #expect(wording("decision.unknown-field", "cell phone `x`") == "未知字段 `x`：适用的规则集均不读取该字段")
    }

    /// Every help text, laid out as the parser prints it (prose from column 1, an option's help from column 27),
    /// fits the terminal once the screen is broken, at 80 columns and at 60, in both languages.
    @Test func helpScreensFitTheTerminal() {
        for entry in Catalogue.entries where entry.id.hasPrefix("help.") {
            for language in [Language.chinese, .english] {
                let text = language.help(entry.id, "2000")
                let prose = entry.id.hasSuffix(".abstract") || entry.id.hasSuffix(".discussion")
                let screen =
                    prose
                    ? text
                    : "OPTIONS:\n  --option <value>        "
                        + text.replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: 26))
                for columns in [80, 60] {
                    for line in Language.wrapHelpScreen(screen, columns: columns).split(separator: "\n") {
                        // A word is never broken: a path longer than the room left stands alone on its line.
                        let words = line.split(separator: " ")
                        guard Language.width(String(line)) > columns, words.count > 1 else { continue }
                        // A hand-laid line (an example command) is the author's to keep within 80.
                        #expect(columns < 80 && prose, "\(entry.id) at \(columns): \(line)")
                    }
                }
            }
        }
    }

    @Test func helpScreensBreakWhereAReaderExpects() {
        let help = "报告格式：text、json、jsonl、csv、junit 或 html。（可选值：text, json, jsonl, csv, junit, html；默认：text）"
        let lines = Language.wrapHelpScreen("OPTIONS:\n  --format <format>       " + help, columns: 80)
            .split(separator: "\n").map(String.init)
        #expect(lines.count > 2 && lines.count < 5, "\(lines)")
        #expect(lines.allSatisfy { Language.width($0) < 80 }, "\(lines)")
        // The help continues under the help, and nothing is lost or added but the breaks.
        #expect(lines[1].hasPrefix("  --format <format>       报告格式"))
        let hanging = String(repeating: " ", count: 26)
        #expect(lines.dropFirst(2).allSatisfy { $0.hasPrefix(hanging) && !$0.hasPrefix(hanging + " ") }, "\(lines)")
        #expect(lines.dropFirst().map { $0.dropFirst(26) }.joined() == help)
        // A closing mark never starts a line: the character before it goes along.
        let one = { (n: Int) in String(repeating: "一", count: n) }
        #expect(Language.wrapHelpScreen(one(18) + "二。三", columns: 40) == one(18) + "\n二。三")
        // An opening mark never ends one.
        #expect(Language.wrapHelpScreen(one(18) + "（二）", columns: 40) == one(18) + "\n（二）")
        // English words stay whole; prose continues at its indentation.
        #expect(
            Language.wrapHelpScreen("  alpha beta gamma delta epsilon zeta eta theta iota kappa", columns: 40)
                == "  alpha beta gamma delta epsilon zeta\n  eta theta iota kappa")
        // The usage breaks between its parts and continues under the command.
        #expect(
            Language.wrapHelpScreen(
                "USAGE: bylaw check <decisions> ... [--rules <dir>] [--as-of <date>] [--format <format>]", columns: 50)
                == "USAGE: bylaw check <decisions> ...\n       [--rules <dir>] [--as-of <date>]\n       [--format <format>]"
        )
        // A line that fits is left as it is.
        #expect(Language.wrapHelpScreen("  一二三", columns: 40) == "  一二三")
        // Two closing marks together go to the next line with the character they close.
        #expect(Language.wrapHelpScreen(one(17) + "二）。三", columns: 40) == one(17) + "\n二）。三")
        // An example command, and the rest of one after a backslash, are never broken.
        let command = "  bylaw log verify --receipt 42:5d41402a…:9f86d081… --audit trail.sqlite"
        #expect(Language.wrapHelpScreen(command, columns: 40) == command)
        let continued = "  bylaw audit --map columns.yaml \\\n      --kind asset_disposal examples/ledger.csv"
        #expect(Language.wrapHelpScreen(continued, columns: 40) == continued)
        // A sentence that begins with the program's name is prose.
        #expect(Language.wrapHelpScreen("  bylaw 说明原因，不再报告，退出码为 2。审计库无法写入。", columns: 30).contains("\n"))
        // A paragraph laid out for 80 columns is joined, then broken again: no stub of a line between.
        let paragraph =
            "Field paths, list columns and the mapping format: docs/audit.md. A\nmapping file's fields move."
        #expect(
            Language.wrapHelpScreen(paragraph, columns: 40)
                == "Field paths, list columns and the\nmapping format: docs/audit.md. A\nmapping file's fields move.")
        // A term's text laid out under it by hand joins it the same way.
        let term = "  a.csv     a header row of field paths, one record a row;\n            UTF-8 or GBK"
        #expect(
            Language.wrapHelpScreen(term, columns: 40)
                == "  a.csv     a header row of field\n            paths, one record a row;\n            UTF-8 or GBK")
    }

    /// Every reason a verification can give reads in Chinese: each catalogue form, filled with sample values in
    /// English, is recognised and said in Chinese with the same values; a reason of no known form stays as it is.
    @Test func verificationReasonsInChinese() {
        let forms = Catalogue.entries.filter { $0.id.hasPrefix("verify.") }
        #expect(forms.count >= 20)
        for form in forms {
            let values = ["12", "2026-12-06T10:00:00.000Z", "15"]
            let english = Catalogue.fill(form.english, values)
            #expect(VerifyWording.text(english, .english) == english)
            let chinese = VerifyWording.text(english, .chinese)
            #expect(chinese == Catalogue.fill(form.chinese, values), "\(form.id): \(chinese)")
            #expect(chinese != english, "\(form.id)")
        }
        #expect(
            VerifyWording.text("its `verdict` column differs from its content", .chinese) == "其 `verdict` 列与内容不一致")
        #expect(VerifyWording.text("a reason of another form", .chinese) == "a reason of another form")
        #expect(Catalogue.match("record {0} is missing", "record 7 is missing, and more") == nil)
    }

    /// A condition that can never hold for several reasons: each reason is said in Chinese, in order.
    @Test func everyReasonAConditionCannotHoldIsInChinese() {
        let english =
            "`when` of rule `L-01` can never be true: `a > 5` and `a < 3` cannot both hold; "
            + "`b > 10`, `b < 2`, `b == 4` cannot all hold"
        #expect(
            DiagnosticWording.message(code: "lint.when-never-true", english: english, .chinese)
                == "规则 `L-01` 的 `when` 永远不会成立，规则从不适用：`a > 5` 与 `a < 3` 不能同时成立；"
                + "`b > 10`、`b < 2`、`b == 4` 不能同时成立")
        #expect(DiagnosticWording.message(code: "lint.when-never-true", english: english, .english) == english)
        // A quoted expression may hold the separator.
        let literal =
            "`when` of rule `L-03` can never be true: `a > 5` and `a < 3` cannot both hold; "
            + "`u == \"a; b\"` and `u == \"c\"` cannot both hold"
        #expect(
            DiagnosticWording.message(code: "lint.when-never-true", english: literal, .chinese)
                == "规则 `L-03` 的 `when` 永远不会成立，规则从不适用：`a > 5` 与 `a < 3` 不能同时成立；"
                + "`u == \"a; b\"` 与 `u == \"c\"` 不能同时成立")
        // A reason in no known form is kept as written rather than half translated.
        let odd = "`require` of rule `L-02` can never be true: `x` is odd; `y` is even"
        #expect(
            DiagnosticWording.message(code: "lint.require-always-false", english: odd, .chinese)
                == "规则 `L-02` 的 `require` 永远不会成立：`x` is odd; `y` is even")
    }
}
