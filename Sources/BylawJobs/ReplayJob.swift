import Bylaw
import BylawDiagnostics
import BylawJSON
import BylawYAML

/// One decision of an audit trail judged again under another rule library (`bylaw replay`).
public struct ReplayOutcome: Sendable {
    /// The record's sequence number, decision id and recorded verdict.
    public var seq: Int
    public var id: String
    public var before: String
    /// The rules that failed when it was recorded, as `set/rule`, in record order.
    public var failedBefore: [String]
    /// The verdict and failed rules now; nil when the record cannot be replayed.
    public var after: String?
    public var failedAfter: [String] = []
    /// Why the record cannot be replayed, when it cannot.
    public var notReplayable: String?

    /// Whether the verdict or the failed rules differ.
    public var changed: Bool { after != nil && (after != before || Set(failedAfter) != Set(failedBefore)) }
}

/// Re-reads the decision an audit record keeps and checks it under a library.
///
/// The trail keeps a decision as canonical JSON in which numbers are the strings of their text (`"8200000.00"`)
/// and dates are strings: every scalar is text, as a CSV cell is. So the document is typed again as text cells,
/// by the input schema of the rule sets that apply now, which gives back exact decimals, integers, dates and
/// booleans. A document whose values were masked (`masked_paths`) holds digests, not values, and is not
/// replayable; nor is a record without a document (an `audit-run` record, or an unreadable input).
public enum Replay {
    /// The outcome for one record's canonical bytes; nil for a record that is not a decision (`audit-run`,
    /// `prune` and the like) or, with `since`, one recorded before that day (`YYYY-MM-DD`).
    public static func judge(record bytes: [UInt8], library: RuleLibrary, since: String? = nil) -> ReplayOutcome? {
        guard
            let record = try? JSONNodeReader(file: "record", start: YAMLMark(line: 1, column: 1, offset: 0)).read(
                bytes),
            let event = record["event"]?.scalar?.text, event == "check" || event == "audit",
            let decision = record["decision"]
        else { return nil }
        if let since, let at = record["recorded_at"]?.scalar?.text, String(at.prefix(10)) < since { return nil }
        var out = ReplayOutcome(
            seq: Int(record["seq"]?.scalar?.text ?? "") ?? 0, id: decision["id"]?.scalar?.text ?? "",
            before: record["verdict"]?.scalar?.text ?? "", failedBefore: failed(record["outcomes"]))
        if let masked = decision["masked_paths"]?.sequence, !masked.isEmpty {
            out.notReplayable = "masked"
            return out
        }
        guard let document = decision["document"], document.mapping != nil else {
            out.notReplayable = "no document"
            return out
        }
        let result = library.check(document, file: "seq \(out.seq)", textCells: true)
        out.after = result.verdict.rawValue
        out.failedAfter = result.results.filter { $0.outcome == .failed }.map { $0.ruleSet + "/" + $0.ruleID }
        return out
    }

    private static func failed(_ outcomes: YAMLNode?) -> [String] {
        (outcomes?.sequence ?? []).compactMap { o in
            guard o["outcome"]?.scalar?.text == "failed", let rule = o["rule"]?.scalar?.text else { return nil }
            return (o["rule_set"]?.scalar?.text ?? "") + "/" + rule
        }
    }
}
