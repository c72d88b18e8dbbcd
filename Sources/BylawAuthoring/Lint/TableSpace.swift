import Bylaw
import BylawCEL

/// One input column of a decision table, its domain cut into **atoms**: pieces on which every analysable
/// cell of the column is either true throughout or false throughout. A row then matches a set of atoms per
/// column, and gaps, overlaps and shadowing become questions about products of finite sets.
///
/// - enum and bool inputs: one atom per value;
/// - int, decimal and date inputs: every value a cell names is an atom, and so is each open interval between
///   two such values (and below the lowest, above the highest) that holds a value of the type;
/// - other strings: one atom per value a cell names, plus one for every other text;
/// - anything else: one atom, and no cell other than `any` is analysed.
struct ColumnDomain {
    /// A value of each atom, used to evaluate cells with the evaluator's own matching and to show examples.
    var samples: [CELValue]
    /// How each atom is shown in an example: `500000.00`, `车辆`, `any other text`.
    var labels: [String]
    /// The input as written (`asset.book_value`), for examples.
    var name: String
    /// The enum values, when the input is an enum field.
    var enumValues: [String]?

    var all: Set<Int> { Set(samples.indices) }
}

/// What lint knows of one cell: the atoms it certainly matches (`under`) and those it may match (`over`).
/// They differ only for a cell lint cannot analyse (most CEL cells): it certainly matches none and may match all.
struct CellAtoms {
    var under: Set<Int>
    var over: Set<Int>
    var analysed: Bool { under == over }
}

/// Builds the domain of each input and maps cells to atoms.
enum TableSpace {
    enum Kind {
        case finite([CELValue], labels: [String])
        case integer
        case decimal
        case day
        case text
        case opaque
    }

    /// The domain of one column, from its input's type and the values its cells name.
    static func domain(name: String, kind: Kind, cells: [Cell], enumValues: [String]?) -> ColumnDomain {
        var d = ColumnDomain(samples: [], labels: [], name: name, enumValues: enumValues)
        switch kind {
        case .finite(let values, let labels):
            d.samples = values
            d.labels = labels
        case .integer, .decimal, .day:
            let line = NumberLine(kind: kind)
            let points = sortedUnique(cells.flatMap(literals))
            guard let atoms = line.atoms(points) else { return opaque(name) }
            d.samples = atoms
            d.labels = atoms.map(ValueText.plain)
        case .text:
            var texts: [String] = []
            for case .string(let s) in cells.flatMap(literals) where !texts.contains(s) { texts.append(s) }
            var other = "other"
            while texts.contains(other) { other += "_" }
            d.samples = texts.map(CELValue.string) + [.string(other)]
            d.labels = texts + ["any other text"]
        case .opaque:
            return opaque(name)
        }
        return d
    }

    private static func opaque(_ name: String) -> ColumnDomain {
        ColumnDomain(samples: [.null], labels: ["any value"], name: name, enumValues: nil)
    }

    /// Whether a cell can be analysed in a column of this kind (text columns: only equality tests, since
    /// ordering text between named values has no natural example).
    static func analysable(_ cell: Cell, kind: Kind) -> Bool {
        switch (cell, kind) {
        case (.any, _): return true
        case (.expression, _), (_, .opaque): return false
        case (.compare(let op, _), .text): return op == .notEqual
        case (.range, .text): return false
        default: return true
        }
    }

    /// The atoms a cell matches, evaluated with the same matching the evaluator uses.
    static func atoms(of cell: Cell, in domain: ColumnDomain, kind: Kind) -> CellAtoms {
        if case .any = cell { return CellAtoms(under: domain.all, over: domain.all) }
        guard analysable(cell, kind: kind) else { return CellAtoms(under: [], over: domain.all) }
        var matched: Set<Int> = []
        var empty = CELActivation()
        for (i, sample) in domain.samples.enumerated() {
            if case .success(true) = cell.matches(sample, activation: &empty) { matched.insert(i) }
        }
        return CellAtoms(under: matched, over: matched)
    }

    /// The values a cell names.
    static func literals(_ cell: Cell) -> [CELValue] {
        switch cell {
        case .any, .expression: []
        case .equals(let v), .compare(_, let v): [v]
        case .range(let lo, _, let hi, _): [lo, hi]
        case .oneOf(let vs): vs
        }
    }

    static func sortedUnique(_ values: [CELValue]) -> [CELValue] {
        var out: [CELValue] = []
        for v in values.sorted(by: { (ValueOrder.compare($0, $1) ?? 0) < 0 })
        where !out.contains(where: { ValueOrder.equal($0, v) }) {
            out.append(v)
        }
        return out
    }
}
