import BylawDiagnostics
import BylawLocale
import BylawTestSupport
import Foundation
import Testing

@testable import Bylaw
@testable import BylawReports

/// The audit reports and lint output in Chinese, against reviewed golden files beside the English ones, and
/// the HTML report of each language free of the other's labels. Re-record with `BYLAW_RECORD=1`; a recording
/// run fails so that every re-record is a reviewed diff.
@Suite struct ChineseReportTests {
    static var recording: Bool { ProcessInfo.processInfo.environment["BYLAW_RECORD"] != nil }

    static func compare(_ actual: String, _ path: String) throws {
        if recording {
            try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
            Issue.record("recorded \(path); review the diff and run again without BYLAW_RECORD")
            return
        }
        let expected = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        #expect(actual == expected, "differs from \(path)")
    }

    @Test(arguments: [BatchReportFormat.text, .html, .junit, .csv])
    func batchReport(_ format: BatchReportFormat) throws {
        let rendered = BatchFixture.render(format, language: .chinese)
        #expect(BatchFixture.render(format, spillThreshold: 64, language: .chinese) == rendered)
        #expect(BatchFixture.render(format, prerendered: true, language: .chinese) == rendered)
        let extensions = ["text": "txt", "html": "html", "junit": "xml", "csv": "csv"]
        let name = "report.zh-Hans." + extensions[format.rawValue, default: "txt"]
        try Self.compare(rendered, BatchReportGoldenTests.corpus + "/" + name)
    }

    /// Machine formats do not change with the language: JSON, and CSV with the machine columns.
    @Test func machineFormatsAreLanguageNeutral() {
        #expect(BatchFixture.render(.json, language: .chinese) == BatchFixture.render(.json))
        let machine = BatchFixture.render(.csv, language: .chinese, csvColumns: .machine)
        #expect(machine == BatchFixture.render(.csv, csvColumns: .machine))
        #expect(machine.hasPrefix("\u{FEFF}source,record_id,kind,unit,date,verdict,rule_set,rule_id,title,"))
        #expect(machine.contains(",non_compliant,") && !machine.contains("不合规"))
    }

    /// The CSV report for a Chinese reader: the header and the verdict, severity and outcome words from the
    /// catalogue, the cells still in the machine columns' order; in English the labels are the machine names.
    @Test func chineseCSVHasChineseHeaderAndWords() throws {
        let rows = BatchReportStructureTests.parseCSV(
            String(BatchFixture.render(.csv, language: .chinese).unicodeScalars.dropFirst()))
        #expect(
            rows.first == [
                "来源", "决定编号", "决定类别", "单位", "日期", "结论", "规则集", "规则编号", "规则标题", "严重程度", "检查结果", "依据条款",
                "说明", "依据数据",
            ])
        let am07 = try #require(rows.first { $0[1] == "ZC-2023-0045" && $0[7] == "AM-07" })
        #expect([am07[5], am07[9], am07[10]] == ["不合规", "违规", "未通过"])
        let invalid = try #require(rows.first { $0[0] == "disposals.csv 第 6 行" })
        #expect([invalid[5], invalid[9], invalid[10]] == ["无效", "错误", "无效"])
        #expect(invalid[12].hasPrefix("disposals.csv:8:1: 错误"))
        let inError = try #require(rows.first { $0[7] == "AM-06" })
        #expect([inError[5], inError[10]] == ["出错", "出错"])
        #expect(rows.dropFirst().allSatisfy { !["non_compliant", "failed", "violation"].contains($0[5]) })
        #expect(CSVBatchReporter.header(.english) == CSVBatchReporter.columns)
        #expect(BatchFixture.render(.csv, csvColumns: .labels) == BatchFixture.render(.csv, csvColumns: .machine))
    }

    /// The labels the HTML report writes, from the catalogue (`html.*`), with placeholders cut off.
    static func labels(_ language: Language) -> [String] {
        Catalogue.entries.filter { $0.id.hasPrefix("html.") }.map { $0.text(language) }
            .flatMap { $0.split(separator: "{").map { String($0).drop { $0.isNumber || $0 == "}" } } }
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters)) }
            .filter { $0.count >= 2 }
    }

    /// The page as a reader sees it before touching the language switch: without its script and without the
    /// tags' attributes, where the other language's labels wait for the switch.
    static func shown(_ page: String) -> String {
        page.replacing(#/<script>[\s\S]*?</script>/#, with: "")
            .replacing(#/<([a-zA-Z0-9]+)[^>]*>/#) { "<" + $0.output.1 + ">" }
    }

    @Test func eachHTMLReportHasNoneOfTheOtherLanguagesLabels() {
        let zhPage = BatchFixture.render(.html, language: .chinese)
        let enPage = BatchFixture.render(.html)
        #expect(zhPage.contains("<html lang=\"zh-Hans\">"))
        #expect(enPage.contains("<html lang=\"en\">"))
        let (zh, en) = (Self.shown(zhPage), Self.shown(enPage))
        // English labels are words; the record data in the fixture is Chinese, so any English label found in
        // the Chinese page is one that was not translated.
        let untranslated =
            Self.labels(.english).filter { $0.count >= 4 && zh.contains(">" + $0) }
            + ["Audit report", "Filter records", "Records not compliant", "Failures by rule", "shown<"].filter {
                zh.contains($0)
            }
        #expect(untranslated.isEmpty, "English labels in the Chinese page: \(untranslated)")
        let leaked = Self.labels(.chinese).filter {
            $0.unicodeScalars.contains { $0.value >= 0x4E00 } && en.contains(">" + $0 + "<")
        }
        #expect(leaked.isEmpty, "Chinese labels in the English page: \(leaked)")
        #expect(zh.contains("审计报告") && zhPage.contains("placeholder=\"筛选记录…\""))
    }

    /// Each page carries the other language's labels in attributes, for the switch in its header: labels only,
    /// so the record rows hold none but the one rule error's prefix (their verdicts come from the script).
    @Test func eachHTMLReportCarriesTheOtherLanguagesLabelsForItsSwitch() throws {
        let zh = BatchFixture.render(.html, language: .chinese)
        let en = BatchFixture.render(.html)
        #expect(zh.contains(#"<button type="button" id="lang-switch" hidden lang="en" data-alt-lang="zh-Hans""#))
        #expect(en.contains(#"<button type="button" id="lang-switch" hidden lang="zh-Hans" data-alt-lang="en""#))
        for alternate in [
            #"<h1 data-alt="Audit report">审计报告</h1>"#, #"<span class="l" data-alt="records">记录</span>"#,
            #"data-alt-placeholder="Filter records…""#, #"<title data-alt="Failures by rule">各规则违反次数</title>"#,
            #"data-alt="non-compliant">不合规</option>"#, #"data-alt-title="Show this page in Chinese""#,
        ] {
            #expect(zh.contains(alternate), "\(alternate)")
        }
        #expect(en.contains(#"<span class="l" data-alt="记录">records</span>"#))
        #expect(en.contains(#"<th data-sort="text" scope="col" data-alt="单位">unit</th>"#))
        for page in [zh, en] {
            let rows = try #require(page.firstRange(of: "<tbody>\n<tr data-verdict")).lowerBound
            let body = page[rows...].split(separator: "</tbody>").first ?? ""
            #expect(body.matches(of: /data-alt/).count == 1)
            #expect(page.matches(of: /<script>/).count == 1)
        }
    }

    @Test(arguments: LintGoldenTests.names)
    func lint(_ name: String) throws {
        let dir = LintGoldenTests.corpus + "/" + name
        let renderer = DiagnosticRenderer(language: .chinese) { try? String(contentsOfFile: $0, encoding: .utf8) }
        let rendered = LintOutput.text(try LintGoldenTests.lint(name), renderer: renderer, language: .chinese)
            .replacingOccurrences(of: dir + "/", with: "")
            .replacingOccurrences(of: Paths.repository + "/", with: "")
        try Self.compare(rendered, dir + "/expected.zh-Hans.txt")
    }
}

/// The Chinese HTML report in headless Chromium: the same charts, rows, sorting and filtering as the English
/// one, the filter's count in Chinese, and a screenshot (kept when `BYLAW_SCREENSHOTS` names a folder).
@Suite struct ChineseHTMLBrowserTests {
    @Test(
        .enabled(if: HTMLReportBrowserTests.browser != nil, "chromium is not installed (apt-get install -y chromium)"))
    func chromiumShowsTheChineseReport() throws {
        let run = try HTMLReportBrowserRun.run(.chinese)
        defer { try? FileManager.default.removeItem(at: run.folder) }
        #expect(run.seen["rows"] as? Int == 6)
        let figures = try #require(run.seen["figures"] as? [String: Int])
        #expect(figures["non_compliant"] == 3 && figures["records"] == 8)
        let probe = try #require(run.seen["probe"] as? [String: Any])
        #expect(probe["controlsVisible"] as? Bool == true)
        let filter = try #require(probe["ruleFilter"] as? [String: Any])
        #expect(filter["shown"] as? Int == 3)
        #expect(filter["label"] as? String == "显示 3 条（共 6 条）")
        // The switch in the header turns the page's labels to English, and a second click back to Chinese.
        #expect(probe["switchVisible"] as? Bool == true)
        let before = try #require(probe["beforeSwitch"] as? [String: Any])
        let after = try #require(probe["afterSwitch"] as? [String: Any])
        let back = try #require(probe["switchedBack"] as? [String: Any])
        #expect(before["lang"] as? String == "zh-Hans" && before["records"] as? String == "记录")
        #expect(before["button"] as? String == "English")
        #expect(after["lang"] as? String == "en")
        #expect(after["title"] as? String == "Audit report · bylaw")
        #expect(after["heading"] as? String == "Audit report")
        #expect(after["records"] as? String == "records")
        #expect(after["chart"] as? String == "Failures by rule")
        #expect(after["filter"] as? String == "Filter records…")
        #expect(after["shown"] as? String == "6 of 6 shown")
        #expect(after["verdict"] as? String == "non-compliant")
        #expect(after["button"] as? String == "中文")
        #expect((after["heads"] as? [String])?.prefix(3) == ["source", "record", "unit"])
        #expect(back["lang"] as? String == "zh-Hans" && back["records"] as? String == "记录")
        #expect(back["heading"] as? String == "审计报告" && back["shown"] as? String == "显示 6 条（共 6 条）")
        #expect(back["verdict"] as? String == "不合规")
        #expect((back["heads"] as? [String])?.prefix(3) == ["来源", "记录", "单位"])
        let shot = run.folder.appendingPathComponent("report.png")
        #expect(FileManager.default.fileExists(atPath: shot.path))
        if let keep = ProcessInfo.processInfo.environment["BYLAW_SCREENSHOTS"] {
            try? FileManager.default.removeItem(atPath: keep + "/report.zh-Hans.png")
            try FileManager.default.copyItem(atPath: shot.path, toPath: keep + "/report.zh-Hans.png")
        }
    }
}
