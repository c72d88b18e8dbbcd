import Bylaw
import BylawCEL
import BylawDiagnostics
import BylawYAML

/// Decision tables: overlaps (`unique`), conflicting overlaps (`any`), gaps (no default), rows shadowed by
/// earlier rows (`first`), rows that can never match and cells naming values outside an enum.
///
/// Sound by construction: a finding is reported only when it holds whatever the unanalysed (CEL) cells give.
/// Overlaps use what rows certainly match; gaps and shadowing use what rows may match.
public struct TableAnalysis: LintAnalysis {
    public init() {}

    public var checks: [LintCheck] {
        [
            LintChecks.tableOverlap, LintChecks.tableConflict, LintChecks.tableGap, LintChecks.tableShadowed,
            LintChecks.tableDeadRow, LintChecks.tableUnknownValue, LintChecks.tableNotAnalysed,
        ]
    }

    /// Gap examples shown per table.
    static let gapExamples = 3

    public func run(_ input: LintInput) -> [Diagnostic] {
        input.eachPiece { set in
            set.tables.flatMap { table in
                analyse(table, in: set, sources: input.sources).map {
                    ItemFinding(diagnostic: $0, reads: table.expressions)
                }
            }
        }
    }

    func analyse(_ table: DecisionTable, in set: RuleSet, sources: LintSources) -> [Diagnostic] {
        let model = TableModel(table, in: set)
        let place = TablePlaces(table: table, file: table.location.file, sources: sources)
        var out: [Diagnostic] = []
        var explained: Set<Int> = []
        for u in model.unknownValues {
            explained.insert(u.row)
            let column = model.columns[u.column]
            let allowed = column.enumValues ?? []
            let guess = u.values.count == 1 ? Spelling.closest(to: u.values[0], among: allowed) : nil
            out.append(
                LintChecks.tableUnknownValue.diagnostic(
                    "\(u.values.map { "`\($0)`" }.joined(separator: ", ")) "
                        + "\(u.values.count == 1 ? "is" : "are") not one of the values of `\(column.name)`",
                    at: place.cell(u.row, u.column), length: place.cellLength(u.row, u.column),
                    help: guess.map { "did you mean `\($0)`?" }
                        ?? "`\(column.name)` is one of " + allowed.map { "`\($0)`" }.joined(separator: ", ")))
        }
        let under = model.under
        let over = model.over
        var dead: Set<Int> = []
        for (r, row) in over.enumerated() {
            guard let c = row.firstIndex(where: \.isEmpty) else { continue }
            dead.insert(r)
            if explained.contains(r) { continue }
            out.append(
                LintChecks.tableDeadRow.diagnostic(
                    "row on line \(table.rows[r].location.line) of table `\(table.name)` never matches: "
                        + "its cell `\(place.cellText(r, c))` matches no value of `\(model.columns[c].name)`",
                    at: place.cell(r, c), length: place.cellLength(r, c)))
        }
        var coverage = Coverage()
        switch table.hit {
        case .unique, .any:
            out += overlaps(table, model: model, under: under, dead: dead, place: place)
        case .first:
            out += shadowed(table, under: under, over: over, dead: dead, place: place, coverage: &coverage)
        case .collect:
            break
        }
        if table.hit != .collect, table.defaultOutput == nil,
            let gaps = coverage.uncovered(over, in: model.space, limit: Self.gapExamples), let first = gaps.first
        {
            out.append(
                LintChecks.tableGap.diagnostic(
                    "no row of table `\(table.name)` matches `\(model.example(first))`, and the table has no default",
                    at: place.name, length: table.name.unicodeScalars.count,
                    notes: gaps.dropFirst().map { .init(message: "nor `\(model.example($0))`", location: nil) }))
        }
        if let first = model.unanalysed.first {
            out.append(
                LintChecks.tableNotAnalysed.diagnostic(
                    "lint cannot analyse the cell `\(place.cellText(first.row, first.column))` of table "
                        + "`\(table.name)`; the table's findings hold whatever such cells give",
                    at: place.cell(first.row, first.column),
                    length: place.cellLength(first.row, first.column)))
        }
        return out
    }

    private func overlaps(
        _ table: DecisionTable, model: TableModel, under: [Coverage.Cube], dead: Set<Int>, place: TablePlaces
    ) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for j in under.indices where !dead.contains(j) {
            for i in 0..<j where !dead.contains(i) {
                let both = zip(under[i], under[j]).map { $0.intersection($1) }
                guard !both.contains(where: \.isEmpty) else { continue }
                let a = table.rows[i]
                let b = table.rows[j]
                let lines = "rows on lines \(a.location.line) and \(b.location.line) of table `\(table.name)`"
                let note = Diagnostic.Note(message: "the other row", location: a.location)
                if table.hit == .unique {
                    out.append(
                        LintChecks.tableOverlap.diagnostic(
                            "\(lines) both match `\(model.example(both))`", at: b.location,
                            length: place.rowLength(j), notes: [note]))
                } else if a.output != b.output {
                    out.append(
                        LintChecks.tableConflict.diagnostic(
                            "\(lines) both match `\(model.example(both))` but give "
                                + "`\(ValueText.plain(a.output))` and `\(ValueText.plain(b.output))`",
                            at: b.location, length: place.rowLength(j), notes: [note]))
                }
            }
        }
        return out
    }

    private func shadowed(
        _ table: DecisionTable, under: [Coverage.Cube], over: [Coverage.Cube], dead: Set<Int>, place: TablePlaces,
        coverage: inout Coverage
    ) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for j in over.indices where j > 0 && !dead.contains(j) {
            let earlier = Array(under[0..<j])
            guard let rest = coverage.uncovered(earlier, in: over[j], limit: 1), rest.isEmpty else { continue }
            let covering = earlier.indices.filter { i in
                zip(earlier[i], over[j]).allSatisfy { !$0.isDisjoint(with: $1) }
            }
            let lines = covering.map { String(table.rows[$0].location.line) }
            let row = table.rows[j]
            out.append(
                LintChecks.tableShadowed.diagnostic(
                    "row on line \(row.location.line) of table `\(table.name)` is never chosen: "
                        + (lines.count == 1
                            ? "the row on line \(lines[0]) matches"
                            : "the rows on lines "
                                + "\(lines.joined(separator: ", ")) match")
                        + " every input it matches",
                    at: row.location, length: place.rowLength(j),
                    notes: covering.map {
                        .init(message: "an earlier row that matches first", location: table.rows[$0].location)
                    }))
        }
        return out
    }
}

/// Where the parts of a table are in its file.
struct TablePlaces {
    let table: DecisionTable
    let file: String
    let sources: LintSources

    private var path: [LintSources.Step] { [.key("tables"), .key(table.name)] }

    /// The table's name, where it is declared.
    var name: SourceLocation {
        sources.key(file, [.key("tables")], table.name)?.location ?? table.location
    }

    /// A cell of a row.
    func cell(_ row: Int, _ column: Int) -> SourceLocation {
        let node = sources.node(file, path + [.key("rows"), .index(row), .key("when"), .index(column)])
        return node?.location ?? table.rows[row].location
    }

    /// The cell as written, for messages.
    func cellText(_ row: Int, _ column: Int) -> String {
        let r = table.rows[row]
        return r.cellSources.indices.contains(column) ? r.cellSources[column] : "?"
    }

    /// The length to mark under a cell: all of it when it is written on one line.
    func cellLength(_ row: Int, _ column: Int) -> Int {
        Self.length(sources.node(file, path + [.key("rows"), .index(row), .key("when"), .index(column)]))
    }

    /// The length to mark under a row: all of it when it is written on one line.
    func rowLength(_ row: Int) -> Int {
        Self.length(sources.node(file, path + [.key("rows"), .index(row)]))
    }

    private static func length(_ node: YAMLNode?) -> Int {
        guard let node, node.start.line == node.end.line else { return 1 }
        return max(1, node.end.column - node.start.column)
    }
}
