import BylawTestSupport
import Foundation
import Testing

@testable import Bylaw

/// The HTML report rendered by headless Chromium through `scripts/check-html-report`: the browser must show
/// both charts with the fixture's exact bars, the table with one row per listed record, and sorting and
/// filtering must work. Skips, saying why, when Chromium is not installed (`scripts/setup` installs it when
/// it can).
@Suite struct HTMLReportBrowserTests {
    static let browser = ["chromium", "chromium-browser", "google-chrome"].first { name in
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
        }
    }

    @Test(.enabled(if: browser != nil, "chromium is not installed (apt-get install -y chromium)"))
    func chromiumShowsChartsAndASortableTable() throws {
        let run = try HTMLReportBrowserRun.run(.english)
        let (dir, seen) = (run.folder, run.seen)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(seen["rows"] as? Int == 6)
        let figures = try #require(seen["figures"] as? [String: Int])
        #expect(
            figures == ["records": 8, "compliant": 2, "non_compliant": 3, "needs_review": 1, "invalid": 1, "error": 1])
        let bars = try #require(seen["bars"] as? [String: [[Any]]])
        let rules = bars["chart-rules"]?.map { "\($0[0]) \($0[1])" }
        #expect(rules == ["AM-07 3", "AM-08 2", "AM-11 1", "AM-12 1", "AM-13 1"])
        let units = bars["chart-units"]?.map { "\($0[0]) \($0[1])" }
        #expect(units == ["acftu/hebei/baoding-ftu 1", "acftu/beijing 1", #"<script>alert("x")</script> 1"#])

        let probe = try #require(seen["probe"] as? [String: Any])
        #expect(probe["controlsVisible"] as? Bool == true)
        #expect(probe["rows"] as? Int == 6)
        #expect(
            probe["unitAscending"] as? [String] == [
                "", "+cmd|' /C calc'!A0", #"<script>alert("x")</script>"#, "acftu/beijing",
                "acftu/hebei/baoding-ftu", "acftu/hebei/baoding-ftu",
            ])
        let filter = try #require(probe["ruleFilter"] as? [String: Any])
        #expect(filter["rule"] as? String == "asset-management/AM-07")
        #expect(filter["shown"] as? Int == 3)
        #expect(filter["label"] as? String == "3 of 6 shown")
        let after = try #require(probe["afterSwitch"] as? [String: Any])
        #expect(after["lang"] as? String == "zh-Hans" && after["records"] as? String == "记录")
        #expect(after["heading"] as? String == "审计报告" && after["shown"] as? String == "显示 6 条（共 6 条）")
        let back = try #require(probe["switchedBack"] as? [String: Any])
        #expect(back["lang"] as? String == "en" && back["records"] as? String == "records")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("report.png").path))
    }
}
