import BylawTestSupport
import Foundation
import Testing

@testable import Bylaw
@testable import BylawBatch

/// Workbook cells as text: numbers at Excel's display precision, serial dates in both date systems, which
/// formats are dates, and the limits that refuse hostile workbooks (on the fixtures that
/// scripts/fixtures/make_office_fixtures.py writes).
@Suite struct XLSXTests {
    static let office = Paths.fixtures + "/office"

    struct Pair: CustomTestStringConvertible, Sendable {
        let input: String
        let output: String?
        var testDescription: String { input }
    }

    @Test(arguments: [
        Pair(input: "306219.53", output: "306219.53"),
        Pair(input: "217936.69000000001", output: "217936.69"),
        Pair(input: "0.30000000000000004", output: "0.3"),
        Pair(input: "8600000", output: "8600000"),
        Pair(input: "-2.5", output: "-2.5"),
        Pair(input: "1.5E-3", output: "0.0015"),
        Pair(input: "1.2345E+5", output: "123450"),
        Pair(input: "0.999999999999999999", output: "1"),
        Pair(input: "-0", output: "0"),
        Pair(input: "12a", output: nil),
        Pair(input: "", output: nil),
        Pair(input: "1E+999", output: nil),
    ])
    func numbers(_ p: Pair) {
        #expect(XLSXNumber.text(p.input) == p.output)
    }

    struct Serial: CustomTestStringConvertible, Sendable {
        let serial: String
        let date1904: Bool
        let iso: String?
        var testDescription: String { "\(serial)\(date1904 ? " (1904)" : "")" }
    }

    @Test(arguments: [
        Serial(serial: "1", date1904: false, iso: "1900-01-01"),
        Serial(serial: "59", date1904: false, iso: "1900-02-28"),
        Serial(serial: "60", date1904: false, iso: nil),  // Lotus's 29 February 1900
        Serial(serial: "61", date1904: false, iso: "1900-03-01"),
        Serial(serial: "45243", date1904: false, iso: "2023-11-13"),
        Serial(serial: "45243.75", date1904: false, iso: "2023-11-13"),
        Serial(serial: "0", date1904: true, iso: "1904-01-01"),
        Serial(serial: "43781", date1904: true, iso: "2023-11-13"),
        Serial(serial: "-1", date1904: false, iso: nil),
        Serial(serial: "99999999", date1904: false, iso: nil),
    ])
    func serialDates(_ s: Serial) {
        #expect(XLSXDate.iso(serial: s.serial, date1904: s.date1904) == s.iso)
    }

    @Test(arguments: [
        ("yyyy\"年\"m\"月\"d\"日\"", true), ("yyyy/m/d", true), ("[$-804]yyyy\\-mm\\-dd", true), ("m/d/yy h:mm", true),
        ("h:mm:ss", false), ("#,##0.00", false), ("0.00_);[Red](0.00)", false), ("\"day\"0", false),
        ("General", false), ("[h]:mm", false), ("@", false),
    ])
    func dateFormats(_ code: String, _ isDate: Bool) {
        #expect(XLSXStyles.isDateFormat(code) == isDate, "\(code)")
    }

    @Test func builtInChineseDateFormatsAreDates() {
        #expect(XLSXStyles.builtInDates.isSuperset(of: [14, 31, 57, 58]))
        #expect(XLSXStyles.builtInDates.isDisjoint(with: [0, 2, 4, 18, 32, 49]))
    }

    @Test func aDeclarationSplitBetweenChunksIsFound() {
        var scanner = DoctypeScanner()
        let first = scanner.scan(Data("<?xml version=\"1.0\"?><!DOC".utf8))
        let second = scanner.scan(Data("TYPE x []><x/>".utf8))
        #expect(!first)
        #expect(second)
        var plain = DoctypeScanner()
        let comment = plain.scan(Data("<!-- a comment --><worksheet><![CDATA[x]]></worksheet>".utf8))
        #expect(!comment)
    }

    func row(_ number: Int, _ texts: [String]) -> XLSXRow {
        XLSXRow(
            number: number,
            cells: texts.enumerated().compactMap { k, t in t.isEmpty ? nil : XLSXRow.Cell(column: k + 1, text: t) })
    }

    @Test func theHeaderIsFoundBelowATitleAndANote() {
        let rows = [
            row(1, ["2023年度资产处置台账"]), row(2, ["", "", "", "单位：元"]), row(4, ["编号", "资产名称", "账面原值", "备注"]),
            row(5, ["ZC-1", "办公楼", "650000", ""]),
        ]
        #expect(XLSXFileReader.headerIndex(rows, mapping: nil) == 2)
        let mapping = CSVMapping(columns: ["资产名称": FieldPath("asset.name"), "账面原值": FieldPath("asset.book_value")])
        #expect(XLSXFileReader.headerIndex(rows, mapping: mapping) == 2)
    }

    /// A mapping of one column finds its header as the choice of a sheet does: the row that names it, not the
    /// fullest row, which here is a wide note above the table.
    @Test func aMappingOfOneColumnFindsTheRowThatNamesIt() {
        let rows = [
            row(1, ["填表说明", "金额单位", "元", "经办人", "审核人"]), row(3, ["资产名称", "数量"]), row(4, ["办公楼", "1"]),
        ]
        #expect(XLSXFileReader.headerIndex(rows, mapping: nil) == 0)
        let one = CSVMapping(columns: ["资产名称": FieldPath("asset.name")])
        #expect(XLSXFileReader.headerIndex(rows, mapping: one) == 1)
        #expect(XLSXFileReader.namesColumns(rows[1], of: ["资产名称"]))
        #expect(!XLSXFileReader.namesColumns(rows[1], of: ["资产名称", "账面原值"]), "two headers wanted of two")
        #expect(!XLSXFileReader.namesColumns(rows[1], of: []))
    }

    /// Every record of a workbook read through `BatchReader` with `limits`, as `row:verdict-or-code`.
    func read(_ name: String, limits: XLSXLimits = .standard) -> [String] {
        let file = BatchFile(path: Self.office + "/" + name, format: .xlsx, size: nil)
        let columns = Self.office + "/../../../../examples/asset-disposals/columns.yaml"
        let mapping = try? CSVMapping.load(path: columns).get()
        let reader = BatchReader(
            files: [file], mapping: mapping, options: BatchReadOptions(xlsxLimits: limits), observer: nil)
        var out: [String] = []
        while let record = reader.next() {
            if case .unreadable(let d) = record.body {
                out.append(d.map(\.code).joined(separator: ","))
            } else {
                out.append(record.source.description.components(separatedBy: ":").last ?? "")
            }
        }
        return out
    }

    @Test func aSharedStringTableOverItsLimitIsRefused() {
        var limits = XLSXLimits.standard
        limits.maxSharedStrings = 10
        #expect(read("ledger.xlsx", limits: limits) == ["xlsx.limit.shared-strings"])
    }

    @Test func aSheetOverItsSizeLimitIsRefusedBeforeAnyRow() {
        var limits = XLSXLimits.standard
        limits.maxSheetBytes = 4096
        #expect(read("ledger.xlsx", limits: limits) == ["xlsx.limit.size"])
    }

    @Test func aCellOverItsLimitIsAnUnreadableRow() {
        var limits = XLSXLimits.standard
        limits.maxCellBytes = 20
        // Inline strings over the limit are cut off as they are parsed; shared strings are checked where a
        // row uses them. At 20 bytes every row has one or the other (the units are shared strings of 29 or more).
        #expect(read("ledger.xlsx", limits: limits) == Array(repeating: "xlsx.limit.cell", count: 12))
        // At 38 bytes no inline string is over (the longest, row 5's note, is 37) and the shared strings of 39
        // bytes (units such as acftu/guangdong/workers-cultural-palace) are, in rows 5, 7, 10, 11 and 16.
        limits.maxCellBytes = 38
        let records = read("ledger.xlsx", limits: limits)
        #expect(records.enumerated().filter { $0.element == "xlsx.limit.cell" }.map(\.offset) == [0, 2, 5, 6, 11])
    }

    /// A workbook cut short (a copy interrupted, a disk filled) is refused whole, naming the part: read as far as
    /// it goes, its first rows would pass for the whole ledger.
    @Test func aWorkbookCutShortIsRefusedNotReadInPart() {
        #expect(read("ledger-cut.xlsx") == ["xlsx.truncated"])
        #expect(read("ledger-cut-strings.xlsx") == ["xlsx.truncated"])
        #expect(read("ledger-1904.xlsx").count == 12, "the whole workbook the cut ones were made from")
    }

    /// A formula written without its value (by a program that does not calculate) is not an empty cell: its row
    /// says so, and the rows around it are read. A row holding nothing but such formulas (a template filled down
    /// below the data, row 40 of the fixture) is no record.
    @Test func aFormulaWithoutItsValueIsNamedNotTakenForEmpty() {
        let records = read("ledger-formula.xlsx")
        #expect(records.count == 12)
        #expect(records.enumerated().filter { $0.element.hasPrefix("xlsx.") }.map(\.offset) == [3])
        #expect(records[3] == "xlsx.formula-no-value")
    }

    @Test(arguments: [
        ("<sst><si><t>a</t></si><si><t>b", true), ("<sst><si><t>a</t></si>", true), ("<sst/>", false),
        ("<?xml version=\"1.0\"?>\n<sst><si><t>a</t></si></sst>\n", false),
    ])
    func aPartEndingWithAnElementOpenIsCutShort(xml: String, cut: Bool) {
        let walker = XMLWalker()
        var code: String?
        do throws(XLSXError) {
            try walker.walk(Data(xml.utf8), name: "xl/sharedStrings.xml")
        } catch {
            code = error.code
        }
        #expect(code == (cut ? "xlsx.truncated" : nil), "\(xml)")
    }

    @Test func hostileWorkbooksAreOneErrorEach() {
        #expect(read("bomb.xlsx") == ["xlsx.limit.ratio"])
        #expect(read("entities.xlsx") == ["xlsx.doctype"])
        #expect(read("entities-utf16.xlsx") == ["xlsx.encoding"])
        #expect(read("name-not-utf8.xlsx") == ["xlsx.xml"])
        #expect(read("strings-not-utf8.xlsx") == ["xlsx.xml"])
        #expect(read("ledger-gbk.csv") == ["xlsx.not-a-workbook"])
    }
}

extension XLSXTests {
    /// Excel writes a part on one line; FoundationXML's parser given such a part whole stops near 10 MB.
    @Test func aPartOverTenMegabytesOnOneLineIsParsed() throws {
        let item = "<si><t>资产处置台账第一百号记录</t></si>"
        let count = 11_000_000 / item.utf8.count + 1
        let xml = "<?xml version=\"1.0\"?>\n<sst>" + String(repeating: item, count: count) + "</sst>"
        var seen = 0
        let walker = XMLWalker()
        walker.start = { name, _ in if name == "si" { seen += 1 } }
        try walker.walk(Data(xml.utf8), name: "xl/sharedStrings.xml")
        #expect(seen == count)
    }
}

extension XLSXTests {
    /// Streamed without the first pass that `bylaw audit` makes, a zip bomb still ends the sheet with its error
    /// (the parser is told the input ended; it used to ask the stream for an error it could not give, and crash).
    @Test func aSheetStreamEndsWithTheErrorThatStoppedInflating() throws {
        let package = try XLSXPackage(path: Self.office + "/bomb.xlsx", limits: .standard)
        let context = XLSXCellContext(sharedStrings: [], styles: XLSXStyles(), date1904: false, maxCellBytes: 1 << 20)
        let stream = XLSXSheetStream(package: package, part: "xl/worksheets/sheet1.xml", context: context)
        var codes: [String] = []
        while let next = stream.next() {
            if case .failure(let error) = next { codes.append(error.code) }
        }
        #expect(codes == ["xlsx.limit.ratio"])
    }
}

/// The check every part's bytes pass before an XML parser sees them.
@Suite struct XMLTextCheckTests {
    /// The problem found in `bytes`, fed in chunks of `size`.
    static func check(_ bytes: [UInt8], chunk size: Int) -> XMLTextCheck.Problem? {
        var check = XMLTextCheck()
        var at = 0
        while at < bytes.count {
            let end = min(bytes.count, at + size)
            if let problem = check.scan(Data(bytes[at..<end])) { return problem }
            at = end
        }
        return check.finish()
    }

    /// Every sequence of one to four bytes drawn from boundary values, alone and split across chunks, against
    /// the standard library's decoder.
    @Test func agreesWithTheStandardLibrarysDecoder() {
        let values: [UInt8] = [
            0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE,
            0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF,
        ]
        var sequences: [[UInt8]] = values.map { [$0] }
        for a in values { for b in values { sequences.append([a, b]) } }
        for a in values where a >= 0xE0 {
            for b in values where b >= 0x80 { for c in values { sequences.append([a, b, c]) } }
        }
        for a in [UInt8(0xF0), 0xF1, 0xF4] {
            for b in values where b >= 0x80 {
                for c in [UInt8(0x80), 0xBF, 0x41] {
                    for d in [UInt8(0x80), 0xBF, 0x41] { sequences.append([a, b, c, d]) }
                }
            }
        }
        var wrong: [[UInt8]] = []
        for sequence in sequences {
            let bytes = Array("<a>".utf8) + sequence + Array("</a>".utf8)
            let valid = String(validating: bytes, as: UTF8.self) != nil
            for size in [1, 2, 3, 64] where (Self.check(bytes, chunk: size) == nil) != valid {
                wrong.append(sequence)
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    @Test func namesTheFirstByteThatIsNotUTF8() {
        #expect(Self.check(Array("<c r".utf8) + [0xFF] + Array("=\"A1\"/>".utf8), chunk: 3) == .notUTF8(offset: 4))
        // A sequence cut off by the end of the part.
        #expect(Self.check(Array("<a>".utf8) + [0xE4, 0xB8], chunk: 64) == .notUTF8(offset: 4))
    }

    @Test(arguments: [
        ([0xFF, 0xFE, 0x3C, 0x00], "UTF-16 or UTF-32"), ([0xFE, 0xFF, 0x00, 0x3C], "UTF-16 or UTF-32"),
        ([0x3C, 0x00, 0x3F, 0x00], "UTF-16 or UTF-32"),
        (Array("<?xml version=\"1.0\" encoding=\"GBK\"?><a/>".utf8), "GBK"),
        (Array("<?xml version='1.0' encoding = 'UTF-16'?><a/>".utf8), "UTF-16"),
    ])
    func anotherEncodingIsNamed(head: [UInt8], name: String) {
        #expect(Self.check(head, chunk: 64) == .encoding(name))
        #expect(Self.check(head, chunk: 1) == .encoding(name))
    }

    @Test(arguments: [
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<a>名</a>",
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><a/>", "<?xml version=\"1.0\"?><a/>", "<a>资产</a>",
        "\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF8\"?><a/>",
        "<?xml version=\"1.0\" encoding=\"US-ASCII\"?><a/>",
    ])
    func utf8PartsPass(text: String) {
        #expect(Self.check(Array(text.utf8), chunk: 1) == nil)
        #expect(Self.check(Array(text.utf8), chunk: 64) == nil)
    }
}
