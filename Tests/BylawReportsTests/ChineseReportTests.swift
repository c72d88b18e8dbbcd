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
        #expect([am07[5], am07[9], am07[10]] == ["不合规", "违规", "违反"])
        let invalid = try #require(rows.first { $0[0] == "disposals.csv:row 6" })
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

    @Test func eachHTMLReportHasNoneOfTheOtherLanguagesLabels() {
        let zh = BatchFixture.render(.html, language: .chinese)
        let en = BatchFixture.render(.html)
        #expect(zh.contains("<html lang=\"zh-Hans\">"))
        #expect(en.contains("<html lang=\"en\">"))
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
        #expect(zh.contains("审计报告") && zh.contains("筛选记录"))
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
        let shot = run.folder.appendingPathComponent("report.png")
        #expect(FileManager.default.fileExists(atPath: shot.path))
        if let keep = ProcessInfo.processInfo.environment["BYLAW_SCREENSHOTS"] {
            try? FileManager.default.removeItem(atPath: keep + "/report.zh-Hans.png")
            try FileManager.default.copyItem(atPath: shot.path, toPath: keep + "/report.zh-Hans.png")
        }
    }
}
