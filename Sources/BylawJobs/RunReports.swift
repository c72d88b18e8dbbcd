import Bylaw
import BylawBatch
import BylawLocale
import Foundation

/// Every report of one background run at once: each record is checked and recorded once and reported in
/// every format of `AuditRuns.formats` (in each language where the words depend on one), each report written
/// to its own file as the run goes. It counts the verdicts for the run's progress, and names each record's file
/// as the client named it, not where the service keeps it.
final class RunReports: BatchReporter, @unchecked Sendable {
    // INVARIANT: `reporters`, `sinks` (one each per report) and `tally` are used on the run's consumer thread
    // only (`AuditJob.run`'s caller), `tally` also under `lock` so that the progress can be read.
    private var reporters: [any BatchReporter] = []
    private var sinks: [FileSink] = []
    private var tally: [Verdict: Int] = [:]
    private let lock = NSLock()
    private let names: [String: String]

    init(folder: String, names: [String: String]) {
        self.names = names
        for format in AuditRuns.formats {
            let languages: [Language] = [.html, .junit].contains(format) ? Language.allCases : [.english]
            for language in languages {
                reporters.append(format.report(language: language).reporter)
                sinks.append(FileSink(path: folder + "/" + AuditRuns.reportName(format, language)))
            }
        }
    }

    /// Records by verdict so far.
    var counts: [Verdict: Int] { lock.withLock { tally } }

    /// The first report that could not be written, if any.
    var failure: String? { sinks.lazy.compactMap(\.failure).first }

    private func each(_ body: (inout any BatchReporter, inout FileSink) -> Void) {
        for k in reporters.indices { body(&reporters[k], &sinks[k]) }
    }

    func begin(_ run: BatchRunInfo, to sink: inout some ReportSink) {
        each { r, s in r.begin(run, to: &s) }
    }

    func add(_ item: BatchItem, to sink: inout some ReportSink) {
        var item = item
        if let name = names[item.source.file] { item.source.file = name }
        lock.withLock { tally[item.result.verdict, default: 0] += 1 }
        each { r, s in r.add(item, to: &s) }
    }

    func finish(to sink: inout some ReportSink) {
        each { r, s in r.finish(to: &s) }
    }

    /// Writes out what is buffered and closes the files.
    func close() {
        for k in sinks.indices { sinks[k].close() }
    }
}

/// A report written to a file in blocks of 64 KiB.
struct FileSink: ReportSink {
    private var handle: FileHandle?
    private var buffer: [UInt8] = []
    /// Why the file could not be written, the first time.
    private(set) var failure: String?

    init(path: String) {
        if FileManager.default.createFile(atPath: path, contents: nil) {
            handle = FileHandle(forWritingAtPath: path)
        }
        if handle == nil { failure = "cannot write the report `\((path as NSString).lastPathComponent)`" }
    }

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard let handle, failure == nil, !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            failure = "cannot write a report: \(error.localizedDescription)"
        }
    }

    mutating func close() {
        flush()
        try? handle?.close()
        handle = nil
    }
}
