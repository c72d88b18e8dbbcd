import ArgumentParser
import Bylaw
import BylawAudit
import BylawDiagnostics
import BylawJobs
import BylawLocale
import Foundation

/// `--audit PATH` and `--actor`, shared by the commands that read or write the audit trail.
struct AuditOptions: ParsableArguments {
    @Option(
        name: .customLong("audit"),
        help: ArgumentHelp(Language.current.help("help.audit"), valueName: "path"))
    var path: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            Language.current.help("help.lock-wait"), valueName: "seconds"))
    var lockWait: Double?

    var resolvedPath: String {
        path ?? ProcessInfo.processInfo.environment["BYLAW_AUDIT"] ?? "bylaw-audit.sqlite"
    }

    /// The lock wait in milliseconds: `--lock-wait`, else `$BYLAW_AUDIT_LOCK_WAIT`, else 2 s.
    func lockWaitMillis() throws -> Int32 {
        let env = ProcessInfo.processInfo.environment["BYLAW_AUDIT_LOCK_WAIT"]
        guard let seconds = lockWait ?? env.flatMap(Double.init) else {
            if let env { throw ValidationError(Language.current.text("usage.lock-wait-env", env)) }
            return AuditStore.defaultLockWaitMillis
        }
        guard seconds.isFinite, seconds >= 0, seconds <= 3600 else {
            throw ValidationError(Language.current.text("usage.lock-wait"))
        }
        return Int32(seconds * 1000)
    }

    /// Opens the store to write (creating it when needed).
    func open() throws -> AuditStore {
        let wait = try lockWaitMillis()
        do {
            return try AuditStore(path: resolvedPath, busyTimeoutMillis: wait)
        } catch {
            printError("bylaw: " + Language.current.text("op.trail-error", error.text(in: .current)))
            throw Exit.invalid
        }
    }

    /// Opens an existing store to write it (never creating one).
    func openExisting() throws -> AuditStore {
        try requireSQLite("audit.postgres.no-prune")
        guard FileManager.default.fileExists(atPath: resolvedPath) else {
            printError("bylaw: " + Language.current.text("op.no-store", resolvedPath))
            throw Exit.invalid
        }
        return try open()
    }

    /// Opens an existing store for reading only: `log` never creates, migrates or writes a store, so it works
    /// on read-only media and for an auditor without write rights.
    /// - Parameter refusal: the catalogue's text that says why a PostgreSQL trail is refused.
    func openForReading(refusal: String = "audit.postgres.sqlite-only") throws -> AuditStore {
        try requireSQLite(refusal)
        let wait = try lockWaitMillis()
        do {
            return try AuditStore(readingAt: resolvedPath, busyTimeoutMillis: wait)
        } catch {
            printError("bylaw: " + Language.current.text("op.trail-error", error.text(in: .current)))
            throw Exit.invalid
        }
    }
}

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: Language.current.help("help.log.abstract"),
        discussion: Language.current.help("help.log.discussion"),
        subcommands: [
            List.self, Show.self, Export.self, Head.self, Verify.self, CheckpointCommand.self, Backup.self,
            Prune.self, Migrate.self,
        ])

    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "prune",
            abstract: Language.current.help("help.log-prune.abstract"),
            discussion: Language.current.help("help.log-prune.discussion"))
        @OptionGroup var audit: AuditOptions
        @Option(help: ArgumentHelp(Language.current.help("help.log-prune.before"), valueName: "date"))
        var before: String
        @Option(
            help: ArgumentHelp(Language.current.help("help.log-prune.signing-key"), valueName: "file"))
        var signingKey: String?
        @Option(help: ArgumentHelp(Language.current.help("help.log-prune.min-retention-days"), valueName: "days"))
        var minRetentionDays = AuditStore.defaultMinimumRetentionDays
        @Option(help: ArgumentHelp(Language.current.help("help.log-prune.actor"), valueName: "name"))
        var actor: String?

        func run() throws {
            // Before the key is asked for: a PostgreSQL trail cannot be pruned with or without one.
            try audit.requireSQLite("audit.postgres.no-prune")
            _ = try parseDate(before)
            guard let file = signingKey ?? ProcessInfo.processInfo.environment["BYLAW_AUDIT_SIGNING_KEY_FILE"] else {
                throw ValidationError(Language.current.text("usage.prune-key"))
            }
            let key = try wrap { try CheckpointKey.Private(text: readText(file)) }
            let store = try audit.openExisting()
            store.signer = key
            let who = actor ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown"
            let cut = try wrap {
                try store.prune(before: before, minimumRetentionDays: minRetentionDays, actor: who)
            }
            guard let cut else {
                FileHandleOutput.writeText(Language.current.text("log.nothing-pruned", before) + "\n")
                return
            }
            FileHandleOutput.writeText(
                Language.current.text("log.pruned", String(cut.throughSeq), before, "\(cut.chainHash)") + "\n")
        }
    }

    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: Language.current.help("help.log-backup.abstract"))
        @OptionGroup var audit: AuditOptions
        @Argument(help: ArgumentHelp(Language.current.help("help.log-backup.destination"))) var destination: String

        func run() throws {
            let report = try wrap {
                try audit.openForReading(refusal: "audit.postgres.no-backup").backup(to: destination)
            }
            if let p = report.problem {
                FileHandleOutput.writeText(
                    Language.current.text(
                        "log.backup-broken", String(p.seq), VerifyWording.text(p.reason, Language.current)) + "\n")
                throw Exit.notCompliant
            }
            FileHandleOutput.writeAll(
                fd: 1,
                Language.current.text(
                    "log.backed-up", destination, String(report.records), String(report.headSeq), "\(report.headHash)")
                    + "\n")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: Language.current.help("help.log-list.abstract"))
        @OptionGroup var audit: AuditOptions
        @Option(help: ArgumentHelp(Language.current.help("help.log-list.kind"))) var kind: String?
        @Option(help: ArgumentHelp(Language.current.help("help.log-list.unit"))) var unit: String?
        @Option(help: ArgumentHelp(Language.current.help("help.log-list.verdict"))) var verdict: String?
        @Option(help: ArgumentHelp(Language.current.help("help.log-list.rule"), valueName: "rule-id")) var rule: String?
        @Option(help: ArgumentHelp(Language.current.help("help.log-list.from"), valueName: "date")) var from: String?
        @Option(help: ArgumentHelp(Language.current.help("help.log-list.to"), valueName: "date")) var to: String?
        @Option(help: ArgumentHelp(Language.current.help("help.log-list.actor"))) var actor: String?
        @Option(help: ArgumentHelp(Language.current.help("help.log-list.limit"))) var limit = 100
        @Option(help: ArgumentHelp(Language.current.help("help.check.format"))) var format: OutputFormat = .text

        func run() throws {
            var f = RecordFilter()
            f.kind = kind
            f.unit = unit
            if let verdict, !RecordVerdicts.all.contains(verdict) {
                // A misspelt verdict would list nothing, as if no record had it.
                throw ValidationError(
                    Language.current.text("usage.bad-verdict", verdict, RecordVerdicts.all.joined(separator: ", ")))
            }
            f.verdict = verdict
            f.failedRule = rule
            f.from = try from.map { try parseDate($0).description }
            f.to = try to.map { try parseDate($0).description }
            f.actor = actor
            f.limit = limit
            let rows = try audit.isPostgres ? PostgresLog.list(audit, f) : wrap { try audit.openForReading().list(f) }
            if format == .json {
                FileHandleOutput.writeAll(fd: 1, LogJSON.list(rows) + "\n")
                return
            }
            var out = ""
            for r in rows {
                out +=
                    "\(r.seq)\t\(r.recordedAt)\t\(Language.current.storedVerdict(r.verdict))\t\(r.kind ?? "-")\t\(r.decisionID ?? "-")\t\(r.decisionDate ?? "-")\t\(r.unit ?? "-")\t\(r.actor)\n"
            }
            FileHandleOutput.writeText(out)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: Language.current.help("help.log-show.abstract"))
        @OptionGroup var audit: AuditOptions
        @Argument(help: ArgumentHelp(Language.current.help("help.log-show.record"))) var record: String

        func run() throws {
            let found =
                try audit.isPostgres
                ? PostgresLog.canonical(audit, record) : wrap({ try audit.openForReading().canonical(of: record) })
            guard let bytes = found else {
                printError("bylaw: " + Language.current.text("op.no-record", record, audit.shownLocation))
                throw Exit.invalid
            }
            FileHandleOutput.writeAll(fd: 1, String(decoding: bytes, as: UTF8.self) + "\n")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: Language.current.help("help.log-export.abstract"))
        @OptionGroup var audit: AuditOptions

        func run() throws {
            if audit.isPostgres { return try PostgresLog.export(audit) }
            let store = try audit.openForReading()
            try wrap {
                try store.forEachCanonical { bytes in
                    FileHandleOutput.writeAll(fd: 1, String(decoding: bytes, as: UTF8.self) + "\n")
                }
            }
        }
    }

    struct Head: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "head",
            abstract: Language.current.help("help.log-head.abstract"))
        @OptionGroup var audit: AuditOptions

        func run() throws {
            let h = try audit.isPostgres ? PostgresLog.head(audit) : wrap { try audit.openForReading().head() }
            FileHandleOutput.writeAll(fd: 1, "\(h.seq):\(AuditHex.encode(h.chainHash))\n")
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: Language.current.help("help.log-verify.abstract"),
            discussion: Language.current.help("help.log-verify.discussion"))
        @OptionGroup var audit: AuditOptions
        @Option(help: ArgumentHelp(Language.current.help("help.log-verify.expect-head"), valueName: "seq:hash"))
        var expectHead: String?
        @Option(
            help: ArgumentHelp(Language.current.help("help.log-verify.checkpoints"), valueName: "file"))
        var checkpoints: String?
        @Option(
            help: ArgumentHelp(Language.current.help("help.log-verify.public-key"), valueName: "file"))
        var publicKey: String?
        @Option(help: ArgumentHelp(Language.current.help("help.log-verify.receipt"), valueName: "seq:leaf:chain"))
        var receipt: String?

        func validate() throws {
            if checkpoints != nil, publicKey == nil {
                throw ValidationError(Language.current.text("usage.checkpoints-key"))
            }
            if let receipt, Receipt(text: receipt) == nil {
                throw ValidationError(Language.current.text("usage.receipt"))
            }
        }

        func run() throws {
            var expected: (Int64, String)?
            if let expectHead {
                // The hash whole, as `bylaw log head` prints it: an abbreviated or mistyped one would otherwise
                // be reported as a rewritten chain.
                guard let head = KeptHead.parse(expectHead) else {
                    throw ValidationError(Language.current.text("usage.expect-head"))
                }
                expected = head
            }
            let key = try publicKey.map { file in try wrap { try CheckpointKey.Public(text: readText(file)) } }
            let given = try checkpoints.map { file in try wrap { try Checkpoint.parse(jsonLines: readText(file)) } }
            let receipt = receipt.flatMap(Receipt.init(text:))
            if audit.isPostgres {
                let trail = try audit.openPostgresForReading()
                let report = try wrap {
                    try trail.verify(expectHead: expected, checkpoints: given, publicKey: key, receipt: receipt)
                }
                return try self.report(report, key: key)
            }
            let report = try wrap {
                try audit.openForReading().verify(
                    expectHead: expected, checkpoints: given, publicKey: key, receipt: receipt)
            }
            try self.report(report, key: key)
        }

        /// Prints the verdict; exit 1 when the chain is broken.
        func report(_ report: VerifyReport, key: CheckpointKey.Public?) throws {
            let receipt = receipt.flatMap(Receipt.init(text:))
            if let p = report.problem {
                FileHandleOutput.writeText(
                    Language.current.text("log.broken", String(p.seq), VerifyWording.text(p.reason, Language.current))
                        + "\n")
                throw Exit.notCompliant
            }
            let l = Language.current
            var line = l.text(
                "log.verified", String(report.records), String(report.headSeq), "\(report.headHash)")
            if report.prunedThrough > 0 { line += l.text("log.verified-pruned", String(report.prunedThrough)) }
            if key != nil {
                let id = report.checkpoints == 1 ? "log.checkpoint-holds" : "log.checkpoints-hold"
                line += l.text(id, String(report.checkpoints))
            }
            if let receipt, report.notes.isEmpty { line += l.text("log.receipt-holds", String(receipt.seq)) }
            FileHandleOutput.writeText(
                line + "\n" + report.notes.map { l.text("log.note", VerifyWording.text($0, l)) + "\n" }.joined())
        }
    }
}

extension LogCommand {
    struct CheckpointCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkpoint",
            abstract: Language.current.help("help.log-checkpoint.abstract"),
            subcommands: [Keygen.self, Export.self])

        struct Keygen: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "keygen",
                abstract: Language.current.help("help.log-keygen.abstract"))
            @Option(help: ArgumentHelp(Language.current.help("help.log-keygen.out"), valueName: "name"))
            var out: String

            func run() throws {
                let key = CheckpointKey.Private()
                let fm = FileManager.default
                for path in [out + ".key", out + ".pub"] where fm.fileExists(atPath: path) {
                    printError("bylaw: " + Language.current.text("op.keygen-exists", path))
                    throw Exit.invalid
                }
                // The secret is readable by its owner only, from the moment it exists.
                guard
                    fm.createFile(
                        atPath: out + ".key", contents: Data(key.text.utf8), attributes: [.posixPermissions: 0o600]),
                    fm.createFile(atPath: out + ".pub", contents: Data(key.publicKey.text.utf8))
                else {
                    printError("bylaw: " + Language.current.text("op.keygen-unwritable", out))
                    throw Exit.invalid
                }
                FileHandleOutput.writeAll(
                    fd: 1, Language.current.text("log.keygen-wrote", out) + "\n")
            }
        }

        struct Export: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "export",
                abstract: Language.current.help("help.log-checkpoint-export.abstract"))
            @OptionGroup var audit: AuditOptions

            func run() throws {
                let all =
                    audit.isPostgres
                    ? try wrap { try audit.openPostgresForReading().checkpoints() }
                    : try wrap { try audit.openForReading().checkpoints() }
                FileHandleOutput.writeAll(fd: 1, all.map { $0.jsonLine + "\n" }.joined())
            }
        }
    }
}

/// The whole of a small file a user named; a file that cannot be read is a usage error.
func readText(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ValidationError(Language.current.text("op.cannot-read", path))
    }
    return String(decoding: data, as: UTF8.self)
}

/// Runs a store operation, turning a store failure into a message and exit 2.
func wrap<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as AuditStoreError {
        printError("bylaw: " + Language.current.text("op.trail-error", e.text(in: .current)))
        throw Exit.invalid
    }
}
