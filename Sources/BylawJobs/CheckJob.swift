import Bylaw
import BylawAudit
import BylawCEL
import BylawDiagnostics
import BylawYAML

/// A decision as read and checked: the verdict, and the bytes and tree its audit record hashes and keeps.
public struct CheckedDecision: Sendable {
    public var result: DecisionResult
    /// The bytes as received (nil when they could not be read at all).
    public var raw: [UInt8]?
    /// The parsed document (nil when it could not be parsed).
    public var document: YAMLNode?

    public init(result: DecisionResult, raw: [UInt8]?, document: YAMLNode?) {
        self.result = result
        self.raw = raw
        self.document = document
    }
}

/// What `check` hands back: each decision in order, and its receipt when the trail was written.
public struct CheckOutcome: Sendable {
    public var decisions: [CheckedDecision]
    /// One per decision, in order; empty when nothing was recorded.
    public var receipts: [Receipt]
}

/// `bylaw check` (and `POST /v1/check`): read, type and evaluate each decision, append one record per decision
/// to the trail, and only then hand the verdicts back. When the trail cannot be written nothing is returned.
public enum CheckJob {
    /// The event name of a check's record.
    public static let event = "check"

    /// Checks decision files and records them.
    /// - Parameter recording: where to record; nil checks without recording (`--no-audit`).
    public static func run(
        files: [String], library: RuleLibrary, asOf: CELDate? = nil, recording: Recording?
    ) throws(RecordingFailure) -> CheckOutcome {
        let decisions = files.map { read(file: $0, library: library, asOf: asOf) }
        return CheckOutcome(decisions: decisions, receipts: try record(decisions, library: library, to: recording))
    }

    /// Checks decisions handed over as bytes (request bodies) and records them.
    /// - Parameter builder: a record builder made once for `library` and the recording's masking key (a
    ///   service checking many requests against one library); nil makes one for this call.
    public static func run(
        documents: [(name: String, bytes: [UInt8], json: Bool)], library: RuleLibrary, asOf: CELDate? = nil,
        recording: Recording?, builder: RecordBuilder? = nil
    ) throws(RecordingFailure) -> CheckOutcome {
        let decisions = documents.map {
            read(bytes: $0.bytes, name: $0.name, json: $0.json, library: library, asOf: asOf)
        }
        let receipts = try record(decisions, library: library, to: recording, builder: builder)
        return CheckOutcome(decisions: decisions, receipts: receipts)
    }

    /// Reads and checks one decision file. An oversized file is refused before it is read; a file that cannot
    /// be parsed keeps its bytes for the record's raw hash.
    public static func read(file: String, library: RuleLibrary, asOf: CELDate?) -> CheckedDecision {
        do {
            let (node, raw) = try DecisionFile.load(path: file)
            return CheckedDecision(result: library.check(node, file: file, asOf: asOf), raw: raw, document: node)
        } catch {
            let raw = try? YAMLLoader.readWithinLimit(file, limits: .decision)
            return invalid(file: file, diagnostics: error.diagnostics, raw: raw)
        }
    }

    /// Reads and checks one decision handed over as bytes; `name` stands for its file in messages.
    public static func read(bytes: [UInt8], name: String, json: Bool, library: RuleLibrary, asOf: CELDate?)
        -> CheckedDecision
    {
        do {
            let node = try DecisionFile.parse(bytes: bytes, name: name, json: json)
            return CheckedDecision(result: library.check(node, file: name, asOf: asOf), raw: bytes, document: node)
        } catch {
            return invalid(
                file: name, diagnostics: error.diagnostics,
                raw: bytes.count <= YAMLLimits.decision.maxBytes ? bytes : nil)
        }
    }

    private static func invalid(file: String, diagnostics: [Diagnostic], raw: [UInt8]?) -> CheckedDecision {
        let result = DecisionResult(file: file, verdict: .invalid, ruleSets: [], results: [], diagnostics: diagnostics)
        return CheckedDecision(result: result, raw: raw, document: nil)
    }

    /// Appends one record per decision, in one transaction, and signs a checkpoint when a key is configured.
    /// - Returns: each decision's receipt, in order (none without a recording).
    /// - Parameter builder: see `run(documents:…)`; it hashes every rule-set file when made, so a service makes
    ///   it once per library.
    public static func record(
        _ decisions: [CheckedDecision], library: RuleLibrary, to recording: Recording?, event: String = event,
        builder: RecordBuilder? = nil
    ) throws(RecordingFailure) -> [Receipt] {
        guard let recording else { return [] }
        let builder = builder ?? RecordBuilder(maskingKey: recording.maskingKey, library: library)
        let drafts = decisions.map { builder.draft($0.result, raw: $0.raw, document: $0.document, event: event) }
        do throws(AuditStoreError) {
            let trail = recording.trail
            let seqs = try trail.append(drafts, actor: recording.actor, at: nil, batchSize: max(1, drafts.count))
            try trail.signCheckpointIfConfigured()
            var receipts: [Receipt] = []
            for seq in seqs {
                guard let receipt = try trail.receipt(seq: seq) else {
                    throw AuditStoreError(.corrupt, id: "store.record-vanished", String(seq))
                }
                receipts.append(receipt)
            }
            return receipts
        } catch {
            throw RecordingFailure(.appending, error)
        }
    }
}
