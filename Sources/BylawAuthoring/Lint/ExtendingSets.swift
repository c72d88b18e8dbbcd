import Bylaw
import BylawCEL
import BylawDiagnostics

// How lint analyses sets that extend others.
//
// A child `RuleSet` holds its parent's rules, `let`s, tables, inputs and parameters merged with its own, and the
// library holds a child once per parent version it overlaps (each such copy is a "piece"). Lint still reports
// each finding once, in the file that declares the item it is about:
//
// - An item is declared by the file its location is in (`Rule.location`, a `let`'s or table's location,
//   `Parameter.location`; for input fields, `RuleSet.declaredInput`).
// - Analyses that look at one item at a time (tables, conditions, citations) run on every piece, inherited
//   items included, and ``LintInput/eachPiece(_:)`` sorts what they find:
//   - a finding on an item the piece declares is kept; when a child has several pieces and the finding holds in
//     only some of them (an inherited parameter differs between parent versions), it says for which;
//   - a finding on an inherited item that the parent version's piece has too is the parent's, reported there
//     once;
//   - a finding on an inherited item that only the child has is caused by what the child changes (a parameter
//     it overrides, its calendar): it is reported at that change in the child's file, with a note at the item.
// - Declarations nothing reads (``UsageAnalysis``) are judged per file, with the reads of every piece that holds
//   the declaration: the file's own pieces and those of every set that extends it.

/// A finding of an analysis that looks at one piece at a time, with the expressions of the item it is about
/// (a rule's conditions, a table's inputs and cells): the parameters those read tell which of a child's overrides
/// caused a finding the parent does not have.
struct ItemFinding {
    var diagnostic: Diagnostic
    var reads: [Expression]
}

extension RuleSet {
    /// True when `location` is in this set's own file: the item there is declared here, not inherited.
    func declares(_ location: SourceLocation?) -> Bool { location?.file == file }

    /// How a finding names this piece among the others of its file: `` `national` 1.0.0 ``, the parent versions
    /// it was built on, nearest first.
    var builtOn: String { parents.map { "`\($0.id)` \($0.version)" }.joined(separator: " on ") }
}

extension DecisionTable {
    /// The table's inputs and its cells written as CEL.
    var expressions: [Expression] {
        inputs
            + rows.flatMap { row in
                row.cells.compactMap { cell -> Expression? in
                    if case .expression(let e) = cell { return e }
                    return nil
                }
            }
    }
}

extension LintInput {
    /// One piece per rule-set file, in file order: what a file itself declares is the same in each of its pieces.
    var files: [RuleSet] {
        var seen: Set<String> = []
        return ruleSets.filter { seen.insert($0.file).inserted }
    }

    /// The index of the piece of the parent version `ruleSets[i]` was built on.
    func baseIndex(of i: Int) -> Int? {
        let set = ruleSets[i]
        guard let link = set.parents.first else { return nil }
        let rest = Array(set.parents.dropFirst())
        return ruleSets.firstIndex { $0.file == link.file && $0.parents == rest }
    }

    /// Runs a per-item analysis on every piece and reports each finding once, in the file that declares what it
    /// is about (see the top of this file).
    func eachPiece(_ analyse: (RuleSet) -> [ItemFinding]) -> [Diagnostic] {
        let found = ruleSets.map(analyse)
        // A finding moved to a child's change is one finding however many parent versions' items it is about:
        // it gathers a note for each of them.
        struct Key: Hashable {
            var diagnostic: Diagnostic
            var file: String
        }
        var order: [Key] = []
        var pieces: [Key: [Int]] = [:]
        var origins: [Key: [Diagnostic.Note]] = [:]
        for (i, set) in ruleSets.enumerated() {
            let base = baseIndex(of: i)
            let inherited = Set(base.map { found[$0].map(\.diagnostic) } ?? [])
            for f in found[i] {
                var d = f.diagnostic
                var origin: Diagnostic.Note?
                if let base, d.location != nil, !set.declares(d.location) {
                    if inherited.contains(d) { continue }
                    (d, origin) = relocated(d, reads: f.reads, in: set, base: ruleSets[base])
                }
                let key = Key(diagnostic: d, file: set.file)
                if pieces[key] == nil { order.append(key) }
                if pieces[key]?.contains(i) != true { pieces[key, default: []].append(i) }
                if let origin, origins[key]?.contains(origin) != true { origins[key, default: []].append(origin) }
            }
        }
        return order.map { key in
            var d = key.diagnostic
            d.notes = (origins[key] ?? []) + d.notes
            let some = pieces[key] ?? []
            let all = ruleSets.indices.filter { ruleSets[$0].file == key.file }
            if some.count < all.count {
                d.message += ", while " + some.map { ruleSets[$0].builtOn }.joined(separator: " or ") + " is in force"
            }
            return d
        }
    }

    /// A finding on an inherited item that the parent does not have, moved to the child's change that causes it:
    /// the parameters the item reads that the child sets to other values, else the child's calendar, else its
    /// `extends`. Also gives the note that points at the item itself.
    private func relocated(_ d: Diagnostic, reads: [Expression], in set: RuleSet, base: RuleSet) -> (
        Diagnostic, Diagnostic.Note
    ) {
        let names = Self.parameters(read: reads, in: set)
        let changed = set.parameters.filter { p in
            set.declares(p.location) && names.contains(p.name)
                && base.parameters.first { $0.name == p.name }.map { $0.value != p.value } ?? false
        }
        var out = d
        let owner = ruleSets.first { $0.declares(d.location) }
        let origin = Diagnostic.Note(
            message: "inherited from " + (owner.map { "`\($0.id)` \($0.version)" } ?? "`\(base.id)`"),
            location: d.location)
        if let first = changed.first {
            out.location = first.location
            out.length = first.name.unicodeScalars.count
            out.message +=
                " in `\(set.id)`, which sets "
                + changed.map { "`params.\($0.name)` to \(ValueText.plain($0.value))" }.joined(separator: " and ")
        } else if let name = set.calendarName, name != base.calendarName,
            let key = sources.key(set.file, [], "calendar")
        {
            out.location = key.location
            out.length = "calendar".count
            out.message += " in `\(set.id)`, which uses calendar `\(name)`"
        } else {
            let key = sources.key(set.file, [], "extends")
            out.location = key?.location ?? SourceLocation(file: set.file, line: 1, column: 1)
            out.length = key == nil ? 1 : "extends".count
            out.message += " in `\(set.id)`"
        }
        return (out, origin)
    }

    /// The parameters `expressions` read, directly or through `let` names and the tables they call.
    static func parameters(read expressions: [Expression], in set: RuleSet) -> Set<String> {
        var names: Set<String> = []
        var visited: Set<String> = []
        var pending = expressions
        while let e = pending.popLast() {
            for path in e.program.references {
                guard let root = path.first else { continue }
                if root == "params" {
                    if path.count > 1 { names.insert(path[1]) } else { names.formUnion(set.parameters.map(\.name)) }
                } else if visited.insert("let " + root).inserted,
                    let binding = set.lets.first(where: { $0.name == root })
                {
                    pending.append(binding.expression)
                }
            }
            for node in e.program.ast.nodes {
                guard case .call(let f, nil, let args) = node.kind, args.isEmpty, visited.insert("table " + f).inserted,
                    let table = set.tables.first(where: { $0.name == f })
                else { continue }
                pending += table.expressions
            }
        }
        return names
    }
}
