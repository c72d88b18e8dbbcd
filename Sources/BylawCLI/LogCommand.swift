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
            if let env { throw ValidationError("BYLAW_AUDIT_LOCK_WAIT is `\(env)`, not a number of seconds") }
            return AuditStore.defaultLockWaitMillis
        }
        guard seconds.isFinite, seconds >= 0, seconds <= 3600 else {
            throw ValidationError("the lock wait is a number of seconds from 0 to 3600")
        }
        return Int32(seconds * 1000)
    }

    /// Opens the store to write (creating it when needed).
    func open() throws -> AuditStore {
        let wait = try lockWaitMillis()
        do {
            return try AuditStore(path: resolvedPath, busyTimeoutMillis: wait)
        } catch {
            printError("bylaw: audit trail: \(error.message)")
            throw Exit.invalid
        }
    }

    /// Opens an existing store to write it (never creating one).
    func openExisting() throws -> AuditStore {
        try requireSQLite("audit.postgres.no-prune")
        guard FileManager.default.fileExists(atPath: resolvedPath) else {
            printError("bylaw: audit trail: there is no audit store at `\(resolvedPath)`")
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
            printError("bylaw: audit trail: \(error.message)")
            throw Exit.invalid
        }
    }
}

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: Language.current.help("help.log.abstract"),
        discussion: """
            Every `bylaw check` appends one record per decision to the audit store, linked by a SHA-256 hash \
            chain. Keep the output of `bylaw log head` somewhere else: `bylaw log verify --expect-head SEQ:HASH` \
            then also detects records removed from the end or a rewritten chain.

            With a signing key (`--signing-key` on check and audit, or $BYLAW_AUDIT_SIGNING_KEY_FILE), the store \
            signs a checkpoint of the chain every 1,000 records, every 5 minutes under load and at the end of \
            each run. Export them and keep them elsewhere: `verify --checkpoints FILE --public-key KEY` then \
            detects a cut or rewritten tail with nothing but the public key.

            Every log command opens the store read-only: it never creates, migrates or writes one, so a store \
            on read-only media, or an auditor without write rights, can be verified.

            EXAMPLES
              bylaw log list --kind cadre_promotion --verdict non_compliant
              bylaw log show 42
              bylaw log export > trail.jsonl
              bylaw log head
              bylaw log verify --expect-head 1200:9f86d081…
              bylaw log checkpoint keygen --out trail
              bylaw log checkpoint export > checkpoints.jsonl
              bylaw log verify --checkpoints checkpoints.jsonl --public-key trail.pub
              bylaw log verify --receipt 42:5d41402a…:9f86d081…
              bylaw log backup /media/archive/trail-2026-12.sqlite
            """,
        subcommands: [
            List.self, Show.self, Export.self, Head.self, Verify.self, CheckpointCommand.self, Backup.self,
            Prune.self, Migrate.self,
        ])

    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove records recorded before a day, keeping a signed cut the rest verifies from.",
            discussion: """
                Retention is opt-in: nothing is ever removed unless you run this. Only the oldest records go (a \
                prefix of the chain), never one younger than --min-retention-days (default 184, the six months \
                of 《网络安全法》第二十一条; it cannot be set lower). The cut (the last removed record's sequence \
                number and chain hash) is signed with the checkpoint key and kept in the store, and a `prune` \
                record saying so is appended: `bylaw log verify` goes on from the cut.

                EXAMPLES
                  bylaw log prune --before 2026-01-01 --signing-key trail.key
                """)
        @OptionGroup var audit: AuditOptions
        @Option(help: ArgumentHelp("Remove records recorded before this day (YYYY-MM-DD, UTC).", valueName: "date"))
        var before: String
        @Option(
            help: ArgumentHelp(
                "The checkpoint signing key that signs the cut (default: $BYLAW_AUDIT_SIGNING_KEY_FILE).",
                valueName: "file"))
        var signingKey: String?
        @Option(help: ArgumentHelp("Keep every record younger than this many days (at least 184).", valueName: "days"))
        var minRetentionDays = AuditStore.defaultMinimumRetentionDays
        @Option(help: ArgumentHelp("Who is recorded as having pruned (default: the OS user).", valueName: "name"))
        var actor: String?

        func run() throws {
            // Before the key is asked for: a PostgreSQL trail cannot be pruned with or without one.
            try audit.requireSQLite("audit.postgres.no-prune")
            _ = try parseDate(before)
            guard let file = signingKey ?? ProcessInfo.processInfo.environment["BYLAW_AUDIT_SIGNING_KEY_FILE"] else {
                throw ValidationError("a prune needs --signing-key: its cut must be signed")
            }
            let key = try wrap { try CheckpointKey.Private(text: readText(file)) }
            let store = try audit.openExisting()
            store.signer = key
            let who = actor ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown"
            let cut = try wrap {
                try store.prune(before: before, minimumRetentionDays: minRetentionDays, actor: who)
            }
            guard let cut else {
                FileHandleOutput.writeText("no record was recorded before \(before); nothing removed\n")
                return
            }
            FileHandleOutput.writeText(
                "✓ removed records 1–\(cut.throughSeq) (recorded before \(before)); signed cut \(cut.throughSeq):\(cut.chainHash)\n"
            )
        }
    }

    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the store consistently, even while others append, and verify the copy on its own.")
        @OptionGroup var audit: AuditOptions
        @Argument(help: "Where to write the copy; must not exist.") var destination: String

        func run() throws {
            let report = try wrap {
                try audit.openForReading(refusal: "audit.postgres.no-backup").backup(to: destination)
            }
            if let p = report.problem {
                FileHandleOutput.writeText("✗ the copy does not verify at record \(p.seq): \(p.reason)\n")
                throw Exit.notCompliant
            }
            FileHandleOutput.writeAll(
                fd: 1,
                "✓ backed up to \(destination): \(report.records) records verified; head \(report.headSeq):\(report.headHash)\n"
            )
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List records, newest first.")
        @OptionGroup var audit: AuditOptions
        @Option(help: "Only this decision kind.") var kind: String?
        @Option(help: "Only this unit and the units below it.") var unit: String?
        @Option(help: "Only this verdict.") var verdict: String?
        @Option(help: ArgumentHelp("Only records where this rule failed.", valueName: "rule-id")) var rule: String?
        @Option(help: ArgumentHelp("Decisions dated on or after (YYYY-MM-DD).", valueName: "date")) var from: String?
        @Option(help: ArgumentHelp("Decisions dated on or before (YYYY-MM-DD).", valueName: "date")) var to: String?
        @Option(help: "Only records by this actor.") var actor: String?
        @Option(help: "At most this many records.") var limit = 100
        @Option(help: "Output format: text or json.") var format: OutputFormat = .text

        func run() throws {
            var f = RecordFilter()
            f.kind = kind
            f.unit = unit
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
                    "\(r.seq)\t\(r.recordedAt)\t\(r.verdict)\t\(r.kind ?? "-")\t\(r.decisionID ?? "-")\t\(r.decisionDate ?? "-")\t\(r.unit ?? "-")\t\(r.actor)\n"
            }
            FileHandleOutput.writeText(out)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print one whole record (its canonical JSON).")
        @OptionGroup var audit: AuditOptions
        @Argument(help: "A sequence number or record id.") var record: String

        func run() throws {
            let found =
                try audit.isPostgres
                ? PostgresLog.canonical(audit, record) : wrap({ try audit.openForReading().canonical(of: record) })
            guard let bytes = found else {
                printError("bylaw: no record `\(record)` in \(audit.shownLocation)")
                throw Exit.invalid
            }
            FileHandleOutput.writeAll(fd: 1, String(decoding: bytes, as: UTF8.self) + "\n")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write every record as JSON Lines (the canonical bytes, oldest first).")
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
            abstract: "Print the last sequence number and chain hash as SEQ:HASH, to keep outside the store.")
        @OptionGroup var audit: AuditOptions

        func run() throws {
            let h = try audit.isPostgres ? PostgresLog.head(audit) : wrap { try audit.openForReading().head() }
            FileHandleOutput.writeAll(fd: 1, "\(h.seq):\(AuditHex.encode(h.chainHash))\n")
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute every hash; report the first broken record.",
            discussion: """
                Exit 0 when the chain is whole (and every checkpoint and receipt given holds), 1 when a record \
                is broken, missing or rewritten, 2 when the store or a file given cannot be read.
                """)
        @OptionGroup var audit: AuditOptions
        @Option(help: ArgumentHelp("A head kept earlier (from `bylaw log head`).", valueName: "seq:hash"))
        var expectHead: String?
        @Option(
            help: ArgumentHelp(
                "Signed checkpoints kept elsewhere (from `bylaw log checkpoint export`); needs --public-key.",
                valueName: "file"))
        var checkpoints: String?
        @Option(
            help: ArgumentHelp(
                "The public key the checkpoints must be signed with; alone, checks the store's own checkpoints.",
                valueName: "file"))
        var publicKey: String?
        @Option(help: ArgumentHelp("A receipt printed by `bylaw check`.", valueName: "seq:leaf:chain"))
        var receipt: String?

        func validate() throws {
            if checkpoints != nil, publicKey == nil {
                throw ValidationError("--checkpoints needs --public-key: a checkpoint proves nothing without its key")
            }
            if let receipt, Receipt(text: receipt) == nil {
                throw ValidationError("--receipt takes SEQ:LEAF:CHAIN, as printed by `bylaw check`")
            }
        }

        func run() throws {
            var expected: (Int64, String)?
            if let expectHead {
                let parts = expectHead.split(separator: ":")
                guard parts.count == 2, let seq = Int64(parts[0]) else {
                    throw ValidationError("--expect-head takes SEQ:HASH, as printed by `bylaw log head`")
                }
                expected = (seq, String(parts[1]))
            }
            if audit.isPostgres {
                let signed = publicKey != nil || checkpoints != nil || receipt != nil
                let onlyReceipt = publicKey == nil && checkpoints == nil ? receipt.flatMap(Receipt.init(text:)) : nil
                return try report(
                    PostgresLog.verify(audit, expectHead: expected, signedChecks: signed, receipt: onlyReceipt?.seq),
                    key: nil)
            }
            let key = try publicKey.map { file in try wrap { try CheckpointKey.Public(text: readText(file)) } }
            let given = try checkpoints.map { file in try wrap { try Checkpoint.parse(jsonLines: readText(file)) } }
            let receipt = receipt.flatMap(Receipt.init(text:))
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
                FileHandleOutput.writeText("✗ audit trail broken at record \(p.seq): \(p.reason)\n")
                throw Exit.notCompliant
            }
            var line = "✓ \(report.records) records verified; head \(report.headSeq):\(report.headHash)"
            if report.prunedThrough > 0 { line += "; records 1–\(report.prunedThrough) were pruned (signed cut)" }
            if key != nil {
                line += "; \(report.checkpoints) signed checkpoint\(report.checkpoints == 1 ? "" : "s") hold"
            }
            if let receipt, report.notes.isEmpty { line += "; receipt of record \(receipt.seq) holds" }
            FileHandleOutput.writeText(line + "\n" + report.notes.map { "  note: \($0)\n" }.joined())
        }
    }
}

extension LogCommand {
    struct CheckpointCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkpoint",
            abstract: "Make a checkpoint signing key, or export the store's signed checkpoints.",
            subcommands: [Keygen.self, Export.self])

        struct Keygen: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Write a new Ed25519 key pair: NAME.key (secret, for writers) and NAME.pub (for verifiers).")
            @Option(help: ArgumentHelp("The files' name, without extension.", valueName: "name"))
            var out: String

            func run() throws {
                let key = CheckpointKey.Private()
                let fm = FileManager.default
                for path in [out + ".key", out + ".pub"] where fm.fileExists(atPath: path) {
                    printError("bylaw: `\(path)` exists; not overwriting a key")
                    throw Exit.invalid
                }
                // The secret is readable by its owner only, from the moment it exists.
                guard
                    fm.createFile(
                        atPath: out + ".key", contents: Data(key.text.utf8), attributes: [.posixPermissions: 0o600]),
                    fm.createFile(atPath: out + ".pub", contents: Data(key.publicKey.text.utf8))
                else {
                    printError("bylaw: cannot write `\(out).key` and `\(out).pub`")
                    throw Exit.invalid
                }
                FileHandleOutput.writeAll(
                    fd: 1, "wrote \(out).key (keep it secret: check and audit sign with it) and \(out).pub\n")
            }
        }

        struct Export: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Write the store's signed checkpoints as JSON Lines, oldest first, to keep elsewhere.")
            @OptionGroup var audit: AuditOptions

            func run() throws {
                let all = try wrap { try audit.openForReading(refusal: "audit.postgres.no-checkpoints").checkpoints() }
                FileHandleOutput.writeAll(fd: 1, all.map { $0.jsonLine + "\n" }.joined())
            }
        }
    }
}

/// The whole of a small file a user named; a file that cannot be read is a usage error.
func readText(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ValidationError("cannot read `\(path)`")
    }
    return String(decoding: data, as: UTF8.self)
}

/// Runs a store operation, turning a store failure into a message and exit 2.
func wrap<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as AuditStoreError {
        printError("bylaw: audit trail: \(e.message)")
        throw Exit.invalid
    }
}
