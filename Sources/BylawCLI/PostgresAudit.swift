import ArgumentParser
import BylawAudit
import BylawAuditPostgres
import BylawLocale
import Foundation

extension AuditOptions {
    /// Whether the audit location names a PostgreSQL trail (`postgres://…`) rather than a SQLite file.
    var isPostgres: Bool { PostgresLocation.isPostgres(resolvedPath) }

    /// The audit location as messages show it: a PostgreSQL URL without its password.
    var shownLocation: String {
        guard isPostgres else { return resolvedPath }
        return (try? PostgresLocation(resolvedPath).description) ?? "the PostgreSQL trail"
    }

    /// Opens the trail to append to: the SQLite store, or the PostgreSQL trail the location names.
    func openTrail(busyTimeoutMillis wait: Int32, signer: CheckpointKey.Private?) throws(AuditStoreError)
        -> any AuditTrail
    {
        guard isPostgres else {
            let store = try AuditStore(path: resolvedPath, busyTimeoutMillis: wait)
            store.signer = signer
            return store
        }
        let trail = try PostgresTrail(try PostgresLocation(resolvedPath), lockWaitMillis: wait)
        trail.signer = signer
        return trail
    }

    /// Opens the PostgreSQL trail for `log`, reading only.
    func openPostgresForReading() throws -> PostgresTrail {
        let wait = try lockWaitMillis()
        return try wrap { try PostgresTrail(readingAt: try PostgresLocation(resolvedPath), lockWaitMillis: wait) }
    }

    /// Refuses, on PostgreSQL, a command that only a SQLite store has (backup, prune, checkpoints), saying why
    /// with the catalogue's text `refusal`.
    func requireSQLite(_ refusal: String) throws {
        guard isPostgres else { return }
        printError("bylaw: " + Language.current.text(refusal))
        throw Exit.invalid
    }
}

/// `bylaw log` on a PostgreSQL trail: the same output as on a SQLite store.
enum PostgresLog {
    static func list(_ audit: AuditOptions, _ filter: RecordFilter) throws -> [RecordSummary] {
        let trail = try audit.openPostgresForReading()
        return try wrap { try trail.list(filter) }
    }

    static func canonical(_ audit: AuditOptions, _ key: String) throws -> [UInt8]? {
        let trail = try audit.openPostgresForReading()
        return try wrap { try trail.canonical(of: key) }
    }

    static func head(_ audit: AuditOptions) throws -> (seq: Int64, chainHash: [UInt8]) {
        let trail = try audit.openPostgresForReading()
        return try wrap { try trail.head() }
    }

    static func export(_ audit: AuditOptions) throws {
        let log = PostgresTrailLog(trail: try audit.openPostgresForReading())
        var out = ""
        try wrap {
            try log.forEachCanonical { canonical in
                out += String(decoding: canonical, as: UTF8.self) + "\n"
                if out.utf8.count >= 1 << 16 {
                    FileHandleOutput.writeAll(fd: 1, out)
                    out = ""
                }
            }
        }
        FileHandleOutput.writeAll(fd: 1, out)
    }
}

extension LogCommand {
    struct Migrate: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "migrate", abstract: Language.current.help("help.log-migrate.abstract"),
                discussion: Language.current.help("help.log-migrate.discussion"))
        }
        @Option(help: ArgumentHelp(Language.current.help("help.log-migrate.from"), valueName: "location"))
        var from: String
        @Option(help: ArgumentHelp(Language.current.help("help.log-migrate.to"), valueName: "location"))
        var to: String
        @Option(help: ArgumentHelp(Language.current.help("help.log-migrate.lock-wait"), valueName: "seconds"))
        var lockWait: Double = 2

        func run() throws {
            guard from != to else { throw ValidationError(Language.current.text("usage.same-trail")) }
            guard lockWait.isFinite, lockWait >= 0, lockWait <= 3600 else {
                throw ValidationError(Language.current.text("usage.lock-wait"))
            }
            let wait = Int32(lockWait * 1000)
            let report = try wrap { () throws -> TrailMigration.Report in
                let source: MigratableTrail =
                    PostgresLocation.isPostgres(from)
                    ? try PostgresTrail(readingAt: try PostgresLocation(from), lockWaitMillis: wait)
                    : try AuditStore(readingAt: from, busyTimeoutMillis: wait)
                let target: MigratableTrail =
                    PostgresLocation.isPostgres(to)
                    ? try PostgresTrail(try PostgresLocation(to), lockWaitMillis: wait)
                    : try AuditStore(path: to, busyTimeoutMillis: wait)
                return try TrailMigration.run(from: source, to: target)
            }
            FileHandleOutput.writeText(
                Language.current.text(
                    "op.migrated", String(report.copied), String(report.skipped), String(report.headSeq),
                    report.headHash) + "\n")
        }
    }
}
