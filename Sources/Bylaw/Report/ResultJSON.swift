import BylawCEL
import BylawDiagnostics

/// The stable JSON shape of check results (documented in docs/json-output.md).
/// Keys are written in a fixed order; decimals and dates are strings, never floating point.
public enum ResultJSON {
    /// `{"bylaw_version", "verdict", "decisions": [...]}` for a `check` run.
    public static func run(_ results: [DecisionResult]) -> String {
        let worst = results.map(\.verdict).min() ?? .compliant
        return
            "{\"bylaw_version\":\(JSONText.quote(BylawVersion.current)),\"verdict\":\(JSONText.quote(worst.rawValue)),"
            + "\"decisions\":[" + results.map(decision).joined(separator: ",") + "]}"
    }

    /// One decision's result as a JSON object.
    public static func decision(_ r: DecisionResult) -> String {
        // One growing byte buffer: this runs once per record of a batch audit.
        var out = JSONBytes(capacity: 1024 + 400 * r.results.count)
        out.raw("{\"file\":")
        out.string(r.file)
        out.raw(",\"kind\":")
        out.string(r.kind)
        out.raw(",\"id\":")
        out.string(r.id)
        out.raw(",\"date\":")
        out.string(r.date)
        out.raw(",\"unit\":")
        out.string(r.unit)
        out.raw(",\"verdict\":")
        out.string(r.verdict.rawValue)
        out.raw(",\"rule_sets\":[")
        for (k, set) in r.ruleSets.enumerated() {
            if k > 0 { out.raw(",") }
            out.raw(ruleSet(set))
        }
        var counts = [0, 0, 0, 0]  // in RuleOutcome.allCases order
        for result in r.results {
            switch result.outcome {
            case .passed: counts[0] += 1
            case .failed: counts[1] += 1
            case .notApplicable: counts[2] += 1
            case .error: counts[3] += 1
            }
        }
        out.raw("],\"summary\":{")
        for (k, o) in RuleOutcome.allCases.enumerated() {
            if k > 0 { out.raw(",") }
            out.string(o.rawValue)
            out.raw(":" + String(counts[k]))
        }
        out.raw("},\"results\":[")
        for (k, result) in r.results.enumerated() {
            if k > 0 { out.raw(",") }
            appendRule(result, to: &out)
        }
        out.raw("],\"diagnostics\":[" + r.diagnostics.sortedForOutput().map(\.json).joined(separator: ",") + "]}")
        return out.text
    }

    /// The members every report of one decision starts with: `file, kind, id, date, unit, verdict, rule_sets`.
    static func header(_ r: DecisionResult) -> [String] {
        [
            "\"file\":\(JSONText.quote(r.file))",
            "\"kind\":\(optional(r.kind))",
            "\"id\":\(optional(r.id))",
            "\"date\":\(optional(r.date))",
            "\"unit\":\(optional(r.unit))",
            "\"verdict\":\(JSONText.quote(r.verdict.rawValue))",
            "\"rule_sets\":[" + r.ruleSets.map(ruleSet).joined(separator: ",") + "]",
        ]
    }

    /// `{"id", "version", "file", "extends": [...]}`: a set and the parents whose rules it applied with it.
    static func ruleSet(_ a: AppliedRuleSet) -> String {
        "{\"id\":\(JSONText.quote(a.id)),\"version\":\(JSONText.quote(a.version)),\"file\":\(JSONText.quote(a.file)),"
            + "\"extends\":[" + a.extends.map(ruleSet).joined(separator: ",") + "]}"
    }

    /// The members every report of one rule starts with: `rule_set, rule, title, cite, severity, outcome,
    /// message, error`.
    static func ruleHeader(_ r: RuleResult) -> [String] {
        var members: [String] = []
        ruleMembers(r) { members.append($0) }
        return members
    }

    /// Emits `ruleHeader`'s members one by one.
    private static func ruleMembers(_ r: RuleResult, _ emit: (String) -> Void) {
        emit("\"rule_set\":" + JSONText.quote(r.ruleSet))
        emit("\"rule\":" + JSONText.quote(r.ruleID))
        emit("\"title\":" + JSONText.quote(r.title))
        emit("\"cite\":" + JSONText.quote(r.cite))
        emit("\"severity\":" + JSONText.quote(r.severity.rawValue))
        emit("\"outcome\":" + JSONText.quote(r.outcome.rawValue))
        emit("\"message\":" + optional(r.message))
        emit("\"error\":" + optional(r.error))
    }

    /// One rule's result as a JSON object.
    public static func rule(_ r: RuleResult) -> String {
        var out = JSONBytes(capacity: 512)
        appendRule(r, to: &out)
        return out.text
    }

    private static func appendRule(_ r: RuleResult, to out: inout JSONBytes) {
        out.raw("{\"rule_set\":")
        out.string(r.ruleSet)
        out.raw(",\"rule\":")
        out.string(r.ruleID)
        out.raw(",\"title\":")
        out.string(r.title)
        out.raw(",\"cite\":")
        out.string(r.cite)
        out.raw(",\"severity\":")
        out.string(r.severity.rawValue)
        out.raw(",\"outcome\":")
        out.string(r.outcome.rawValue)
        out.raw(",\"message\":")
        out.string(r.message)
        out.raw(",\"error\":")
        out.string(r.error)
        out.raw(",\"evidence\":[")
        for (k, e) in r.evidence.enumerated() {
            if k > 0 { out.raw(",") }
            out.raw("{\"path\":")
            out.string(e.path)
            out.raw(",\"value\":" + ValueText.json(e.value) + "}")
        }
        out.raw("]}")
    }

    private static func optional(_ s: String?) -> String { s.map(JSONText.quote) ?? "null" }
}

/// JSON text built as UTF-8 bytes, strings quoted by `JSONText`, turned into a `String` once at the end.
struct JSONBytes {
    private var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Text that is already JSON.
    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { JSONText.appendQuoted(utf8: $0, to: &bytes) }
    }

    mutating func string(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}
