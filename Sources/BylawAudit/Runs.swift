import Bylaw
import BylawJSON
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Batch runs in progress, so that one that never finished (killed, power lost) is marked in the chain the
/// next time a run starts. The `runs` table is bookkeeping beside the chain, not part of it; the mark is a
/// record like any other.
extension AuditStore {
    /// The event of the record that marks a run that started and never wrote its `audit-run` record.
    public static let interruptedEvent = "audit-interrupted"

    /// Registers a run of this process; first marks, with one record each, the runs of this host whose process
    /// is gone without having ended.
    /// - Returns: the run's id, for `endRun`, and the sequence numbers of the marks written.
    @discardableResult
    public func beginRun(actor: String, at time: Date = Date()) throws(AuditStoreError) -> (
        run: Int64, marked: [Int64]
    ) {
        guard format >= 4, !isReadOnly, try hasTable("runs") else { return (0, []) }
        let host = Self.hostName
        var stale: [(id: Int64, pid: Int64, actor: String, startedAt: String, head: Int64)] = []
        let find = try db.prepare(
            "SELECT id, pid, actor, started_at, head_at_start FROM runs WHERE state = 'running' AND host = ?")
        find.bind(1, host)
        while try find.step() {
            let pid = find.int(1)
            // A process that still exists (or that we may not signal) is still running its batch.
            guard Self.processIsGone(pid) else { continue }
            stale.append((find.int(0), pid, find.text(2) ?? "", find.text(3) ?? "", find.int(4)))
        }
        var marked: [Int64] = []
        for run in stale {
            // Claimed first, so that two runs starting at once mark a stale run once.
            let claim = try db.prepare("UPDATE runs SET state = 'interrupted' WHERE id = ? AND state = 'running'")
            claim.bind(1, run.id)
            _ = try claim.step()
            guard try changes() == 1 else { continue }
            let draft = Self.interruptedDraft(
                host: host, pid: run.pid, actor: run.actor, startedAt: run.startedAt, headAtStart: run.head)
            do {
                marked += try append([draft], actor: actor, at: time)
            } catch {
                // Not marked after all: the next run tries again.
                let undo = try db.prepare("UPDATE runs SET state = 'running' WHERE id = ?")
                undo.bind(1, run.id)
                _ = try? undo.step()
                throw error
            }
        }
        let insert = try db.prepare(
            "INSERT INTO runs (host, pid, actor, started_at, head_at_start) VALUES (?, ?, ?, ?, ?)")
        insert.bind(1, host)
        insert.bind(2, Int64(getpid()))
        insert.bind(3, actor)
        insert.bind(4, UTCStamp.format(time))
        insert.bind(5, try head().seq)
        _ = try insert.step()
        let id = try db.prepare("SELECT last_insert_rowid()")
        return (try id.step() ? id.int(0) : 0, marked)
    }

    /// The record that marks a run of `host` that started and never wrote its `audit-run` record (every
    /// backend writes the same one).
    package static func interruptedDraft(
        host: String, pid: Int64, actor: String, startedAt: String, headAtStart: Int64
    ) -> RecordDraft {
        RecordDraft(
            event: interruptedEvent, kind: nil, decisionID: nil, decisionDate: nil, unit: nil,
            verdict: RecordVerdicts.none,
            body: [
                (
                    "interrupted_run",
                    .object([
                        ("host", .string(host)), ("pid", .number(JSONNumber(pid))), ("actor", .string(actor)),
                        ("started_at", .string(startedAt)), ("head_at_start", .number(JSONNumber(headAtStart))),
                        (
                            "note",
                            .string(
                                "a batch run started here and ended without its `audit-run` record: the records "
                                    + "after `head_at_start` that it wrote are whole, the rest of its input was "
                                    + "not checked")
                        ),
                    ])
                )
            ])
    }

    /// Whether the process `pid` of this host is gone (one that exists, or that we may not signal, is not).
    package static func processIsGone(_ pid: Int64) -> Bool {
        !(pid > 0 && pid <= Int64(Int32.max) && (kill(pid_t(pid), 0) == 0 || errno == EPERM))
    }

    private func changes() throws(AuditStoreError) -> Int64 {
        let stmt = try db.prepare("SELECT changes()")
        return try stmt.step() ? stmt.int(0) : 0
    }

    /// The run ended (its `audit-run` record is written).
    public func endRun(_ run: Int64) throws(AuditStoreError) {
        guard format >= 4, !isReadOnly, run > 0 else { return }
        let done = try db.prepare("UPDATE runs SET state = 'ended' WHERE id = ?")
        done.bind(1, run)
        _ = try done.step()
    }

    package static var hostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
