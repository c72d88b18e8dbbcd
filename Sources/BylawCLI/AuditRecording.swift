import ArgumentParser
import Bylaw
import BylawAudit
import BylawCEL
import BylawJobs
import BylawLocale
import BylawYAML
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The options `check` (and later `audit`) use to record what they evaluated.
struct RecordingOptions: ParsableArguments {
    @OptionGroup var audit: AuditOptions

    @Flag(help: ArgumentHelp(Language.current.help("help.no-audit")))
    var noAudit = false

    @Option(help: ArgumentHelp(Language.current.help("help.actor"), valueName: "name"))
    var actor: String?

    @Option(
        help: ArgumentHelp(
            Language.current.help("help.audit-key-file"), valueName: "file"))
    var auditKeyFile: String?

    /// Refuses an empty or control-laden `--actor` before anything is checked.
    func validate() throws {
        if let actor {
            do {
                try AuditStore.check(actor: actor)
            } catch {
                throw ValidationError(error.text(in: .current))
            }
        }
        _ = try audit.lockWaitMillis()
    }

    @Option(
        help: ArgumentHelp(
            Language.current.help("help.signing-key"), valueName: "file"))
    var signingKey: String?

    /// The checkpoint signing key, if one is configured.
    func signer() throws -> CheckpointKey.Private? {
        guard let file = signingKey ?? ProcessInfo.processInfo.environment["BYLAW_AUDIT_SIGNING_KEY_FILE"] else {
            return nil
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            printError("bylaw: " + Language.current.text("op.signing-key-unreadable", file))
            throw Exit.invalid
        }
        do {
            return try CheckpointKey.Private(text: String(decoding: data, as: UTF8.self))
        } catch {
            printError("bylaw: " + Language.current.text("op.key-file-error", file, error.text(in: .current)))
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
                printError("bylaw: " + Language.current.text("op.masking-key-unreadable", file))
                throw Exit.invalid
            }
            return Array(data)
        }
        if let text = env["BYLAW_AUDIT_KEY"], !text.isEmpty { return Array(text.utf8) }
        return nil
    }

    /// The trail to record to, opened now (nil with `--no-audit`). When it cannot be opened, says so and
    /// exits 2 before anything is checked.
    /// - Parameters:
    ///   - verb: how the message names the failed step ("open", "record to").
    ///   - consequence: what the message adds about the consequence and the way round it.
    func recording(verb: String, consequence: String) throws -> Recording? {
        guard !noAudit else { return nil }
        let wait = try audit.lockWaitMillis()
        let signer = try signer()
        let key = try maskingKey()
        do {
            let store = try audit.openTrail(busyTimeoutMillis: wait, signer: signer)
            return Recording(trail: store, actor: resolvedActor, maskingKey: key)
        } catch {
            printError(
                "bylaw: "
                    + Language.current.text(
                        verb == "open" ? "op.trail-open" : "op.trail-record", audit.shownLocation,
                        error.text(in: .current),
                        consequence))
            throw Exit.invalid
        }
    }

    /// Says why the trail could not be written, and what was (not) reported; the caller exits 2.
    func explain(_ failure: RecordingFailure, consequence: String) -> ExitCode {
        let id = failure.stage == .opening ? "op.trail-open" : "op.trail-record"
        printError(
            "bylaw: " + Language.current.text(id, audit.shownLocation, failure.error.text(in: .current), consequence))
        return Exit.invalid
    }
}
