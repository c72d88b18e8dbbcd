import Bylaw
import BylawDiagnostics
import BylawTestSupport
import Foundation
import Testing

@testable import BylawAuthoring
@testable import BylawReports

/// Flawed rule sets and exactly what `bylaw lint` says about them (`expected.txt`; one case also as
/// `expected.json` and `expected.sarif`). Re-record with `BYLAW_RECORD=1`; a recording run fails so that every
/// re-record is a reviewed diff.
@Suite struct LintGoldenTests {
    static let corpus = Paths.here.appendingPathComponent("Corpus/lint").path
    static let names = ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).sorted()
    static var recording: Bool { ProcessInfo.processInfo.environment["BYLAW_RECORD"] != nil }

    /// Lints one case folder, with calendars from the fixture library, as of the date in its `as-of` file if it
    /// has one (else with no time-bound checks).
    static func lint(_ name: String) throws -> LintReport {
        let dir = corpus + "/" + name
        let groups = try LintTargets.resolve([dir]).get()
        let asOf = (try? String(contentsOfFile: dir + "/as-of", encoding: .utf8)).flatMap {
            CELDateParse($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return Linter.lint(
            groups.map { LintTargets.Group(calendarsRoot: Paths.fixtures + "/rules", files: $0.files) }, asOf: asOf)
    }

    static func compare(_ actual: String, _ file: String) throws {
        if recording {
            try actual.write(toFile: file, atomically: true, encoding: .utf8)
            Issue.record("recorded \(file); review the diff and run again without BYLAW_RECORD")
            return
        }
        let expected = try String(contentsOfFile: file, encoding: .utf8)
        #expect(actual == expected, "\(file)")
    }

    @Test func corpusHasACaseForEveryCheck() throws {
        #expect(Self.names.count >= 17)
        var codes: Set<String> = []
        for name in Self.names { codes.formUnion(try Self.lint(name).diagnostics.map(\.code)) }
        for check in Linter.checks {
            #expect(codes.contains(check.code), "no corpus case reports \(check.code)")
        }
        for loader in ["schema.missing-key", "ruleset.duplicate-rule-id", "cel.undeclared-reference"] {
            #expect(codes.contains(loader), "no corpus case shows the loader's \(loader)")
        }
        #expect(codes.contains("library.overlapping-versions"))
    }

    @Test func docsListEveryCheckWithItsSeverity() throws {
        let docs = try String(contentsOfFile: Paths.repository + "/docs/lint.md", encoding: .utf8)
        for check in Linter.checks {
            #expect(docs.contains("| `\(check.code)` | \(check.severity.rawValue) |"), "\(check.code)")
        }
    }

    @Test func cleanCaseHasNoFinding() throws {
        let report = try Self.lint("clean")
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.description))")
        #expect(report.ruleSets == 1)
    }

    @Test(arguments: names)
    func text(_ name: String) throws {
        let dir = Self.corpus + "/" + name
        let renderer = DiagnosticRenderer { try? String(contentsOfFile: $0, encoding: .utf8) }
        let rendered = LintOutput.text(try Self.lint(name), renderer: renderer)
            .replacingOccurrences(of: dir + "/", with: "")
            .replacingOccurrences(of: Paths.repository + "/", with: "")
        try Self.compare(rendered, dir + "/expected.txt")
    }

    @Test func json() throws {
        let dir = Self.corpus + "/table-gap-band"
        let json = LintOutput.json(try Self.lint("table-gap-band")).replacingOccurrences(of: dir + "/", with: "")
        try Self.compare(json + "\n", dir + "/expected.json")
    }

    @Test func sarif() throws {
        let dir = Self.corpus + "/table-shadowed"
        let sarif = LintOutput.sarif(try Self.lint("table-shadowed"), checks: Linter.checks, base: dir)
        try Self.compare(sarif, dir + "/expected.sarif")
    }
}
