import ArgumentParser
import Bylaw
import BylawAudit
import BylawDiagnostics
import Foundation

/// `--audit PATH` and `--actor`, shared by the commands that read or write the audit trail.
struct AuditOptions: ParsableArguments {
    @Option(
        name: .customLong("audit"),
        help: ArgumentHelp("The audit store (default: $BYLAW_AUDIT, else ./bylaw-audit.sqlite).", valueName: "path"))
    var path: String?

    var resolvedPath: String {
        path ?? ProcessInfo.processInfo.environment["BYLAW_AUDIT"] ?? "bylaw-audit.sqlite"
    }

    func open() throws -> AuditStore {
        do {
            return try AuditStore(path: resolvedPath)
        } catch {
            printError("bylaw: audit trail: \(error.message)")
            throw Exit.invalid
        }
    }
}

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List, show, export and verify the audit trail.",
        discussion: """
            Every `bylaw check` appends one record per decision to the audit store, linked by a SHA-256 hash \
            chain. Keep the output of `bylaw log head` somewhere else: `bylaw log verify --expect-head SEQ:HASH` \
            then also detects records removed from the end or a rewritten chain.

            EXAMPLES
              bylaw log list --kind cadre_promotion --verdict non_compliant
              bylaw log show 42
              bylaw log export > trail.jsonl
              bylaw log head
              bylaw log verify --expect-head 1200:9f86d081…
            """,
        subcommands: [List.self, Show.self, Export.self, Head.self, Verify.self])

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
            let rows = try wrap { try audit.open().list(f) }
            if format == .json {
                let items = rows.map { r in
                    "{\"seq\":\(r.seq),\"record_id\":\(q(r.recordID)),\"recorded_at\":\(q(r.recordedAt)),\"actor\":\(q(r.actor)),"
                        + "\"event\":\(q(r.event)),\"kind\":\(q(r.kind)),\"id\":\(q(r.decisionID)),\"date\":\(q(r.decisionDate)),"
                        + "\"unit\":\(q(r.unit)),\"verdict\":\(q(r.verdict))}"
                }
                FileHandleOutput.writeAll(fd: 1, "[" + items.joined(separator: ",") + "]\n")
                return
            }
            var out = ""
            for r in rows {
                out +=
                    "\(r.seq)\t\(r.recordedAt)\t\(r.verdict)\t\(r.kind ?? "-")\t\(r.decisionID ?? "-")\t\(r.decisionDate ?? "-")\t\(r.unit ?? "-")\t\(r.actor)\n"
            }
            FileHandleOutput.writeAll(fd: 1, out)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print one whole record (its canonical JSON).")
        @OptionGroup var audit: AuditOptions
        @Argument(help: "A sequence number or record id.") var record: String

        func run() throws {
            guard let bytes = try wrap({ try audit.open().canonical(of: record) }) else {
                printError("bylaw: no record `\(record)` in \(audit.resolvedPath)")
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
            let store = try audit.open()
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
            let h = try wrap { try audit.open().head() }
            FileHandleOutput.writeAll(fd: 1, "\(h.seq):\(AuditHex.encode(h.chainHash))\n")
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute every hash; report the first broken record.",
            discussion: "Exit 0 when the chain is whole, 1 when a record is broken, 2 when the store cannot be read.")
        @OptionGroup var audit: AuditOptions
        @Option(help: ArgumentHelp("A head kept earlier (from `bylaw log head`).", valueName: "seq:hash"))
        var expectHead: String?

        func run() throws {
            var expected: (Int64, String)?
            if let expectHead {
                let parts = expectHead.split(separator: ":")
                guard parts.count == 2, let seq = Int64(parts[0]) else {
                    throw ValidationError("--expect-head takes SEQ:HASH, as printed by `bylaw log head`")
                }
                expected = (seq, String(parts[1]))
            }
            let report = try wrap { try audit.open().verify(expectHead: expected) }
            if let p = report.problem {
                FileHandleOutput.writeAll(fd: 1, "✗ audit trail broken at record \(p.seq): \(p.reason)\n")
                throw Exit.notCompliant
            }
            FileHandleOutput.writeAll(
                fd: 1, "✓ \(report.records) records verified; head \(report.headSeq):\(report.headHash)\n")
        }
    }
}

private func q(_ s: String?) -> String { s.map(JSONText.quote) ?? "null" }

/// Runs a store operation, turning a store failure into a message and exit 2.
func wrap<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as AuditStoreError {
        printError("bylaw: audit trail: \(e.message)")
        throw Exit.invalid
    }
}
