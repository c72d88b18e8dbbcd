import Testing

@testable import BylawBatch

/// When two rows make one header: group titles over the columns they group, beside headers standing over both
/// rows; and when they do not, so that no record is taken for half a header.
@Suite struct TwoRowHeaderTests {
    static let upper = ["处置编号", "资产信息", "", "", "审批情况", "", "备注"]
    static let lower = ["", "资产名称", "账面原值", "日期", "审批机关", "日期", ""]

    static func mapping(_ headers: [String]) -> CSVMapping {
        var m = CSVMapping()
        for h in headers { m.columns[h] = FieldPath("x") }
        return m
    }

    @Test func groupedColumnsTakeTheLowerNameAndRepeatedNamesTheirGroup() throws {
        let columns = try #require(TwoRowHeader.columns(upper: Self.upper, lower: Self.lower))
        #expect(
            TwoRowHeader.names(columns, known: []) == [
                "处置编号", "资产名称", "账面原值", "资产信息/日期", "审批机关", "审批情况/日期", "备注",
            ])
        // A mapping may name a grouped column with its group even where the plain name is unique.
        #expect(TwoRowHeader.names(columns, known: ["资产信息/账面原值"])[2] == "资产信息/账面原值")
    }

    /// Exports that unmerge and fill: a standing header repeated below itself, a group's title over each column.
    @Test func filledInMergesReadAsMerged() throws {
        let upper = ["处置编号", "资产信息", "资产信息", "资产信息", "备注"]
        let lower = ["处置编号", "资产名称", "账面原值", "取得日期", "备注"]
        let columns = try #require(TwoRowHeader.columns(upper: upper, lower: lower))
        #expect(TwoRowHeader.names(columns, known: []) == ["处置编号", "资产名称", "账面原值", "取得日期", "备注"])
        #expect(columns.map(\.fromLower) == [false, true, true, true, false])
    }

    @Test func aGroupOfOneColumnIsAGroup() throws {
        let columns = try #require(TwoRowHeader.columns(upper: ["处置编号", "处置信息", "备注"], lower: ["", "处置方式", ""]))
        #expect(TwoRowHeader.names(columns, known: []) == ["处置编号", "处置方式", "备注"])
    }

    @Test func aCompleteHeaderUnderANoteIsNotJoined() {
        let note = ["制表单位：全总财务部", "", "制表日期：2024-12-01", ""]
        #expect(TwoRowHeader.columns(upper: note, lower: ["处置编号", "决策日期", "单位", "事项"]) == nil)
    }

    @Test func aSubHeaderWithNoGroupAboveIsNotAHeader() {
        #expect(TwoRowHeader.columns(upper: ["处置编号", "", "单位"], lower: ["", "资产名称", ""]) == nil)
    }

    /// A record under a one-row header can have the shape; its values are not the mapping's headers, and without
    /// a mapping nothing is joined, so it stays a record.
    @Test func aRecordIsNotAcceptedAsTheLowerRow() throws {
        let upper = ["处置编号", "资产名称", "", "备注"]
        let record = ["ZC-1", "投影仪", "x", ""]
        let columns = try #require(TwoRowHeader.columns(upper: upper, lower: record))
        let names = TwoRowHeader.names(columns, known: [])
        let m = Self.mapping(["处置编号", "资产名称", "备注"])
        #expect(!TwoRowHeader.accepts(columns, names, upper: upper, mapping: m))
        // ASCII words are field paths, but a lower row's names must be the mapping's own headers.
        let ascii = try #require(TwoRowHeader.columns(upper: ["id", "note", ""], lower: ["", "ok", "x"]))
        let asciiNames = TwoRowHeader.names(ascii, known: [])
        #expect(
            !TwoRowHeader.accepts(ascii, asciiNames, upper: ["id", "note", ""], mapping: Self.mapping(["id", "note"])))
        #expect(!TwoRowHeader.accepts(ascii, asciiNames, upper: ["id", "note", ""], mapping: nil))
    }

    /// A header that reads by itself is never joined, whatever the record below it holds: here a record whose
    /// note is a mapped header (`资产类别`) the header lacks.
    @Test func aHeaderThatReadsByItselfIsNotJoined() throws {
        let upper = ["处置编号", "资产名称", "备注"]
        let record = ["", "", "资产类别"]
        let columns = try #require(TwoRowHeader.columns(upper: upper, lower: record))
        let names = TwoRowHeader.names(columns, known: [])
        #expect(!TwoRowHeader.accepts(columns, names, upper: upper, mapping: Self.mapping(upper + ["资产类别"])))
    }

    @Test func namesAreAcceptedWhenTheLowerOnesAreMappedAndUnique() throws {
        let columns = try #require(TwoRowHeader.columns(upper: Self.upper, lower: Self.lower))
        let names = TwoRowHeader.names(columns, known: [])
        let all = Self.mapping(["处置编号", "资产名称", "账面原值", "资产信息/日期", "审批机关", "审批情况/日期", "备注"])
        #expect(TwoRowHeader.accepts(columns, names, upper: Self.upper, mapping: all))
        // A standing header may be a field path the mapping leaves to itself.
        var standing = names
        standing[6] = "note"
        #expect(TwoRowHeader.accepts(columns, standing, upper: Self.upper, mapping: all))
        // A lower name the mapping does not know is not joined.
        let partial = Self.mapping(["处置编号", "资产名称", "资产信息/日期", "审批机关", "审批情况/日期", "备注"])
        #expect(!TwoRowHeader.accepts(columns, names, upper: Self.upper, mapping: partial))
    }

    /// `map init` joins only when the lower row names fields the rule sets know.
    @Test func mapInitJoinsOnlyOnKnownHeaders() {
        let known: (String) -> Bool = { ["资产名称", "账面原值", "审批机关"].contains($0) }
        #expect(TwoRowHeader.looksLikeHeader(["", "资产名称", "账面原值", "日期"], under: ["处置编号", "资产信息"], known: known))
        #expect(
            !TwoRowHeader.looksLikeHeader(["ZC-2023-001", "河北", "石家庄", "投影仪"], under: ["处置编号", "资产信息"], known: known))
        #expect(!TwoRowHeader.looksLikeHeader(["资产名称", "2024-01-02"], under: ["处置编号", "资产信息"], known: known))
        #expect(!TwoRowHeader.looksLikeHeader(["资产名称", "12,500.00"], under: ["处置编号", "资产信息"], known: known))
        // Over a header of labels alone, a row of labels is a record that repeats them, not a lower header.
        #expect(!TwoRowHeader.looksLikeHeader(["", "资产名称"], under: ["资产名称", "账面原值"], known: known))
    }
}
