import ArgumentParser
import Bylaw
import BylawAudit
import BylawCEL
import BylawLocale

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
            Field paths, list columns and the mapping format: docs/audit.md.

            EXAMPLES
              bylaw audit disposals.csv --kind asset_disposal --map columns.yaml
              bylaw audit dump.jsonl --format jsonl --report results.jsonl
              bylaw audit records/ --jobs 2 --as-of 2024-01-01
              export-disposals | bylaw audit - --input-format csv --kind asset_disposal

            AUDIT TRAIL
              Every record is appended to the audit store (--audit PATH, else $BYLAW_AUDIT,
              else ./bylaw-audit.sqlite) in transactions of \(transactionSize) records, each
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

    /// Records per chunk handed to a worker.
    static let chunkSize = 500
    /// Records per audit-store transaction (whole chunks, so at least this many unless the input ends).
    static let transactionSize = 2000

    @Argument(help: ArgumentHelp("Input files, folders, or - for standard input.", valueName: "input"))
    var inputs: [String]

    @OptionGroup var rules: RulesOption

    @Option(help: ArgumentHelp("The decision kind of records that have no `kind` field.", valueName: "kind"))
    var kind: String?

    @Option(
        name: .customLong("map"),
        help: ArgumentHelp("A YAML file mapping CSV column headers to field paths.", valueName: "mapping.yaml"))
    var map: String?

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var report: String?

    @Option(help: "Report format: text, json, jsonl, csv, junit or html.")
    var format: AuditFormat = .text

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
        let trail = try recording.noAudit ? nil : AuditRun(recording: recording, library: library)
        var sink = try openSink()
        let output = format.output(terminal: report == nil && FileHandleOutput.stdoutIsTerminal)
        var reporter = output.reporter
        let reader = BatchReader(
            files: files, mapping: mapping,
            options: BatchReadOptions(
                encoding: encoding, sheet: sheet, headerRow: headerRow,
                fieldTypes: FieldTypeIndex(library: library, kind: kind)), observer: trail?.digests)
        let checker = BatchChecker(library: library, defaultKind: kind, asOf: asOfDate)
        var tally = AuditTally(progress: AuditProgress(enabled: !quiet && FileHandleOutput.stderrIsTerminal))
        reporter.begin(BatchRunInfo.make(library: library, inputs: inputs, asOf: asOf, kind: kind), to: &sink)
        defer { tally.progress.clear() }
        do {
            try pipeline(
                reader: reader, checker: checker, trail: trail, direct: output.perRecord, reporter: &reporter,
                sink: &sink, tally: &tally)
            try trail?.finish(inputs: inputs, asOf: asOf, counts: tally.counts)
        } catch {
            sink.flush()
            throw error
        }
        reporter.finish(to: &sink)
        sink.flush()
        tally.progress.clear()
        try finish(tally: tally, reader: reader, sink: sink)
    }

    /// Reads, checks (on `jobs` threads), records and reports every record, in input order.
    private func pipeline(
        reader: BatchReader, checker: BatchChecker, trail: AuditRun?, direct: (@Sendable (BatchItem) -> String)?,
        reporter: inout any BatchReporter,
        sink: inout FileReportSink, tally: inout AuditTally
    ) throws {
        let builder = trail.map { (builder: $0.builder, actor: $0.actor, compression: $0.compression) }
        // Each record's text is rendered on the workers: the whole report line when the format is written
        // directly, else whatever part the reporter can take ready-made.
        let render = direct ?? reporter.perRecord
        let replicas = LibraryReplicas(of: checker.library, limit: Self.cores)
        var next = 0
        var pending: [CheckedChunk] = []
        var pendingRecords = 0
        try BatchPipeline.run(
            jobs: jobs ?? Self.cores, window: 2 * (jobs ?? Self.cores) + 2,
            produce: { () -> AuditChunk? in
                var records: [BatchRecord] = []
                records.reserveCapacity(Self.chunkSize)
                while records.count < Self.chunkSize, let r = reader.next() { records.append(r) }
                guard !records.isEmpty else { return nil }
                defer { next += records.count }
                return AuditChunk(first: next, records: records, bytesRead: reader.bytesRead)
            },
            worker: {
                // Each worker checks with a replica of the rule library, loaded from the same bytes (see
                // `RuleLibrary.replica()`), one per core at most.
                let own = BatchChecker(
                    library: replicas.next(), defaultKind: checker.defaultKind, asOf: checker.asOf)
                return { chunk in chunk.check(own, builder: builder, render: render, reveal: reveal) }
            },
            consume: { done in
                guard let trail else { return report(done) }
                // Chunks wait until a transaction's worth of records is recorded, then are reported: every
                // commit is a disk flush, so fewer, larger transactions keep the writer off the disk's clock.
                pending.append(done)
                pendingRecords += done.drafts.count
                if pendingRecords >= Self.transactionSize { try flush(trail) }
            })
        if let trail { try flush(trail) }

        func flush(_ trail: AuditRun) throws {
            try trail.append(pending.flatMap(\.drafts))
            for done in pending { report(done) }
            pending.removeAll(keepingCapacity: true)
            pendingRecords = 0
        }

        func report(_ done: CheckedChunk) {
            for (k, item) in done.items.enumerated() {
                if done.texts.isEmpty {
                    reporter.add(item, to: &sink)
                } else if direct != nil {
                    sink.write(done.texts[k])
                } else {
                    reporter.add(item, rendered: done.texts[k], to: &sink)
                }
                tally.count(item.result.verdict)
            }
            tally.progress.update(
                done: tally.total, nonCompliant: tally.counts[.nonCompliant] ?? 0,
                invalid: tally.counts[.invalid] ?? 0, bytesRead: done.bytesRead, totalBytes: reader.totalBytes)
        }
    }

    static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

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
    private func finish(tally: AuditTally, reader: BatchReader, sink: FileReportSink) throws {
        if let failure = sink.failure {
            printError("bylaw: cannot write the report: \(String(cString: strerror(failure)).lowercased())")
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
        if reader.unreadableFiles > 0 { throw Exit.invalid }
        // Nothing was judged, so nothing is compliant: an empty export is a failed run, not a clean one.
        if tally.total == 0 {
            printError("bylaw: the inputs hold no records")
            throw Exit.invalid
        }
        if tally.total > (tally.counts[.compliant] ?? 0) { throw Exit.notCompliant }
    }
}

/// Records counted by verdict as they are reported, and the progress line they feed.
struct AuditTally {
    var progress: AuditProgress
    var counts: [Verdict: Int] = [:]
    var total = 0

    mutating func count(_ verdict: Verdict) {
        counts[verdict, default: 0] += 1
        total += 1
    }
}

/// One chunk of records on its way to a worker.
struct AuditChunk: Sendable {
    var first: Int
    var records: [BatchRecord]
    /// How far the reader had read when the chunk was cut, for the progress line.
    var bytesRead: Int

    /// Checks every record (and drafts its audit record when there is a trail): the work of one worker.
    func check(
        _ checker: BatchChecker, builder trail: (builder: RecordBuilder, actor: String, compression: CompressorSlot)?,
        render: (@Sendable (BatchItem) -> String)?, reveal: Bool
    ) -> CheckedChunk {
        /// What the reports see: sensitive values masked unless `--reveal`; the trail keeps its own masking.
        func shown(_ item: BatchItem) -> BatchItem {
            guard !reveal, !item.result.sensitivePaths.isEmpty else { return item }
            var out = item
            out.result = item.result.masked()
            return out
        }
        var items: [BatchItem] = []
        var drafts: [RecordDraft] = []
        var texts: [String] = []
        var cache = DraftCache()
        items.reserveCapacity(records.count)
        for (k, record) in records.enumerated() {
            guard let trail else {
                let item = shown(checker.check(record, index: first + k, keepDocument: false).0)
                items.append(item)
                if let render { texts.append(render(item)) }
                continue
            }
            let (item, document, canonical) = checker.checkForRecord(record, index: first + k)
            items.append(shown(item))
            if let render { texts.append(render(shown(item))) }
            let builder = trail.builder
            var draft =
                if let canonical {
                    builder.draft(
                        item.result, raw: record.raw, canonicalDocument: canonical, event: "audit", cache: &cache)
                } else {
                    builder.draft(item.result, raw: record.raw, document: document, event: "audit", cache: &cache)
                }
            draft.add("source", AuditRun.sourceJSON(record.source))
            drafts.append(draft)
        }
        if let trail {
            let compressor =
                first == 0 ? trail.compression.train(on: drafts, actor: trail.actor) : trail.compression.wait()
            if let compressor, let context = CompressionContext() {
                for k in drafts.indices { drafts[k].seal(actor: trail.actor, compressor: compressor, context: context) }
            }
        }
        return CheckedChunk(items: items, drafts: drafts, texts: texts, bytesRead: bytesRead)
    }
}

/// A chunk's records checked, in order, with their audit drafts.
struct CheckedChunk: Sendable {
    var items: [BatchItem]
    var drafts: [RecordDraft]
    /// Each item's report text, when the format renders it on the workers.
    var texts: [String]
    var bytesRead: Int
}
