import Bylaw
import BylawBatch
import BylawJobs
import BylawLocale
import BylawReports
import Foundation

/// The batch audits started from the pages: each upload and its proposed mapping until the auditor starts it;
/// from then on the run is one of the service's `AuditRuns` (the registry `POST /v1/audits` uses), which keeps
/// its progress and reports, so that a page reload finds the run again.
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
    }

    // INVARIANT: `uploads` is read and written only under `lock`.
    private let lock = NSLock()
    private var uploads: [String: Run] = [:]
    /// The runs once started: the service's registry.
    public let audits: AuditRuns
    var folder: String { audits.folder }

    public init(audits: AuditRuns) { self.audits = audits }

    /// The upload `id` of `owner`, with its run's progress once started.
    func get(_ id: String, owner: String) -> Run? {
        guard var run = lock.withLock({ uploads[id] }), run.owner == owner else { return nil }
        guard run.started else { return run }
        guard let r = audits.get(id, owner: owner) else {
            lock.withLock { uploads[id] = nil }
            return nil
        }
        run.done = r.judged
        run.bytesRead = r.bytesRead
        run.totalBytes = r.totalBytes
        run.finished = r.state != .running
        run.failure = r.failure ?? (r.state == .cancelled ? AuditRuns.State.cancelled.rawValue : nil)
        run.summary = r.counts
        run.total = r.counts.values.reduce(0, +)
        return run
    }

    /// Where the finished run's report in `format` is, in the page's language: the CSV file too, for people,
    /// with its header and verdict words in that language.
    func report(_ id: String, owner: String, format: AuditReportFormat, lang: Lang) -> String? {
        audits.report(
            id, owner: owner, format: format, language: lang == .zh ? .chinese : .english, csvColumns: .labels)
    }

    /// Stores an upload and proposes a mapping for it from its header and the labels of the kind's fields.
    /// The proposal's comments are in `language`, the page's.
    func create(owner: String, kind: String, upload: UploadedFile, library: RuleLibrary, language: Language)
        -> Result<Run, LoadFailure>
    {
        let path: String
        let id: String
        do {
            let reserved = try audits.reserve()
            id = reserved.id
            path = reserved.folder + "/" + Self.safeName(upload.filename)
            try Data(upload.bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            return .failure(
                LoadFailure(diagnostics: [.error("web.upload.unkept", "cannot keep the upload: `\(error)`", at: nil)]))
        }
        switch SheetSample.read(path: path, options: BatchReadOptions(), library: library, kind: kind) {
        case .failure(let f):
            audits.discard(id)
            return .failure(f)
        case .success(let sample):
            let proposal = MappingProposal.propose(
                sample, file: upload.filename, kind: kind, library: library, words: language.text(_:arguments:))
            let run = Run(id: id, owner: owner, kind: kind, file: path, filename: upload.filename, proposal: proposal)
            lock.withLock { uploads[id] = run }
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
        // The extensions `audit` reads as they are (a workbook, or text it sniffs); anything else is read as CSV.
        let lower = kept.lowercased()
        let ext =
            [".xlsx", ".xlsm", ".xls", ".et", ".csv", ".tsv", ".txt"].contains { lower.hasSuffix($0) } ? "" : ".csv"
        let name = kept.hasPrefix(".") || kept.isEmpty ? "upload" + kept : kept
        return name + ext
    }

    /// Starts the run in the service's registry with the mapping as confirmed.
    func start(_ id: String, mapping text: String, backend: WebBackend, actor: String) -> LoadFailure? {
        guard let run = lock.withLock({ uploads[id] }), !run.started else { return nil }
        let mapPath = (run.file as NSString).deletingLastPathComponent + "/mapping.yaml"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: mapPath))
        } catch {
            return LoadFailure(diagnostics: [
                .error("web.mapping.unkept", "cannot keep the mapping: `\(error)`", at: nil)
            ])
        }
        let mapping: CSVMapping
        switch CSVMapping.load(path: mapPath) {
        case .failure(let f): return f
        case .success(let m): mapping = m
        }
        let files: [BatchFile]
        switch BatchInputs.resolve([run.file], format: nil) {
        case .failure(let f): return f
        case .success(let f): files = f
        }
        var options = AuditJobOptions(
            inputs: [run.filename], files: files, kind: run.kind, mapping: mapping, jobs: max(1, AuditJob.cores - 1))
        options.shownNames = [run.file: run.filename]
        do throws(AuditRuns.Refusal) {
            _ = try audits.start(
                id, owner: run.owner, options: options, library: backend.library(),
                recording: { try backend.recording(actor) })
        } catch {
            if case .busy(let n) = error {
                return LoadFailure(
                    diagnostics: [
                        .error("web.busy", "\(n) audits are running; start again when one has finished", at: nil)
                    ])
            }
            return LoadFailure(diagnostics: [.error("web.upload.expired", "the upload is no longer kept", at: nil)])
        }
        lock.withLock { uploads[id]?.started = true }
        return nil
    }
}
