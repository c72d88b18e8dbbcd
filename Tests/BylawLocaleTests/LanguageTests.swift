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
        #expect(wording("decision.missing-field", unmapped) == "没有哪一列给出 `approval.date`：缺少必填字段：`approval.date`")
        // Not a place: the message is worded as before.
        #expect(wording("decision.unknown-field", "cell phone `x`") == "未知字段 `x`：适用的规则集均不读取该字段")
    }

    /// Chinese help lines fit an 80-column terminal, whatever the parser's wrapping by characters does.
    @Test func chineseHelpFitsEightyColumns() {
        for entry in Catalogue.entries where entry.id.hasPrefix("help.") {
            for line in Language.chinese.help(entry.id, "2000").split(separator: "\n") {
                #expect(Language.width(String(line)) <= 80, "\(entry.id): \(line)")
            }
        }
        #expect(Language.wrap("  一二三四五六", columns: 8) == "  一二三\n  四五六")
        #expect(Language.wrap("abc 一二三", columns: 6) == "abc 一\n二三")
        #expect(Language.wrap("abc defgh", columns: 6) == "abc defgh", "an ASCII line is left alone")
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
}
