import BylawCEL
import BylawDiagnostics
import BylawYAML

/// Reads one `ruleset*.yaml` file into a `RuleSet`, validating every key and compiling every expression.
struct RuleSetLoader {
    let file: String
    /// Finds a calendar by name (`rules/calendars/<name>.yaml`).
    let calendars: (String) -> Result<WorkingCalendar, LoadFailure>
    var diags: [Diagnostic] = []

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

    mutating func parse(_ root: YAMLNode) -> RuleSet? {
        guard var f = Fields(root, what: "a rule set", into: &diags) else { return nil }
        let id = f.string("ruleset", required: true, in: "a rule set", into: &diags) ?? ""
        if !id.isEmpty, !Self.isKebab(id), let n = f.optional("ruleset") {
            diags.append(
                .error(
                    "ruleset.bad-id", "rule-set id `\(id)` must be kebab-case, such as `asset-management`",
                    at: n.location))
        }
        let title = f.string("title", required: true, in: "a rule set", into: &diags) ?? ""
        let version = f.string("version", required: true, in: "a rule set", into: &diags) ?? ""
        let description = f.string("description", required: false, in: "", into: &diags)
        let appliesTo = f.string("applies_to", required: true, in: "a rule set", into: &diags) ?? ""
        let source = self.source(f.required("source", in: "a rule set", into: &diags))
        let (from, until) = effective(f.optional("effective"))
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
        let parameters = self.parameters(f.optional("parameters"))
        let input = f.optional("input").map { SchemaParser.object($0, path: "", into: &diags) } ?? ObjectSchema()

        var env = Environment.base(input: input, parameters: parameters)
        let lets = self.lets(f.optional("let"), env: &env)
        var tables: [DecisionTable] = []
        if let t = f.optional("tables") {
            tables = TableLoader.tables(t, compiler: ExpressionCompiler(environment: env.cel), into: &diags)
        }
        for table in tables { env.declareTable(table) }
        let compiler = ExpressionCompiler(environment: env.cel)
        let rules = self.rules(f.required("rules", in: "a rule set", into: &diags), compiler: compiler, tables: tables)
        f.reportUnknownKeys(in: "a rule set", into: &diags)

        return RuleSet(
            id: id, title: title, version: version, description: description, source: source, effectiveFrom: from,
            effectiveUntil: until, appliesTo: appliesTo, calendarName: calendarName, calendar: calendar,
            sensitive: sensitive, parameters: parameters, input: input, lets: lets, tables: tables, rules: rules,
            file: file)
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

    private mutating func parameters(_ node: YAMLNode?) -> [Parameter] {
        guard let node else { return [] }
        guard let pairs = node.mapping else {
            diags.append(.error("schema.expected-mapping", "`parameters` must be a mapping", at: node.location))
            return []
        }
        var out: [Parameter] = []
        for pair in pairs {
            guard let name = pair.key.scalar?.text else { continue }
            guard SchemaParser.isIdentifier(name) else {
                diags.append(
                    .error("schema.bad-field-name", "`\(name)` is not a valid parameter name", at: pair.key.location))
                continue
            }
            var p = Parameter(name: name, value: .null, description: nil, uncertain: false, source: nil)
            var valueNode = pair.value
            var declared: FieldType?
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
            out.append(p)
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
            let cite = f.string("cite", required: true, in: what, into: &diags) ?? ""
            let description = f.string("description", required: false, in: "", into: &diags)
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
            f.reportUnknownKeys(in: what, into: &diags)
            guard let require else { continue }
            let sources = [when?.source, require.source, message.source].compactMap { $0 }.joined(separator: " ")
            let called = ExpressionCompiler.identifiers(in: sources)
            out.append(
                Rule(
                    id: id, title: title, cite: cite, severity: severity, description: description, when: when,
                    require: require, message: message, location: item.location,
                    tablesUsed: tables.map(\.name).filter { called.contains($0) }))
        }
        return out
    }

    static func isKebab(_ s: String) -> Bool {
        !s.isEmpty && !s.hasPrefix("-") && !s.hasSuffix("-")
            && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
