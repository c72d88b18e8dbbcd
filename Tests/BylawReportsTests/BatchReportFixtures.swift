import BylawCEL
import BylawDiagnostics
import BylawLocale
import BylawTestSupport
import Testing

@testable import Bylaw
@testable import BylawBatch
@testable import BylawReports

/// A fixed batch for the report goldens: compliant and non-compliant disposals, Chinese text throughout, a
/// record id that is a spreadsheet formula, a unit that is a `<script>`, an evidence value with a line break
/// and a terminal escape, an invalid CSV row, a record whose rule is in error, and a compliant record with a
/// failed notice. Built by hand so the goldens do not move when the shipped rule library is edited.
enum BatchFixture {
    static let assets = AppliedRuleSet(
        id: "asset-management", version: "1.0.0", file: "rules/asset-management/ruleset.yaml")

    static let run = BatchRunInfo(
        bylawVersion: "0.1.0", inputs: ["disposals.csv", "more.jsonl"], asOf: "2024-12-31", ruleSets: [assets])

    static func rule(
        _ id: String, _ title: String, _ cite: String, _ outcome: RuleOutcome, severity: RuleSeverity = .violation,
        message: String? = nil, error: String? = nil, evidence: [(String, CELValue)] = []
    ) -> RuleResult {
        RuleResult(
            ruleSet: "asset-management", ruleID: id, title: title, cite: cite, severity: severity, outcome: outcome,
            message: message, error: error, evidence: evidence.map { Evidence(path: $0.0, value: $0.1) })
    }

    static func decimal(_ s: String) -> CELValue {
        CELDecimal(s).map(CELValue.decimal) ?? .string(s)
    }

    static let am01 = ("AM-01", "处置须经有权限的工会审批", "工会行政事业性资产处置管理办法第二条、第六条")
    static let am06 = ("AM-06", "转让、出售、置换和对外投资须资产评估，评估在有效期内", "行政事业性国有资产管理条例第三十六条、第五十四条")
    static let am07 = ("AM-07", "出售、转让应公开进行（拍卖、招标、挂牌）", "行政事业性国有资产管理条例第三十六条、第五十三条")
    static let am08 = ("AM-08", "成交价不低于评估价的规定比例", "行政事业性国有资产管理条例第五十四条（低价处置）；地方处置办法")
    static let am11 = ("AM-11", "买受人、承租人不得与决策或评估人员有利害关系", "《公务员法》第七十六条（公务回避）")
    static let am12 = ("AM-12", "报废报损、损失核销须符合法定情形", "行政事业性国有资产管理条例第二十一条")
    static let am13 = ("AM-13", "处置后及时核销资产卡片和账务", "行政事业性国有资产管理条例第二十四条")

    static func decision(
        _ source: RecordSource, id: String?, unit: String?, date: String? = "2023-05-08", verdict: Verdict,
        results: [RuleResult], diagnostics: [Diagnostic] = []
    ) -> DecisionResult {
        DecisionResult(
            file: source.file, kind: verdict == .invalid ? nil : "asset_disposal", id: id, date: date, unit: unit,
            verdict: verdict, ruleSets: verdict == .invalid ? [] : [assets], results: results,
            diagnostics: diagnostics)
    }

    static let items: [BatchItem] = {
        let csv = { (row: Int) in RecordSource(file: "disposals.csv", position: .row(row)) }
        let jsonl = { (line: Int) in RecordSource(file: "more.jsonl", position: .line(line)) }
        let passed01 = rule(am01.0, am01.1, am01.2, .passed)
        let decisions: [(RecordSource, DecisionResult)] = [
            (
                csv(1),
                decision(
                    csv(1), id: "ZC-2023-0001", unit: "acftu/hebei/baoding-ftu", verdict: .compliant,
                    results: [passed01])
            ),
            (
                csv(2),
                decision(
                    csv(2), id: "ZC-2023-0045", unit: "acftu/hebei/baoding-ftu", verdict: .nonCompliant,
                    results: [
                        passed01,
                        rule(
                            am07.0, am07.1, am07.2, .failed, message: "房屋土地以协议转让方式处置，未公开进行",
                            evidence: [("sale.channel", .string("协议转让"))]),
                        rule(
                            am08.0, am08.1, am08.2, .failed, message: "成交价 6970000.00 低于评估价 8200000.00 的 90%",
                            evidence: [
                                ("sale.price", decimal("6970000.00")), ("appraisal.value", decimal("8200000.00")),
                            ]),
                        rule(
                            am11.0, am11.1, am11.2, .failed, message: "买受人 保定工建实业有限公司 与本单位有关联关系",
                            evidence: [("sale.buyer_related", .bool(true))]),
                    ])
            ),
            (
                csv(3),
                decision(
                    csv(3), id: #"=HYPERLINK("http://evil.example","点击")"#, unit: "acftu/beijing",
                    verdict: .nonCompliant,
                    results: [
                        rule(
                            am08.0, am08.1, am08.2, .failed, message: "-12% 低于评估价",
                            evidence: [("sale.price", decimal("-1250.50"))])
                    ])
            ),
            (
                csv(4),
                decision(
                    csv(4), id: "ZC-<b>4</b>", unit: #"<script>alert("x")</script>"#, verdict: .nonCompliant,
                    results: [
                        rule(
                            am07.0, am07.1, am07.2, .failed, message: "资产 <img src=x onerror=alert(1)> 未公开转让\u{07}",
                            evidence: [("asset.name", .string("第一行\n第二行\u{1B}[2J & \"引号\""))])
                    ])
            ),
            (
                csv(5),
                decision(
                    csv(5), id: "-1250", unit: "+cmd|' /C calc'!A0", verdict: .needsReview,
                    results: [
                        rule(
                            am13.0, am13.1, am13.2, .failed, severity: .warning, message: "核销晚于处置 95 天",
                            evidence: [("ledger_writeoff", CELDate(iso: "2023-10-12").map(CELValue.date) ?? .null)])
                    ])
            ),
            (
                csv(6),
                decision(
                    csv(6), id: nil, unit: nil, date: nil, verdict: .invalid, results: [],
                    diagnostics: [
                        .error(
                            "csv.ragged-row", "row has 9 cells but the header has 12",
                            at: SourceLocation(file: "disposals.csv", line: 8, column: 1))
                    ])
            ),
            (
                jsonl(1),
                decision(
                    jsonl(1), id: "ZC-2023-0107", unit: "acftu/hebei/baoding-ftu", verdict: .error,
                    results: [
                        rule(am06.0, am06.1, am06.2, .error, error: "no such key: `appraisal`"),
                        rule(
                            am07.0, am07.1, am07.2, .failed, message: "房屋土地以协议转让方式处置，未公开进行",
                            evidence: [("sale.channel", .string("协议转让"))]),
                    ])
            ),
            (
                jsonl(2),
                decision(
                    jsonl(2), id: "ZC-2023-0108", unit: "acftu/beijing", verdict: .compliant,
                    results: [
                        passed01,
                        rule(am12.0, am12.1, am12.2, .failed, severity: .notice, message: "报损说明未附鉴定意见"),
                    ])
            ),
        ]
        return decisions.enumerated().map { BatchItem(index: $0.offset, source: $0.element.0, result: $0.element.1) }
    }()

    /// The whole report for `items` in one format.
    /// - Parameter prerendered: hand each record's `perRecord` text to the reporter, as `bylaw audit` does
    ///   with the text it renders on its worker threads.
    static func render(
        _ format: BatchReportFormat, items: [BatchItem] = items, spillThreshold: Int = 1 << 20,
        prerendered: Bool = false, language: Language = .english, csvColumns: CSVColumns = .labels
    ) -> String {
        var reporter = BatchReports.reporter(
            format: format,
            options: BatchReportOptions(spillThreshold: spillThreshold, language: language, csvColumns: csvColumns))
        var sink = StringSink()
        reporter.begin(run, to: &sink)
        let perRecord = prerendered ? reporter.perRecord : nil
        for item in items {
            if let perRecord {
                reporter.add(item, rendered: perRecord(item), to: &sink)
            } else {
                reporter.add(item, to: &sink)
            }
        }
        reporter.finish(to: &sink)
        return sink.text
    }
}
