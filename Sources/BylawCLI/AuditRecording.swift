import ArgumentParser
import Bylaw
import BylawAudit
import BylawCEL
import BylawYAML
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The options `check` (and later `audit`) use to record what they evaluated.
struct RecordingOptions: ParsableArguments {
    @OptionGroup var audit: AuditOptions

    @Flag(help: "Do not append records to the audit trail.")
    var noAudit = false

    @Option(help: ArgumentHelp("Who is recorded as having run the check (default: the OS user).", valueName: "name"))
    var actor: String?

    @Option(
        help: ArgumentHelp(
            "A key file for masking sensitive fields with HMAC-SHA-256 (default: $BYLAW_AUDIT_KEY_FILE, or the key in $BYLAW_AUDIT_KEY).",
            valueName: "file"))
    var auditKeyFile: String?

    /// Refuses an empty or control-laden `--actor` before anything is checked.
    func validate() throws {
        if let actor {
            do {
                try AuditStore.check(actor: actor)
            } catch {
                throw ValidationError(error.message)
            }
        }
        _ = try audit.lockWaitMillis()
    }

    @Option(
        help: ArgumentHelp(
            "An Ed25519 key file that signs checkpoints of the trail (default: $BYLAW_AUDIT_SIGNING_KEY_FILE; "
                + "make one with `bylaw log checkpoint keygen`).", valueName: "file"))
    var signingKey: String?

    /// The checkpoint signing key, if one is configured.
    func signer() throws -> CheckpointKey.Private? {
        guard let file = signingKey ?? ProcessInfo.processInfo.environment["BYLAW_AUDIT_SIGNING_KEY_FILE"] else {
            return nil
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            printError("bylaw: audit trail: cannot read the signing key file `\(file)`")
            throw Exit.invalid
        }
        do {
            return try CheckpointKey.Private(text: String(decoding: data, as: UTF8.self))
        } catch {
            printError("bylaw: audit trail: `\(file)`: \(error.message)")
            throw Exit.invalid
        }
    }

    var resolvedActor: String {
        if let actor { return actor }
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }

    func maskingKey() throws -> [UInt8]? {
        let env = ProcessInfo.processInfo.environment
        if let file = auditKeyFile ?? env["BYLAW_AUDIT_KEY_FILE"] {
            guard let data = FileManager.default.contents(atPath: file), !data.isEmpty else {
                printError("bylaw: audit trail: cannot read the masking key file `\(file)`")
                throw Exit.invalid
            }
            return Array(data)
        }
        if let text = env["BYLAW_AUDIT_KEY"], !text.isEmpty { return Array(text.utf8) }
        return nil
    }

    /// Appends one record per decision before anything is reported: if the store cannot be written the
    /// command says so and exits 2, and no verdict is claimed (fail closed).
    /// - Returns: each decision's receipt, in order (none with `--no-audit`).
    func record(_ checked: [CheckedDecision], library: RuleLibrary, event: String) throws -> [Receipt] {
        guard !noAudit else { return [] }
        let builder = RecordBuilder(maskingKey: try maskingKey(), library: library)
        let drafts = checked.map {
            builder.draft($0.result, raw: $0.raw, document: $0.document, event: event)
        }
        let wait = try audit.lockWaitMillis()
        let signer = try signer()
        do throws(AuditStoreError) {
            let store = try audit.openTrail(busyTimeoutMillis: wait, signer: signer)
            let seqs = try store.append(drafts, actor: resolvedActor, at: nil, batchSize: 1000)
            try store.signCheckpointIfConfigured()
            var receipts: [Receipt] = []
            for seq in seqs {
                guard let receipt = try store.receipt(seq: seq) else {
                    throw AuditStoreError(.corrupt, "record \(seq) was not found after it was written")
                }
                receipts.append(receipt)
            }
            return receipts
        } catch {
            printError(
                "bylaw: audit trail: cannot record to `\(audit.shownLocation)`: \(error.message); no verdict is reported (use --no-audit to check without recording)"
            )
            throw Exit.invalid
        }
    }
}

/// A decision as read and checked: the bytes and tree the audit record hashes and keeps.
struct CheckedDecision {
    var result: DecisionResult
    var raw: [UInt8]?
    var document: YAMLNode?

    static func check(file: String, library: RuleLibrary, asOf: CELDate?) -> CheckedDecision {
        // An oversized file is refused before it is read; a file that cannot be parsed keeps its bytes for the
        // record's raw hash.
        do {
            let (node, raw) = try DecisionFile.load(path: file)
            return CheckedDecision(result: library.check(node, file: file, asOf: asOf), raw: raw, document: node)
        } catch {
            let result = DecisionResult(
                file: file, verdict: .invalid, ruleSets: [], results: [], diagnostics: error.diagnostics)
            let raw = (try? YAMLLoader.readWithinLimit(file, limits: .decision))
            return CheckedDecision(result: result, raw: raw, document: nil)
        }
    }
}
