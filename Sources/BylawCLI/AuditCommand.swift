import ArgumentParser
import Bylaw
import BylawAudit
import BylawBatch
import BylawCEL
import BylawJobs
import BylawLocale
import BylawReports

#if canImport(Glibc)
    import Glibc
#endif

struct AuditCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "audit", abstract: Language.current.help("help.audit.abstract"),
            discussion: Language.current.help("help.audit.discussion", String(AuditJob.transactionSize)))
    }

    @Argument(help: ArgumentHelp(Language.current.help("help.audit.inputs"), valueName: "input"))
    var inputs: [String]

    @OptionGroup var rules: RulesOption

    @Option(help: ArgumentHelp(Language.current.help("help.audit.kind"), valueName: "kind"))
    var kind: String?

    @Option(
        name: .customLong("map"),
        help: ArgumentHelp(Language.current.help("help.audit.map"), valueName: "mapping.yaml"))
    var map: String?

    @Option(help: ArgumentHelp(Language.current.help("help.audit.report"), valueName: "file"))
    var report: String?

    @Option(help: ArgumentHelp(Language.current.help("help.audit.format")))
    var format: AuditReportFormat = .text

    @Option(help: ArgumentHelp(Language.current.help("help.audit.columns"), valueName: "labels|machine"))
    var columns = CSVColumns.labels.rawValue

    @Option(
        help: ArgumentHelp(
            Language.current.help("help.audit.html-records", String(HTMLPaging.defaultLimit)), valueName: "n"))
    var htmlRecords = HTMLPaging.defaultLimit

    @Flag(
        help: ArgumentHelp(Language.current.help("help.audit.reveal")))
    var reveal = false

    @Option(
        help: ArgumentHelp(
            Language.current.help("help.audit.input-format"), valueName: "csv|jsonl|json|yaml|xlsx"))
    var inputFormat: InputFormat?

    @Option(
        help: ArgumentHelp(
            Language.current.help("help.audit.encoding"), valueName: "utf-8|gb18030|utf-16"))
    var encoding: TextEncoding?

    @Option(help: ArgumentHelp(Language.current.help("help.audit.sheet"), valueName: "name"))
    var sheet: String?

    @Option(
        help: ArgumentHelp(
            Language.current.help("help.audit.header-row"), valueName: "n"))
    var headerRow: Int?

    // Unconditional: `--jobs -1` is a value out of range, said so, not a missing value.
    @Option(parsing: .unconditional, help: ArgumentHelp(Language.current.help("help.audit.jobs"), valueName: "n"))
    var jobs: Int?

    @Option(
        help: ArgumentHelp(
            Language.current.help("help.audit.as-of"), valueName: "date"))
    var asOf: String?

    @Flag(help: ArgumentHelp(Language.current.help("help.audit.quiet")))
    var quiet = false

    @OptionGroup var recording: RecordingOptions

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError(Language.current.text("usage.no-inputs")) }
        if let jobs, !(1...256).contains(jobs) { throw ValidationError(Language.current.text("usage.jobs")) }
        if CSVColumns(rawValue: columns) == nil {
            throw ValidationError(Language.current.text("usage.columns", columns))
        }
        if htmlRecords < 0 { throw ValidationError(Language.current.text("usage.html-records")) }
        if let headerRow, !(1...1_048_576).contains(headerRow) {
            throw ValidationError(Language.current.text("usage.header-row"))
        }
    }

    func run() throws {
        let asOfDate = try asOf.map(parseDate)
        let library = try rules.loadLibrary()
        if let kind, !library.kinds.contains(kind) {
            printError("bylaw: " + Language.current.text("op.no-kind", kind, library.kinds.joined(separator: ", ")))
            throw Exit.invalid
        }
        let mapping = try loadMapping()
        let files: [BatchFile]
        switch BatchInputs.resolve(inputs, format: inputFormat) {
        case .success(let f): files = f
        case .failure(let failure):
            for d in failure.diagnostics {
                printError("bylaw: " + DiagnosticWording.message(code: d.code, english: d.message, Language.current))
            }
            throw Exit.invalid
        }
        let trail = try recording.recording(
            verb: "open", consequence: Language.current.text("op.consequence.audit-open"))
        var sink = try openSink()
        let companion = htmlCompanion()
        let report = format.report(
            colour: self.report == nil && FileHandleOutput.stdoutIsTerminal,
            html: HTMLPaging(limit: htmlRecords, companion: companion), language: Language.current,
            csvColumns: CSVColumns(rawValue: columns) ?? .labels)
        let options = AuditJobOptions(
            inputs: inputs, files: files, kind: kind, mapping: mapping, encoding: encoding, sheet: sheet,
            headerRow: headerRow, asOf: asOfDate.map { ($0, asOf ?? "") }, jobs: jobs ?? AuditJob.cores,
            reveal: reveal)
        var line = ProgressLine(enabled: !quiet && FileHandleOutput.stderrIsTerminal)
        defer { line.clear() }
        let summary: AuditSummary
        do {
            summary = try AuditJob.run(options, library: library, recording: trail, report: report, to: &sink) {
                line.update($0)
            }
        } catch {
            sink.flush()
            line.clear()
            throw recording.explain(
                error,
                consequence: Language.current.text("op.consequence.audit-record"))
        }
        sink.flush()
        line.clear()
        try finishCompanion(companion)
        noteSheets(summary)
        noteSkippedRows(summary)
        noteSlowPaths(summary)
        try finish(summary, sink: sink)
    }

    private func loadMapping() throws -> CSVMapping? {
        guard let map else { return nil }
        switch CSVMapping.load(path: map) {
        case .success(let m): return m
        case .failure(let failure):
            printDiagnostics(failure.diagnostics)
            throw Exit.invalid
        }
    }

    private func openSink() throws -> FileReportSink {
        guard let report else { return FileReportSink(fd: 1) }
        let fd = open(report, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            printError(
                "bylaw: "
                    + Language.current.text(
                        "op.report-unwritable", report, systemReason(errno: errno)))
            throw Exit.invalid
        }
        return FileReportSink(fd: fd)
    }

    /// The summary line (with --report) and the exit code.
    private func finish(_ tally: AuditSummary, sink: FileReportSink) throws {
        if let failure = sink.failure {
            printError(
                "bylaw: "
                    + Language.current.text(
                        "op.report-unwritable", report ?? "-", systemReason(errno: failure)))
            throw Exit.invalid
        }
        if let report, !quiet {
            let l = Language.current
            let parts = Verdict.allCases.reversed().compactMap { v in
                tally.counts[v].map { l.text("check.outcome-count", String($0), l.text("verdict." + v.rawValue)) }
            }
            let summary = parts.isEmpty ? "" : (l == .chinese ? "：" : ": ") + parts.joined(separator: l.listSeparator)
            FileHandleOutput.writeText(l.text("audit.summary-written", String(tally.total), summary, report) + "\n")
        }
        if tally.unreadableFiles > 0 { throw Exit.invalid }
        // Nothing was judged, so nothing is compliant: an empty export is a failed run, not a clean one.
        if tally.total == 0 {
            printError("bylaw: " + Language.current.text("op.no-records"))
            throw Exit.invalid
        }
        if tally.total > (tally.counts[.compliant] ?? 0) { throw Exit.notCompliant }
    }
}
