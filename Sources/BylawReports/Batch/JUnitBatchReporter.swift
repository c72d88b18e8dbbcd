import Bylaw
import BylawBatch
import BylawDiagnostics
import BylawLocale

/// The JUnit XML audit report, for CI dashboards: one `<testsuite>` per input file, one `<testcase>` per record.
///
/// Suites follow input files rather than rule sets because every record belongs to exactly one file: each
/// record is one test case, suite totals add up to the record count, invalid records (which no rule set
/// applied to) still have a home, and a red suite points at the file to fix. A case's `classname` is the
/// record's unit, so dashboards that group by class group by unit.
///
/// A failed violation or warning is a `<failure>`, one per rule; a rule in error or an invalid record is an
/// `<error>`; failed notices go to `<system-out>` and leave the case passing. A case with any error counts as
/// an error, otherwise with any failure as a failure. Opening tags carry totals, so each suite is held in a
/// `SpillBuffer` until its file ends, and the whole body until `finish` writes the root's totals.
public struct JUnitBatchReporter: BatchReporter {
    private struct Totals {
        var tests = 0
        var failures = 0
        var errors = 0
    }

    private var properties = ""
    private var suiteFile: String?
    private var suite = Totals()
    private var all = Totals()
    private let suiteBody: SpillBuffer
    private let body: SpillBuffer
    private let language: Language

    public init(options: BatchReportOptions = .init()) {
        language = options.language
        suiteBody = SpillBuffer(memoryLimit: options.spillThreshold)
        body = SpillBuffer(memoryLimit: options.spillThreshold)
    }

    public mutating func begin(_ run: BatchRunInfo, to sink: inout some ReportSink) {
        var props = [("bylaw_version", run.bylawVersion)]
        if let asOf = run.asOf { props.append(("as_of", asOf)) }
        props += run.ruleSets.map { ("rule_set", "\($0.id) \($0.version)") }
        properties =
            "    <properties>\n"
            + props.map { "      <property name=\(Self.attr($0.0)) value=\(Self.attr($0.1))/>\n" }.joined()
            + "    </properties>\n"
    }

    public mutating func add(_ item: BatchItem, to sink: inout some ReportSink) {
        if item.source.file != suiteFile {
            closeSuite()
            suiteFile = item.source.file
        }
        let (text, failed, errored) = Self.testcase(item, language)
        suiteBody.write(text)
        suite.tests += 1
        if errored { suite.errors += 1 } else if failed { suite.failures += 1 }
    }

    public mutating func finish(to sink: inout some ReportSink) {
        closeSuite()
        sink.write(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"bylaw audit\" tests=\"\(all.tests)\" "
                + "failures=\"\(all.failures)\" errors=\"\(all.errors)\">\n")
        body.drain(to: &sink)
        sink.write("</testsuites>\n")
    }

    private mutating func closeSuite() {
        guard let file = suiteFile else { return }
        body.write(
            "  <testsuite name=\(Self.attr(file)) tests=\"\(suite.tests)\" failures=\"\(suite.failures)\" "
                + "errors=\"\(suite.errors)\" skipped=\"0\">\n" + properties)
        var target = body
        suiteBody.drain(to: &target)
        body.write("  </testsuite>\n")
        all.tests += suite.tests
        all.failures += suite.failures
        all.errors += suite.errors
        suite = Totals()
        suiteFile = nil
    }

    /// One record's `<testcase>`, and whether it failed or was in error.
    static func testcase(_ item: BatchItem, _ l: Language = .english) -> (String, Bool, Bool) {
        let r = item.result
        var open = "    <testcase name=\(attr((r.id ?? l.text("junit.no-id")) + " (" + item.source.description + ")"))"
        open += " classname=\(attr(r.unit ?? l.text("audit.no-unit"))) file=\(attr(item.source.file))"
        if case .line(let n) = item.source.position { open += " line=\"\(n)\"" }
        var inner = ""
        var notices: [String] = []
        var failed = false
        var errored = false
        if r.verdict == .invalid {
            let ds = r.diagnostics.sortedForOutput()
            let first = ds.first { $0.severity == .error }?.description(in: l) ?? l.text("junit.invalid-record")
            inner += "      <error type=\"invalid\" message=\(attr(first))>"
            inner += MarkupText.escape(ds.map { $0.description(in: l) }.joined(separator: "\n")) + "</error>\n"
            errored = true
        }
        for f in BatchReports.findings(r, in: l) {
            if f.outcome == .error {
                inner += "      <error type=\"rule-error\" message=\(attr(f.ruleID + ": " + (f.error ?? "")))>"
                inner += MarkupText.escape(detail(f, f.error)) + "</error>\n"
                errored = true
            } else if f.outcome != .failed, let p = f.provisional {
                let message = f.ruleID + " " + f.title + ": " + p.message(l)
                inner += "      <failure type=\"provisional\" message=\(attr(message))>"
                inner += MarkupText.escape(detail(f, p.message(l))) + "</failure>\n"
                failed = true
            } else if f.severity == .notice {
                notices.append(detail(f, f.message))
            } else {
                let message = f.ruleID + " " + f.title + ": " + (f.message ?? "")
                inner += "      <failure type=\(attr(f.severity.rawValue)) message=\(attr(message))>"
                inner += MarkupText.escape(detail(f, f.message)) + "</failure>\n"
                failed = true
            }
        }
        if !notices.isEmpty {
            inner += "      <system-out>" + MarkupText.escape(notices.joined(separator: "\n\n")) + "</system-out>\n"
        }
        let text = inner.isEmpty ? open + "/>\n" : open + ">\n" + inner + "    </testcase>\n"
        return (text, failed, errored)
    }

    /// `asset-management AM-04 审批层级 (第十三条)`, the message and the evidence, one per line.
    private static func detail(_ f: RuleResult, _ message: String?) -> String {
        var lines = ["\(f.ruleSet) \(f.ruleID) \(f.title) (\(f.cite))"]
        if let message { lines.append(message) }
        lines += f.evidence.map { "\($0.path) = \(ValueText.literal($0.value))" }
        return lines.joined(separator: "\n")
    }

    private static func attr(_ s: String) -> String { "\"" + MarkupText.escape(s, attribute: true) + "\"" }
}
