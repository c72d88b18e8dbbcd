import BylawCEL
import BylawDiagnostics

/// Evaluates a typed decision against one rule set. Deterministic: no clock, rules in file order.
struct Evaluator {
    let runtime: RuleSetRuntime

    init(runtime: RuleSetRuntime) { self.runtime = runtime }

    init(ruleSet: RuleSet) { runtime = RuleSetRuntime(ruleSet) }

    /// True to evaluate every expression by the interpreter alone, and every table row by row without its index,
    /// for a differential test against the fast paths (see `CELProgram.evaluate`, `DecisionTable.indexed`);
    /// `BYLAW_INTERPRET=1` does the same for a whole process.
    @TaskLocal package static var interpretOnly = false

    /// Everything a rule's expressions see for one decision: the activation (decision fields, `decision`,
    /// `params`, `today`, the `let` values), the table host, and the `let`s that could not be computed.
    /// `check` and `explain` both build it here, so they see exactly the same values.
    struct Context {
        var activation: CELActivation
        let scope: TableScope
        var failedLets: [String: CELEvalError]
        /// The `let`s whose value rests on a provisional calendar day, with the first such day.
        var provisionalLets: [String: CELDate] = [:]
        /// The `let`s the interpreter computed because the fast plan could not (`CELProgram.evaluate`).
        var interpretedLets: [String] = []
    }

    /// - Parameters:
    ///   - decision: the typed decision, a map of its fields.
    ///   - today: the decision's date or `--as-of`.
    ///   - explaining: whether the tables' outcomes keep every row they examined, for an explanation.
    func context(_ decision: CELMap, today: CELDate, explaining: Bool = false) -> Context {
        var activation = CELActivation(calendar: runtime.set.calendar)
        // A task-local read costs a lookup: once per decision.
        let interpretOnly = Self.interpretOnly
        if interpretOnly { activation.fastPath = false }
        // Only a calendar with provisional years needs watching; the rest pay nothing.
        if runtime.set.calendar?.hasProvisionalDays == true { activation.observer = CELEvalObserver() }
        if let layout = runtime.set.layout {
            // The layout begins with the schema's fields, in the order most documents list them: each field is
            // tried first at the slot after the previous one, before the layout's hash lookup.
            var frame = layout.frame()
            var next = 0
            for (key, value) in decision.entries {
                guard case .string(let name) = key else { continue }
                let slot = next < layout.names.count && layout.names[next] == name ? next : layout.slot(name)
                if let slot {
                    frame.values[slot] = value
                    next = slot + 1
                } else {
                    activation.variables[name] = value
                }
            }
            activation.frame = frame
        } else {
            for (key, value) in decision.entries {
                if case .string(let name) = key { activation.bind(name, to: value) }
            }
        }
        let slots = runtime.bindingSlots
        /// Binds in the slot found once when the set has a layout, else by name.
        func bind(_ name: String, _ slot: Int?, _ value: CELValue) {
            if let slot, activation.frame != nil {
                activation.frame?.values[slot] = value
            } else {
                activation.bind(name, to: value)
            }
        }
        bind("decision", slots.decision, .map(decision))
        bind("params", slots.params, runtime.params)
        bind("today", slots.today, .date(today))
        let scope = TableScope(
            tables: runtime.tables, activation: activation, keepsChecks: explaining,
            indexed: !interpretOnly && CELActivation.fastPathByDefault)
        activation.host = scope

        var failedLets: [String: CELEvalError] = [:]
        var provisionalLets: [String: CELDate] = [:]
        var interpretedLets: [String] = []
        let lets = runtime.lets
        for k in lets.indices {
            let (name, program) = lets[k]
            if !failedLets.isEmpty,
                let bad = program.references.first(where: { failedLets[$0.first ?? ""] != nil }),
                let first = bad.first, let e = failedLets[first]
            {
                failedLets[name] = e
                continue
            }
            // A table this `let` calls sees the `let`s computed before it. The scope holds the activation only
            // while the `let` is computed, so that binding its value sets the frame in place instead of copying it.
            scope.activation = activation
            activation.observer?.reset()
            var interpreted = 0
            let value = program.evaluate(activation, interpreted: &interpreted)
            if interpreted > 0 { interpretedLets.append(name) }
            if let day = activation.observer?.provisionalDay ?? Self.provisional(program.references, provisionalLets) {
                provisionalLets[name] = day
            }
            scope.activation = CELActivation()
            switch value {
            case .success(let v): bind(name, slots.lets[k], v)
            case .failure(let e): failedLets[name] = e
            }
        }
        scope.activation = activation
        return Context(
            activation: activation, scope: scope, failedLets: failedLets, provisionalLets: provisionalLets,
            interpretedLets: interpretedLets)
    }

    /// The first provisional day of a `let` that `references` read, if any.
    private static func provisional(_ references: [[String]], _ lets: [String: CELDate]) -> CELDate? {
        guard !lets.isEmpty else { return nil }
        for path in references { if let name = path.first, let day = lets[name] { return day } }
        return nil
    }

    /// - Parameters:
    ///   - decision: the typed decision, a map of its fields.
    ///   - today: the decision's date or `--as-of`.
    func evaluate(_ decision: CELMap, today: CELDate) -> [RuleResult] {
        var results: [RuleResult] = []
        evaluate(decision, today: today, into: &results)
        return results
    }

    /// Appends each rule's result to `results`: one array grows, rather than one per set being copied into it.
    /// - Returns: how many expressions the interpreter settled because the fast plan could not.
    @discardableResult
    func evaluate(_ decision: CELMap, today: CELDate, into results: inout [RuleResult]) -> Int {
        var names: [String] = []
        return evaluate(decision, today: today, into: &results, interpretedBy: &names)
    }

    /// The same, naming in `interpretedBy` each rule (`set/id`) and `let` (`set: name`) the interpreter settled.
    func evaluate(
        _ decision: CELMap, today: CELDate, into results: inout [RuleResult], interpretedBy: inout [String]
    ) -> Int {
        let c = context(decision, today: today)
        let rules = runtime.rules
        results.reserveCapacity(results.count + rules.count)
        var interpreted = c.interpretedLets.count
        for name in c.interpretedLets { interpretedBy.append(runtime.set.id + ": " + name) }
        for rule in rules {
            let before = interpreted
            results.append(evaluate(rule, in: c, interpreted: &interpreted))
            if interpreted > before { interpretedBy.append(runtime.set.id + "/" + rule.rule.id) }
        }
        return interpreted
    }

    /// One rule's result in a prepared context.
    func evaluate(_ rule: Rule, in c: Context) -> RuleResult {
        var interpreted = 0
        return evaluate(PreparedRule(rule, in: runtime.set.id), in: c, interpreted: &interpreted)
    }

    /// One prepared rule's result, with a note when it rests on a provisional calendar period.
    private func evaluate(_ prepared: PreparedRule, in c: Context, interpreted: inout Int) -> RuleResult {
        guard let observer = c.activation.observer else {
            return evaluate(
                prepared, activation: c.activation, scope: c.scope, failedLets: c.failedLets, interpreted: &interpreted)
        }
        observer.reset()
        var result = evaluate(
            prepared, activation: c.activation, scope: c.scope, failedLets: c.failedLets, interpreted: &interpreted)
        let read = [prepared.rule.when?.program, prepared.rule.require.program].compactMap { $0 }.flatMap(\.references)
        if let day = observer.provisionalDay ?? Self.provisional(read, c.provisionalLets),
            let calendar = runtime.set.calendar
        {
            result.provisional = ProvisionalCalendarNote(calendar: calendar.name, file: calendar.file, day: day)
            // A passed or inapplicable result that needs review shows what it read, as a failure does.
            if result.evidence.isEmpty {
                result.evidence = evidence(
                    prepared.rule, prepared.evidence, activation: c.activation, scope: c.scope)
            }
        }
        return result
    }

    private func evaluate(
        _ prepared: PreparedRule, activation: CELActivation, scope: TableScope, failedLets: [String: CELEvalError],
        interpreted: inout Int
    )
        -> RuleResult
    {
        // `prepared.rule.x` below reads each field in place; `let rule = prepared.rule` would copy them all.
        // Each return makes its own result: a `var` result set along the way and returned was copied twice
        // per rule (the profile's `RuleResult` copies).
        let plan = prepared.evidence
        // A `let` that could not be computed is an error for the part of the rule that reads it: a `when` that
        // does not read it still decides whether the rule applies at all.
        func letFailed(_ program: CELProgram?) -> RuleResult? {
            guard !failedLets.isEmpty, let program, let (name, e) = Self.failedLet(program, failedLets) else {
                return nil
            }
            var r = RuleResult(identity: prepared.identity, outcome: .error)
            r.error = "`let` `\(name)` could not be computed: \(e.message)"
            r.evidence = evidence(prepared.rule, plan, activation: activation, scope: scope)
            return r
        }
        if let failed = letFailed(prepared.when) { return failed }
        if let when = prepared.when {
            switch when.evaluate(activation, interpreted: &interpreted) {
            case .success(.bool(false)):
                return RuleResult(identity: prepared.identity, outcome: .notApplicable)
            case .success(.bool(true)): break
            case .success(let other):
                return errored(prepared, "`when` gave `\(other)`, not a bool", plan, activation, scope)
            case .failure(let e): return errored(prepared, "`when`: \(e.message)", plan, activation, scope)
            }
        }
        if let failed = letFailed(prepared.require) { return failed }
        switch prepared.require.evaluate(activation, interpreted: &interpreted) {
        case .success(.bool(true)):
            return RuleResult(identity: prepared.identity, outcome: .passed)
        case .success(.bool(false)):
            return explained(prepared, .failed, error: nil, plan, activation, scope)
        case .success(let other):
            return errored(prepared, "`require` gave `\(other)`, not a bool", plan, activation, scope)
        case .failure(let e):
            return errored(prepared, "`require`: \(e.message)", plan, activation, scope)
        }
    }

    /// The first `let` `program` reads that could not be computed.
    private static func failedLet(_ program: CELProgram, _ failedLets: [String: CELEvalError]) -> (
        String, CELEvalError
    )? {
        for path in program.references {
            if let name = path.first, let e = failedLets[name] { return (name, e) }
        }
        return nil
    }

    private func errored(
        _ prepared: PreparedRule, _ message: String, _ plan: EvidencePlan, _ activation: CELActivation,
        _ scope: TableScope
    ) -> RuleResult {
        explained(prepared, .error, error: message, plan, activation, scope)
    }

    /// A failed or erred result with its message (rendered, masked, in English) and its evidence.
    private func explained(
        _ prepared: PreparedRule, _ outcome: RuleOutcome, error: String?, _ plan: EvidencePlan,
        _ activation: CELActivation, _ scope: TableScope
    ) -> RuleResult {
        var r = RuleResult(identity: prepared.identity, outcome: outcome)
        r.error = error
        r.message = render(prepared.rule.message, activation: activation)
        r.maskedMessage = maskedRender(prepared.rule.message, activation: activation)
        r.englishMessage = english(prepared.rule, activation: activation)
        r.evidence = evidence(prepared.rule, plan, activation: activation, scope: scope)
        return r
    }

    /// The rule's English message (`message_en`) rendered and masked as its message is; nil when it has none.
    func english(_ rule: Rule, activation: CELActivation) -> EnglishMessage? {
        rule.messageEnglish.map {
            EnglishMessage(text: render($0, activation: activation), masked: maskedRender($0, activation: activation))
        }
    }

    /// The message with each `{expr}` that reads a sensitive field (or a value computed from one) shown as
    /// `[masked]`; nil when the set marks nothing sensitive or no part reads such a field.
    func maskedRender(_ template: MessageTemplate, activation: CELActivation) -> String? {
        let sensitive = runtime.set.sensitive
        guard !sensitive.isEmpty else { return nil }
        func reads(_ e: Expression) -> Bool { SensitivePaths.reads(e.program, sensitive, derived: runtime.derived) }
        guard template.parts.contains(where: { if case .expression(let e) = $0 { reads(e) } else { false } }) else {
            return nil
        }
        return render(template, activation: activation, masking: reads)
    }

    /// The message with each `{expr}` replaced by its value (`{?}` where it cannot be computed), or by
    /// `[masked]` where `masking` says so.
    func render(
        _ template: MessageTemplate, activation: CELActivation, masking: (Expression) -> Bool = { _ in false }
    ) -> String {
        var out = ""
        for part in template.parts {
            switch part {
            case .text(let t): out += t
            case .expression(let e) where masking(e): out += SensitivePaths.mask
            case .expression(let e):
                switch e.program.evaluate(activation) {
                case .success(let v): out += ValueText.plain(v)
                case .failure: out += "{?}"
                }
            }
        }
        return out
    }

    /// The value of every field, `let` and table the rule's expressions read.
    func evidence(_ rule: Rule, _ plan: EvidencePlan, activation: CELActivation, scope: TableScope) -> [Evidence] {
        var out: [Evidence] = []
        for (path, names) in zip(plan.paths, plan.shown) {
            guard let (depth, value) = lookup(path, in: activation) else { continue }
            let shown = names[depth]
            if !out.contains(where: { $0.path == shown }) {
                let sensitive = SensitivePaths.isSensitive(
                    shown: shown, runtime.set.sensitive, derived: runtime.derived)
                out.append(Evidence(path: shown, value: value, sensitive: sensitive))
            }
        }
        // A guard such as `has(a.b)` reads `a.b` whole; when its fields are shown too, the whole is noise.
        let paths = out.map(\.path)
        out.removeAll { e in paths.contains { Self.isField($0, of: e.path) } }
        var tables: [String] = []
        for name in rule.tablesUsed where !tables.contains(name) {
            tables.append(name)
            if case .success(let v) = scope.call(name) {
                let sensitive = runtime.derived.contains(name + "()")
                out.append(Evidence(path: name + "()", value: v, sensitive: sensitive))
            }
        }
        return out
    }

    /// Whether `path` is `whole` followed by `.` and more.
    private static func isField(_ path: String, of whole: String) -> Bool {
        path.utf8.count > whole.utf8.count && path.hasPrefix(whole)
            && path.utf8.dropFirst(whole.utf8.count).first == UInt8(ascii: ".")
    }

    /// Follows a select chain as far as the data goes: a missing field shows the deepest present value. Gives
    /// how many fields past the root it went, and the value there.
    private func lookup(_ path: [String], in activation: CELActivation) -> (Int, CELValue)? {
        guard let root = path.first, var value = activation[variable: root] else { return nil }
        var depth = 0
        for name in path.dropFirst() {
            guard case .map(let m) = value, let next = m[.string(name)] else { break }
            value = next
            depth += 1
        }
        return (depth, value)
    }
}

/// What a rule's evidence is made of, worked out once per rule rather than for every failure: each variable
/// path its expressions read, and the name shown for each depth the data may reach (`asset`,
/// `asset.book_value`).
struct EvidencePlan: Sendable {
    let paths: [[String]]
    let shown: [[String]]

    init(_ rule: Rule) {
        paths = [rule.when?.program, rule.require.program].compactMap { $0 }.flatMap(\.references)
        shown = paths.map { path in path.indices.map { path[...$0].joined(separator: ".") } }
    }
}
