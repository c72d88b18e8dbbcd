import Bylaw

/// Why a JSON record was checked through the full path (read into a node tree, then typed) rather than read
/// straight into typed values (`TypedJSON`), which is two to three times faster. `bylaw audit` counts these
/// so that a run which lost its speed says why, instead of being silently slower.
public enum SlowPathReason: String, Sendable, CaseIterable, Comparable {
    /// A member that no applying rule set's input schema declares: the full path reports it as a warning.
    case undeclaredField = "a field the input schema does not declare (warning decision.unknown-field)"
    /// `fields` or `constants` of `--map` rewrite the record. (A record whose kind comes from `--kind` keeps
    /// the fast path, with the audit trail on too: `BatchChecker.kindFromOption`.)
    case mapped = "rewritten by the `fields` or `constants` of --map"
    /// Anything else the fast path does not take: escapes in strings, `null` members, numbers or dates in a
    /// form the schema's type is read from by the full path.
    case notPlain = "not plain JSON for the fast path (escapes in strings, null members, other number forms)"

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }

    /// Why `record`, a valid JSON record checked with `result`, took the full path; nil when it is
    /// not JSON or is invalid (an invalid record is read in full to say what is wrong with it, by design).
    static func of(_ record: BatchRecord, result: DecisionResult) -> SlowPathReason? {
        guard case .json = record.body, result.verdict != .invalid else { return nil }
        if record.remap != nil { return .mapped }
        if result.diagnostics.contains(where: { $0.code == "decision.unknown-field" }) { return .undeclaredField }
        return .notPlain
    }
}
