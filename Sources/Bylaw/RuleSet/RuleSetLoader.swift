import BylawCEL
import BylawDiagnostics
import BylawYAML

/// Reads one `ruleset*.yaml` file into a `RuleSet`, validating every key and compiling every expression.
package struct RuleSetLoader {
    let file: String
    /// Finds a calendar by name (`rules/calendars/<name>.yaml`).
    let calendars: (String) -> Result<WorkingCalendar, LoadFailure>
    var diags: [Diagnostic] = []
    /// Where each rule's `tightens:` value is, by rule id, for diagnostics about it.
    var tightensAt: [String: SourceLocation] = [:]

    static let topKeys = "a rule set"

    mutating func load() -> RuleSet? {
        let root: YAMLNode
        do {
            root = try YAMLLoader.load(path: file, limits: .ruleSet)
        } catch {
            diags += error.diagnostics
            return nil
        }
        return parse(root)
    }

    /// Reads a rule set; for a set that `extends` another, `base` is the parent version to build on.
    mutating func parse(_ root: YAMLNode, base: RuleSet? = nil) -> RuleSet? {
        guard var f = Fields(root, what: "a rule set", into: &diags) else { return nil }
        let id = f.string("ruleset", required: true, in: "a rule set", into: &diags) ?? ""
        if !id.isEmpty, !Self.isKebab(id), let n = f.optional("ruleset") {
            diags.append(
                .error(
                    "ruleset.bad-id", "rule-set id `\(id)` must be kebab-case, such as `asset-management`",
                    at: n.location))
        }
        let extends = f.string("extends", required: false, in: "", into: &diags)
        let title = f.string("title", required: true, in: "a rule set", into: &diags) ?? ""
        let titleEnglish = f.string("title_en", required: false, in: "", into: &diags)
        let version = f.string("version", required: true, in: "a rule set", into: &diags) ?? ""
        let description = f.string("description", required: false, in: "", into: &diags)
        let appliesTo = f.string("applies_to", required: true, in: "a rule set", into: &diags) ?? ""
        if let base, !appliesTo.isEmpty, appliesTo != base.appliesTo, let n = f.optional("applies_to") {
            diags.append(
                .error(
                    "ruleset.extends-other-kind",
                    "`\(id)` applies to `\(appliesTo)` but the set it extends, `\(base.id)`, applies to `\(base.appliesTo)`",
                    at: n.location, help: "a set can only extend a set for the same decision kind"))
        }
        let source = self.source(f.required("source", in: "a rule set", into: &diags))
        let (from, until) = effective(f.optional("effective"))
        let scope = self.scope(f.optional("scope"))
        var calendar: WorkingCalendar?
        let calendarName = f.string("calendar", required: false, in: "", into: &diags)
        if let calendarName, let node = f.optional("calendar") {
            switch calendars(calendarName) {
            case .success(let c): calendar = c
            case .failure(let failure):
                diags.append(
                    .error(
                        "ruleset.calendar", "calendar `\(calendarName)` cannot be loaded", at: node.location,
                        help: "calendars live in rules/calendars/<name>.yaml"))
                diags += failure.diagnostics
            }
        }
        let sensitive = (f.optional("sensitive")?.sequence ?? []).compactMap {
            Fields.text($0, what: "a sensitive path", into: &diags)
        }
        let parameters = self.parameters(f.optional("parameters"), base: base?.parameters ?? [])
        var input = f.optional("input").map { SchemaParser.object($0, path: "", into: &diags) } ?? ObjectSchema()
        let declaredInput = input
        if let base { input = inherit(input: input, from: base, at: f.optional("input")) }

        let letNames =
            (base?.lets.map(\.name) ?? []) + (f.optional("let")?.mapping ?? []).compactMap { $0.key.scalar?.text }
        var env = Environment.base(input: input, parameters: parameters, lets: letNames)
        var lets: [LetBinding] = []
        for binding in base?.lets ?? [] {
            env.declare(binding.name, binding.expression.program.resultType)
            lets.append(binding)
        }
        for table in base?.tables ?? [] { env.declareTable(table) }
        lets += self.lets(f.optional("let"), env: &env)
        var tables: [DecisionTable] = base?.tables ?? []
        if let t = f.optional("tables") {
            let own = TableLoader.tables(t, compiler: ExpressionCompiler(environment: env.cel), into: &diags)
            for table in own {
                if let inherited = base?.tables.first(where: { $0.name == table.name }) {
                    diags.append(
                        .error(
                            "ruleset.table-redefined",
                            "table `\(table.name)` is already defined by `\(base?.id ?? "")`",
                            at: table.location, notes: [.init(message: "defined here", location: inherited.location)]))
                    continue
                }
                env.declareTable(table)
                tables.append(table)
            }
        }
        let compiler = ExpressionCompiler(environment: env.cel)
        var rules = self.rules(f.required("rules", in: "a rule set", into: &diags), compiler: compiler, tables: tables)
        if let base {
            rules = inherit(rules: rules, from: base)
        } else {
            for rule in rules where rule.tightens != nil {
                diags.append(
                    .error(
                        "ruleset.tightens-without-extends",
                        "rule `\(rule.id)` tightens `\(rule.tightens ?? "")` but the set extends no other set",
                        at: tightensAt[rule.id] ?? rule.location,
                        help: "add `extends: <ruleset id>` at the top of the file"))
            }
        }
        f.reportUnknownKeys(in: "a rule set", into: &diags)

        var set = RuleSet(
            id: id, title: title, titleEnglish: titleEnglish, version: version, description: description,
            source: source, effectiveFrom: from,
            effectiveUntil: until, declaredFrom: from, declaredUntil: until, appliesTo: appliesTo, extends: extends,
            scopeUnits: scope, calendarName: calendarName ?? base?.calendarName, calendar: calendar ?? base?.calendar,
            sensitive: (base?.sensitive ?? []) + sensitive.filter { !(base?.sensitive ?? []).contains($0) },
            parameters: parameters, input: input, lets: lets, tables: tables, rules: rules, file: file)
        set.declaredInput = declaredInput
        set.layout = env.layout
        if let base {
            set.parents = [base.applied.withoutParents] + base.parents
            set.effectiveFrom = [from, base.effectiveFrom].compactMap { $0 }.max()
            set.effectiveUntil = [until, base.effectiveUntil].compactMap { $0 }.min()
        }
        return set
    }

    private mutating func source(_ node: YAMLNode?) -> [String: String] {
        guard let node, var f = Fields(node, what: "`source`", into: &diags) else { return [:] }
        var out: [String: String] = [:]
        out["title"] = f.string("title", required: true, in: "`source`", into: &diags)
        for key in ["issuer", "version", "note", "url", "article"] {
            out[key] = f.string(key, required: false, in: "", into: &diags)
        }
        f.reportUnknownKeys(in: "`source`", into: &diags)
        return out
    }

    private mutating func effective(_ node: YAMLNode?) -> (CELDate?, CELDate?) {
        guard let node, var f = Fields(node, what: "`effective`", into: &diags) else { return (nil, nil) }
        let from = date(f.required("from", in: "`effective`", into: &diags))
        let until = date(f.optional("until"))
        f.reportUnknownKeys(in: "`effective`", into: &diags)
        if let from, let until, until <= from, let n = f.optional("until") {
            diags.append(.error("ruleset.bad-effective", "`until` must be after `from`", at: n.location))
        }
        return (from, until)
    }

    private mutating func date(_ node: YAMLNode?) -> CELDate? {
        guard let node else { return nil }
        guard let text = node.scalar?.text, let d = DecisionTyper.date(text) else {
            diags.append(.error("ruleset.bad-date", "dates are written YYYY-MM-DD", at: node.location))
            return nil
        }
        return d
    }

    /// The set's parameters: `base`'s (a parent's), each replaced where this file gives it a new value, then the
    /// file's new ones. An override keeps the parent's type (`300000` overriding `500000.00` is a decimal).
    private mutating func parameters(_ node: YAMLNode?, base: [Parameter]) -> [Parameter] {
        guard let node else { return base }
        guard let pairs = node.mapping else {
            diags.append(.error("schema.expected-mapping", "`parameters` must be a mapping", at: node.location))
            return base
        }
        var out: [Parameter] = base
        for pair in pairs {
            guard let name = pair.key.scalar?.text else { continue }
            guard SchemaParser.isIdentifier(name) else {
                diags.append(
                    .error("schema.bad-field-name", "`\(name)` is not a valid parameter name", at: pair.key.location))
                continue
            }
            let inherited = base.first { $0.name == name }
            var p = Parameter(
                name: name, value: .null, description: inherited?.description, uncertain: false, source: nil,
                location: pair.key.location, overridden: inherited?.value)
            var valueNode = pair.value
            var declared: FieldType? = inherited.flatMap { ParameterValue.fieldType(of: $0.value) }
            if pair.value.mapping != nil, var f = Fields(pair.value, what: "parameter `\(name)`", into: &diags) {
                guard let v = f.required("value", in: "parameter `\(name)`", into: &diags) else { continue }
                valueNode = v
                p.description = f.string("description", required: false, in: "", into: &diags)
                p.source = f.string("source", required: false, in: "", into: &diags)
                if let u = f.optional("uncertain") { p.uncertain = u.scalar?.boolValue ?? false }
                if let t = f.optional("type") { declared = SchemaParser.field(t, path: name, into: &diags)?.type }
                f.reportUnknownKeys(in: "parameter `\(name)`", into: &diags)
            }
            guard let value = ParameterValue.read(valueNode, declared: declared, name: name, into: &diags) else {
                continue
            }
            p.value = value
            if let i = out.firstIndex(where: { $0.name == name }) { out[i] = p } else { out.append(p) }
        }
        return out
    }

    private mutating func lets(_ node: YAMLNode?, env: inout Environment) -> [LetBinding] {
        guard let node else { return [] }
        guard let pairs = node.mapping else {
            diags.append(
                .error("schema.expected-mapping", "`let` must be a mapping of names to expressions", at: node.location))
            return []
        }
        var pending: [(name: String, node: YAMLNode, reads: Set<String>)] = []
        let names = Set(pairs.compactMap { $0.key.scalar?.text })
        for pair in pairs {
            guard let name = pair.key.scalar?.text else { continue }
            if env.isDeclared(name) {
                diags.append(
                    .error(
                        "ruleset.let-shadows", "`let` name `\(name)` hides a decision field or built-in name",
                        at: pair.key.location))
                continue
            }
            let text = pair.value.scalar?.text ?? ""
            pending.append(
                (name, pair.value, ExpressionCompiler.identifiers(in: text).intersection(names).subtracting([name])))
        }
        var done: [LetBinding] = []
        var defined: Set<String> = []
        while !pending.isEmpty {
            guard let i = pending.firstIndex(where: { $0.reads.isSubset(of: defined) }) else {
                for p in pending {
                    diags.append(
                        .error(
                            "ruleset.let-cycle",
                            "`let` name `\(p.name)` depends on itself through "
                                + p.reads.sorted().map { "`\($0)`" }.joined(separator: ", "),
                            at: p.node.location))
                }
                break
            }
            let p = pending.remove(at: i)
            defined.insert(p.name)
            let compiler = ExpressionCompiler(environment: env.cel)
            guard let e = compiler.compile(p.node, what: "`let` `\(p.name)`", expectBool: false, into: &diags) else {
                continue
            }
            env.declare(p.name, e.program.resultType)
            done.append(LetBinding(name: p.name, expression: e))
        }
        return done
    }

    private mutating func rules(_ node: YAMLNode?, compiler: ExpressionCompiler, tables: [DecisionTable]) -> [Rule] {
        guard let node else { return [] }
        guard let items = node.sequence else {
            diags.append(.error("schema.expected-sequence", "`rules` must be a list of rules", at: node.location))
            return []
        }
        var seen: [String: SourceLocation] = [:]
        var out: [Rule] = []
        for item in items {
            guard var f = Fields(item, what: "a rule", into: &diags) else { continue }
            let id = f.string("id", required: true, in: "a rule", into: &diags) ?? ""
            let what = id.isEmpty ? "a rule" : "rule `\(id)`"
            if let first = seen[id], let n = f.optional("id") {
                diags.append(
                    .error(
                        "ruleset.duplicate-rule-id", "rule id `\(id)` is used twice", at: n.location,
                        notes: [.init(message: "first used here", location: first)]))
            }
            seen[id] = f.optional("id")?.location ?? item.location
            let title = f.string("title", required: true, in: what, into: &diags) ?? ""
            let titleEnglish = f.string("title_en", required: false, in: "", into: &diags)
            let cite = f.string("cite", required: true, in: what, into: &diags) ?? ""
            let description = f.string("description", required: false, in: "", into: &diags)
            let tightens = f.string("tightens", required: false, in: "", into: &diags)
            if tightens != nil, let n = f.optional("tightens"), tightensAt[id] == nil { tightensAt[id] = n.location }
            var severity = RuleSeverity.violation
            if let s = f.optional("severity") {
                if let text = s.scalar?.text, let v = RuleSeverity(rawValue: text) {
                    severity = v
                } else {
                    diags.append(
                        .error(
                            "ruleset.bad-severity", "severity must be violation, warning or notice", at: s.location,
                            help: s.scalar.flatMap {
                                Spelling.closest(to: $0.text, among: RuleSeverity.allCases.map(\.rawValue))
                            }
                            .map { "did you mean `\($0)`?" }))
                }
            }
            let when = f.optional("when").flatMap {
                compiler.compile($0, what: "`when` of \(what)", expectBool: true, into: &diags)
            }
            let require = f.required("require", in: what, into: &diags).flatMap {
                compiler.compile($0, what: "`require` of \(what)", expectBool: true, into: &diags)
            }
            let message =
                f.optional("message").flatMap { compiler.template($0, into: &diags) }
                ?? MessageTemplate(parts: [.text(title)], source: title)
            let messageEnglish =
                f.optional("message_en").flatMap { compiler.template($0, into: &diags) }
                ?? (f.optional("message") == nil
                    ? titleEnglish.map { MessageTemplate(parts: [.text($0)], source: $0) } : nil)
            f.reportUnknownKeys(in: what, into: &diags)
            guard let require else { continue }
            let sources = [when?.source, require.source, message.source, messageEnglish?.source].compactMap { $0 }
                .joined(separator: " ")
            let called = ExpressionCompiler.identifiers(in: sources)
            out.append(
                Rule(
                    id: id, title: title, cite: cite, severity: severity, description: description, when: when,
                    require: require, message: message, titleEnglish: titleEnglish, messageEnglish: messageEnglish,
                    location: item.location,
                    tablesUsed: tables.map(\.name).filter { called.contains($0) }, tightens: tightens))
        }
        return out
    }

    package static func isKebab(_ s: String) -> Bool {
        !s.isEmpty && !s.hasPrefix("-") && !s.hasSuffix("-")
            && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
