import Bylaw
import BylawTestSupport
import Foundation
import Testing

@testable import BylawAudit

/// Order never rests on the wall clock; a clock set back and a run that never ended each leave a record.
@Suite(.serialized) struct RunMarkTests {
    func ids(_ store: AuditStore) throws -> [(String, String)] {
        let stmt = try store.db.prepare("SELECT record_id, event FROM records ORDER BY seq")
        var out: [(String, String)] = []
        while try stmt.step() { out.append((stmt.text(0) ?? "", stmt.text(1) ?? "")) }
        return out
    }

    @Test func aClockSetBackIsRecordedAndIdsKeepTheirOrder() throws {
        let path = try AuditPaths.temp() + "/clock.sqlite"
        let t1 = Date(timeIntervalSince1970: 1_800_000_000)
        let t0 = t1.addingTimeInterval(-3600)
        do {
            let store = try AuditStore(path: path)
            #expect(try store.append([syntheticDraft(1)], actor: "a", at: t1) == [1])
        }
        // Another process, whose clock is an hour behind.
        let store = try AuditStore(path: path)
        #expect(try store.append([syntheticDraft(2), syntheticDraft(3)], actor: "a", at: t0) == [3, 4])
        let rows = try ids(store)
        #expect(rows.map(\.1) == ["check", AuditStore.clockEvent, "check", "check"])
        #expect(rows.map(\.0) == rows.map(\.0).sorted(), "record ids rise with the sequence numbers")
        let clock = String(decoding: try #require(try store.canonical(of: "2")), as: UTF8.self)
        #expect(clock.contains("\"previous_recorded_at\":\"2027-01-15T08:00:00.000Z\""))
        #expect(try store.verify().ok)
        // Once past it, no further mark.
        #expect(try store.append([syntheticDraft(4)], actor: "a", at: t0.addingTimeInterval(1)) == [5])
        #expect(try ids(store).count == 5)
    }

    @Test func aRunThatNeverEndedIsMarkedOnce() throws {
        let store = try AuditStore(path: try AuditPaths.temp() + "/runs.sqlite")
        try store.append([syntheticDraft(1)], actor: "a")
        // A run of a process that is gone (no process has this id), and one of ours, still running.
        try store.tamper(
            """
            INSERT INTO runs (host, pid, actor, started_at, head_at_start)
                VALUES ('\(AuditStore.hostName)', 2147483000, 'old', '2026-01-01T00:00:00.000Z', 1);
            INSERT INTO runs (host, pid, actor, started_at, head_at_start)
                VALUES ('\(AuditStore.hostName)', \(getpid()), 'live', '2026-01-01T00:00:00.000Z', 1);
            INSERT INTO runs (host, pid, actor, started_at, head_at_start)
                VALUES ('another-host', 2147483000, 'far', '2026-01-01T00:00:00.000Z', 1);
            """)
        let first = try store.beginRun(actor: "b")
        #expect(first.marked == [2])
        let record = String(decoding: try #require(try store.canonical(of: "2")), as: UTF8.self)
        #expect(record.contains("\"event\":\"audit-interrupted\""))
        #expect(record.contains("\"actor\":\"old\""))
        let second = try store.beginRun(actor: "c")
        #expect(second.marked.isEmpty)
        try store.endRun(first.run)
        try store.endRun(second.run)
        #expect(try store.verify().ok)
    }
}
