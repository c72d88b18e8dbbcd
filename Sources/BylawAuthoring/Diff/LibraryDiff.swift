import Bylaw
import BylawCEL
import BylawDiagnostics

extension RuleSetDiff {
    /// Pairs the rule sets of two versions and compares each pair. One set on each side is one pair, whatever
    /// their ids; otherwise sets pair by id and version, then each id's latest remaining versions pair, and a set
    /// left over is wholly added or removed. In the new side's order, then the removed sets.
    public static func compare(old: [RuleSet], new: [RuleSet]) -> [RuleSetDiff] {
        let a = distinct(old)
        let b = distinct(new)
        if a.count == 1, b.count == 1 { return [compare(a[0], b[0])] }
        var left = a
        var pairs: [(RuleSet?, RuleSet)] = []
        for set in b {
            if let i = left.firstIndex(where: { $0.id == set.id && $0.version == set.version }) {
                pairs.append((left.remove(at: i), set))
            } else {
                pairs.append((nil, set))
            }
        }
        // Latest first, so that the newest unpaired versions meet.
        for (k, pair) in pairs.enumerated().sorted(by: { later($0.element.1, $1.element.1) }) where pair.0 == nil {
            let candidates = left.indices.filter { left[$0].id == pair.1.id }
            guard let i = candidates.min(by: { later(left[$0], left[$1]) }) else { continue }
            pairs[k].0 = left.remove(at: i)
        }
        var out = pairs.map { o, n in o.map { compare($0, n) } ?? whole(old: nil, new: n) }
        out += left.map { whole(old: $0, new: nil) }
        return out
    }

    /// One piece per file (a set that extends another is loaded once per parent version).
    private static func distinct(_ sets: [RuleSet]) -> [RuleSet] {
        var seen: Set<String> = []
        return sets.filter { seen.insert($0.file).inserted }
    }

    private static func later(_ x: RuleSet, _ y: RuleSet) -> Bool {
        switch (x.declaredFrom, y.declaredFrom) {
        case (let p?, let q?): p > q
        case (_?, nil): true
        default: false
        }
    }
}
