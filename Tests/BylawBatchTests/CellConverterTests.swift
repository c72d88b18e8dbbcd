import BylawTestSupport
import Foundation
import Testing

@testable import Bylaw
@testable import BylawBatch

/// Cells read as the auditor wrote them: each row is a field type (or a declared format), what the cell says
/// and what bylaw reads, or the code of the problem.
@Suite struct CellConverterTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let type: FieldType?
        var declared: ColumnFormat? = nil
        let cell: String
        let read: String

        var testDescription: String { name }

        func run() -> String {
            switch CellConverter(type: type, declared: declared).convert(cell) {
            case .success(let text): text
            case .failure(let problem): "!" + problem.code
            }
        }
    }

    static func declared(_ change: (inout ColumnFormat) -> Void) -> ColumnFormat {
        var f = ColumnFormat()
        change(&f)
        return f
    }

    static let cases: [Case] = [
        Case(name: "ISO date as is", type: .date, cell: "2023-11-13", read: "2023-11-13"),
        Case(name: "a byte-order mark pasted in", type: .string, cell: "\u{FEFF}ZC-1", read: "ZC-1"),
        Case(name: "a zero-width space pasted in", type: .decimal, cell: "1,200.00\u{200B}", read: "1200.00"),
        Case(name: "slashes", type: .date, cell: "2023/11/13", read: "2023-11-13"),
        Case(name: "slashes without zeros", type: .date, cell: "2023/7/1", read: "2023-07-01"),
        Case(name: "Chinese", type: .date, cell: "2023年7月21日", read: "2023-07-21"),
        Case(name: "dots", type: .date, cell: "2023.7.21", read: "2023-07-21"),
        Case(name: "eight digits", type: .date, cell: "20230721", read: "2023-07-21"),
        Case(name: "a time is dropped", type: .date, cell: "2023/11/13 0:00:00", read: "2023-11-13"),
        Case(name: "full-width digits", type: .date, cell: "２０２３年７月２１日", read: "2023-07-21"),
        Case(name: "no such day", type: .date, cell: "2023/2/30", read: "!cell.bad-date"),
        Case(name: "full-width separators", type: .date, cell: "２０２５－０１－１３", read: "2025-01-13"),
        Case(name: "full-width slashes", type: .date, cell: "２０２５／１／１３", read: "2025-01-13"),
        Case(name: "a formula's error in a date", type: .date, cell: "#VALUE!", read: "!cell.excel-error"),
        Case(name: "a formula's error in an amount", type: .decimal, cell: "#DIV/0!", read: "!cell.excel-error"),
        Case(name: "a formula's error in a count", type: .int, cell: "#n/a", read: "!cell.excel-error"),
        Case(name: "an error's text in a text field stays text", type: .string, cell: "#N/A", read: "#N/A"),
        Case(name: "day or month first", type: .date, cell: "01/02/2023", read: "!cell.ambiguous-date"),
        Case(name: "a time with seconds is dropped", type: .date, cell: "2023/11/13 13:45:07", read: "2023-11-13"),
        Case(name: "a time in the afternoon (Chinese)", type: .date, cell: "2023/11/13 下午 3:00:00", read: "2023-11-13"),
        Case(name: "a time with AM", type: .date, cell: "2023/11/13 12:00 AM", read: "2023-11-13"),
        Case(name: "a time with a zone", type: .date, cell: "2023-11-13 00:00:00+08:00", read: "2023-11-13"),
        Case(name: "no such time", type: .date, cell: "2023/11/13 99:99", read: "!cell.bad-date"),
        Case(
            name: "a yuan amount in a column of 万元", type: .decimal, declared: declared { $0.tenThousandYuan = true },
            cell: "217936.69元", read: "!cell.bad-amount"),
        Case(name: "a span is no date", type: .date, cell: "2023-08-07 9:00 至 2023-09-30", read: "!cell.bad-date"),
        Case(name: "words after a time are no date", type: .date, cell: "2025/1/13 0:00:00 补签", read: "!cell.bad-date"),
        Case(name: "a text formula around a value", type: .string, cell: "=\"ZC-2023-0001\"", read: "ZC-2023-0001"),
        Case(name: "a text formula around a date", type: .date, cell: "=\"2023/11/13\"", read: "2023-11-13"),
        Case(name: "a quote inside a text formula", type: .string, cell: "=\"a\"\"b\"", read: "a\"b"),
        Case(name: "a real formula's text stays", type: .string, cell: "=\"a\"&\"b\"", read: "=\"a\"&\"b\""),
        Case(name: "only day first names a day", type: .date, cell: "26/08/2023", read: "2023-08-26"),
        Case(name: "only month first names a day", type: .date, cell: "1/13/2025", read: "2025-01-13"),
        Case(name: "both orders name one day", type: .date, cell: "05/05/2023", read: "2023-05-05"),
        Case(name: "neither order names a day", type: .date, cell: "31/31/2023", read: "!cell.bad-date"),
        Case(name: "dots, day first only", type: .date, cell: "13.1.2025", read: "2025-01-13"),
        Case(name: "no month 0", type: .date, cell: "0/13/2025", read: "!cell.bad-date"),
        Case(
            name: "a declared order is kept", type: .date,
            declared: declared { $0.dates = [DatePattern("d/M/yyyy")].compactMap { $0 } }, cell: "1/13/2025",
            read: "!cell.bad-date"),
        Case(
            name: "day first declared", type: .date,
            declared: declared { $0.dates = [DatePattern("d/M/yyyy")].compactMap { $0 } },
            cell: "01/02/2023", read: "2023-02-01"),
        Case(
            name: "month first declared", type: .date,
            declared: declared { $0.dates = [DatePattern("M/d/yyyy")].compactMap { $0 } }, cell: "01/02/2023",
            read: "2023-01-02"),
        Case(name: "a serial is not a date unless declared", type: .date, cell: "45243", read: "!cell.bad-date"),
        Case(
            name: "Excel serial declared", type: .date, declared: declared { $0.serials = .excel }, cell: "45243",
            read: "2023-11-13"),
        Case(
            name: "Excel 1904 serial declared", type: .date, declared: declared { $0.serials = .excel1904 },
            cell: "43781", read: "2023-11-13"),
        Case(name: "plain amount", type: .decimal, cell: "306219.53", read: "306219.53"),
        Case(name: "万元", type: .decimal, declared: declared { $0.tenThousandYuan = true }, cell: "65", read: "650000"),
        Case(
            name: "万元 with a fraction", type: .decimal, declared: declared { $0.tenThousandYuan = true },
            cell: "21.793669", read: "217936.69"),
        Case(
            name: "万元 past the fen", type: .decimal, declared: declared { $0.tenThousandYuan = true },
            cell: "0.00125", read: "12.5"),
        Case(
            name: "万元 written in the cell", type: .decimal, declared: declared { $0.tenThousandYuan = true },
            cell: "1,234.5万元", read: "12345000"),
        Case(
            name: "万元 negative", type: .decimal, declared: declared { $0.tenThousandYuan = true },
            cell: "(3.2)", read: "-32000"),
        Case(
            name: "万元 negative, the unit in the cell", type: .decimal, declared: declared { $0.tenThousandYuan = true },
            cell: "(65.5万元)", read: "-655000"),
        Case(
            name: "万元 negative, full-width", type: .decimal, declared: declared { $0.tenThousandYuan = true },
            cell: "（1,234.5万）", read: "-12345000"),
        Case(
            name: "yuan in parentheses in a column of 万元", type: .decimal,
            declared: declared { $0.tenThousandYuan = true }, cell: "(65.5元)", read: "!cell.bad-amount"),
        Case(
            name: "empty parentheses in a column of 万元", type: .decimal,
            declared: declared { $0.tenThousandYuan = true }, cell: "(万元)", read: "!cell.bad-amount"),
        Case(name: "万 without the unit declared", type: .decimal, cell: "65万", read: "!cell.bad-amount"),
        Case(name: "thousands", type: .decimal, cell: "306,219.53", read: "306219.53"),
        Case(name: "yuan sign", type: .decimal, cell: "¥1,234.50", read: "1234.50"),
        Case(name: "full-width yuan sign", type: .decimal, cell: "￥1,234.50", read: "1234.50"),
        Case(name: "yuan after", type: .decimal, cell: "1,234.50元", read: "1234.50"),
        Case(name: "accounting negative", type: .decimal, cell: "(1,234.50)", read: "-1234.50"),
        Case(name: "minus sign", type: .decimal, cell: "−1,234.50", read: "-1234.50"),
        Case(
            name: "many digits stay exact", type: .decimal, cell: "12,345,678,901,234,567.89",
            read: "12345678901234567.89"),
        Case(name: "bad grouping", type: .decimal, cell: "1,23.50", read: "!cell.bad-amount"),
        Case(name: "decimal comma", type: .decimal, cell: "1.234,50", read: "!cell.bad-amount"),
        Case(name: "words", type: .decimal, cell: "约五万", read: "!cell.bad-amount"),
        Case(name: "spaces around the signs", type: .decimal, cell: " RMB 1,234.50 元 ", read: "1234.50"),
        Case(name: "ideographic spaces around", type: .decimal, cell: "\u{3000}¥ 1,234.50\u{3000}", read: "1234.50"),
        Case(name: "accounting negative with spaces", type: .decimal, cell: "( 1,234.50 )", read: "-1234.50"),
        Case(name: "a space between digits is no amount", type: .decimal, cell: "1 2", read: "!cell.bad-amount"),
        Case(name: "nor between groups", type: .decimal, cell: "12 345.00", read: "!cell.bad-amount"),
        Case(name: "a dollar amount is not yuan", type: .decimal, cell: "$436880.77", read: "!cell.bad-amount"),
        Case(name: "whole number with thousands", type: .int, cell: "1,200", read: "1200"),
        Case(name: "a fraction is no whole number", type: .int, cell: "1.5", read: "!cell.bad-amount"),
        Case(
            name: "amount declared on a text field", type: .string, declared: declared { $0.amount = true },
            cell: "¥50", read: "50"),
        Case(name: "是", type: .bool, cell: "是", read: "true"),
        Case(name: "否", type: .bool, cell: "否", read: "false"),
        Case(name: "√", type: .bool, cell: "√", read: "true"),
        Case(name: "×", type: .bool, cell: "×", read: "false"),
        Case(name: "有", type: .bool, cell: "有", read: "true"),
        Case(name: "无", type: .bool, cell: "无", read: "false"),
        Case(name: "Excel's TRUE", type: .bool, cell: "TRUE", read: "true"),
        Case(name: "an unknown word", type: .bool, cell: "已批准", read: "!cell.bad-boolean"),
        Case(
            name: "declared words", type: .bool, declared: declared { $0.trueWords = ["已批准"] }, cell: "已批准",
            read: "true"),
        Case(
            name: "a synonym", type: .enumeration(["县级工会"]), declared: declared { $0.values = ["县总工会": "县级工会"] },
            cell: "县总工会", read: "县级工会"),
        Case(name: "full-width spaces trimmed", type: .string, cell: "\u{3000}投影仪 ", read: "投影仪"),
        Case(
            name: "trimming can be turned off", type: .string, declared: declared { $0.trim = false },
            cell: "\u{3000}投影仪", read: "\u{3000}投影仪"),
        Case(name: "text of an unknown type is kept", type: nil, cell: "2023/11/13", read: "2023/11/13"),
    ]

    /// A cell of 万元 that cannot be read is quoted as the auditor wrote it.
    @Test func aBadAmountInWanIsQuotedAsWritten() {
        let converter = CellConverter(type: .decimal, declared: Self.declared { $0.tenThousandYuan = true })
        for cell in ["(万元)", "（约五万）"] {
            guard case .failure(let problem) = converter.convert(cell) else {
                Issue.record("`\(cell)` was read")
                continue
            }
            #expect(problem.message.hasPrefix("`\(cell)` "), "\(problem.message)")
        }
    }

    @Test(arguments: cases) func reads(_ c: Case) {
        #expect(c.run() == c.read)
    }

    @Test(arguments: ["yyyy/M/d", "yyyy年M月d日", "d.M.yyyy", "yyyyMMdd", "dd/MM/yyyy"])
    func datePatterns(_ text: String) {
        #expect(DatePattern(text)?.description == text)
    }

    @Test(arguments: ["yy/M/d", "yyyy/M", "yyyy/M/d/d", "MMM d, yyyy", ""])
    func notDatePatterns(_ text: String) {
        #expect(DatePattern(text) == nil)
    }

    func load(_ yaml: String) throws -> Result<CSVMapping, LoadFailure> {
        let path = Scratch.root.appendingPathComponent("map-\(UUID().uuidString).yaml").path
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        return CSVMapping.load(path: path)
    }

    @Test func aMappingDeclaresFormats() throws {
        let mapping = try load(
            """
            columns:
              决策日期: {field: date, date: [d/M/yyyy, excel]}
              账面原值: {field: asset.book_value, amount: true}
              已批准: {field: sale.agreement_approved, true: [已批准], false: 未批准}
              审批机关: {field: approval.body, values: {县总工会: 县级工会}, trim: false}
            """
        ).get()
        #expect(mapping.columns["决策日期"] == FieldPath("date"))
        #expect(mapping.formats["决策日期"]?.dates.map(\.description) == ["d/M/yyyy"])
        #expect(mapping.formats["决策日期"]?.serials == .excel)
        #expect(mapping.formats["账面原值"]?.amount == true)
        #expect(mapping.formats["已批准"]?.trueWords == ["已批准"])
        #expect(mapping.formats["已批准"]?.falseWords == ["未批准"])
        #expect(mapping.formats["审批机关"]?.values == ["县总工会": "县级工会"])
        #expect(mapping.formats["审批机关"]?.trim == false)
    }

    @Test func aBadFormatIsAnErrorAtItsPosition() throws {
        let result = try load(
            """
            columns:
              决策日期: {field: date, date: yy/M/d}
              账面原值: {field: asset.book_value, money: true}
              备注: {date: yyyy/M/d}
            """)
        guard case .failure(let failure) = result else {
            Issue.record("the mapping loaded")
            return
        }
        #expect(
            failure.diagnostics.map { "\($0.code)@\($0.location?.line ?? 0):\($0.location?.column ?? 0)" } == [
                "map.bad-date-format@2:29", "map.unknown-key@3:35", "map.missing-field@4:7",
            ])
    }
}
