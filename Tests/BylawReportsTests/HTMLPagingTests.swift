import Testing

@testable import Bylaw
@testable import BylawReports

/// The HTML report's page limit and its companion file's name and link, without the command line.
@Suite struct HTMLPagingUnitTests {
    @Test(arguments: [
        ("audit.html", "audit.records.csv"),
        ("out/审计 报告.html", "out/审计 报告.records.csv"),
        ("/tmp/a.b/report", "/tmp/a.b/report.records.csv"),
        (".hidden", ".hidden.records.csv"),
    ])
    func theCompanionSitsBesideTheReport(_ report: String, _ companion: String) {
        #expect(HTMLPaging.companionPath(forReport: report) == companion)
    }

    @Test func theLinkIsPercentEncoded() {
        let file = CompanionFile(path: "/tmp/审计 \"x\"<.records.csv")
        #expect(file.href == "%E5%AE%A1%E8%AE%A1%20%22x%22%3C.records.csv")
    }

    @Test func thePageListsAtMostTheLimit() {
        var reporter = HTMLBatchReporter(paging: HTMLPaging(limit: 2))
        var sink = StringSink()
        reporter.begin(BatchFixture.run, to: &sink)
        for item in BatchFixture.items { reporter.add(item, to: &sink) }
        reporter.finish(to: &sink)
        let listed = BatchFixture.items.filter { $0.result.verdict != .compliant }.count
        #expect(listed > 2)
        #expect(sink.text.components(separatedBy: "<tr data-verdict=").count - 1 == 2)
        #expect(sink.text.contains("data-in-page=\"2\" data-beyond=\"\(listed - 2)\""))
        #expect(sink.text.contains("went to standard output"))
    }
}
