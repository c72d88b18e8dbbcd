import BylawAudit
import BylawDiagnostics

/// The JSON shapes of `bylaw log` (and `GET /v1/log…`).
public enum LogJSON {
    /// `log list --format json`: one object per record summary, newest first as listed.
    public static func list(_ rows: [RecordSummary]) -> String {
        let items = rows.map { r in
            "{\"seq\":\(r.seq),\"record_id\":\(q(r.recordID)),\"recorded_at\":\(q(r.recordedAt)),\"actor\":\(q(r.actor)),"
                + "\"event\":\(q(r.event)),\"kind\":\(q(r.kind)),\"id\":\(q(r.decisionID)),\"date\":\(q(r.decisionDate)),"
                + "\"unit\":\(q(r.unit)),\"verdict\":\(q(r.verdict))}"
        }
        return "[" + items.joined(separator: ",") + "]"
    }

    /// The head of the chain: `{"seq", "chain_hash"}`.
    public static func head(seq: Int64, chainHash: [UInt8]) -> String {
        "{\"seq\":\(seq),\"chain_hash\":\"\(AuditHex.encode(chainHash))\"}"
    }

    private static func q(_ s: String?) -> String { s.map(JSONText.quote) ?? "null" }
}

extension LogJSON {
    /// `{"ok", "records", "head_seq", "head_hash", "pruned_through", "checkpoints", "problem": {"seq", "reason"}
    /// | null, "notes"}`.
    public static func verify(_ r: VerifyReport) -> String {
        let problem = r.problem.map { "{\"seq\":\($0.seq),\"reason\":\(JSONText.quote($0.reason))}" } ?? "null"
        return
            "{\"ok\":\(r.ok),\"records\":\(r.records),\"head_seq\":\(r.headSeq),\"head_hash\":\(JSONText.quote(r.headHash)),"
            + "\"pruned_through\":\(r.prunedThrough),\"checkpoints\":\(r.checkpoints),\"problem\":\(problem),"
            + "\"notes\":[\(r.notes.map(JSONText.quote).joined(separator: ","))]}"
    }
}
