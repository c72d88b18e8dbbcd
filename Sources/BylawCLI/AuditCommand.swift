import ArgumentParser
import Bylaw
import BylawAudit
import BylawBatch
import BylawCEL
import BylawJobs
import BylawReports

#if canImport(Glibc)
    import Glibc
#endif

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check many decisions (CSV, JSON Lines, YAML stream, folder) and report.",
        discussion: """
            Reads every record of the inputs, checks each against the rule sets for its kind in force on its \
            date (or --as-of), on all cores, and writes a report in input order. A record that cannot be read \
            (a ragged CSV row, a JSON syntax error) is reported as `invalid` with its file and line, and the run \
            goes on.

            INPUTS
              a.csv     a header row of field paths (asset.book_value), one record a row;
                        --map MAPPING.yaml maps other headers (账面原值) to paths;
                        UTF-8, UTF-16 with a byte-order mark, or GBK/GB18030 (detected,
                        or named with --encoding)
              a.xlsx    the first sheet (or --sheet NAME), one record a row below the
                        header row (found below title rows, or --header-row N)
              a.jsonl   one JSON object per line
              a.json    one object, or an array of objects
              a.yaml    one or more YAML documents (--- between them)
              folder/   every .csv .json .jsonl .xlsx .yaml .yml file below it, sorted
              -         standard input, format guessed or given by --input-format
            Each record names its `kind`; --kind gives one to records that have none.
            Field paths, list columns and the mapping format: docs/audit.md. A mapping
            file's `fields` moves JSON fields (disposal.date: date) and its
            `constants` fills absent ones (kind: asset_disposal).
            The HTML page lists the first --html-records records (default 1000); the
            others go to FILE.records.csv beside --report FILE.html.

            EXAMPLES
              bylaw audit disposals.csv --kind asset_disposal --map columns.yaml
              bylaw audit dump.jsonl --format jsonl --report results.jsonl
              bylaw audit examples/asset-disposals/export.jsonl \\
                --map examples/asset-disposals/export-map.yaml
              bylaw audit big.jsonl --format html --report audit.html --html-records 500
              bylaw audit records/ --jobs 2 --as-of 2024-01-01
              export-disposals | bylaw audit - --input-format csv --kind asset_disposal

            AUDIT TRAIL
              Every record is appended to the audit store (--audit PATH, else $BYLAW_AUDIT,
              else ./bylaw-audit.sqlite) in transactions of \(AuditJob.transactionSize) records, each
              before the records it holds are reported, then one `audit-run` record with
              the inputs' SHA-256 and the counts by verdict. If the store cannot be
              written, bylaw says so, reports nothing more and exits 2. --no-audit
              skips it.

            EXIT CODES
              0  every record is compliant
              1  some record is non_compliant, needs_review, error or invalid
              2  the command line is wrong, an input or the --map file cannot be read,
                 the rule sets do not load, or the audit trail cannot be written
            """)

    @Argument(help: ArgumentHelp("Input files, folders, or - for standard input.", valueName: "input"))
    var inputs: [String]

    @OptionGroup var rules: RulesOption

    @Option(help: ArgumentHelp("The decision kind of records that have no `kind` field.", valueName: "kind"))
    var kind: String?

    @Option(
        name: .customLong("map"),
        help: ArgumentHelp(
            "A YAML file mapping CSV and workbook headers (columns), and JSON fields (fields, constants), to "
                + "field paths.", valueName: "mapping.yaml"))
    var map: String?

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var report: String?

    @Option(help: "Report format: text, json, jsonl, csv, junit or html.")
    var format: AuditFormat = .text

    @Option(
        help: ArgumentHelp(
            "Records the HTML page lists (default \(HTMLPaging.defaultLimit)); the others go to FILE.records.csv "
                + "beside --report FILE.html.", valueName: "n"))
    var htmlRecords = HTMLPaging.defaultLimit

    @Flag(
        help: ArgumentHelp(
            "Show values the rule sets mark sensitive in the report (default: masked as [masked]); for someone "
                + "allowed to see them."))
    var reveal = false

    @Option(
        help: ArgumentHelp(
            "The format of standard input and of named files whose extension does not say (default: guessed).",
            valueName: "csv|jsonl|json|yaml|xlsx"))
    var inputFormat: InputFormat?

    @Option(
        help: ArgumentHelp(
            "The encoding of CSV inputs (default: detected; GBK is read as GB18030).",
            valueName: "utf-8|gb18030|utf-16"))
    var encoding: TextEncoding?

    @Option(help: ArgumentHelp("The sheet of .xlsx workbooks to read (default: the first).", valueName: "name"))
    var sheet: String?

    @Option(
        help: ArgumentHelp(
            "The row of .xlsx sheets that holds the header (default: found below any title rows).", valueName: "n"))
    var headerRow: Int?

    @Option(help: ArgumentHelp("Worker threads (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Option(
        help: ArgumentHelp(
            "Evaluate as of this date (YYYY-MM-DD) instead of each record's own date.", valueName: "date"))
    var asOf: String?

    @Flag(help: "No progress line, and no summary line when --report is given.")
    var quiet = false

    @OptionGroup var recording: RecordingOptions

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("name at least one input (a file, a folder or -)") }
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs must be between 1 and 256") }
        if htmlRecords < 0 { throw ValidationError("--html-records must be 0 or more") }
        if let headerRow, !(1...1_048_576).contains(headerRow) {
            throw ValidationError("--header-row must be a row number between 1 and 1048576")
        }
    }

    func run() throws {
        let asOfDate = try asOf.map(parseDate)
        let library = try rules.loadLibrary()
        if let kind, !library.kinds.contains(kind) {
            printError(
                "bylaw: no rule set applies to kind `\(kind)` (known kinds: \(library.kinds.joined(separator: ", ")))")
            throw Exit.invalid
        }
        let mapping = try loadMapping()
        let files: [BatchFile]
        switch BatchInputs.resolve(inputs, format: inputFormat) {
        case .success(let f): files = f
        case .failure(let failure):
            for d in failure.diagnostics { printError("bylaw: \(d.message)") }
            throw Exit.invalid
        }
        let trail = try recording.recording(
            verb: "open", consequence: "nothing was checked (use --no-audit to audit without recording)")
        var sink = try openSink()
        let companion = htmlCompanion()
        let report = format.format.report(
            colour: self.report == nil && FileHandleOutput.stdoutIsTerminal,
            html: HTMLPaging(limit: htmlRecords, companion: companion))
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
                consequence:
                    "the report stops at the last recorded record (use --no-audit to audit without recording)")
        }
        sink.flush()
        line.clear()
        try finishCompanion(companion)
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
                "bylaw: cannot write the report to `\(report)`: \(String(cString: strerror(errno)).lowercased())")
            throw Exit.invalid
        }
        return FileReportSink(fd: fd)
    }

    /// The summary line (with --report) and the exit code.
    private func finish(_ tally: AuditSummary, sink: FileReportSink) throws {
        if let failure = sink.failure {
            printError("bylaw: cannot write the report: \(String(cString: strerror(failure)).lowercased())")
            throw Exit.invalid
        }
        if let report, !quiet {
            let parts = Verdict.allCases.reversed().compactMap { v in
                tally.counts[v].map { "\($0) \(v.rawValue)" }
            }
            let summary = parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")
            FileHandleOutput.writeText("\(tally.total) records\(summary); report written to \(report)\n")
        }
        if tally.unreadableFiles > 0 { throw Exit.invalid }
        // Nothing was judged, so nothing is compliant: an empty export is a failed run, not a clean one.
        if tally.total == 0 {
            printError("bylaw: the inputs hold no records")
            throw Exit.invalid
        }
        if tally.total > (tally.counts[.compliant] ?? 0) { throw Exit.notCompliant }
    }
}
