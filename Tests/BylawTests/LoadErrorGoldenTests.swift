import Bylaw
import BylawDiagnostics
import BylawTestSupport
import Foundation
import Testing

/// Broken rule sets and their exact rendered diagnostics. Re-record with `BYLAW_RECORD=1`;
/// a recording run fails so that every re-record is a reviewed diff.
@Suite struct LoadErrorGoldenTests {
    static let corpus = Paths.here.appendingPathComponent("Corpus/load-errors").path
    static let names = ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).sorted()

    @Test func corpusIsThere() {
        #expect(Self.names.count >= 15)
    }

    @Test(arguments: names)
    func golden(_ name: String) throws {
        let dir = Self.corpus + "/" + name
        let file = dir + "/ruleset.yaml"
        let lib = RuleLibrary.load(files: [file], calendarsRoot: Paths.fixtures + "/rules")
        #expect(lib.diagnostics.hasErrors, "a broken rule set must not load")
        let renderer = DiagnosticRenderer { try? String(contentsOfFile: $0, encoding: .utf8) }
        let rendered = renderer.render(lib.diagnostics).replacingOccurrences(of: dir + "/", with: "")
        let expectedPath = dir + "/expected.txt"
        if ProcessInfo.processInfo.environment["BYLAW_RECORD"] != nil {
            try rendered.write(toFile: expectedPath, atomically: true, encoding: .utf8)
            Issue.record("recorded \(expectedPath); review the diff and run again without BYLAW_RECORD")
            return
        }
        let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
        #expect(rendered == expected)
    }
}
