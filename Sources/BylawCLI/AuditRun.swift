import ArgumentParser
import Bylaw
import BylawAudit
import Foundation

/// The audit trail of one `bylaw audit` run: the store opened before anything is read, the records of each
/// chunk appended before the chunk is reported (fail closed), and the run's own record at the end.
final class AuditRun {
    let store: any AuditTrail
    let builder: RecordBuilder
    /// Compresses each record on the worker that drafted it (see `RecordDraft.seal`), once the first chunk
    /// has trained it.
    let compression = CompressorSlot()
    let digests: InputDigests
    let library: RuleLibrary
    let actor: String
    let path: String
    private var first: Int64?
    private var last: Int64?
    /// This run's row in the store's `runs` table: a run that never ends is marked when the next one starts.
    private var run: Int64 = 0
    /// The decision kinds recorded: the run's input files count as sensitive when a rule set of one of them
    /// declares sensitive fields.
    private var kinds: Set<String> = []

    init(recording: RecordingOptions, library: RuleLibrary) throws {
        self.library = library
        let key = try recording.maskingKey()
        builder = RecordBuilder(maskingKey: key, library: library)
        digests = InputDigests(key: key)
        actor = recording.resolvedActor
        path = recording.audit.shownLocation
        let wait = try recording.audit.lockWaitMillis()
        let signer = try recording.signer()
        do {
            store = try recording.audit.openTrail(busyTimeoutMillis: wait, signer: signer)
            run = try store.beginBatch(actor: actor)
        } catch {
            printError(
                "bylaw: audit trail: cannot open `\(path)`: \(error.message); nothing was checked (use --no-audit to audit without recording)"
            )
            throw Exit.invalid
        }
    }

    /// Appends one chunk's records in one transaction.
    func append(_ drafts: [RecordDraft]) throws {
        guard !drafts.isEmpty else { return }
        do {
            for draft in drafts { if let kind = draft.kind { kinds.insert(kind) } }
            let seqs = try store.append(drafts, actor: actor, at: nil, batchSize: drafts.count)
            if first == nil { first = seqs.first }
            last = seqs.last ?? last
        } catch {
            throw fail(error)
        }
    }

    /// Appends the run record.
    func finish(inputs: [String], asOf: String?, counts: [Verdict: Int]) throws {
        let seqs = first.flatMap { f in last.map { (first: f, last: $0) } }
        let sensitive = library.ruleSets.contains { kinds.contains($0.appliesTo) && !$0.sensitive.isEmpty }
        let draft = RunRecord.draft(
            inputs: inputs, digests: digests.entries, library: library, asOf: asOf, counts: counts, seqs: seqs,
            sensitive: sensitive)
        do {
            try store.append([draft], actor: actor, at: nil, batchSize: 1)
            try store.endBatch(run)
            // A clean end is checkpointed, when a signing key is configured.
            try store.signCheckpointIfConfigured()
        } catch {
            throw fail(error)
        }
    }

    /// Says why the store cannot be written; the caller stops reporting and exits 2.
    private func fail(_ error: AuditStoreError) -> ExitCode {
        printError(
            "bylaw: audit trail: cannot record to `\(path)`: \(error.message); the report stops at the last recorded record (use --no-audit to audit without recording)"
        )
        return Exit.invalid
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
