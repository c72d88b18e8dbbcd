import Bylaw
import BylawBatch
import BylawLocale

/// The counts every batch report's summary is made of: records by verdict, failures by rule, records by unit.
/// Memory grows with the number of distinct rules (fixed by the rule sets), never with the number of records,
/// and at most to `maxUnits` distinct units: the records of any unit met after that many are counted together in
/// one `(other units)` count.
public struct BatchTally: Sendable {
    /// The most distinct units counted one by one: the first met, in input order. A batch from one organisation
    /// has far fewer; a column of free text or a unique id mapped to `unit` would otherwise grow without bound.
    public static let maxUnits = 10_000

    /// How often one rule failed or was in error across the batch.
    public struct RuleCount: Sendable, Equatable {
        public var ruleSet: String
        public var ruleID: String
        public var title: String
        public var cite: String
        public var severity: RuleSeverity
        /// Records for which the rule failed.
        public var failed: Int
        /// Records for which the rule could not be evaluated.
        public var errors: Int
        /// The author's English title (`title_en`); nil when the rule set gives none.
        public var titleEnglish: String? = nil

        /// The title a reader of `language` sees: the author's English in English where given.
        package func title(_ language: Language) -> String {
            language == .english ? titleEnglish ?? title : title
        }
    }

    /// The records of one unit, by verdict.
    public struct UnitCount: Sendable, Equatable {
        /// The decision's `unit`; nil for records without one (most invalid records) and for `isOtherUnits`.
        public var unit: String?
        /// The count of every unit met after the first `maxUnits`, taken together.
        public var isOtherUnits = false
        public var records = 0
        fileprivate var verdicts = VerdictCounts()

        /// How a report names the row: the unit, `(other units)` or `(no unit)`.
        public var label: String { unit ?? (isOtherUnits ? "(other units)" : "(no unit)") }

        public func count(_ v: Verdict) -> Int { verdicts[v] }
        /// Non-compliant records as a share of this unit's records.
        public var nonCompliantShare: Ratio { Ratio(part: count(.nonCompliant), whole: records) }
    }

    private struct RuleKey: Hashable {
        var ruleSet: String
        var ruleID: String
    }

    public private(set) var records = 0
    private var verdicts = VerdictCounts()
    /// Why the invalid records are invalid.
    public private(set) var invalidReasons = InvalidReasons()
    // Counts live in arrays and are updated in place; the dictionaries only find the index.
    private var ruleIndex: [RuleKey: Int] = [:]
    private var rules: [RuleCount] = []
    private var unitIndex: [String: Int] = [:]
    private var units: [UnitCount] = []
    private var otherUnits = UnitCount(unit: nil, isOtherUnits: true)
    private var noUnit = UnitCount(unit: nil)
    /// The most units counted one by one (`BatchTally.maxUnits` unless a test asks for fewer).
    public let unitLimit: Int

    public init(maxUnits: Int = BatchTally.maxUnits) {
        unitLimit = max(0, maxUnits)
    }

    /// Whether some records were counted under `(other units)` because `unitLimit` units had been met before.
    public var unitsCapped: Bool { otherUnits.records > 0 }

    /// Whether the records of `unit`, once one of them has been added, are counted under its own name rather than
    /// under `(other units)`. The answer never changes after a unit's first record.
    public func countsSeparately(_ unit: String?) -> Bool {
        guard let unit else { return true }
        return unitIndex[unit] != nil
    }

    /// Records with verdict `v`.
    public func count(_ v: Verdict) -> Int { verdicts[v] }

    /// The worst verdict seen, `compliant` for an empty batch.
    public var worst: Verdict { Verdict.allCases.first { count($0) > 0 } ?? .compliant }

    /// Counts one record; `source` names it as the sample of a reason it is invalid for.
    public mutating func add(_ r: DecisionResult, source: RecordSource? = nil) {
        records += 1
        verdicts.add(r.verdict)
        if r.verdict == .invalid { invalidReasons.add(r, source: source) }
        if let unit = r.unit {
            if let i = unitIndex[unit] {
                units[i].add(r.verdict)
            } else if units.count >= unitLimit {
                otherUnits.add(r.verdict)
            } else {
                unitIndex[unit] = units.count
                units.append(UnitCount(unit: unit))
                units[units.count - 1].add(r.verdict)
            }
        } else {
            noUnit.add(r.verdict)
        }
        guard r.verdict != .compliant || r.results.contains(where: { $0.outcome == .failed }) else { return }
        // By index: `for rule in r.results where …` would copy every result, passed ones too, before the test.
        for k in r.results.indices where r.results[k].outcome == .failed || r.results[k].outcome == .error {
            let rule = r.results[k]
            let key = RuleKey(ruleSet: rule.ruleSet, ruleID: rule.ruleID)
            let i: Int
            if let found = ruleIndex[key] {
                i = found
            } else {
                i = rules.count
                ruleIndex[key] = i
                rules.append(
                    RuleCount(
                        ruleSet: rule.ruleSet, ruleID: rule.ruleID, title: rule.title, cite: rule.cite,
                        severity: rule.severity, failed: 0, errors: 0, titleEnglish: rule.titleEnglish))
            }
            if rule.outcome == .failed { rules[i].failed += 1 } else { rules[i].errors += 1 }
        }
    }

    /// Rules that failed or were in error, most failures first, then most errors, then rule set and id.
    public var byRule: [RuleCount] {
        rules.sorted {
            ($1.failed, $1.errors, $0.ruleSet, $0.ruleID) < ($0.failed, $0.errors, $1.ruleSet, $1.ruleID)
        }
    }

    /// Units with most non-compliant records first, then most records, then by name; then `(other units)` when
    /// the list was capped, and records without a unit last.
    public var byUnit: [UnitCount] {
        let named = units.sorted {
            let (a, b) = ($0.count(.nonCompliant), $1.count(.nonCompliant))
            return (b, $1.records, $0.unit ?? "") < (a, $0.records, $1.unit ?? "")
        }
        return named + [otherUnits, noUnit].filter { $0.records > 0 }
    }
}

extension BatchTally.UnitCount {
    fileprivate mutating func add(_ v: Verdict) {
        records += 1
        verdicts.add(v)
    }
}

/// A count per verdict, in a fixed-size array rather than a dictionary: it is updated once per record.
private struct VerdictCounts: Sendable, Equatable {
    private var counts = [0, 0, 0, 0, 0]

    subscript(v: Verdict) -> Int { counts[Self.slot(v)] }

    mutating func add(_ v: Verdict) { counts[Self.slot(v)] += 1 }

    private static func slot(_ v: Verdict) -> Int {
        switch v {
        case .invalid: 0
        case .error: 1
        case .nonCompliant: 2
        case .needsReview: 3
        case .compliant: 4
        }
    }
}

/// A share of a whole, written with integer arithmetic so reports are the same on every machine.
public struct Ratio: Sendable, Equatable {
    public var part: Int
    public var whole: Int

    /// `33.3%`: a percentage rounded half up to one decimal; `0.0%` of nothing.
    public var percent: String { Self.fixed(part, whole, scale: 1000, digits: 1) + "%" }

    /// `0.3333`: the fraction rounded half up to four decimals, for JSON.
    public var fraction: String { Self.fixed(part, whole, scale: 10000, digits: 4) }

    private static func fixed(_ part: Int, _ whole: Int, scale: Int, digits: Int) -> String {
        guard whole > 0, part >= 0 else { return "0." + String(repeating: "0", count: digits) }
        // part ≤ whole ≤ number of records, so part * scale * 2 cannot overflow.
        let n = (part * scale * 2 + whole) / (2 * whole)
        let unit = pow10(digits)
        let frac = String(n % unit)
        return "\(n / unit)." + String(repeating: "0", count: digits - frac.count) + frac
    }

    private static func pow10(_ n: Int) -> Int { (0..<n).reduce(1) { r, _ in r * 10 } }
}
