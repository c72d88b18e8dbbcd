import BylawDiagnostics
import Foundation
import Testing

@testable import BylawYAML

/// Rendered diagnostics (message, source line, caret, notes) compared with files in `Golden/`.
/// Re-record with `BYLAW_RECORD=1`; a recording run fails so that every re-record is reviewed.
@Suite struct GoldenTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var source: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "duplicate-key", source: "name: payroll\nrules:\n  - id: r1\nname: other\n"),
        Case(name: "nfc-duplicate-key", source: "caf\u{E9}: 1\ncafe\u{301}: 2\n"),
        Case(name: "forbidden-tag", source: "rules:\n  - when: !!python/object/apply:os.system [\"rm\"]\n"),
        Case(name: "depth", source: String(repeating: "[", count: 70) + "\n"),
        Case(name: "syntax", source: "rules:\n  - id: r1\n   when: x\n"),
        Case(name: "bidi-control", source: "when: amount < 100 \u{202E} && ok\n"),
        Case(name: "merge-key", source: "base: &b {a: 1}\nderived:\n  <<: *b\n"),
    ]

    @Test(arguments: cases)
    func rendered(_ c: Case) throws {
        let text: String
        do {
            _ = try load(c.source, file: "rules/\(c.name).yaml")
            Issue.record("expected `\(c.name)` to be rejected")
            return
        } catch {
            let source = c.source
            text = DiagnosticRenderer(source: { _ in source }).render(error.diagnostics)
        }
        let path = testsDirectory + "/Golden/\(c.name).txt"
        if ProcessInfo.processInfo.environment["BYLAW_RECORD"] == "1" {
            try #require(writeFile(path, Array(text.utf8)))
            Issue.record("re-recorded Golden/\(c.name).txt: review the diff, then run again without BYLAW_RECORD")
            return
        }
        let expected = try #require(readText(path), "missing Golden/\(c.name).txt; record with BYLAW_RECORD=1")
        #expect(text == expected)
    }
}
