import Foundation
import Testing

@testable import BylawDiagnostics

@Suite struct RendererTests {
    @Test func rendersLocationLineAndCaret() {
        let text = "a: 1\nbook_value: abc\n"
        let r = DiagnosticRenderer(source: { $0 == "x.yaml" ? text : nil })
        let d = Diagnostic.error(
            "decision.type-mismatch", "`abc` is not a decimal",
            at: SourceLocation(file: "x.yaml", line: 2, column: 13), length: 3, help: "write a number such as 650000.00"
        )
        #expect(
            r.render(d) == """
                x.yaml:2:13: error: `abc` is not a decimal [decision.type-mismatch]
                  |
                2 | book_value: abc
                  |             ^~~
                  help: write a number such as 650000.00

                """)
    }

    /// A line of megabytes (minified JSON) is shown as a window around the caret, never whole.
    @Test func aLongLineIsShownAsAWindowAroundTheCaret() {
        let text = String(repeating: "a", count: 5000) + "X" + String(repeating: "b", count: 5000)
        let r = DiagnosticRenderer(source: { _ in text })
        let d = Diagnostic.error("t", "m", at: SourceLocation(file: "f", line: 1, column: 5001))
        let lines = r.render(d).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[2].count < DiagnosticRenderer.maxExcerptColumns)
        #expect(lines[2].hasPrefix("1 | …a") && lines[2].hasSuffix("b…"))
        // The caret is under the X.
        let shown = Array(lines[2].dropFirst(4))
        let caret = lines[3].dropFirst(4).firstIndex(of: "^").map {
            lines[3].dropFirst(4).distance(from: lines[3].dropFirst(4).startIndex, to: $0)
        }
        #expect(caret.map { shown[$0] } == "X")
        // At the start of the line, the window starts there.
        let first = Diagnostic.error("t", "m", at: SourceLocation(file: "f", line: 1, column: 1))
        let head = r.render(first).split(separator: "\n").map(String.init)
        #expect(head[2].hasPrefix("1 | aaa") && head[2].hasSuffix("a…"))
    }

    /// Excerpts read at most `maxSourceBytes` of a file: a line beyond them has no excerpt.
    @Test func theFileSourceReadsAMegabyteAtMost() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID().uuidString).txt").path
        let text = String(repeating: "x\n", count: DiagnosticRenderer.maxSourceBytes)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(DiagnosticRenderer.fileSource(path)?.utf8.count == DiagnosticRenderer.maxSourceBytes)
        let r = DiagnosticRenderer(source: DiagnosticRenderer.fileSource)
        let near = Diagnostic.error("t", "m", at: SourceLocation(file: path, line: 10, column: 1))
        let far = Diagnostic.error("t", "m", at: SourceLocation(file: path, line: 900_000, column: 1))
        #expect(r.render(near).contains("10 | x"))
        #expect(!r.render(far).contains(" | x"))
    }

    @Test func caretUnderChineseTextCountsTwoCellsPerCharacter() {
        let text = "title: 处置规则 x\n"
        let r = DiagnosticRenderer(source: { _ in text })
        let d = Diagnostic.error("t", "m", at: SourceLocation(file: "f", line: 1, column: 13))
        let lines = r.render(d).split(separator: "\n", omittingEmptySubsequences: false)
        // "title: " is 7 cells, 处置规则 is 8 cells, " " is 1: the caret sits at cell 16.
        #expect(lines[3] == "  | " + String(repeating: " ", count: 16) + "^")
    }

    @Test func jsonHasFixedKeyOrderAndEscapes() {
        let d = Diagnostic.warning(
            "decision.unknown-field", "unknown field `a\"b`", at: SourceLocation(file: "d.yaml", line: 3, column: 1))
        #expect(
            d.json
                == #"{"severity":"warning","code":"decision.unknown-field","message":"unknown field `a\"b`","file":"d.yaml","line":3,"column":1}"#
        )
    }

    @Test(arguments: [("abc", 3), ("处置", 4), ("e\u{301}", 1), ("", 0)])
    func displayWidth(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test func outputOrderIsByFileLineColumn() {
        let a = Diagnostic.error("c", "m", at: SourceLocation(file: "b", line: 1, column: 1))
        let b = Diagnostic.error("c", "m", at: SourceLocation(file: "a", line: 9, column: 1))
        let c = Diagnostic.error("c", "m", at: SourceLocation(file: "a", line: 2, column: 5))
        #expect([a, b, c].sortedForOutput() == [c, b, a])
    }
}

@Suite struct RendererSafetyTests {
    @Test func bidiControlsInExcerptsAreNeutralised() {
        let text = "title: \u{202E}abc\n"
        let r = DiagnosticRenderer(source: { _ in text })
        let out = r.render(
            Diagnostic.error("yaml.bidi-control", "m", at: SourceLocation(file: "f", line: 1, column: 8)))
        #expect(!out.unicodeScalars.contains("\u{202E}"))
        #expect(out.contains("1 | title: \u{FFFD}abc"))
    }
}
