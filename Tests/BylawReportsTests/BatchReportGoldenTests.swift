import BylawTestSupport
import Foundation
import Testing

@testable import Bylaw
@testable import BylawReports

/// Every batch report format on `BatchFixture`, against reviewed golden files; each format is rendered twice,
/// in memory and through a spill file, and both must equal the golden. Re-record with `BYLAW_RECORD=1`; a
/// recording run fails so that every re-record is a reviewed diff.
@Suite struct BatchReportGoldenTests {
    static let corpus = Paths.here.appendingPathComponent("Corpus/batch-reports").path

    static let goldens: [(BatchReportFormat, String)] = [
        (.text, "report.txt"), (.json, "report.json"), (.csv, "report.csv"), (.junit, "report.xml"),
        (.html, "report.html"),
    ]

    @Test(arguments: goldens.map(\.1))
    func golden(_ name: String) throws {
        let format = try #require(Self.goldens.first { $0.1 == name }).0
        let rendered = BatchFixture.render(format)
        // A 64-byte threshold sends everything held back through a temporary file.
        #expect(BatchFixture.render(format, spillThreshold: 64) == rendered, "spilled \(format) output differs")
        // Records rendered ahead, on worker threads, make the same report as records rendered as they come.
        #expect(BatchFixture.render(format, prerendered: true) == rendered, "prerendered \(format) output differs")
        let path = Self.corpus + "/" + name
        if ProcessInfo.processInfo.environment["BYLAW_RECORD"] != nil {
            try Data(rendered.utf8).write(to: URL(fileURLWithPath: path))
            Issue.record("recorded \(path); review the diff and run again without BYLAW_RECORD")
            return
        }
        // Bytes, not String(contentsOfFile:), which would drop the CSV's byte order mark.
        let expected = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        #expect(rendered == expected, "\(format) report differs from \(name)")
    }

    @Test func emptyBatchesStillMakeWholeReports() throws {
        for (format, _) in Self.goldens {
            let out = BatchFixture.render(format, items: [])
            #expect(!out.isEmpty, "\(format)")
        }
        let json = try JSONSerialization.jsonObject(with: Data(BatchFixture.render(.json, items: []).utf8))
        let object = try #require(json as? [String: Any])
        #expect(object["verdict"] as? String == "compliant")
        #expect((object["records"] as? [Any])?.count == 0)
        #expect(BatchFixture.render(.html, items: []).contains("Every record is compliant."))
        #expect(
            BatchFixture.render(.csv, items: []) == "\u{FEFF}" + CSVBatchReporter.columns.joined(separator: ",")
                + "\r\n")
    }
}
