import Bylaw
import BylawCEL

/// A decision table seen by lint: each column's domain and each row's atoms (certain and possible).
struct TableModel {
    var columns: [ColumnDomain]
    /// Per row, per column.
    var cells: [[CellAtoms]]
    /// The whole input space: every atom of a plain field's column; for an input computed by an expression
    /// (whose possible values lint cannot know), only the atoms some row may match.
    var space: Coverage.Cube
    /// Cells lint could not analyse, as (row, column).
    var unanalysed: [(row: Int, column: Int)]
    /// Cells naming values outside their input's enum: (row, column, the values).
    var unknownValues: [(row: Int, column: Int, values: [String])]

    /// Each row as the atoms it certainly matches.
    var under: [Coverage.Cube] { cells.map { row in zip(row, space).map { $0.under.intersection($1) } } }
    /// Each row as the atoms it may match.
    var over: [Coverage.Cube] { cells.map { row in zip(row, space).map { $0.over.intersection($1) } } }

    init(_ table: DecisionTable, in set: RuleSet) {
        let parameters = Dictionary(set.parameters.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        let schema = Environment.decisionSchema(set.input)
        var columns: [ColumnDomain] = []
        var kinds: [TableSpace.Kind] = []
        var direct: [Bool] = []
        // Cells as lint reads them: simple CEL cells become the plain cells they are equivalent to.
        let rows: [[Cell]] = table.rows.map { row in
            row.cells.map { cell in
                if case .expression(let e) = cell, let simple = SimpleCell.from(e, parameters: parameters) {
                    return simple
                }
                return cell
            }
        }
        unanalysed = []
        unknownValues = []
        for (c, input) in table.inputs.enumerated() {
            let field = Self.field(input, schema: schema)
            let kind = Self.kind(field?.type, resultType: input.program.resultType)
            var enumValues: [String]?
            if case .enumeration(let values)? = field?.type { enumValues = values }
            let columnCells = rows.map { $0[c] }.filter { TableSpace.analysable($0, kind: kind) }
            columns.append(
                TableSpace.domain(name: input.source, kind: kind, cells: columnCells, enumValues: enumValues))
            kinds.append(kind)
            direct.append(field != nil)
        }
        var cells: [[CellAtoms]] = []
        for (r, row) in rows.enumerated() {
            var atoms: [CellAtoms] = []
            for (c, cell) in row.enumerated() {
                let a = TableSpace.atoms(of: cell, in: columns[c], kind: kinds[c])
                if !a.analysed { unanalysed.append((r, c)) }
                if let values = columns[c].enumValues {
                    let unknown = TableSpace.literals(cell).compactMap { v -> String? in
                        guard case .string(let s) = v, !values.contains(s) else { return nil }
                        return s
                    }
                    if !unknown.isEmpty { unknownValues.append((r, c, unknown)) }
                }
                atoms.append(a)
            }
            cells.append(atoms)
        }
        self.columns = columns
        self.cells = cells
        space = columns.indices.map { c in
            direct[c] ? columns[c].all : cells.reduce(into: Set<Int>()) { $0.formUnion($1[c].over) }
        }
    }

    /// An input that is a plain decision field (`asset.category`, `decision.asset.category`): its declaration.
    static func field(_ input: Expression, schema: ObjectSchema) -> FieldSpec? {
        var path: [String] = []
        var node = input.program.ast.root
        while true {
            switch node.kind {
            case .ident(let name):
                path.insert(name, at: 0)
            case .select(let operand, let field, false):
                path.insert(field, at: 0)
                node = operand
                continue
            default:
                return nil
            }
            break
        }
        if path.first == "decision", path.count > 1 { path.removeFirst() }
        var fields = schema
        var found: FieldSpec?
        for (i, name) in path.enumerated() {
            guard let f = fields.field(name) else { return nil }
            found = f
            if i + 1 < path.count {
                guard case .object(let inner) = f.type else { return nil }
                fields = inner
            }
        }
        return found
    }

    static func kind(_ type: FieldType?, resultType: CELType) -> TableSpace.Kind {
        switch type {
        case .enumeration(let values)?: return .finite(values.map(CELValue.string), labels: values)
        case .bool?: return .finite([.bool(false), .bool(true)], labels: ["false", "true"])
        case .int?: return .integer
        case .decimal?: return .decimal
        case .date?: return .day
        case .string?: return .text
        case .list?, .object?: return .opaque
        case nil:
            switch resultType {
            case .bool: return .finite([.bool(false), .bool(true)], labels: ["false", "true"])
            case .int: return .integer
            case .decimal: return .decimal
            case .date: return .day
            case .string: return .text
            default: return .opaque
            }
        }
    }

    /// `asset.category = 家具, asset.book_value = 499999.99`: the first atom of each column of a cube.
    func example(_ cube: Coverage.Cube) -> String {
        zip(columns, cube).map { column, atoms in
            let label = atoms.min().map { column.labels[$0] } ?? "any value"
            return "\(column.name) = \(label)"
        }.joined(separator: ", ")
    }
}
