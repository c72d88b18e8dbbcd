import ArgumentParser
import Bylaw
import BylawAudit
import BylawCEL
import BylawLocale

#if canImport(Glibc)
    import Glibc
#endif

struct AuditCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "audit", abstract: Language.current.help("help.audit.abstract"),
            discussion: Language.current.help("help.audit.discussion", String(transactionSize)))
    }

    /// Records per chunk handed to a worker.
    static let chunkSize = 500
    /// Records per audit-store transaction (whole chunks, so at least this many unless the input ends).
    static let transactionSize = 2000

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
    var format: AuditFormat = .text

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

    @Option(help: ArgumentHelp(Language.current.help("help.audit.jobs"), valueName: "n"))
    var jobs: Int?

    @Option(
        help: ArgumentHelp(
            Language.current.help("help.audit.as-of"), valueName: "date"))
    var asOf: String?

    @Flag(help: ArgumentHelp(Language.current.help("help.audit.quiet")))
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
