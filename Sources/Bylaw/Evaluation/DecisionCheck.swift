import BylawCEL
import BylawDiagnostics
import BylawYAML

extension RuleLibrary {
    /// Checks one decision file: load, choose rule sets by kind and date, type, evaluate.
    /// - Parameter asOf: overrides the decision's date for choosing versions and as `today`.
    public func check(file: String, asOf: CELDate? = nil) -> DecisionResult {
        do {
            let root = try DecisionFile.load(path: file).node
            return check(root, file: file, asOf: asOf)
        } catch {
            return DecisionResult(
                file: file, verdict: .invalid, ruleSets: [], results: [], diagnostics: error.diagnostics)
        }
    }

    /// Checks one decision already read into a node tree.
    public func check(_ root: YAMLNode, file: String, asOf: CELDate? = nil, textCells: Bool = false) -> DecisionResult {
        let p = prepare(root, file: file, asOf: asOf, textCells: textCells)
        guard let decision = p.decision, let today = p.today else { return p.result }
        var result = p.result
        RuleSetRuntime.evaluate(decision, today: today, sets: p.ruleSets, into: &result)
        return result
    }

    /// A decision made ready for evaluation: the result so far (header, rule sets, diagnostics),
    /// and, when it is valid, its typed fields, the rule sets that apply and the day it is judged on.
    struct Prepared {
        var result: DecisionResult
        var decision: CELMap?
        var ruleSets: [RuleSetRuntime] = []
        var today: CELDate?
        /// The union of the applying rule sets' input schemas, common fields first.
        var schema = Environment.common
    }

    /// Chooses rule sets by kind and date and types the decision: everything `check` and `explain` share
    /// before rules are evaluated.
    func prepare(_ root: YAMLNode, file: String, asOf: CELDate?, textCells: Bool) -> Prepared {
        var result = DecisionResult(file: file, verdict: .invalid, ruleSets: [], results: [], diagnostics: [])
        guard root.mapping != nil else {
            result.diagnostics.append(
                .error("decision.not-mapping", "a decision must be a mapping of fields", at: root.location))
            return Prepared(result: result)
        }
        result.kind = root["kind"]?.scalar?.text
        result.id = root["id"]?.scalar?.text
        result.date = root["date"]?.scalar?.text
        result.unit = root["unit"]?.scalar?.text
        // A NUL character (JSON's `\u0000`, YAML's `\0`, a zero byte in a CSV cell) is in no text a decision
        // holds: it is a damaged file or binary data in a field. Refused here, where every reader's tree
        // passes, and kept out of the header fields the audit trail indexes (PostgreSQL refuses it in text).
        if Self.containsNUL(root), let (node, path) = Self.firstNUL(in: root, path: "") {
            for field in [\DecisionResult.kind, \.id, \.date, \.unit] {
                result[keyPath: field] = result[keyPath: field].map(Self.showingNUL)
            }
            result.diagnostics.append(
                .error(
                    "decision.nul-character",
                    "`\(path.isEmpty ? "the decision" : path)` holds a NUL character (U+0000), which no text in a "
                        + "decision may hold",
                    at: node.location,
                    help: "remove the character: the file may be damaged, or a program wrote binary data into a field"))
            return Prepared(result: result)
        }
        guard let kind = result.kind else {
            result.diagnostics.append(
                .error(
                    "decision.missing-field", "required field `kind` is missing: it selects the rule sets",
                    at: root.location,
                    help: kinds.isEmpty ? nil : "known kinds: " + kinds.joined(separator: ", ")))
            return Prepared(result: result)
        }
        guard let dateNode = root["date"], dateNode.scalar?.isNull != true else {
            result.diagnostics.append(
                .error(
                    "decision.missing-field",
                    "required field `date` is missing: the decision's date says which rule sets are in force",
                    at: root.location))
            // The fields every decision has are named too, so that a form missing several is fixed in one pass.
            for spec in Environment.common.fields where spec.name != "kind" && spec.name != "date" {
                if root[spec.name] == nil || root[spec.name]?.scalar?.isNull == true {
                    result.diagnostics.append(DecisionTyper.missing(spec, in: "", at: root.location))
                }
            }
            return Prepared(result: result)
        }
        guard let dateText = result.date, let decisionDate = DecisionTyper.date(dateText) else {
            let at = dateNode.location
            if let text = result.date, let (code, message) = DecisionTyper.impossibleDate(text, path: "date") {
                result.diagnostics.append(.error(code, message, at: at))
                return Prepared(result: result)
            }
            result.diagnostics.append(
                .error("decision.bad-date", "`date` must be the decision date written YYYY-MM-DD", at: at))
            return Prepared(result: result)
        }
        let day = asOf ?? decisionDate
        let sets = applicableRuntimes(kind: kind, on: day, unit: result.unit)
        guard !sets.isEmpty else {
            let known = ruleSets.contains { $0.appliesTo == kind }
            let scoped = ruleSets.filter { $0.appliesTo == kind && $0.isInForce(on: day) }
            result.diagnostics.append(
                .error(
                    "decision.no-ruleset",
                    !scoped.isEmpty
                        ? "no rule set for kind `\(kind)` in force on `\(day)` takes in unit `\(result.unit ?? "")`"
                            + "; they are limited to units under "
                            + Set(scoped.flatMap { $0.scopeUnits ?? [] }).sorted().map { "`\($0)`" }.joined(
                                separator: ", ")
                        : known
                            ? "no rule set for kind `\(kind)` is in force on `\(day)`"
                            : "no rule set applies to kind `\(kind)`",
                    // Where the reason lies: the unit out of scope, the date no version is in force on (unless
                    // --as-of chose the day), or the kind.
                    at: !scoped.isEmpty
                        ? root["unit"]?.location ?? root.location
                        : known
                            ? (asOf == nil ? dateNode.location : root.location)
                            : root["kind"]?.location ?? root.location,
                    help: known
                        ? coverage(of: kind)
                        : Spelling.closest(to: kind, among: kinds).map { "did you mean `\($0)`?" }))
            return Prepared(result: result)
        }
        result.ruleSets = sets.map(\.applied)
        result.sensitivePaths = RuleSetRuntime.sensitivePaths(of: sets)

        let schema: ObjectSchema
        do {
            schema = try RuleSetRuntime.schema(of: sets)
        } catch {
            let c = error.conflict
            result.verdict = .error
            result.diagnostics.append(
                .error(
                    "library.schema-conflict",
                    "rule sets disagree on field `\(c.path)`: \(c.first) in one, \(c.second) in `\(error.set.set.id)`",
                    at: nil))
            return Prepared(result: result)
        }
        var typer = DecisionTyper(textCells: textCells)
        let typed = typer.type(root, schema: schema)
        result.diagnostics += typer.diagnostics
        guard !typer.diagnostics.hasErrors, case .map(let decision)? = typed else { return Prepared(result: result) }
        return Prepared(result: result, decision: decision, ruleSets: sets, today: day, schema: schema)
    }

    /// Whether any key or text in `node` holds a NUL character: a walk that builds nothing, for every decision.
    static func containsNUL(_ node: YAMLNode) -> Bool {
        switch node.content {
        case .scalar(let s):
            return hasNUL(s.text)
        case .sequence(let items):
            for i in items.indices where containsNUL(items[i]) { return true }
            return false
        case .mapping(let pairs):
            for i in pairs.indices {
                if case .scalar(let key) = pairs[i].key.content, hasNUL(key.text) { return true }
                // A scalar value is looked at where it lies: passing the node on would copy it.
                if case .scalar(let value) = pairs[i].value.content {
                    if hasNUL(value.text) { return true }
                } else if containsNUL(pairs[i].value) {
                    return true
                }
            }
            return false
        }
    }

    /// Whether `text` holds a NUL character, read as bytes in place (`text.utf8.contains` steps through the view
    /// one code unit at a time).
    static func hasNUL(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.contains(0) } ?? text.utf8.contains(0)
    }

    /// The first key or text in `node` holding a NUL character, depth first, and its path (shown without the
    /// NUL, as `showingNUL` writes it).
    static func firstNUL(in node: YAMLNode, path: String) -> (YAMLNode, String)? {
        switch node.content {
        case .scalar(let s):
            return hasNUL(s.text) ? (node, path) : nil
        case .sequence(let items):
            for (i, item) in items.enumerated() {
                if let found = firstNUL(in: item, path: path + "[\(i)]") { return found }
            }
            return nil
        case .mapping(let pairs):
            for pair in pairs {
                let key = pair.key.scalar?.text ?? ""
                let inner = path.isEmpty ? key : path + "." + key
                if hasNUL(key) { return (pair.key, showingNUL(inner)) }
                if let found = firstNUL(in: pair.value, path: inner) { return found }
            }
            return nil
        }
    }

    /// `text` with each NUL character shown as U+FFFD, the replacement character.
    static func showingNUL(_ text: String) -> String {
        guard hasNUL(text) else { return text }
        var out = String.UnicodeScalarView()
        for c in text.unicodeScalars { out.append(c == "\u{0}" ? "\u{FFFD}" : c) }
        return String(out)
    }

    /// Where the sets of `kind` are in force, for the "no rule set in force" error: `rule sets for kind
    /// `cadre_promotion` cover 2014-01-15 to 2019-03-02, and from 2019-03-03`.
    func coverage(of kind: String) -> String? {
        var periods: [(from: CELDate?, until: CELDate?)] = []
        for set in ruleSets where set.appliesTo == kind && set.scopeUnits == nil {
            periods.append((set.effectiveFrom, set.effectiveUntil))
        }
        periods.sort { a, b in
            guard let x = a.from else { return b.from != nil }
            guard let y = b.from else { return false }
            return x < y
        }
        // Adjacent or overlapping periods read as one.
        var merged: [(from: CELDate?, until: CELDate?)] = []
        for p in periods {
            if let last = merged.last, let end = last.until, let start = p.from, start <= end {
                let until: CELDate? = p.until.map { max($0, end) }
                merged[merged.count - 1].until = until
            } else if let last = merged.last, last.until == nil {
                continue
            } else {
                merged.append(p)
            }
        }
        guard !merged.isEmpty else { return nil }
        let spans = merged.map { p -> String in
            let lastDay = p.until.flatMap { CELDate(daysSinceEpoch: $0.daysSinceEpoch - 1) }
            switch (p.from, lastDay) {
            // Dates and a dash only, so the span reads the same in either language.
            case (let f?, let l?): return "\(f) – \(l)"
            case (let f?, nil): return "\(f) –"
            case (nil, let l?): return "– \(l)"
            case (nil, nil): return "–"
            }
        }
        return "rule sets for kind `\(kind)` are in force " + spans.joined(separator: "; ")
            + "; check the decision's `date`, or use `--as-of` to judge it under the rules of another day"
    }
}
