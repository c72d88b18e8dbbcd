import BylawCEL
import BylawDiagnostics

/// A decision table: rows of input tests with an output, chosen by a hit policy.
public struct DecisionTable: Sendable {
    public enum HitPolicy: String, Sendable, CaseIterable {
        case first, unique, any, collect
    }

    public struct Row: Sendable {
        public var cells: [Cell]
        public var output: CELValue
        public var location: SourceLocation
        /// Each cell as written in the YAML, for `explain`.
        public var cellSources: [String] = []
    }

    public var name: String
    public var description: String?
    public var hit: HitPolicy
    public var inputs: [Expression]
    public var outputType: FieldType
    public var rows: [Row]
    public var defaultOutput: CELValue?
    public var location: SourceLocation
    /// The rows that can match for each text of the first input, when its cells are all text or `any`
    /// (`indexed()`); nil until a loaded set's runtime asks for it.
    var firstColumn: FirstColumnIndex?

    /// The CEL type of a call to this table.
    var resultType: CELType {
        let t = outputType.celType(named: name)
        return hit == .collect ? .list(t) : t
    }

    /// Which rows matched, for `explain`, plus the result.
    public struct Outcome: Sendable {
        public var inputs: [CELValue]
        public var matched: [Int]
        public var result: CELResult
        /// Every row examined, in order: rows after the first match under `first` are not.
        public var checks: [RowCheck] = []
    }

    /// How one row fared: matched, or the first cell (0-based) that did not match or failed.
    public struct RowCheck: Sendable {
        public var row: Int
        public var failedCell: Int?
        public var error: CELEvalError?
        public var matched: Bool { failedCell == nil && error == nil }
    }

    /// Evaluates the table against one decision's activation.
    /// - Parameter keepingChecks: whether the outcome lists every row examined (`checks`), which only an
    ///   explanation reads; a check skips building it.
    ///   - indexed: whether the first column's index (`indexed()`) may pick the rows to examine; false examines
    ///     every row, the reference the index is tested against.
    public func evaluate(_ activation: CELActivation, keepingChecks: Bool = true, indexed: Bool = true) -> Outcome {
        var values: [CELValue] = []
        values.reserveCapacity(inputs.count)
        for input in inputs {
            switch input.program.evaluate(activation) {
            case .success(let v): values.append(v)
            case .failure(let e):
                return Outcome(inputs: values, matched: [], result: .failure(e))
            }
        }
        var matched: [Int] = []
        var checks: [RowCheck] = []
        if keepingChecks { checks.reserveCapacity(rows.count) }
        // What an expression cell sees, copied from `activation` at the first such cell: most tables have none.
        var cells: CELActivation?
        // Only the rows whose first cell can match: every other row fails at that cell, which cannot fail
        // with an error, so it neither matches nor stops the search. An explanation lists every row, so it
        // examines them all.
        var candidates: [Int]?
        if !keepingChecks, indexed, let index = firstColumn, case .string(let text)? = values.first {
            candidates = index.rows(for: text)
        }
        // A row the index picked has passed its first cell already.
        let firstCell = candidates == nil ? 0 : 1
        for k in 0..<(candidates?.count ?? rows.count) {
            let i = candidates?[k] ?? k
            var check = RowCheck(row: i)
            // The row's cells are read in place: `let row = rows[i]` copied the row, a count per field.
            for c in firstCell..<max(firstCell, min(rows[i].cells.count, values.count)) {
                let matches: Result<Bool, CELEvalError>
                if let plain = rows[i].cells[c].matchesValue(values[c]) {
                    matches = plain
                } else {
                    // Taken out of the optional while the cell runs, so that binding `it` changes it in place.
                    var scope = cells.take() ?? activation
                    matches = rows[i].cells[c].matchesExpression(values[c], activation: &scope)
                    cells = scope
                }
                switch matches {
                case .success(true): continue
                case .success(false): check.failedCell = c
                case .failure(let e):
                    check.failedCell = c
                    check.error = e
                    if keepingChecks { checks.append(check) }
                    return Outcome(inputs: values, matched: matched, result: .failure(e), checks: checks)
                }
                break
            }
            if keepingChecks { checks.append(check) }
            if check.matched {
                matched.append(i)
                if hit == .first { break }
            }
        }
        return Outcome(inputs: values, matched: matched, result: result(matched), checks: checks)
    }

    /// This table with its first column indexed, when every cell there is text or `any`.
    func indexed() -> DecisionTable {
        var out = self
        out.firstColumn = FirstColumnIndex(rows)
        return out
    }

    private func result(_ matched: [Int]) -> CELResult {
        switch hit {
        case .collect:
            return .success(.list(matched.map { rows[$0].output }))
        case .first, .unique, .any:
            guard let firstMatch = matched.first else {
                if let defaultOutput { return .success(defaultOutput) }
                return .failure(
                    CELEvalError(
                        .host("table.no-match"), message: "no row of table `\(name)` matches and it has no default",
                        offset: nil))
            }
            if hit == .unique, matched.count > 1 {
                let lines = matched.map { String(rows[$0].location.line) }.joined(separator: ", ")
                return .failure(
                    CELEvalError(
                        .host("table.not-unique"),
                        message: "table `\(name)` has hit policy unique but rows on lines \(lines) all match",
                        offset: nil))
            }
            if hit == .any, let other = matched.first(where: { rows[$0].output != rows[firstMatch].output }) {
                return .failure(
                    CELEvalError(
                        .host("table.any-conflict"),
                        message:
                            "table `\(name)` has hit policy any but rows on lines \(rows[firstMatch].location.line) and \(rows[other].location.line) give different outputs",
                        offset: nil))
            }
            return .success(rows[firstMatch].output)
        }
    }
}

/// For each text a table's first input may take, the rows (in order) whose first cell it can pass: the rows
/// whose cell names it (`vehicle`, `[vehicle, it]`) and the rows whose cell is `any`. A text no cell names
/// passes only the `any` rows. Texts are compared by code points, as the cells compare them (`ValueOrder`),
/// not by Swift's canonical equivalence.
struct FirstColumnIndex: Sendable {
    private var named: [CodePointText: [Int]] = [:]
    /// The same as `named` for a first column of at most `fewLimit` texts, in the order first named (and then
    /// `named` is left empty).
    private var few: [(text: String, rows: [Int])] = []
    private static let fewLimit = 16
    private var anyRows: [Int] = []

    /// Nil when a first cell is anything but text or `any`, or the table has no inputs.
    init?(_ rows: [DecisionTable.Row]) {
        guard !rows.isEmpty else { return nil }
        var texts: [[String]] = []
        for row in rows {
            guard let cell = row.cells.first else { return nil }
            switch cell {
            case .any: texts.append([])
            case .equals(.string(let t)): texts.append([t])
            case .oneOf(let values):
                var ts: [String] = []
                for v in values {
                    guard case .string(let t) = v else { return nil }
                    ts.append(t)
                }
                texts.append(ts)
            default: return nil
            }
        }
        var keys: [CodePointText] = []
        for ts in texts { for t in ts where !keys.contains(CodePointText(t)) { keys.append(CodePointText(t)) } }
        for key in keys { named[key] = [] }
        for (i, (row, ts)) in zip(rows, texts).enumerated() {
            if case .any = row.cells[0] {
                anyRows.append(i)
                for key in keys { named[key]?.append(i) }
            } else {
                for key in keys where ts.contains(where: { CodePointText($0) == key }) { named[key]?.append(i) }
            }
        }
        if keys.count <= Self.fewLimit {
            few = keys.map { ($0.text, named[$0] ?? []) }
            named = [:]
        }
    }

    func rows(for text: String) -> [Int] {
        // A few texts (an enum's values) are found by comparing bytes sooner than by hashing the text.
        if !few.isEmpty || named.isEmpty {
            for k in few.indices where CodePoints.equal(few[k].text, text) { return few[k].rows }
            return anyRows
        }
        return named[CodePointText(text)] ?? anyRows
    }
}

/// A text hashed and compared by its code points (its UTF-8 bytes).
struct CodePointText: Hashable, Sendable {
    let text: String
    init(_ text: String) { self.text = text }

    static func == (a: Self, b: Self) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

    func hash(into hasher: inout Hasher) {
        var t = text
        t.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// One input test in a decision-table row.
public enum Cell: Sendable {
    case any
    case equals(CELValue)
    case compare(Comparison, CELValue)
    case range(low: CELValue, lowInclusive: Bool, high: CELValue, highInclusive: Bool)
    case oneOf([CELValue])
    case expression(Expression)

    public enum Comparison: String, Sendable {
        case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", notEqual = "!="
    }

    /// Whether `value` passes this cell; an expression cell gives it to `it` in `activation` first.
    package func matches(_ value: CELValue, activation: inout CELActivation) -> Result<Bool, CELEvalError> {
        matchesValue(value) ?? matchesExpression(value, activation: &activation)
    }

    /// An expression cell's test, `value` given to `it` in `activation`; every other cell is settled by
    /// `matchesValue`, which the caller has asked first.
    func matchesExpression(_ value: CELValue, activation: inout CELActivation) -> Result<Bool, CELEvalError> {
        guard case .expression(let e) = self else { return matchesValue(value) ?? .success(false) }
        // `it` has no slot in the frame (see `Environment.layout`).
        activation.variables["it"] = value
        switch e.program.evaluate(activation) {
        case .success(.bool(let b)): return .success(b)
        case .success(let other):
            return .failure(
                CELEvalError(.host("table.cell-not-bool"), message: "cell gave `\(other)`, not a bool", offset: nil))
        case .failure(let e): return .failure(e)
        }
    }

    /// Whether `value` passes this cell, for every cell but an expression (nil), which needs an activation.
    func matchesValue(_ value: CELValue) -> Result<Bool, CELEvalError>? {
        switch self {
        case .any: return .success(true)
        case .equals(let v): return .success(ValueOrder.equal(value, v))
        case .oneOf(let vs): return .success(vs.contains { ValueOrder.equal(value, $0) })
        case .compare(let op, let v):
            guard let c = ValueOrder.compare(value, v) else { return .failure(incomparable(value, v)) }
            switch op {
            case .less: return .success(c < 0)
            case .lessOrEqual: return .success(c <= 0)
            case .greater: return .success(c > 0)
            case .greaterOrEqual: return .success(c >= 0)
            case .notEqual: return .success(c != 0)
            }
        case .range(let lo, let loIn, let hi, let hiIn):
            guard let a = ValueOrder.compare(value, lo) else { return .failure(incomparable(value, lo)) }
            guard let b = ValueOrder.compare(value, hi) else { return .failure(incomparable(value, hi)) }
            return .success((loIn ? a >= 0 : a > 0) && (hiIn ? b <= 0 : b < 0))
        case .expression: return nil
        }
    }

    private func incomparable(_ a: CELValue, _ b: CELValue) -> CELEvalError {
        CELEvalError(.host("table.incomparable"), message: "cannot compare `\(a)` with `\(b)`", offset: nil)
    }
}

/// Ordering of the scalar values decision tables compare: numbers (int and decimal), dates, strings, bools.
package enum ValueOrder {
    /// Strings by code points, as CEL compares them (`CodePoints`).
    package static func compare(_ a: CELValue, _ b: CELValue) -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.decimal(let x), .decimal(let y)): return CELDecimal.compare(x, y)
        case (.int(let x), .decimal(let y)): return CELDecimal.compare(CELDecimal(x), y)
        case (.decimal(let x), .int(let y)): return CELDecimal.compare(x, CELDecimal(y))
        case (.date(let x), .date(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.string(let x), .string(let y)): return CodePoints.compare(x, y)
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (!x ? -1 : 1)
        default: return nil
        }
    }

    package static func equal(_ a: CELValue, _ b: CELValue) -> Bool {
        compare(a, b).map { $0 == 0 } ?? (a == b)
    }
}
