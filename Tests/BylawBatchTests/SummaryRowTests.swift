import Testing

@testable import BylawBatch

/// Which rows of a ledger are not records: totals, signature lines, notes and end marks, known by the first
/// cell that is not blank, and nothing a record's first cell could hold.
@Suite struct SummaryRowTests {
    @Test(arguments: [
        (["合计", "", "791911.79"], SummaryRow.totals),
        (["", "  ", "小  计", "1"], .totals),
        (["合计（元）："], .totals),
        (["合计(万元)"], .totals),
        (["合计：791,911.79"], .totals),
        (["本页小计"], .totals),
        (["本年累计"], .totals),
        (["　总计　"], .totals),
        (["Total"], .totals),
        (["Grand Total"], .totals),
        (["制表人：张三", "审核人：李四"], .signature),
        (["制表人 张三"], .signature),
        (["制 表 人：张三"], .signature),
        (["制表人"], .signature),
        (["单位负责人:王五"], .signature),
        (["填报日期：2024年1月5日"], .signature),
        (["注：金额单位为元。"], .note),
        (["填表说明:"], .note),
        (["（以下空白）"], .endMark),
        (["-以下无内容-"], .endMark),
    ])
    func rowsThatAreNotRecords(_ cells: [String], _ kind: SummaryRow) {
        #expect(SummaryRow.kind(of: cells) == kind)
    }

    @Test(arguments: [
        ["ZC-2024-0000001", "合计"],
        ["", "2024-01-05", "合计"],
        ["合计单位"],
        ["合计(2024)"],
        ["注册资本"],
        ["注"],
        ["说明书"],
        ["备注栏"],
        ["审核通过"],
        ["制表人员培训费"],
        ["total cost"],
        ["以下空白处填写"],
        ["", " ", ""],
        [],
    ])
    func rowsThatMayBeRecords(_ cells: [String]) {
        #expect(SummaryRow.kind(of: cells) == nil)
    }
}
