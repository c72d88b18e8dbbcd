/// Which parts of a product of atom sets no row covers. A row is a set of atoms per column; a region is too
/// (a "cube"). The search splits the region on one column at a time into classes of atoms that the rows still
/// in play treat alike, so it visits a handful of cubes for a real table instead of every combination.
struct Coverage {
    typealias Cube = [Set<Int>]

    /// Steps left before the search gives up (a table too large to analyse is reported as such, not guessed).
    var budget: Int

    init(budget: Int = 200_000) { self.budget = budget }

    /// Up to `limit` cubes inside `region` that no row of `rows` meets at all; nil when the budget ran out.
    mutating func uncovered(_ rows: [Cube], in region: Cube, limit: Int) -> [Cube]? {
        var found: [Cube] = []
        return search(rows, region, limit: limit, into: &found) ? found : nil
    }

    /// False when the budget ran out.
    private mutating func search(_ rows: [Cube], _ region: Cube, limit: Int, into found: inout [Cube]) -> Bool {
        budget -= 1
        guard budget > 0 else { return false }
        if found.count >= limit || region.contains(where: \.isEmpty) { return true }
        let live = rows.filter { row in zip(row, region).allSatisfy { !$0.isDisjoint(with: $1) } }
        if live.isEmpty {
            found.append(region)
            return true
        }
        if live.contains(where: { row in zip(row, region).allSatisfy { $1.isSubset(of: $0) } }) { return true }
        // Split on the first column some live row does not cover whole.
        guard
            let column = region.indices.first(where: { c in live.contains { !region[c].isSubset(of: $0[c]) } })
        else { return true }
        var classes: [[Bool]: Set<Int>] = [:]
        var order: [[Bool]] = []
        for atom in region[column].sorted() {
            let signature = live.map { $0[column].contains(atom) }
            if classes[signature] == nil { order.append(signature) }
            classes[signature, default: []].insert(atom)
        }
        for signature in order {
            guard let atoms = classes[signature] else { continue }
            var sub = region
            sub[column] = atoms
            let rest = zip(live, signature).filter(\.1).map(\.0)
            if !search(rest, sub, limit: limit, into: &found) { return false }
            if found.count >= limit { return true }
        }
        return true
    }
}
