import Testing

@testable import BylawBatch

/// When two rows make one header: group titles over the columns they group, beside headers standing over both
/// rows; and when they do not, so that no record is taken for half a header.
@Suite struct TwoRowHeaderTests {
    static let upper = ["处置编号", "资产信息", "", "", "审批情况", "", "备注"]
    static let lower = ["", "资产名称", "账面原值", "日期", "审批机关", "日期", ""]

    @Test func groupedColumnsTakeTheLowerNameAndRepeatedNamesTheirGroup() throws {
        let columns = try #require(TwoRowHeader.columns(upper: Self.upper, lower: Self.lower))
        #expect(
            TwoRowHeader.names(columns, known: []) == [
                "处置编号", "资产名称", "账面原值", "资产信息/日期", "审批机关", "审批情况/日期", "备注",
            ])
        // A mapping may name a grouped column with its group even where the plain name is unique.
        #expect(TwoRowHeader.names(columns, known: ["资产信息/账面原值"])[2] == "资产信息/账面原值")
    }

    @Test func aCompleteHeaderUnderANoteIsNotJoined() {
        let note = ["制表单位：全总财务部", "", "制表日期：2024-12-01", ""]
        #expect(TwoRowHeader.columns(upper: note, lower: ["处置编号", "决策日期", "单位", "事项"]) == nil)
    }

    @Test func aDataRowUnderAHeaderWithAnEmptyColumnIsNotJoined() {
        // The record leaves the second column empty, so its third cell lies under no group.
        #expect(TwoRowHeader.columns(upper: ["id", "unit", "", "date"], lower: ["A1", "", "x", "2024-01-02"]) == nil)
        // Where its cells do line up, the names it would give are neither mapped headers nor field paths.
        let lined = TwoRowHeader.columns(upper: ["id", "unit", "", "date"], lower: ["A1", "本单位", "x", ""])
        let names = TwoRowHeader.names(lined ?? [], known: [])
        #expect(lined != nil && !TwoRowHeader.accepts(names, mapping: nil))
        #expect(!TwoRowHeader.looksLikeHeader(["A-1", "2024-01-02", "12,500.00"]))
        #expect(!TwoRowHeader.looksLikeHeader(["2024年1月", ""]))
        #expect(TwoRowHeader.looksLikeHeader(["", "资产名称", "账面原值"]))
    }

    @Test func aSubHeaderWithNoGroupAboveIsNotAHeader() {
        #expect(TwoRowHeader.columns(upper: ["处置编号", "", "单位"], lower: ["", "资产名称", ""]) == nil)
    }

    @Test func namesAreAcceptedWhenMappedOrFieldPathsAndUnique() {
        var mapping = CSVMapping()
        mapping.columns["处置编号"] = FieldPath("id")
        mapping.columns["资产名称"] = FieldPath("asset.name")
        #expect(TwoRowHeader.accepts(["处置编号", "资产名称", "", "date"], mapping: mapping))
        #expect(!TwoRowHeader.accepts(["处置编号", "资产名称", "账面原值"], mapping: mapping))
        #expect(!TwoRowHeader.accepts(["date", "date"], mapping: nil))
    }
}
