import Bylaw
import BylawBatch
import BylawLocale
import BylawReports
import Foundation

/// Every report of one background run at once: each record is checked and recorded once and reported in
/// every format of `AuditRuns.formats` (in each language where the words depend on one: the CSV file in English
/// is the machine one, `CSVColumns.labels` in English being the machine names), each report written
/// to its own file as the run goes. It counts the verdicts for the run's progress. (The job has named each
/// record's file as the client did, `AuditJobOptions.shownNames`, before it reaches a report.)
final class RunReports: BatchReporter, @unchecked Sendable {
    // INVARIANT: `reporters`, `files` (one each per report) and `tally` are used on the run's consumer thread
    // only (`AuditJob.run`'s caller), `tally` also under `lock` so that the progress can be read.
    private var reporters: [any BatchReporter] = []
    private var files: [CompanionFile] = []
    private var tally: [Verdict: Int] = [:]
    private let lock = NSLock()

    init(folder: String) {
        for format in AuditRuns.formats {
            let languages: [Language] = [.html, .junit, .csv].contains(format) ? Language.allCases : [.english]
            for language in languages {
                reporters.append(format.report(language: language).reporter)
                let file = CompanionFile(path: folder + "/" + AuditRuns.reportName(format, language))
                // Made at once, not at the first write: a report that writes nothing still exists.
                file.write("")
                files.append(file)
            }
        }
    }

    /// Records by verdict so far.
    var counts: [Verdict: Int] { lock.withLock { tally } }

    /// The first report that could not be written, if any, named without the service's folder.
    var failure: String? {
        files.first { $0.failure != nil }.map { "cannot write the report `\(($0.path as NSString).lastPathComponent)`" }
    }

    private func each(_ body: (inout any BatchReporter, inout CompanionFile) -> Void) {
        for k in reporters.indices { body(&reporters[k], &files[k]) }
    }

    func begin(_ run: BatchRunInfo, to sink: inout some ReportSink) {
        each { r, s in r.begin(run, to: &s) }
    }

    func add(_ item: BatchItem, to sink: inout some ReportSink) {
        lock.withLock { tally[item.result.verdict, default: 0] += 1 }
        each { r, s in r.add(item, to: &s) }
    }

    func skipped(_ rows: SkippedRows) {
        for k in reporters.indices { reporters[k].skipped(rows) }
    }

    func finish(to sink: inout some ReportSink) {
        each { r, s in r.finish(to: &s) }
    }

    /// Writes out what is buffered and closes the files.
    func close() {
        for file in files { file.close() }
    }
}
