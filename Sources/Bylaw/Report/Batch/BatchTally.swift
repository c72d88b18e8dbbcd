/// The counts every batch report's summary is made of: records by verdict, failures by rule, records by unit.
/// Memory grows with the number of distinct rules and units, never with the number of records.
public struct BatchTally: Sendable {
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
    }

    /// The records of one unit, by verdict.
    public struct UnitCount: Sendable, Equatable {
        /// The decision's `unit`; nil for records without one (most invalid records).
        public var unit: String?
        public var records = 0
        public var verdicts: [Verdict: Int] = [:]

        public func count(_ v: Verdict) -> Int { verdicts[v, default: 0] }
        /// Non-compliant records as a share of this unit's records.
        public var nonCompliantShare: Ratio { Ratio(part: count(.nonCompliant), whole: records) }
    }

    public private(set) var records = 0
    private var verdicts: [Verdict: Int] = [:]
    private var rules: [String: RuleCount] = [:]
    private var units: [String: UnitCount] = [:]
    private var noUnit = UnitCount(unit: nil)

    public init() {}

    /// Records with verdict `v`.
    public func count(_ v: Verdict) -> Int { verdicts[v, default: 0] }

    /// The worst verdict seen, `compliant` for an empty batch.
    public var worst: Verdict { Verdict.allCases.first { count($0) > 0 } ?? .compliant }

    public mutating func add(_ r: DecisionResult) {
        records += 1
        verdicts[r.verdict, default: 0] += 1
        if let unit = r.unit {
            units[unit, default: UnitCount(unit: unit)].add(r.verdict)
        } else {
            noUnit.add(r.verdict)
        }
        for rule in r.results where rule.outcome == .failed || rule.outcome == .error {
            let key = rule.ruleSet + "\u{0}" + rule.ruleID
            var c =
                rules[key]
                ?? RuleCount(
                    ruleSet: rule.ruleSet, ruleID: rule.ruleID, title: rule.title, cite: rule.cite,
                    severity: rule.severity, failed: 0, errors: 0)
            if rule.outcome == .failed { c.failed += 1 } else { c.errors += 1 }
            rules[key] = c
        }
    }

    /// Rules that failed or were in error, most failures first, then most errors, then rule set and id.
    public var byRule: [RuleCount] {
        rules.values.sorted {
            ($1.failed, $1.errors, $0.ruleSet, $0.ruleID) < ($0.failed, $0.errors, $1.ruleSet, $1.ruleID)
        }
    }

    /// Units with most non-compliant records first, then most records, then by name; records without a unit
    /// last.
    public var byUnit: [UnitCount] {
        let named = units.values.sorted {
            let (a, b) = ($0.count(.nonCompliant), $1.count(.nonCompliant))
            return (b, $1.records, $0.unit ?? "") < (a, $0.records, $1.unit ?? "")
        }
        return noUnit.records == 0 ? named : named + [noUnit]
    }
}

extension BatchTally.UnitCount {
    fileprivate mutating func add(_ v: Verdict) {
        records += 1
        verdicts[v, default: 0] += 1
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
