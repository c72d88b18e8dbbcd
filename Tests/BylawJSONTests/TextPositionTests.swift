import BylawTestSupport
import Testing

@testable import Bylaw
@testable import BylawJSON

/// The line and column counting every batch reader shares: columns in Unicode scalars, LF ending a line, and
/// for CSV also CRLF (as one line end) and a lone CR.
@Suite struct TextPositionTests {
    /// The position after each byte of `text`, as `line:column`, counting as JSON does (`csv` false) or as CSV.
    static func walk(_ text: String, csv: Bool) -> [String] {
        let bytes = Array(text.utf8)
        var p = TextPosition()
        var out: [String] = []
        for (k, c) in bytes.enumerated() {
            if csv {
                p.advance(past: c, next: k + 1 < bytes.count ? bytes[k + 1] : nil)
            } else {
                p.advance(past: c)
            }
            out.append("\(p.line):\(p.column)")
        }
        return out
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let csv: Bool
        /// The position after the last byte.
        let end: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "ASCII", text: "ab", csv: false, end: "1:3"),
        Case(name: "LF", text: "ab\nc", csv: false, end: "2:2"),
        Case(name: "Chinese is one column a character", text: "账面原值", csv: false, end: "1:5"),
        Case(name: "emoji is one column", text: "a😀b", csv: false, end: "1:4"),
        Case(name: "JSON: CR is a column", text: "a\rb", csv: false, end: "1:4"),
        Case(name: "JSON: CRLF is one line end", text: "a\r\nb", csv: false, end: "2:2"),
        Case(name: "CSV: lone CR ends a line", text: "a\rb", csv: true, end: "2:2"),
        Case(name: "CSV: CRLF is one line end", text: "a\r\nb", csv: true, end: "2:2"),
        Case(name: "CSV: CR CR is two line ends", text: "a\r\rb", csv: true, end: "3:2"),
        Case(name: "CSV: CR at the very end", text: "a\r", csv: true, end: "2:1"),
        Case(name: "CSV: LF CR LF", text: "\n\r\n", csv: true, end: "3:1"),
    ]

    @Test(arguments: cases) func counts(_ c: Case) {
        #expect(Self.walk(c.text, csv: c.csv).last == c.end)
    }

    /// A character's lead byte moves to the next column; its continuation bytes do not move.
    @Test func everyStepOfAMixedText() {
        #expect(
            Self.walk("甲\r\n乙\rx", csv: true) == [
                "1:2", "1:2", "1:2", "1:3", "2:1", "2:2", "2:2", "2:2", "3:1", "3:2",
            ])
    }

    @Test func startsWhereItIsTold() {
        var p = TextPosition(line: 7, column: 12)
        p.advance(past: UInt8(ascii: "x"))
        #expect(p == TextPosition(line: 7, column: 13))
        p.newLine()
        #expect(p == TextPosition(line: 8, column: 1))
    }
}
