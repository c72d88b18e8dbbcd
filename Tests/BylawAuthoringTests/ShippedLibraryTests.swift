import Bylaw
import BylawTestSupport
import Foundation
import Testing

/// The shipped rule library: it loads without a diagnostic, every case of every rule set passes,
/// every example gets the verdict its name claims, and every rule is made to fail by some case.
@Suite struct ShippedLibraryTests {
    static let library = RuleLibrary.load(root: Paths.shippedRules)
    static let folders: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: Paths.shippedRules)) ?? [])
        .filter { $0 != "calendars" && !$0.hasPrefix(".") }.sorted()

    @Test func loadsCleanly() {
        #expect(Self.library.diagnostics.isEmpty, "\(Self.library.diagnostics.map(\.description))")
        #expect(Self.folders.count >= 4)
    }

    @Test(arguments: folders)
    func casesPassWithFullCoverage(_ folder: String) {
        let suite = Self.library.runTests(folder: Paths.shippedRules + "/" + folder)
        #expect(suite.diagnostics.isEmpty, "\(suite.diagnostics.map(\.description))")
        #expect(suite.cases.count >= 3, "a rule set needs examples and cases")
        for c in suite.cases where !c.passed {
            Issue.record("\(folder): \(c.testCase.name): \(c.differences.joined(separator: "; "))")
        }
        #expect(suite.uncovered.isEmpty, "rules no case makes fail: \(suite.uncovered)")
        let examples = suite.cases.filter { $0.testCase.name.hasPrefix("example ") }
        #expect(examples.contains { $0.testCase.name.hasPrefix("example compliant") })
        #expect(examples.filter { $0.testCase.name.hasPrefix("example non-compliant") }.count >= 2)
    }

    @Test func fixtureSuiteReportsUncoveredRules() {
        let suite = fixtureLibrary.runTests(folder: Paths.fixtures + "/rules/disposal")
        #expect(suite.cases.map(\.passed) == [true, true])
        #expect(
            suite.uncovered == ["disposal/D-01", "disposal/D-02", "disposal/D-04", "disposal/D-05", "disposal/D-06"])
    }
}
