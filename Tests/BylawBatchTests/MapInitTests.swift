import BylawTestSupport
import Foundation
import Testing

@testable import Bylaw
@testable import BylawBatch

/// The parts of `bylaw map init`: how headers are compared, written as YAML keys, and what rows say of dates;
/// and the `label` and `aliases` of input fields it matches against.
@Suite struct MapInitTests {
    @Test(arguments: [
        ("账面原值（元）", "账面原值"), ("账面原值 (万元)", "账面原值"), ("资产 名称", "资产名称"), ("期限（年）", "期限"),
        ("（备注）", "（备注）"), ("Book_Value", "book_value"),
    ])
    func headersAreComparedWithoutNotes(_ header: String, _ normalized: String) {
        #expect(FieldCatalog.normalized(header) == normalized)
    }

    @Test(arguments: [
        ("资产名称", "资产名称"), ("金额: 元", "\"金额: 元\""), ("#编号", "\"#编号\""), ("- 序号", "\"- 序号\""),
        ("true", "\"true\""), ("2023", "\"2023\""), ("说\"明\"", "\"说\\\"明\\\"\""),
    ])
    func headersAreSafeYAMLKeys(_ header: String, _ key: String) {
        #expect(MappingProposal.yamlKey(header) == key)
    }

    @Test func datesSayWhichWayTheyRead() {
        #expect(ValueSurvey.date(["2023/11/13", "2023年7月1日"]).format == "")
        #expect(ValueSurvey.date(["13/11/2023", "01/02/2023"]).format == "date: d/M/yyyy")
        #expect(ValueSurvey.date(["11/13/2023", "01/02/2023"]).format == "date: M/d/yyyy")
        #expect(ValueSurvey.date(["01/02/2023"]).format == "")
        #expect(
            ValueSurvey.date(["01/02/2023"]).notes == [
                ValueSurvey.Note(id: "either-order", arguments: ["01/02/2023", "d/M/yyyy", "M/d/yyyy"])
            ])
        #expect(ValueSurvey.date(["45243", "45000"]).format == "date: excel")
        // Cells read on their own (26 is no month) still show the column's order.
        #expect(ValueSurvey.date(["26/08/2023", "21/02/2025"]).format == "date: d/M/yyyy")
        // A time after the date, as Excel writes into CSV, hides nothing.
        #expect(ValueSurvey.date(["26/08/2023 0:00", "05/08/2023 0:00"]).format == "date: d/M/yyyy")
        #expect(ValueSurvey.date(["26/08/2023 0:00", "05/08/2023 0:00"]).notes == [ValueSurvey.Note(id: "day-first")])
        // Both orders in one column: no layout reads them all; the proposal says so.
        #expect(ValueSurvey.date(["26/08/2023", "1/13/2025"]).format == "")
        #expect(
            ValueSurvey.date(["26/08/2023", "1/13/2025"]).notes == [
                ValueSurvey.Note(id: "mixed-order", arguments: ["`26/08/2023`", "`1/13/2025`"])
            ])
        // Only days that read the same either way: nothing to ask.
        #expect(ValueSurvey.date(["05/05/2023"]).notes == [])
    }

    @Test func inputFieldsTakeALabelAndAliases() throws {
        let library = RuleLibrary.load(root: Paths.shippedRules)
        let catalog = FieldCatalog(library: library, kind: "asset_disposal")
        let field = try #require(catalog.fields.first { $0.path == "asset.book_value" })
        #expect(field.names == ["账面原值", "原值", "资产原值", "账面价值"])
        #expect(catalog.match("账面原值（元）")?.field.path == "asset.book_value")
        #expect(catalog.match("资产原值")?.field.path == "asset.book_value")
        #expect(catalog.match("book_value")?.field.path == "asset.book_value")
        #expect(catalog.match("备注") == nil)
    }
}
