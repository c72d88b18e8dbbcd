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
        var f = header(r)
        let counts = RuleOutcome.allCases.map { o in "\"\(o.rawValue)\":\(r.results.filter { $0.outcome == o }.count)" }
        f.append("\"summary\":{" + counts.joined(separator: ",") + "}")
        f.append("\"results\":[" + r.results.map(rule).joined(separator: ",") + "]")
        f.append("\"diagnostics\":[" + r.diagnostics.sortedForOutput().map(\.json).joined(separator: ",") + "]")
        return "{" + f.joined(separator: ",") + "}"
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
        [
            "\"rule_set\":\(JSONText.quote(r.ruleSet))",
            "\"rule\":\(JSONText.quote(r.ruleID))",
            "\"title\":\(JSONText.quote(r.title))",
            "\"cite\":\(JSONText.quote(r.cite))",
            "\"severity\":\(JSONText.quote(r.severity.rawValue))",
            "\"outcome\":\(JSONText.quote(r.outcome.rawValue))",
            "\"message\":\(optional(r.message))",
            "\"error\":\(optional(r.error))",
        ]
    }

    /// One rule's result as a JSON object.
    public static func rule(_ r: RuleResult) -> String {
        var f = ruleHeader(r)
        f.append(
            "\"evidence\":["
                + r.evidence.map { "{\"path\":\(JSONText.quote($0.path)),\"value\":\(ValueText.json($0.value))}" }
                .joined(separator: ",") + "]")
        return "{" + f.joined(separator: ",") + "}"
    }

    private static func optional(_ s: String?) -> String { s.map(JSONText.quote) ?? "null" }
}
