import BylawDiagnostics
import BylawTestSupport
import Testing

@testable import Bylaw
@testable import BylawBatch
@testable import BylawReports

/// The building blocks of the batch reports: cell defusing, markup escaping, shares, the spill buffer.
@Suite struct BatchReportPartsTests {
    /// (cell, what the CSV report writes before quoting)
    static let cells: [(String, String)] = [
        ("=1+1", "'=1+1"),
        (#"=HYPERLINK("http://x","y")"#, #"'=HYPERLINK("http://x","y")"#),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("\n=1", "'\n=1"),
        ("  =1", "'  =1"),
        ("＝1+1", "'＝1+1"),
        ("－1", "'－1"),
        ("-1250", "-1250"),
        ("-1250.50", "-1250.50"),
        ("+3", "+3"),
        ("-", "'-"),
        ("-1.", "'-1."),
        ("-1e5", "'-1e5"),
        ("-:3", "'-:3"),
        ("1-2", "1-2"),
        ("a=b", "a=b"),
        ("资产=1", "资产=1"),
        ("", ""),
        ("   ", "   "),
    ]

    @Test(arguments: cells.indices)
    func formulaCellsAreDefused(_ i: Int) {
        let (cell, expected) = Self.cells[i]
        #expect(CSVCell.neutralised(cell) == expected, "cell \(cell.debugDescription)")
    }

    @Test func cellsAreQuotedOnlyWhenRFC4180NeedsIt() {
        #expect(CSVCell.quoted("plain 文本") == "plain 文本")
        #expect(CSVCell.quoted("a,b") == "\"a,b\"")
        #expect(CSVCell.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVCell.quoted("two\nlines") == "\"two\nlines\"")
        #expect(CSVCell.quoted("cr\r") == "\"cr\r\"")
    }

    /// (text, escaped as content, escaped as an attribute)
    static let markup: [(String, String, String)] = [
        (
            "<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;",
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
        ),
        ("a & \"b\"", "a &amp; &quot;b&quot;", "a &amp; &quot;b&quot;"),
        ("line\nnext\ttab", "line\nnext\ttab", "line&#10;next&#9;tab"),
        ("cr\r", "cr&#13;", "cr&#13;"),
        ("bell\u{07}esc\u{1B}nul\u{0}", "bell\u{FFFD}esc\u{FFFD}nul\u{FFFD}", "bell\u{FFFD}esc\u{FFFD}nul\u{FFFD}"),
        ("del\u{7F}c1\u{85}", "del\u{FFFD}c1\u{FFFD}", "del\u{FFFD}c1\u{FFFD}"),
        ("non\u{FFFE}char\u{FFFF}", "non\u{FFFD}char\u{FFFD}", "non\u{FFFD}char\u{FFFD}"),
        ("资产处置 😀", "资产处置 😀", "资产处置 😀"),
        ("（，）… · “引号” ￥", "（，）… · “引号” ￥", "（，）… · “引号” ￥"),
        ("next\u{85}line", "next\u{FFFD}line", "next\u{FFFD}line"),
    ]

    @Test(arguments: markup.indices)
    func markupIsEscaped(_ i: Int) {
        let (text, content, attribute) = Self.markup[i]
        #expect(MarkupText.escape(text) == content)
        #expect(MarkupText.escape(text, attribute: true) == attribute)
    }

    @Test func textReportRendersEachListedRecordAhead() throws {
        let perRecord = try #require(TextBatchReporter().perRecord)
        let items = BatchFixture.items
        #expect(items[0].result.verdict == .compliant)
        #expect(perRecord(items[0]) == "")
        #expect(items[1].result.verdict == .nonCompliant)
        let entry = perRecord(items[1])
        #expect(entry.contains("ZC-2023-0045"))
        #expect(entry.hasPrefix("\n✗ non_compliant  disposals.csv:row 2"))
    }

    @Test func sharesUseIntegerRounding() {
        #expect(Ratio(part: 1, whole: 3).percent == "33.3%")
        #expect(Ratio(part: 2, whole: 3).percent == "66.7%")
        #expect(Ratio(part: 1, whole: 8).percent == "12.5%")
        #expect(Ratio(part: 1, whole: 2000).percent == "0.1%")
        #expect(Ratio(part: 3, whole: 3).percent == "100.0%")
        #expect(Ratio(part: 0, whole: 0).percent == "0.0%")
        #expect(Ratio(part: 1, whole: 3).fraction == "0.3333")
        #expect(Ratio(part: 300_000, whole: 1_000_000).fraction == "0.3000")
        #expect(Ratio(part: 2, whole: 3).fraction == "0.6667")
    }

    /// The fast paths added for batch reports give what the scalar-by-scalar paths give.
    @Test func fastPathsAgreeWithTheSlowOnes() {
        #expect(JSONText.quote("资产处置 abc") == "\"资产处置 abc\"")
        #expect(JSONText.quote("a\"b\\c\nd") == #""a\"b\\c\nd""#)
        #expect(DisplayWidth.of("资产ＡＢ abc") == 12)
        #expect(DisplayWidth.of("e\u{301}か\u{3099}") == 3)
    }

    @Test func terminalTextLosesControlsAndBidiOverrides() {
        #expect(TextStyle.oneLine("a\nb\tc\r") == "a b c ")
        #expect(TextStyle.oneLine("\u{1B}[2Jx\u{202E}y") == "\u{FFFD}[2Jx\u{FFFD}y")
        #expect(TextStyle.oneLine("a\u{2066}b\u{85}c") == "a\u{FFFD}b\u{FFFD}c")
        #expect(TextStyle.oneLine("（，）… · “引号” — ‘x’") == "（，）… · “引号” — ‘x’")
    }

    @Test func spillBufferRoundTripsChineseAcrossChunks() {
        let buffer = SpillBuffer(memoryLimit: 100)
        var expected = ""
        for i in 0..<20_000 {
            // 3-byte characters at varying offsets, so 64 KiB read chunks split some of them.
            let line = "\(i) 资产处置记录😀" + String(repeating: "é", count: i % 5) + "\n"
            buffer.write(line)
            expected += line
            #expect(buffer.inMemoryCount <= 100 + line.utf8.count)
        }
        #expect(buffer.isSpilled)
        #expect(buffer.count == expected.utf8.count)
        var sink = StringSink()
        buffer.drain(to: &sink)
        #expect(sink.text == expected)
        #expect(buffer.count == 0)
        buffer.write("again")
        var second = StringSink()
        buffer.drain(to: &second)
        #expect(second.text == "again")
    }

    @Test func cutsAreOnCharacterBoundaries() {
        let bytes = Array("ab资".utf8)
        #expect(UTF8Boundary.lastComplete(bytes) == bytes.count)
        #expect(UTF8Boundary.lastComplete(Array(bytes.prefix(4))) == 2)
        #expect(UTF8Boundary.lastComplete(Array(bytes.prefix(3))) == 2)
        #expect(UTF8Boundary.lastComplete(Array("😀".utf8).prefix(3).map { $0 }) == 0)
        #expect(UTF8Boundary.lastComplete([]) == 0)
    }

    @Test func chartLabelsAreCutByDisplayWidth() {
        var budget = 6
        #expect(SVGBarChart.cut("资产处置记录", &budget) == "资产…")
        #expect(budget == 0)
        budget = 12
        #expect(SVGBarChart.cut("资产处置记录", &budget) == "资产处置记录")
        #expect(budget == 0)
    }

    @Test func ruleAndUnitOrder() {
        var tally = BatchTally()
        for item in BatchFixture.items { tally.add(item.result) }
        #expect(tally.byRule.map(\.ruleID) == ["AM-07", "AM-08", "AM-11", "AM-12", "AM-13", "AM-06"])
        #expect(tally.byRule.map(\.failed) == [3, 2, 1, 1, 1, 0])
        #expect(
            tally.byUnit.map(\.unit) == [
                "acftu/hebei/baoding-ftu", "acftu/beijing", #"<script>alert("x")</script>"#, "+cmd|' /C calc'!A0", nil,
            ])
        #expect(tally.worst == .invalid)
        #expect(BatchReports.verdictOrder.map(tally.count) == [2, 3, 1, 1, 1])
    }
}
