import Bylaw
import BylawBatch
import BylawLocale
import BylawReports
import Foundation

/// The batch audits a service runs in the background, for `POST /v1/audits` and the web page's batch audit
/// alike: one registry, so that the page adds nothing the API lacks. Every run goes through `AuditJob.run`.
///
/// Each run has a folder of its own (the upload, the mapping, and the reports in every format and language,
/// written to disk as the run goes, so memory stays bounded). At most `maxRunning` runs go at once; a run that
/// ended, and an upload never started, is removed with its folder `keepSeconds` later.
public final class AuditRuns: @unchecked Sendable {
    public enum State: String, Sendable {
        case running, finished, failed, cancelled
    }

    /// What a client sees of one run.
    public struct Run: Sendable {
        public let id: String
        public let owner: String
        /// The inputs as the client named them.
        public let inputs: [String]
        public let kind: String?
        public var state = State.running
        /// Records checked, recorded and reported so far.
        public var judged = 0
        public var bytesRead = 0
        public var totalBytes: Int?
        /// Records by verdict so far.
        public var counts: [Verdict: Int] = [:]
        /// Why the run failed.
        public var failure: String?
        var ended: Date?
    }

    /// Why a run cannot start.
    public enum Refusal: Error, Sendable {
        /// `maxRunning` runs are going already.
        case busy(Int)
        case unknown
    }

    /// The report formats a run writes, each in every language where its words depend on one.
    public static let formats: [AuditReportFormat] = [.html, .json, .csv, .junit]

    // INVARIANT: `runs`, `cancelled` and `reserved` are read and written only under `lock`, which is signalled
    // whenever a run ends.
    private let lock = NSCondition()
    private var runs: [String: Run] = [:]
    private var cancelled: Set<String> = []
    // INVARIANT: read and written only under `lock`.
    private var holding = false

    /// For tests: a run, once it has reported its first progress, waits there until it is asked to stop (60 s at
    /// most), so a test can stop it while it is certainly running, however loaded the machine.
    var holdsRunsUntilCancelled: Bool {
        get { lock.withLock { holding } }
        set { lock.withLock { holding = newValue } }
    }
    private var reserved: [String: Date] = [:]
    /// The folder under which every run has its own.
    public let folder: String
    public let maxRunning: Int
    public let keepSeconds: Double
    /// The longest an upload may take (the request's deadline): a reserved folder is never swept sooner, since
    /// its upload may still be arriving.
    public let uploadSeconds: Double

    public init(folder: String, maxRunning: Int = 2, keepSeconds: Double = 3600, uploadSeconds: Double = 3600) {
        self.folder = folder
        self.maxRunning = max(1, maxRunning)
        self.keepSeconds = keepSeconds
        self.uploadSeconds = uploadSeconds
    }

    /// How often a service sweeps when no request does: half the time runs are kept, from 1 s to a minute, so a
    /// run is removed at most half as late again as kept.
    public var sweepSeconds: Double { min(60, max(1, keepSeconds / 2)) }

    /// A new run's id and its folder, created empty, for the upload to be written into before the run starts.
    public func reserve() throws -> (id: String, folder: String) {
        sweep()
        var bytes = [UInt8](repeating: 0, count: 12)
        var random = SystemRandomNumberGenerator()
        for k in bytes.indices { bytes[k] = random.next() }
        let id = bytes.map { String(format: "%02x", $0) }.joined()
        let path = folder + "/" + id
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        lock.withLock { reserved[id] = Date() }
        return (id, path)
    }

    /// The run's folder.
    public func folder(of id: String) -> String { folder + "/" + id }

    /// Forgets a reserved id or an ended run, and removes its folder.
    public func discard(_ id: String) {
        lock.withLock {
            reserved[id] = nil
            runs[id] = nil
        }
        try? FileManager.default.removeItem(atPath: folder(of: id))
    }

    /// The run `id`, if `owner` started it.
    public func get(_ id: String, owner: String) -> Run? {
        sweep()
        return lock.withLock { runs[id].flatMap { $0.owner == owner ? $0 : nil } }
    }

    private func holdIfAsked(_ id: String) {
        let until = Date().addingTimeInterval(60)
        lock.lock()
        defer { lock.unlock() }
        while holding, !cancelled.contains(id), lock.wait(until: until) {}
    }

    /// Asks a running run to stop; it stops at its next chunk, as `cancelled`. Returns the run as it stands.
    public func cancel(_ id: String, owner: String) -> Run? {
        lock.withLock {
            guard let run = runs[id], run.owner == owner else { return nil }
            if run.state == .running {
                cancelled.insert(id)
                lock.broadcast()
            }
            return run
        }
    }

    /// Asks every running run to stop, as `cancel` does, and waits until they have ended (each writes its
    /// `audit-cancelled` record and ends its batch in the trail), or until `seconds` have passed. For a service
    /// shutting down. Returns the number of runs that were asked to stop.
    @discardableResult
    public func stopAll(waitingUpTo seconds: Double) -> Int {
        let deadline = Date().addingTimeInterval(seconds)
        lock.lock()
        defer { lock.unlock() }
        let running = runs.values.filter { $0.state == .running }.map(\.id)
        cancelled.formUnion(running)
        lock.broadcast()
        while runs.values.contains(where: { $0.state == .running }), lock.wait(until: deadline) {}
        return running.count
    }

    /// Where a finished run's report in `format` and `language` is. A CSV report has the machine header and
    /// words unless `csvColumns` asks for labels in `language`.
    public func report(
        _ id: String, owner: String, format: AuditReportFormat, language: Language, csvColumns: CSVColumns = .machine
    ) -> String? {
        guard let run = get(id, owner: owner), run.state == .finished, Self.formats.contains(format) else {
            return nil
        }
        let machine = format == .csv && csvColumns == .machine
        return folder(of: id) + "/" + Self.reportName(format, machine ? .english : language)
    }

    /// A report's file name: `report.csv` is the machine CSV file (the same as the English labels), and
    /// `report.zh-Hans.csv` the one with Chinese labels.
    static func reportName(_ format: AuditReportFormat, _ language: Language) -> String {
        switch format {
        case .html, .junit, .text: "report.\(language.rawValue).\(format.rawValue)"
        case .csv where language != .english: "report.\(language.rawValue).csv"
        case .json, .csv, .jsonl: "report.\(format.rawValue)"
        }
    }

    /// Starts a reserved run on a thread of its own. The library is the one in force now, for the whole run.
    /// `options.shownNames` says how the client named each of `options.files`, for the reports and the trail.
    public func start(
        _ id: String, owner: String, options: AuditJobOptions, library: RuleLibrary,
        recording: @escaping @Sendable () throws -> Recording?
    ) throws(Refusal) -> Run {
        let run = Run(id: id, owner: owner, inputs: options.inputs, kind: options.kind)
        lock.lock()
        guard reserved[id] != nil else {
            lock.unlock()
            throw .unknown
        }
        guard runs.values.count(where: { $0.state == .running }) < maxRunning else {
            lock.unlock()
            throw .busy(maxRunning)
        }
        reserved[id] = nil
        runs[id] = run
        lock.unlock()
        var cancellable = options
        cancellable.isCancelled = { [self] in lock.withLock { cancelled.contains(id) } }
        let folder = folder(of: id)
        let job = cancellable
        let thread = Thread { [self] in
            execute(id, options: job, library: library, folder: folder, recording: recording)
        }
        thread.stackSize = 8 << 20
        thread.start()
        return run
    }

    private func execute(
        _ id: String, options: AuditJobOptions, library: RuleLibrary, folder: String,
        recording: @Sendable () throws -> Recording?
    ) {
        let reports = RunReports(folder: folder)
        var ignored = NoSink()
        var outcome: (State, String?)
        do {
            _ = try AuditJob.run(
                options, library: library, recording: try recording(), report: AuditReport(reporter: reports),
                to: &ignored
            ) { p in
                let counts = reports.counts
                self.update(id) {
                    $0.judged = p.done
                    $0.bytesRead = p.bytesRead
                    $0.totalBytes = p.totalBytes
                    $0.counts = counts
                }
                self.holdIfAsked(id)
            }
            outcome = reports.failure.map { (.failed, $0) } ?? (.finished, nil)
        } catch let failure as RecordingFailure {
            outcome = (.failed, failure.error.message)
        } catch {
            outcome = (.failed, "\(error)")
        }
        reports.close()
        let counts = reports.counts
        lock.withLock {
            // A run that stopped after it was asked to was cancelled; one that had ended by then is what it is.
            if cancelled.remove(id) != nil, outcome.0 == .failed { outcome = (.cancelled, nil) }
            runs[id]?.counts = counts
            runs[id]?.judged = counts.values.reduce(0, +)
            runs[id]?.state = outcome.0
            runs[id]?.failure = outcome.1
            runs[id]?.ended = Date()
            lock.broadcast()
        }
    }

    private func update(_ id: String, _ change: (inout Run) -> Void) {
        lock.withLock {
            if var r = runs[id] {
                change(&r)
                runs[id] = r
            }
        }
    }

    /// Removes the runs that ended more than `keepSeconds` before `now`, and the uploads reserved and never
    /// started more than that (and more than `uploadSeconds`) before. Called as requests arrive, and by the
    /// service every `sweepSeconds`, so that an idle service frees them too.
    public func sweep(now: Date = Date()) {
        let limit = now.addingTimeInterval(-keepSeconds)
        let unstarted = now.addingTimeInterval(-max(keepSeconds, uploadSeconds))
        let old = lock.withLock {
            runs.values.compactMap { r in r.ended.flatMap { $0 < limit ? r.id : nil } }
                + reserved.compactMap { $0.value < unstarted ? $0.key : nil }
        }
        for id in old { discard(id) }
    }
}

/// Discards what is written to it: a run's reports go to their own files.
private struct NoSink: ReportSink {
    mutating func write(_ text: String) {}
}
