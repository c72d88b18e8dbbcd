import Bylaw
import BylawAuthoring
import BylawBatch
import BylawDiagnostics
import BylawLocale
import BylawReports

/// Renderings of `bylaw test` results.
public enum TestReport {
    /// The text report: each case passed or failed with its differences, the coverage line of each folder and
    /// the counts, in `language`.
    public static func text(_ suites: [TestSuiteResult], colour: Bool, language l: Language = .english) -> String {
        func paint(_ code: String, _ s: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        var out = ""
        var passed = 0
        var failed = 0
        for s in suites {
            out += paint("1", s.folder) + "\n"
            for c in s.cases {
                if c.passed {
                    passed += 1
                    out += "  " + paint("32", "✓") + " \(shownName(c.testCase, l))\n"
                } else {
                    failed += 1
                    out +=
                        "  " + paint("31", "✗") + " \(shownName(c.testCase, l))  "
                        + paint("2", "(\(c.testCase.location))")
                        + "\n"
                    for d in c.differences { out += "      \(DiagnosticWording.testDifference(d, l))\n" }
                }
            }
            if !s.coverageMeasured {
                out += paint("2", "  " + l.text("test-report.coverage-not-measured", String(s.cases.count))) + "\n"
            } else if s.uncovered.isEmpty {
                out += paint("2", "  " + l.text("test-report.coverage-full")) + "\n"
            } else {
                out +=
                    paint("33", "  " + l.text("test-report.coverage-gaps", String(s.uncovered.count)))
                    + s.uncovered.joined(separator: ", ") + "\n"
            }
        }
        out += l.text("test-report.summary", String(passed), String(failed)) + "\n"
        return out
    }

    /// A case's name as the text report shows it: an example file's case is worded in `l`.
    static func shownName(_ c: TestCase, _ l: Language) -> String {
        c.exampleFile.map { l.text("test-report.example", $0) } ?? c.name
    }

    public static func json(_ suites: [TestSuiteResult]) -> String {
        let items = suites.map { s -> String in
            let cases = s.cases.map { c in
                "{\"name\":\(JSONText.quote(c.testCase.name)),\"file\":\(JSONText.quote(c.testCase.file)),"
                    + "\"line\":\(c.testCase.location.line),\"passed\":\(c.passed),\"verdict\":\(JSONText.quote(c.result.verdict.rawValue)),"
                    + "\"differences\":[" + c.differences.map(JSONText.quote).joined(separator: ",") + "]}"
            }
            return "{\"folder\":\(JSONText.quote(s.folder)),\"cases\":[" + cases.joined(separator: ",") + "],"
                + "\"uncovered\":[" + s.uncovered.map(JSONText.quote).joined(separator: ",") + "]}"
        }
        let passed = suites.flatMap(\.cases).filter(\.passed).count
        let failed = suites.flatMap(\.cases).count - passed
        return "{\"passed\":\(passed),\"failed\":\(failed),\"suites\":[" + items.joined(separator: ",") + "]}"
    }

    public static func junit(_ suites: [TestSuiteResult]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"
        for s in suites {
            let failures = s.cases.filter { !$0.passed }.count
            out +=
                "  <testsuite name=\"\(MarkupText.escape(s.folder, attribute: true))\" tests=\"\(s.cases.count)\" failures=\"\(failures)\">\n"
            for c in s.cases {
                out +=
                    "    <testcase classname=\"\(MarkupText.escape(s.folder, attribute: true))\" name=\"\(MarkupText.escape(c.testCase.name, attribute: true))\""
                if c.passed {
                    out += "/>\n"
                } else {
                    out +=
                        ">\n      <failure message=\"\(MarkupText.escape(c.differences.first ?? "", attribute: true))\">"
                        + MarkupText.escape(c.differences.joined(separator: "\n")) + "</failure>\n    </testcase>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }
}
