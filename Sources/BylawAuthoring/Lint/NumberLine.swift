import BylawCEL

/// Cuts an ordered domain (int, decimal or date) at the values cells name: each value is an atom, and so is
/// each open interval between neighbours (and below the lowest, above the highest) that holds a value of the
/// type. Exact: decimals never pass through floating point; ints and dates skip intervals with no member.
struct NumberLine {
    let kind: TableSpace.Kind

    /// A sample of each atom in ascending order, or nil when a bound does not fit the type (the column is
    /// then left unanalysed rather than guessed).
    func atoms(_ points: [CELValue]) -> [CELValue]? {
        switch kind {
        case .integer: return integers(points.compactMap(Self.decimal))
        case .decimal: return decimals(points.compactMap(Self.decimal))
        case .day: return days(points.compactMap { if case .date(let d) = $0 { d.daysSinceEpoch } else { nil } })
        default: return nil
        }
    }

    private func integers(_ points: [CELDecimal]) -> [CELValue]? {
        guard let first = points.first else { return [.int(0)] }
        var out: [CELValue] = []
        guard let below = Self.floor(first).flatMap({ Self.isInteger(first) ? $0 - 1 : $0 }) else { return nil }
        out.append(.int(below))
        for (i, p) in points.enumerated() {
            if Self.isInteger(p) {
                guard let n = Self.floor(p) else { return nil }
                out.append(.int(n))
            }
            guard let n = Self.floor(p), n < Int64.max else { return nil }
            let next = n + 1
            if i + 1 < points.count {
                if CELDecimal(next) < points[i + 1] { out.append(.int(next)) }
            } else {
                out.append(.int(next))
            }
        }
        return out
    }

    private func decimals(_ points: [CELDecimal]) -> [CELValue]? {
        guard let first = points.first, let last = points.last else { return [.decimal(CELDecimal(0))] }
        guard let below = Self.step(first, scale: first.scale, by: -1) else { return nil }
        var out: [CELValue] = [.decimal(below)]
        for (i, p) in points.enumerated() {
            out.append(.decimal(p))
            if i + 1 < points.count {
                let q = points[i + 1]
                let s = max(p.scale, q.scale)
                guard let a = Self.step(p, scale: s, by: 1) else { return nil }
                if a < q {
                    out.append(.decimal(a))
                } else {
                    guard s < CELDecimal.maxScale, let b = Self.step(p, scale: s + 1, by: 1) else { return nil }
                    out.append(.decimal(b))
                }
            }
        }
        guard let above = Self.step(last, scale: last.scale, by: 1) else { return nil }
        out.append(.decimal(above))
        return out
    }

    private func days(_ points: [Int64]) -> [CELValue]? {
        guard let first = points.first else { return CELDate(daysSinceEpoch: 0).map { [.date($0)] } }
        var raw: [Int64] = []
        if first > CELDate.minDays { raw.append(first - 1) }
        for (i, p) in points.enumerated() {
            raw.append(p)
            let next = i + 1 < points.count ? points[i + 1] : CELDate.maxDays + 1
            if p + 1 < next { raw.append(p + 1) }
        }
        return raw.compactMap { CELDate(daysSinceEpoch: $0).map(CELValue.date) }
    }

    static func decimal(_ v: CELValue) -> CELDecimal? {
        switch v {
        case .decimal(let d): d
        case .int(let i): CELDecimal(i)
        default: nil
        }
    }

    static func isInteger(_ d: CELDecimal) -> Bool {
        guard let p = power(d.scale) else { return false }
        return d.significand % p == 0
    }

    /// The largest integer not above `d`, when it fits an `Int64`.
    static func floor(_ d: CELDecimal) -> Int64? {
        guard let p = power(d.scale) else { return nil }
        var q = d.significand / p
        if d.significand % p != 0, d.significand < 0 { q -= 1 }
        return Int64(exactly: q)
    }

    /// `d ± 10^-scale`, for `scale >= d.scale`.
    static func step(_ d: CELDecimal, scale: Int, by sign: Int128) -> CELDecimal? {
        guard scale >= d.scale, let p = power(scale - d.scale) else { return nil }
        let (v, o1) = d.significand.multipliedReportingOverflow(by: p)
        let (w, o2) = v.addingReportingOverflow(sign)
        guard !o1, !o2 else { return nil }
        return CELDecimal(significand: w, scale: scale)
    }

    static func power(_ n: Int) -> Int128? {
        guard n >= 0, n <= 38 else { return nil }
        var r: Int128 = 1
        for _ in 0..<n { r *= 10 }
        return r
    }
}
