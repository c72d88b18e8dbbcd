import BylawTestSupport
import Foundation
import Testing

/// A rule set's own English (`title_en`, `message_en`): shown to English readers where the author gave it, never
/// to Chinese readers nor in JSON; `lint --translations` lists what lacks it, and plain `lint` never does.
@Suite struct TranslationCommandTests {
    /// The CSV report's machine header, which programs read.
    static let machineCSVHeader =
        "source,record_id,kind,unit,date,verdict,rule_set,rule_id,title,severity,outcome,cite,message,evidence"

    static let organInvestment = "rules/asset-management/examples/non-compliant-organ-investment.yaml"

    @Test func anEnglishReaderSeesTheAuthorsEnglish() throws {
        let en = try Run.bylaw(["check", "--no-audit", Self.organInvestment, "--lang", "en"])
        #expect(en.status == 1, "\(en.stderr)")
        #expect(en.stdout.contains("AM-14  Administrative units and units managed as civil service units make no"))
        // The message is the English template with the decision's own (Chinese) value in its placeholder.
        #expect(en.stdout.contains("ZC-2021-0093: a 参公单位 may not invest its assets"))
        #expect(!en.stdout.contains("行政单位和参公单位不得对外投资"))
        let zh = try Run.bylaw(["check", "--no-audit", Self.organInvestment, "--lang", "zh"])
        #expect(zh.stdout.contains("行政单位和参公单位不得对外投资"))
        #expect(zh.stdout.contains("ZC-2021-0093：参公单位不得以资产对外投资"))
        #expect(!zh.stdout.contains("may not invest"))
    }

    @Test func jsonAndTheAuditCSVKeepMachineFormsAndCSVFollowsTheReader() throws {
        let json = try Run.bylaw(["check", "--no-audit", "--format", "json", Self.organInvestment, "--lang", "en"])
        #expect(json.stdout.contains("参公单位不得以资产对外投资"))
        #expect(!json.stdout.contains("may not invest"))
        let args = [
            "audit", "--no-audit", "examples/asset-disposals/disposal-ledger.csv", "--kind", "asset_disposal",
            "--map", "examples/asset-disposals/columns.yaml", "--format", "csv",
        ]
        let csvEN = try Run.bylaw(args + ["--lang", "en"])
        let csvZH = try Run.bylaw(args + ["--lang", "zh"])
        #expect(csvEN.stdout.contains("must be approved by"), "\(csvEN.stderr)")
        #expect(!csvZH.stdout.contains("must be approved by"))
        #expect(csvZH.stdout.contains("审批"))
    }

    /// `bylaw audit --format csv`: a Chinese header and verdict words for a Chinese reader, the machine names in
    /// English and with `--columns machine` in any language; a `--columns` that is neither is a usage error.
    @Test func auditCSVHeaderFollowsTheReaderUnlessMachine() throws {
        let args = [
            "audit", "--no-audit", "examples/asset-disposals/disposal-ledger.csv", "--kind", "asset_disposal",
            "--map", "examples/asset-disposals/columns.yaml", "--format", "csv",
        ]
        func header(_ run: Run) -> String { String(run.stdout.unicodeScalars.dropFirst().prefix { $0 != "\r" }) }
        let machineHeader = Self.machineCSVHeader
        let zh = try Run.bylaw(args + ["--lang", "zh"])
        #expect(zh.status == 1, "\(zh.stderr)")
        #expect(header(zh) == "来源,决定编号,决定类别,单位,日期,结论,规则集,规则编号,规则标题,严重程度,检查结果,依据条款,说明,依据数据")
        #expect(zh.stdout.contains(",不合规,") && zh.stdout.contains(",未通过,"))
        #expect(!zh.stdout.contains(",non_compliant,"))
        let zhMachine = try Run.bylaw(args + ["--lang", "zh", "--columns", "machine"])
        #expect(header(zhMachine) == machineHeader)
        #expect(zhMachine.stdout.contains(",non_compliant,") && !zhMachine.stdout.contains(",不合规,"))
        #expect(zhMachine.stdout.contains("审批"), "the rules' own words still follow the reader")
        let en = try Run.bylaw(args + ["--lang", "en"])
        #expect(header(en) == machineHeader)
        #expect(en.stdout.contains(",non_compliant,"))
        let enMachine = try Run.bylaw(args + ["--lang", "en", "--columns", "machine"])
        #expect(enMachine.stdout == en.stdout)
        for lang in ["en", "zh"] {
            let bad = try Run.bylaw(args + ["--lang", lang, "--columns", "chinese"])
            #expect(bad.status == 2)
            #expect(bad.stdout.isEmpty)
            #expect(bad.stderr.contains("--columns") && bad.stderr.contains("`chinese`"), "\(bad.stderr)")
            #expect(bad.stderr.contains(lang == "zh" ? "须为 labels 或 machine" : "takes labels or machine"))
        }
    }

    @Test func explainShowsTheEnglishTitleAndChineseWords() throws {
        let args = ["explain", "rules/asset-management", "--case", "出借期限六年", "--rule", "AM-16"]
        let en = try Run.bylaw(args + ["--lang", "en"])
        #expect(en.status == 0, "\(en.stderr)")
        #expect(en.stdout.contains("Lend only to administrative and public institutions"))
        #expect(en.stdout.contains("non_compliant"))
        let zh = try Run.bylaw(args + ["--lang", "zh"])
        #expect(zh.stdout.contains("出借对象限于行政事业单位"))
        #expect(zh.stdout.hasPrefix("不合规"), "\(zh.stdout)")
        #expect(zh.stdout.contains("未通过"))
        #expect(!zh.stdout.contains("Lend only"))
    }

    @Test func lintReportsMissingTranslationsOnlyWhenAsked() throws {
        let plain = try Run.bylaw(["lint", "--as-of", "2025-07-11", "rules/cadre-selection"])
        #expect(!plain.stdout.contains("lint.missing-translation"))
        let asked = try Run.bylaw(["lint", "--as-of", "2025-07-11", "--translations", "rules/cadre-selection"])
        #expect(asked.stdout.contains("rule set `cadre-selection` has no `title_en` [lint.missing-translation]"))
        #expect(asked.stdout.contains("has no `title_en` or `message_en` [lint.missing-translation]"))
        // Notes never fail the run.
        #expect(asked.status == plain.status, "\(asked.stderr)")
        // The shipped asset-management set carries English for every title and message (its 2017 version does not).
        let translated = try Run.bylaw(
            [
                "lint", "--as-of", "2025-07-11", "--translations", "rules/asset-management/ruleset.yaml", "--format",
                "json",
            ])
        #expect(translated.status == 0, "\(translated.stderr)")
        #expect(!translated.stdout.contains("lint.missing-translation"))
    }

    /// The note on a result resting on a provisional calendar year is the reader's language; JSON keeps English.
    @Test func theProvisionalCalendarNoteInChinese() throws {
        let file = "rules/cadre-selection/examples/needs-review-2027-provisional-notice.yaml"
        let zh = try Run.bylaw(["check", "--no-audit", file, "--lang", "zh"])
        #expect(zh.status == 1, "\(zh.stderr)")
        #expect(zh.stdout.contains("暂定：计算了 2027 年的工作日，而工作日历 `cn-mainland` 中该年尚属暂定"))
        #expect(!zh.stdout.contains("counts working days"))
        let json = try Run.bylaw(["check", "--no-audit", file, "--lang", "zh", "--format", "json"])
        #expect(json.stdout.contains("counts working days over 2027"))
    }

    /// `diff` speaks the reader's language around the changes, and lists a changed `title_en` like any field.
    @Test func diffInBothLanguages() throws {
        let args = ["diff", "rules/asset-management/ruleset-2017.yaml", "rules/asset-management/ruleset.yaml"]
        let zh = try Run.bylaw(args + ["--lang", "zh"])
        #expect(zh.status == 1, "\(zh.stderr)")
        #expect(zh.stdout.hasPrefix("规则集 `asset-management`：2017.1.2 → 1.2.1\n  头部\n"))
        #expect(zh.stdout.contains("+ title_en: Rules on the use and disposal"))
        #expect(zh.stdout.split(separator: "\n").last?.hasPrefix("共 ") == true)
        let en = try Run.bylaw(args + ["--lang", "en"])
        #expect(en.stdout.hasPrefix("rule set `asset-management`: 2017.1.2 → 1.2.1\n  header\n"))
        #expect(!en.stdout.contains("规则集 `"))
    }

    @Test func aMessageEnglishWithABadPlaceholderIsALoadError() throws {
        let dir = Scratch.root.appendingPathComponent("bylaw-translation-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/t", withIntermediateDirectories: true)
        let ruleset = """
            ruleset: t
            title: 测试
            title_en: Test
            version: 1.0.0
            source: {title: 测试办法}
            applies_to: t
            input:
              n: int
            rules:
              - id: T-01
                title: 数量为正
                title_en: The number is positive
                cite: 第一条
                require: n > 0
                message: '数量 {n} 不是正数'
                message_en: 'the number {m} is not positive'
            """
        try Data(ruleset.utf8).write(to: URL(fileURLWithPath: dir + "/t/ruleset.yaml"))
        let run = try Run.bylaw(["lint", dir + "/t"])
        #expect(run.status == 1, "\(run.stdout)")
        #expect(run.stdout.contains("ruleset.yaml:16:"), "\(run.stdout)")
    }
}
