import Bylaw
import BylawBatch
import BylawJobs
import Foundation

/// The batch audits started from the pages: each one's uploaded file, proposed mapping, progress and reports,
/// kept in memory (and its files in a folder of its own) so that a page reload finds the run again.
public final class BatchRuns: @unchecked Sendable {
    /// One run, from upload to report.
    struct Run: Sendable {
        var id: String
        var owner: String
        var kind: String
        var file: String
        var filename: String
        var proposal: String
        var started = false
        var done = 0
        var bytesRead = 0
        var totalBytes: Int?
        var finished = false
        var failure: String?
        var summary: [Verdict: Int] = [:]
        var total = 0
        /// Reports by format, once finished.
        var reports: [AuditReportFormat: String] = [:]
    }

    private let lock = NSLock()
    private var runs: [String: Run] = [:]
    let folder: String

    public init(folder: String) { self.folder = folder }

    func get(_ id: String, owner: String) -> Run? {
        lock.withLock { runs[id].flatMap { $0.owner == owner ? $0 : nil } }
    }

    func put(_ run: Run) { lock.withLock { runs[run.id] = run } }

    func update(_ id: String, _ change: (inout Run) -> Void) {
        lock.withLock {
            if var r = runs[id] {
                change(&r)
                runs[id] = r
            }
        }
    }

    /// Stores an upload and proposes a mapping for it from its header and the labels of the kind's fields.
    func create(owner: String, kind: String, upload: UploadedFile, library: RuleLibrary) -> Result<Run, LoadFailure> {
        let id = SessionStore.token().prefix(24)
        let dir = folder + "/" + id
        let path = dir + "/" + Self.safeName(upload.filename)
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try Data(upload.bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            return .failure(
                LoadFailure(diagnostics: [.error("web.upload", "cannot keep the upload: \(error)", at: nil)]))
        }
        switch SheetSample.read(path: path, options: BatchReadOptions()) {
        case .failure(let f): return .failure(f)
        case .success(let sample):
            let proposal = MappingProposal.propose(sample, file: upload.filename, kind: kind, library: library)
            let run = Run(
                id: String(id), owner: owner, kind: kind, file: path, filename: upload.filename, proposal: proposal)
            put(run)
            return .success(run)
        }
    }

    /// The upload's own name, reduced to what is safe as a file name here (its extension decides the reader).
    static func safeName(_ filename: String) -> String {
        let base = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let kept = String(
            base.unicodeScalars.filter {
                $0.properties.isAlphabetic || ("0"..."9").contains($0) || "._- ".unicodeScalars.contains($0)
            }.prefix(100))
        let ext = kept.lowercased().hasSuffix(".xlsx") ? "" : (kept.lowercased().hasSuffix(".csv") ? "" : ".csv")
        let name = kept.hasPrefix(".") || kept.isEmpty ? "upload" + kept : kept
        return name + ext
    }

    /// Starts the run in the background with the mapping as confirmed; progress and reports land in the run.
    func start(_ id: String, mapping text: String, backend: WebBackend, actor: String) -> LoadFailure? {
        guard let run = lock.withLock({ runs[id] }), !run.started else { return nil }
        let mapPath = (run.file as NSString).deletingLastPathComponent + "/mapping.yaml"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: mapPath))
        } catch {
            return LoadFailure(diagnostics: [.error("web.upload", "cannot keep the mapping: \(error)", at: nil)])
        }
        let mapping: CSVMapping
        switch CSVMapping.load(path: mapPath) {
        case .failure(let f): return f
        case .success(let m): mapping = m
        }
        update(id) { $0.started = true }
        let files: [BatchFile]
        switch BatchInputs.resolve([run.file], format: nil) {
        case .failure(let f): return f
        case .success(let f): files = f
        }
        let options = AuditJobOptions(
            inputs: [run.filename], files: files, kind: run.kind, mapping: mapping, jobs: max(1, AuditJob.cores - 1))
        let thread = Thread { [self] in
            let library = backend.library()
            let tee = TeeReporter(formats: [.html, .csv, .json, .junit])
            var ignored = StringSink()
            do {
                let recording = try backend.recording(actor)
                let summary = try AuditJob.run(
                    options, library: library, recording: recording, report: AuditReport(reporter: tee.reporter()),
                    to: &ignored
                ) { p in
                    self.update(id) {
                        $0.done = p.done
                        $0.bytesRead = p.bytesRead
                        $0.totalBytes = p.totalBytes
                    }
                }
                // The reports name the upload as the auditor named it, not where the server keeps it.
                let folder = (run.file as NSString).deletingLastPathComponent + "/"
                let reports = tee.collected().mapValues { $0.replacingOccurrences(of: folder, with: "") }
                update(id) {
                    $0.finished = true
                    $0.summary = summary.counts
                    $0.total = summary.total
                    $0.reports = reports
                }
            } catch let failure as RecordingFailure {
                update(id) {
                    $0.finished = true
                    $0.failure = failure.error.message
                }
            } catch {
                update(id) {
                    $0.finished = true
                    $0.failure = "\(error)"
                }
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
        return nil
    }
}

/// A report sink that keeps the text.
struct StringSink: ReportSink {
    var text = ""
    mutating func write(_ s: String) { text += s }
}

/// Several reports of one run: each record is checked and recorded once and reported in every format.
struct TeeReporter {
    let box: Box

    final class Box: @unchecked Sendable {
        var reporters: [(AuditReportFormat, any BatchReporter, StringSink)]
        init(_ r: [(AuditReportFormat, any BatchReporter, StringSink)]) { reporters = r }
    }

    init(formats: [AuditReportFormat]) {
        box = Box(formats.map { ($0, $0.report().reporter, StringSink()) })
    }

    func reporter() -> any BatchReporter { Forward(box: box) }

    func collected() -> [AuditReportFormat: String] {
        Dictionary(uniqueKeysWithValues: box.reporters.map { ($0.0, $0.2.text) })
    }

    struct Forward: BatchReporter {
        let box: Box

        /// Hands every inner reporter its own sink.
        private func each(_ body: (inout any BatchReporter, inout StringSink) -> Void) {
            for i in box.reporters.indices {
                var (format, reporter, sink) = box.reporters[i]
                body(&reporter, &sink)
                box.reporters[i] = (format, reporter, sink)
            }
        }

        mutating func begin(_ run: BatchRunInfo, to sink: inout some ReportSink) {
            each { r, s in r.begin(run, to: &s) }
        }

        mutating func add(_ item: BatchItem, to sink: inout some ReportSink) {
            each { r, s in r.add(item, to: &s) }
        }

        mutating func finish(to sink: inout some ReportSink) {
            each { r, s in r.finish(to: &s) }
        }
    }
}
