import Bylaw
import BylawAudit
import BylawBatch
import BylawCEL
import BylawJSON
import BylawLocale
import BylawReports
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What `bylaw audit` (and `POST /v1/audits`) reads and how.
public struct AuditJobOptions: Sendable {
    /// The inputs as named (files, folders, `-`), for the report's header and the run record.
    public var inputs: [String]
    /// The files they resolve to (`BatchInputs.resolve`).
    public var files: [BatchFile]
    /// The kind of records that have none.
    public var kind: String?
    public var mapping: CSVMapping?
    public var encoding: TextEncoding?
    public var sheet: String?
    public var headerRow: Int?
    /// Evaluate as of this date instead of each record's own, and the date as written (for the run record).
    public var asOf: (date: CELDate, text: String)?
    /// Worker threads.
    public var jobs: Int
    /// Report sensitive values unmasked (the trail masks them either way).
    public var reveal: Bool
    /// Records per chunk handed to a worker.
    public var chunkSize = AuditJob.chunkSize
    /// Records per trail transaction (whole chunks, so at least this many unless the input ends).
    public var transactionSize = AuditJob.transactionSize
    /// Asked as each checked chunk arrives; true stops the run there (nothing more is recorded or reported)
    /// and `run` throws. For a caller that can cancel a run (`DELETE /v1/audits/{id}`).
    public var isCancelled: @Sendable () -> Bool = { false }
    /// How each file is shown, by its path: the client's name for a file the service keeps under a path of its
    /// own. Every report and the trail's record then name it so, never the service's path.
    public var shownNames: [String: String] = [:]

    public init(
        inputs: [String], files: [BatchFile], kind: String? = nil, mapping: CSVMapping? = nil,
        encoding: TextEncoding? = nil, sheet: String? = nil, headerRow: Int? = nil,
        asOf: (date: CELDate, text: String)? = nil, jobs: Int = AuditJob.cores, reveal: Bool = false
    ) {
        self.inputs = inputs
        self.files = files
        self.kind = kind
        self.mapping = mapping
        self.encoding = encoding
        self.sheet = sheet
        self.headerRow = headerRow
        self.asOf = asOf
        self.jobs = jobs
        self.reveal = reveal
    }
}

/// The report formats of a batch run.
public enum AuditReportFormat: String, Sendable, CaseIterable {
    case text, json, jsonl, csv, junit, html

    /// The report for this format: the one place a format is turned into a reporter.
    /// - Parameter colour: the report goes to a terminal, so the text report may use colour.
    /// - Parameter html: how many records the HTML page lists, and where the others go.
    /// - Parameter language: the language of the report's words (JSON and JSON Lines do not change; CSV only
    ///   with `csvColumns` `.labels`).
    /// - Parameter csvColumns: whether the CSV report's header and verdict words follow `language`.
    public func report(
        colour: Bool = false, html: HTMLPaging = .init(), language: Language = .english,
        csvColumns: CSVColumns = .labels
    ) -> AuditReport {
        let options = BatchReportOptions(colour: colour, language: language, csvColumns: csvColumns)
        switch self {
        case .jsonl: return AuditReport(reporter: JSONLinesReporter(), perRecord: JSONLinesReporter.append)
        case .text: return AuditReport(reporter: BatchReports.reporter(format: .text, options: options))
        case .json: return AuditReport(reporter: BatchReports.reporter(format: .json, options: options))
        case .csv: return AuditReport(reporter: BatchReports.reporter(format: .csv, options: options))
        case .junit: return AuditReport(reporter: BatchReports.reporter(format: .junit, options: options))
        case .html: return AuditReport(reporter: HTMLBatchReporter(options: options, paging: html))
        }
    }
}

/// A batch report being written.
public struct AuditReport {
    public var reporter: any BatchReporter
    /// For a report whose text for one record needs nothing from the records before it (JSON Lines): that
    /// text, appended as UTF-8 to its chunk's bytes on the worker threads, and the chunk's bytes written in
    /// order in place of calling the reporter's `add` (no `String` is made of a record's text).
    public var perRecord: (@Sendable (BatchItem, inout [UInt8]) -> Void)?

    public init(reporter: any BatchReporter, perRecord: (@Sendable (BatchItem, inout [UInt8]) -> Void)? = nil) {
        self.reporter = reporter
        self.perRecord = perRecord
    }
}

/// How far a run has got, for a progress line or bar.
public struct AuditProgress: Sendable {
    public var done: Int
    public var nonCompliant: Int
    public var invalid: Int
    public var bytesRead: Int
    /// The inputs' total size, when known (not for standard input).
    public var totalBytes: Int?
}

/// What a finished run counted.
public struct AuditSummary: Sendable {
    public var counts: [Verdict: Int] = [:]
    public var total = 0
    /// Input files that could not be read at all.
    public var unreadableFiles = 0
    /// The sheet read of each workbook.
    public var sheetsRead: [SheetChoice] = []
    /// Rows not checked because they are not records.
    public var skipped = SkippedRows()
    /// JSON records checked through the full path, by why.
    public var slowPaths: [SlowPathReason: Int] = [:]
    /// Records some of whose expressions the CEL interpreter settled because the fast plan could not.
    public var interpreted = 0
    /// The first record that took each slow path, as its source names it (`disposals.jsonl:17`).
    public var firstSlow: [SlowPathReason: String] = [:]
    /// The first record the interpreter helped with, and the rules and `let`s it settled there.
    public var firstInterpreted: (source: String, by: [String])?

    mutating func count(_ item: BatchItem) { count(ItemTally(item)) }

    mutating func count(_ tally: ItemTally) {
        counts[tally.verdict, default: 0] += 1
        total += 1
        if let reason = tally.slowPath {
            slowPaths[reason, default: 0] += 1
            if firstSlow[reason] == nil { firstSlow[reason] = tally.source }
        }
        if tally.interpreted {
            interpreted += 1
            if firstInterpreted == nil { firstInterpreted = (tally.source ?? "", tally.interpretedBy) }
        }
    }
}

/// What the summary counts of one checked record.
struct ItemTally: Sendable {
    var verdict: Verdict
    var slowPath: SlowPathReason?
    /// Whether the CEL interpreter settled some of its expressions.
    var interpreted: Bool
    /// Where the record is, and what the interpreter settled, kept only for a record that lost its speed.
    var source: String?
    var interpretedBy: [String] = []

    init(_ item: BatchItem) {
        verdict = item.result.verdict
        slowPath = item.slowPath
        interpreted = item.result.interpretedExpressions > 0
        if slowPath != nil || interpreted {
            source = item.source.description
            interpretedBy = item.result.interpretedBy
        }
    }
}

/// `bylaw audit`: reads every record of the inputs, checks them on `jobs` threads with a replica of the library
/// each, records them in the trail in transactions of `transactionSize`, and reports them in input order —
/// each chunk only once its records are recorded (fail closed: nothing reported that is not recorded), then one
/// `audit-run` record with the inputs' digests and the counts.
public enum AuditJob {
    public static let chunkSize = 500
    public static let transactionSize = 2000
    /// The event name of a batch record.
    public static let event = "audit"

    /// The machine's cores, the default number of workers.
    public static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Runs the whole batch. When the trail fails, the report stops at the last recorded record and the error
    /// is thrown; the caller flushes what was written and says so.
    public static func run(
        _ options: AuditJobOptions, library: RuleLibrary, recording: Recording?, report: AuditReport,
        to sink: inout some ReportSink, progress: (AuditProgress) -> Void = { _ in }
    ) throws(RecordingFailure) -> AuditSummary {
        let trail = try recording.map { r throws(RecordingFailure) in try BatchRecorder(r, library: library) }
        var reporter = report.reporter
        let reader = BatchReader(
            files: options.files, mapping: options.mapping,
            options: BatchReadOptions(
                encoding: options.encoding, sheet: options.sheet, headerRow: options.headerRow,
                fieldTypes: FieldTypeIndex(library: library, kind: options.kind)), observer: trail?.digests)
        let checker = BatchChecker(library: library, defaultKind: options.kind, asOf: options.asOf?.date)
        reporter.begin(
            BatchRunInfo.make(library: library, inputs: options.inputs, asOf: options.asOf?.text, kind: options.kind),
            to: &sink)
        var summary = AuditSummary()
        do {
            try pipeline(
                options, reader: reader, checker: checker, trail: trail, direct: report.perRecord,
                reporter: &reporter, sink: &sink, summary: &summary, progress: progress)
            try trail?.finish(
                inputs: options.inputs, asOf: options.asOf?.text, counts: summary.counts, shownNames: options.shownNames
            )
        } catch let failure as RecordingFailure {
            throw failure
        } catch is CancellationError {
            // A run stopped on request still ends in the trail: a record says what it recorded before it stopped.
            try trail?.finish(
                inputs: options.inputs, asOf: options.asOf?.text, counts: nil, shownNames: options.shownNames)
            throw RecordingFailure(.appending, AuditStoreError(.other, id: "store.run-cancelled"))
        } catch {
            throw RecordingFailure(.appending, AuditStoreError(error.localizedDescription))
        }
        if reader.skipped.count > 0 { reporter.skipped(reader.skipped) }
        reporter.finish(to: &sink)
        summary.unreadableFiles = reader.unreadableFiles
        summary.sheetsRead = reader.sheetsRead
        summary.skipped = reader.skipped
        return summary
    }

    /// Reads, checks, records and reports every record, in input order.
    private static func pipeline(
        _ options: AuditJobOptions, reader: BatchReader, checker: BatchChecker, trail: BatchRecorder?,
        direct: (@Sendable (BatchItem, inout [UInt8]) -> Void)?, reporter: inout any BatchReporter,
        sink: inout some ReportSink,
        summary: inout AuditSummary, progress: (AuditProgress) -> Void
    ) throws {
        let builder = trail.map { (builder: $0.builder, actor: $0.actor, compression: $0.compression) }
        // Each record's text is rendered on the workers: the whole report line when the format is written
        // directly (as bytes), else whatever part the reporter can take ready-made.
        let render = direct == nil ? reporter.perRecord : nil
        let replicas = LibraryReplicas(of: checker.library, limit: cores)
        let reveal = options.reveal
        let chunkSize = options.chunkSize
        var next = 0
        // The trail's writer runs on its own thread (`TrailWriter`): this one keeps reading and feeding the
        // workers while a transaction is chained, inserted and committed, and reports chunks once recorded.
        let writer = trail.map { trail in
            TrailWriter<CheckedChunk>(trail) { chunk in
                defer { chunk.drafts = [] }
                return chunk.drafts
            }
        }
        defer { writer?.finish() }
        var pending: [CheckedChunk] = []
        var pendingRecords = 0
        try BatchPipeline.run(
            jobs: options.jobs, window: 2 * options.jobs + 2,
            produce: { () -> AuditChunk? in
                var records: [BatchRecord] = []
                records.reserveCapacity(chunkSize)
                while records.count < chunkSize, let r = reader.next() { records.append(r) }
                guard !records.isEmpty else { return nil }
                defer { next += records.count }
                return AuditChunk(
                    first: next, records: records, bytesRead: reader.bytesRead, shownNames: options.shownNames)
            },
            worker: {
                // Each worker checks with a replica of the rule library, loaded from the same bytes (see
                // `RuleLibrary.replica()`), one per core at most.
                let own = BatchChecker(
                    library: replicas.next(), defaultKind: checker.defaultKind, asOf: checker.asOf)
                return { chunk in
                    chunk.check(own, builder: builder, render: render, direct: direct, reveal: reveal)
                }
            },
            consume: { done in
                if options.isCancelled() { throw CancellationError() }
                guard let writer else { return report(done) }
                // Chunks wait until a transaction's worth of records is recorded, then are reported: every
                // commit is a disk flush, so fewer, larger transactions keep the writer off the disk's clock.
                pending.append(done)
                pendingRecords += done.drafts.count
                if pendingRecords >= options.transactionSize {
                    writer.submit(pending)
                    pending.removeAll(keepingCapacity: true)
                    pendingRecords = 0
                }
                for chunk in try writer.committed() { report(chunk) }
            })
        if let writer {
            writer.submit(pending)
            writer.finish()
            // The chunks recorded before a failure are reported, then the failure is thrown.
            for chunk in try writer.committed() { report(chunk) }
            _ = try writer.committed()
        }

        func report(_ done: CheckedChunk) {
            if direct != nil { sink.write(utf8: done.utf8) }
            for (k, item) in done.items.enumerated() {
                if done.texts.isEmpty {
                    reporter.add(item, to: &sink)
                } else {
                    reporter.add(item, rendered: done.texts[k], to: &sink)
                }
                summary.count(item)
            }
            for tally in done.tallies { summary.count(tally) }
            progress(
                AuditProgress(
                    done: summary.total, nonCompliant: summary.counts[.nonCompliant] ?? 0,
                    invalid: summary.counts[.invalid] ?? 0, bytesRead: done.bytesRead, totalBytes: reader.totalBytes))
        }
    }
}

/// The trail of one batch run: the run registered before anything is read, the records of each transaction
/// appended before they are reported, and the run's own record at the end.
final class BatchRecorder {
    let trail: any AuditTrail
    let builder: RecordBuilder
    /// Compresses each record on the worker that drafted it (see `RecordDraft.seal`), once the first chunk
    /// has trained it.
    let compression = CompressorSlot()
    let digests: InputDigests
    let library: RuleLibrary
    let actor: String
    private var first: Int64?
    private var last: Int64?
    /// This run's registration: a run that never ends is marked when the next one starts.
    private var run: Int64 = 0
    /// The records appended, by verdict (a run stopped early reports fewer than it recorded).
    private var recorded: [Verdict: Int] = [:]
    /// The decision kinds recorded: the run's input files count as sensitive when a rule set of one of them
    /// declares sensitive fields.
    private var kinds: Set<String> = []

    init(_ recording: Recording, library: RuleLibrary) throws(RecordingFailure) {
        self.library = library
        trail = recording.trail
        builder = RecordBuilder(maskingKey: recording.maskingKey, library: library)
        digests = InputDigests(key: recording.maskingKey)
        actor = recording.actor
        do {
            run = try trail.beginBatch(actor: actor)
        } catch {
            throw RecordingFailure(.opening, error)
        }
    }

    /// Appends one transaction's records.
    func append(_ drafts: [RecordDraft]) throws(RecordingFailure) {
        guard !drafts.isEmpty else { return }
        do {
            for draft in drafts {
                if let kind = draft.kind { kinds.insert(kind) }
                if let verdict = Verdict(rawValue: draft.verdict) { recorded[verdict, default: 0] += 1 }
            }
            let seqs = try trail.append(drafts, actor: actor, at: nil, batchSize: drafts.count)
            if first == nil { first = seqs.first }
            last = seqs.last ?? last
        } catch {
            throw RecordingFailure(.appending, error)
        }
    }

    /// Appends the run record, ends the run and signs a checkpoint when a key is configured.
    /// - Parameter counts: the records by verdict; nil for a run stopped early, whose record (`audit-cancelled`)
    ///   counts what was recorded.
    /// - Parameter shownNames: `AuditJobOptions.shownNames`: the record names each file as the client did.
    func finish(inputs: [String], asOf: String?, counts: [Verdict: Int]?, shownNames: [String: String])
        throws(RecordingFailure)
    {
        let seqs = first.flatMap { f in last.map { (first: f, last: $0) } }
        let sensitive = library.ruleSets.contains { kinds.contains($0.appliesTo) && !$0.sensitive.isEmpty }
        let files = digests.entries.map { entry in
            var entry = entry
            if let name = shownNames[entry.file] { entry.file = name }
            return entry
        }
        let draft = RunRecord.draft(
            inputs: inputs, digests: files, library: library, asOf: asOf, counts: counts ?? recorded,
            seqs: seqs, sensitive: sensitive, event: counts == nil ? RunRecord.cancelledEvent : RunRecord.event)
        do {
            try trail.append([draft], actor: actor, at: nil, batchSize: 1)
            try trail.endBatch(run)
            try trail.signCheckpointIfConfigured()
        } catch {
            throw RecordingFailure(.appending, error)
        }
    }

    /// Where a record came from, as kept in its audit record: `{"file", "line" | "row"}`.
    static func sourceJSON(_ s: RecordSource) -> JSONValue {
        var members: [(String, JSONValue)] = [("file", .string(s.file))]
        switch s.position {
        case .line(let n): members.append(("line", .number(JSONNumber(n))))
        case .row(let n): members.append(("row", .number(JSONNumber(n))))
        case .wholeFile: break
        }
        return .object(members)
    }
}

/// The batch's compressor, trained by the worker that drafts the first chunk; the workers of later chunks
/// wait for it (the first chunk is always taken first, so it is already being drafted). The dictionary thus
/// depends only on the first records and the run's settings, not on which worker got there first.
final class CompressorSlot: @unchecked Sendable {
    // INVARIANT: `published` and `compressor` are read and written only under `condition`.
    private let condition = NSCondition()
    private var published = false
    private var compressor: RecordCompressor?

    /// The first chunk's worker: trains on `drafts` and publishes the result (nil: records stay uncompressed).
    func train(on drafts: [RecordDraft], actor: String) -> RecordCompressor? {
        let trained = RecordCompressor(trainingOn: drafts, actor: actor)
        condition.lock()
        if !published {
            compressor = trained
            published = true
        }
        condition.broadcast()
        defer { condition.unlock() }
        return compressor
    }

    /// Any later chunk's worker.
    func wait() -> RecordCompressor? {
        condition.lock()
        while !published { condition.wait() }
        defer { condition.unlock() }
        return compressor
    }
}

/// One chunk of records on its way to a worker.
struct AuditChunk: Sendable {
    var first: Int
    var records: [BatchRecord]
    /// How far the reader had read when the chunk was cut, for the progress line.
    var bytesRead: Int
    /// `AuditJobOptions.shownNames`.
    var shownNames: [String: String] = [:]

    /// Checks every record (and drafts its audit record when there is a trail): the work of one worker.
    func check(
        _ checker: BatchChecker, builder trail: (builder: RecordBuilder, actor: String, compression: CompressorSlot)?,
        render: (@Sendable (BatchItem) -> String)?, direct: (@Sendable (BatchItem, inout [UInt8]) -> Void)?,
        reveal: Bool
    ) -> CheckedChunk {
        /// The item with its file named as `shownNames` says, wherever it is named.
        func named(_ item: BatchItem) -> BatchItem {
            // Most runs rename nothing: no file name hashed per record then.
            guard !shownNames.isEmpty, let name = shownNames[item.source.file] else { return item }
            let path = item.source.file
            var out = item
            out.source.file = name
            if out.result.file == path { out.result.file = name }
            out.result.diagnostics = out.result.diagnostics.map { $0.namingFile(path, as: name) }
            return out
        }
        /// What the reports see: sensitive values masked unless `reveal`; the trail keeps its own masking.
        func shown(_ item: BatchItem) -> BatchItem {
            guard !reveal, !item.result.sensitivePaths.isEmpty else { return item }
            var out = item
            out.result = item.result.masked()
            return out
        }
        // A report written here (JSON Lines) needs only each record's tally on the reporting thread: the results
        // are freed here, on the thread that made them, instead of being handed over with the chunk.
        var items: [BatchItem] = []
        var tallies: [ItemTally] = []
        var drafts: [RecordDraft] = []
        var texts: [String] = []
        var utf8: [UInt8] = []
        // Room for lines as long as the chunk's first record's (within 512 bytes to 4 KB), a quarter more: one
        // growth at most for records alike, where a fixed guess grew (and copied) the chunk's megabyte.
        var sized = false
        var cache = DraftCache()
        if direct != nil { tallies.reserveCapacity(records.count) } else { items.reserveCapacity(records.count) }
        /// Reports a checked record: written here and tallied, or kept for the reporting thread.
        func keep(_ item: BatchItem) {
            if let direct {
                direct(item, &utf8)
                if !sized {
                    sized = true
                    utf8.reserveCapacity(min(max(512, utf8.count), 4096) * records.count * 5 / 4)
                }
                tallies.append(ItemTally(item))
            } else {
                if let render { texts.append(render(item)) }
                items.append(item)
            }
        }
        for (k, record) in records.enumerated() {
            guard let trail else {
                keep(shown(named(checker.check(record, index: first + k, keepDocument: false).0)))
                continue
            }
            let (checked, document, canonical) = checker.checkForRecord(record, index: first + k)
            let item = named(checked)
            keep(shown(item))
            let builder = trail.builder
            var draft =
                if let canonical {
                    builder.draft(
                        item.result, raw: record.raw, canonicalDocument: canonical, event: AuditJob.event,
                        cache: &cache)
                } else {
                    builder.draft(
                        item.result, raw: record.raw, document: document, event: AuditJob.event, cache: &cache)
                }
            draft.add("source", BatchRecorder.sourceJSON(item.source))
            drafts.append(draft)
        }
        if let trail {
            let compressor =
                first == 0 ? trail.compression.train(on: drafts, actor: trail.actor) : trail.compression.wait()
            if let compressor, let context = CompressionContext() {
                for k in drafts.indices { drafts[k].seal(actor: trail.actor, compressor: compressor, context: context) }
            }
        }
        return CheckedChunk(
            items: items, tallies: tallies, drafts: drafts, texts: texts, utf8: utf8, bytesRead: bytesRead)
    }
}

/// A chunk's records checked, in order, with their audit drafts.
struct CheckedChunk: Sendable {
    /// The checked records, for a report that the reporting thread writes; empty when written here (`utf8`).
    var items: [BatchItem]
    /// What the summary counts of each record, when the report is written here instead.
    var tallies: [ItemTally]
    var drafts: [RecordDraft]
    /// Each item's report text, when the reporter takes a part of it ready-made.
    var texts: [String]
    /// Every item's report text in order, as UTF-8, when the format is written directly (JSON Lines).
    var utf8: [UInt8]
    var bytesRead: Int
}
