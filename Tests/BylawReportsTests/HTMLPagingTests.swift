import BylawTestSupport
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

    /// A Chinese page says in Chinese where the other records are, with the English beside each piece of prose
    /// for the page's language switch; the commands are the same in both.
    @Test(arguments: [false, true])
    func theNoteSpeaksThePagesLanguage(_ companion: Bool) {
        let file = companion ? CompanionFile(path: Scratch.root.path + "/审计.records.csv") : nil
        let note = HTMLPaging.note(inPage: 2, beyond: 1234, companion: file, .chinese)
        #expect(
            note.contains(
                "<span data-alt=\"This page lists the first 2 of these records, in input order. \">本页按输入顺序列出其中前 2 条。</span>"
            ))
        if companion {
            #expect(note.contains(">其余 1,234 条在本页旁边的文件 </span><a href=\"%E5%AE%A1%E8%AE%A1.records.csv\" download>"))
            #expect(
                note.contains(
                    "<code>bylaw audit --format csv --columns machine</code><span data-alt=\" writes them.\">"))
        } else {
            #expect(note.contains(">其余 1,234 条不在本报告中，因为报告输出到了标准输出：请用 </span><code>--report FILE.html</code>"))
            #expect(
                note.contains("data-alt=\"The other 1,234 are not in this report because it went to standard output"))
        }
        let visible = ChineseReportTests.shown(note)
        #expect(!visible.contains("The other") && !visible.contains("This page"))
    }
}
