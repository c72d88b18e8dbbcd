import Testing

@testable import BylawBatch

/// Excel's `_xHHHH_` escapes in cell text (ECMA-376 Part 1, 22.4.2.4), and header names typed on two lines.
@Suite struct XLSXEscapesTests {
    @Test(arguments: [
        ("ZC-2023-0001_x000D_", "ZC-2023-0001\r"),
        ("a_x0009_b", "a\tb"),
        ("_x005F_x000D_", "_x000D_"),
        ("_x005f_", "_"),
        ("no_escape_here", "no_escape_here"),
        ("_x00_", "_x00_"),
        ("_xZZZZ_", "_xZZZZ_"),
        ("_x000D", "_x000D"),
        ("_x4E2D__x6587_", "中文"),
        ("_xD800_", "_xD800_"),
        ("ZC_x0000_1", "ZC_x0000_1"),
    ])
    func decodes(_ written: String, _ read: String) {
        #expect(XLSXEscapes.decoded(written) == read)
    }

    @Test(arguments: [
        ("处置\n编号", "处置编号"),
        ("账面原值 \r\n （元）", "账面原值（元）"),
        ("审批日期\r", "审批日期"),
        ("  决策 日期 ", "决策 日期"),
        ("\n", ""),
    ])
    func headerNames(_ written: String, _ name: String) {
        #expect(CellConverter.headerName(written) == name)
    }
}
