import Bylaw
import BylawCEL
import BylawJSON

/// JSON Schemas (draft 2020-12) for the files bylaw reads, so that editors give completion, help and
/// validation through a `# yaml-language-server: $schema=…` comment line:
/// - `ruleSet`: `ruleset*.yaml`, exactly the keys `RuleSetLoader` accepts;
/// - `testFile`: `tests/*.yaml`, exactly the keys `TestCaseLoader` accepts;
/// - `decision(kind:in:)`: one decision kind's input, from the rule sets of a library.
///
/// Keys are written in a fixed order, so the output is deterministic and can be committed.
public enum JSONSchemaWriter {
    public static let draft = "https://json-schema.org/draft/2020-12/schema"
    /// `YYYY-MM-DD`; bylaw also checks that the day exists.
    public static let datePattern = #"^\d{4}-\d{2}-\d{2}$"#
    static let identifierPattern = "^[A-Za-z_][A-Za-z0-9_]*$"
    static let kebabPattern = "^[a-z0-9]+(-+[a-z0-9]+)*$"
    static let decimalPattern = #"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$"#

    // MARK: the rule-set format

    /// The schema of `ruleset*.yaml`.
    public static var ruleSet: OrderedJSON {
        let properties: [(String, OrderedJSON)] = [
            (
                "ruleset",
                described(
                    "The rule set's id, kebab-case (asset-management). Versions of one set share it. 规则集标识。",
                    [("type", .string("string")), ("pattern", .string(kebabPattern))])
            ),
            (
                "extends",
                described(
                    "The id of a rule set this one builds on (a provincial set on the national one): it inherits the "
                        + "parent's input, parameters, lets, tables and rules, applied with the parent version in force "
                        + "on the decision date. 所扩展的规则集。",
                    [("type", .string("string")), ("pattern", .string(kebabPattern))])
            ),
            ("title", ref("text", "The rule set's title, shown in reports. 标题。")),
            (
                "title_en",
                ref("text", "The title in English, shown to English readers (--lang en); default: the title. 英文标题。")
            ),
            ("version", ref("text", "The rule set's own version, such as 1.0.0; reports name it. 版本。")),
            ("description", ref("text", "Optional free text about the rule set. 说明。")),
            (
                "source",
                described(
                    "Required: which regulation, which version, the rules come from. 所依据的规定。",
                    strictObject(
                        [
                            ("title", ref("text", "The regulation's title. 规定名称。")),
                            ("issuer", ref("text", "Who issued it. 发布机关。")),
                            ("version", ref("text", "Which version or year of it. 版本或年份。")),
                            ("note", ref("text", "Anything a reviewer should know about the source. 备注。")),
                            ("url", ref("text", "Where to read it.")),
                            ("article", ref("text", "The article or chapter the set covers.")),
                        ], required: ["title"]))
            ),
            (
                "effective",
                described(
                    "When this version is in force: `from` inclusive, `until` exclusive (the day the next version "
                        + "starts). Without it the version is always in force. 生效期间。",
                    strictObject(
                        [
                            ("from", ref("date", "The first day in force, YYYY-MM-DD.")),
                            ("until", ref("date", "The first day no longer in force, YYYY-MM-DD (exclusive).")),
                        ], required: ["from"]))
            ),
            ("applies_to", ref("text", "The decision kind this set checks: a decision's `kind` selects it. 适用的决定类型。")),
            (
                "scope",
                described(
                    "Limits the set to decisions of some units: it applies only when the decision's unit is one of "
                        + "`units` or lies under one (acftu/guangdong takes in acftu/guangdong/shenzhen). 适用单位范围。",
                    strictObject(
                        [
                            (
                                "units",
                                described(
                                    "Unit paths, /-separated.",
                                    [("type", .string("array")), ("items", ref("text")), ("minItems", .int(1))])
                            )
                        ], required: ["units"]))
            ),
            (
                "calendar",
                ref(
                    "text",
                    "The working-day calendar, read from rules/calendars/<name>.yaml, for working-day functions. 工作日历。"
                )
            ),
            (
                "sensitive",
                described(
                    "Decision paths masked in the audit trail, such as buyer.id_number. 审计记录中需遮蔽的字段。",
                    [("type", .string("array")), ("items", ref("text"))])
            ),
            (
                "parameters",
                described(
                    "Named constants, read in expressions as params.<name>: a value, or a mapping with `value`, "
                        + "`description`, `source`, `uncertain` and `type`. 参数。",
                    [
                        ("type", .string("object")), ("propertyNames", identifierNames),
                        ("additionalProperties", ref("parameter")),
                    ])
            ),
            (
                "input",
                ref(
                    "fieldMap",
                    "The decision fields this set reads (kind, id, date and unit are always there). A `?` after a "
                        + "name marks an optional field. 决定中读取的字段。")
            ),
            (
                "let",
                described(
                    "Named values, computed once per decision in dependency order: name → CEL expression. 命名中间值。",
                    [
                        ("type", .string("object")), ("propertyNames", identifierNames),
                        ("additionalProperties", ref("expression")),
                    ])
            ),
            (
                "tables",
                described(
                    "Decision tables, each callable in expressions as a function of no arguments: name(). 决策表。",
                    [
                        ("type", .string("object")), ("propertyNames", identifierNames),
                        ("additionalProperties", ref("table")),
                    ])
            ),
            (
                "rules",
                described(
                    "The rules: each has an id, a title, a citation and a `require` expression. 规则。",
                    [("type", .string("array")), ("items", ref("rule"))])
            ),
        ]
        return .object(
            [
                ("$schema", .string(draft)),
                ("title", .string("bylaw rule set")),
                (
                    "description",
                    .string(
                        "A bylaw rule set (rules/<name>/ruleset*.yaml); see docs/ruleset-format.md. Unknown keys are errors."
                    )
                ),
            ]
                + strictObject(
                    properties, required: ["ruleset", "title", "version", "source", "applies_to", "rules"])
                + [("$defs", .object(ruleSetDefinitions))])
    }

    static var ruleSetDefinitions: [(String, OrderedJSON)] {
        let specKeys = ["type", "enum", "list", "fields", "optional", "description", "label", "aliases", "min"]
        return [
            ("text", text),
            ("date", date),
            (
                "expression",
                described(
                    "A CEL expression. Names in scope: the decision's top-level fields, decision, params, today, "
                        + "the let names, and each table as name().",
                    [("type", scalarTypes)])
            ),
            (
                "parameter",
                described(
                    "A parameter: a value (a number, text, true/false or a list), or a mapping with `value` and notes.",
                    [
                        (
                            "anyOf",
                            .array([
                                ref("parameterValue"),
                                strictObjectValue(
                                    [
                                        (
                                            "value",
                                            described(
                                                "The value; typed by `type` when given, else a plain number is an int "
                                                    + "or an exact decimal.",
                                                [
                                                    (
                                                        "type",
                                                        .array(
                                                            (scalarNames + ["array", "object"]).map(OrderedJSON.string))
                                                    )
                                                ])
                                        ),
                                        ("description", ref("text", "What the figure means. 参数含义。")),
                                        ("source", ref("text", "Where the figure comes from. 出处。")),
                                        (
                                            "uncertain",
                                            described(
                                                "True when the figure's source is not certain: the rule book says so. 出处不确定。",
                                                [("type", .string("boolean"))])
                                        ),
                                        ("type", ref("fieldSpec", "The value's type, as in `input`.")),
                                    ], required: ["value"]),
                            ])
                        )
                    ])
            ),
            (
                "parameterValue",
                described(
                    "A number (int or plain decimal), text, true/false, or a list of such values.",
                    [
                        ("type", .array((scalarNames + ["array"]).map(OrderedJSON.string))),
                        ("items", ref("parameterValue")),
                    ])
            ),
            (
                "fieldSpec",
                described(
                    "A field's type: bool, int, decimal, string or date; {enum: [a, b]}; {list: SPEC}; "
                        + "{type: T, optional: true, description: D}; {fields: {…}}; or a mapping of field names (an object).",
                    [
                        (
                            "anyOf",
                            .array([
                                ref("typeName"),
                                ref("fieldOptions"),
                                .object([
                                    ("$ref", .string("#/$defs/fieldMap")),
                                    (
                                        "not",
                                        .object([
                                            ("minProperties", .int(1)),
                                            ("propertyNames", .object([("enum", strings(specKeys))])),
                                        ])
                                    ),
                                ]),
                            ])
                        )
                    ])
            ),
            (
                "typeName",
                described(
                    "bool (true/false), int (-?digits, no leading zero), decimal (plain digits with an optional fraction), "
                        + "string, or date (YYYY-MM-DD).",
                    [("enum", strings(SchemaParser.scalarTypes.keys.sorted()))])
            ),
            (
                "fieldOptions",
                described(
                    "A field spec with options: exactly one of `type`, `enum`, `list` or `fields`.",
                    strictObject(
                        [
                            ("type", ref("fieldSpec", "The field's type.")),
                            (
                                "enum",
                                described(
                                    "The field is one of these strings.",
                                    [
                                        ("type", .string("array")), ("items", ref("text")), ("minItems", .int(1)),
                                        ("uniqueItems", .bool(true)),
                                    ])
                            ),
                            ("list", ref("fieldSpec", "The field is a list of this type.")),
                            ("fields", ref("fieldMap", "The field is an object with these fields.")),
                            (
                                "optional",
                                described("True when the field may be absent. 可选字段。", [("type", .string("boolean"))])
                            ),
                            ("description", ref("text", "What the field means; shown in error help. 字段说明。")),
                            (
                                "label",
                                ref(
                                    "text",
                                    "What people call the field, in Chinese: the column header a spreadsheet gives it, "
                                        + "matched by `bylaw map init`, and its meaning in the rule book. 字段名称。")
                            ),
                            (
                                "aliases",
                                described(
                                    "Other column headers that mean the field, for `bylaw map init`. 别名。",
                                    [("type", .string("array")), ("items", ref("text")), ("uniqueItems", .bool(true))])
                            ),
                            (
                                "min",
                                described(
                                    "The least value an int or decimal field may take (0 for a count or an amount); "
                                        + "a smaller one makes the decision invalid. 最小值。",
                                    [("type", .string("number"))])
                            ),
                        ], required: [])
                        + [
                            ("minProperties", .int(1)),
                            (
                                "oneOf",
                                .array(
                                    ["type", "enum", "list", "fields"].map {
                                        .object([("required", strings([$0]))])
                                    })
                            ),
                        ])
            ),
            (
                "fieldMap",
                described(
                    "Field names (ASCII letters, digits and _, a `?` at the end for optional) mapped to their types.",
                    [
                        ("type", .string("object")),
                        ("propertyNames", .object([("pattern", .string("^[A-Za-z_][A-Za-z0-9_]*\\??$"))])),
                        ("additionalProperties", ref("fieldSpec")),
                    ])
            ),
            (
                "table",
                described(
                    "A decision table: rows of cells, one per input, and an output.",
                    strictObject(
                        [
                            ("description", ref("text", "What the table decides. 说明。")),
                            (
                                "hit",
                                described(
                                    "first (the first matching row, the default), unique (more than one match is an error), "
                                        + "any (several may match with the same output), collect (the list of all outputs).",
                                    [
                                        ("enum", strings(DecisionTable.HitPolicy.allCases.map(\.rawValue))),
                                        ("default", .string("first")),
                                    ])
                            ),
                            (
                                "inputs",
                                described(
                                    "CEL expressions, one per column.",
                                    [("type", .string("array")), ("items", ref("expression"))])
                            ),
                            ("output", ref("fieldSpec", "The output's type, as in `input`; string by default.")),
                            (
                                "rows",
                                described("The rows, in order.", [("type", .string("array")), ("items", ref("row"))])
                            ),
                            (
                                "default",
                                ref("tableValue", "The output when no row matches; without it that is an error.")
                            ),
                        ], required: ["inputs", "rows"]))
            ),
            (
                "row",
                described(
                    "One row: `when` lists one cell per input, `then` is the output.",
                    strictObject(
                        [
                            (
                                "when",
                                described(
                                    "One cell per input.", [("type", .string("array")), ("items", ref("cell"))])
                            ),
                            ("then", ref("tableValue", "The output when every cell matches.")),
                            ("note", ref("text", "A remark for reviewers.")),
                        ], required: ["when", "then"]))
            ),
            (
                "cell",
                described(
                    "any or - (anything), a literal (500000, 2017-01-01, building), a unary test (>= 500000, != vehicle), "
                        + "a range ([50000..500000)), a list of values ([vehicle, it]) or {expr: \"it > params.x\"}.",
                    [
                        (
                            "anyOf",
                            .array([
                                .object([("type", scalarTypes)]),
                                .object([("type", .string("array")), ("items", .object([("type", scalarTypes)]))]),
                                strictObjectValue(
                                    [("expr", ref("expression", "A CEL test in which `it` is the input's value."))],
                                    required: ["expr"]),
                            ])
                        )
                    ])
            ),
            (
                "tableValue",
                described(
                    "A value of the table's output type.",
                    [("type", .array((scalarNames + ["array", "object"]).map(OrderedJSON.string)))])
            ),
            (
                "rule",
                described(
                    "One checkable requirement of the regulation.",
                    strictObject(
                        [
                            ("id", ref("text", "Unique within the set, such as AD-03; tests name rules by it. 规则编号。")),
                            (
                                "tightens",
                                ref(
                                    "text",
                                    "In a set that `extends` another: the id of the parent's rule this one replaces. "
                                        + "It must be at least as strict; bylaw lint reports loosening. 收紧的上级规则。")
                            ),
                            ("title", ref("text", "A one-line statement of the requirement. 标题。")),
                            (
                                "title_en",
                                ref(
                                    "text",
                                    "The title in English, shown to English readers (--lang en); default: the title. "
                                        + "英文标题。")
                            ),
                            ("cite", ref("text", "The article it comes from; copied into every finding. 条款出处。")),
                            (
                                "severity",
                                described(
                                    "violation (makes the decision non_compliant), warning (needs_review) or notice "
                                        + "(reported only). 严重程度。",
                                    [
                                        ("enum", strings(RuleSeverity.allCases.map(\.rawValue))),
                                        ("default", .string("violation")),
                                    ])
                            ),
                            (
                                "when",
                                ref(
                                    "expression",
                                    "Applicability: when false the rule is not_applicable. Default true. 适用条件。")
                            ),
                            ("require", ref("expression", "What must hold; false means the rule failed. 要求。")),
                            (
                                "message",
                                ref(
                                    "text",
                                    "The finding's message; {expr} placeholders are CEL. Default: the title. 提示信息。")
                            ),
                            (
                                "message_en",
                                ref(
                                    "text",
                                    "The message in English, for English readers (--lang en); {expr} placeholders as "
                                        + "in `message`. Default: `title_en` when there is no `message`, else the "
                                        + "message. 英文提示信息。")
                            ),
                            ("description", ref("text", "Optional free text. 说明。")),
                        ], required: ["id", "title", "cite", "require"]))
            ),
        ]
    }

    // MARK: the test-case format

    /// The schema of `tests/*.yaml`.
    public static var testFile: OrderedJSON {
        let expect = strictObjectValue(
            [
                (
                    "verdict",
                    described(
                        "The verdict the decision must get.", [("enum", strings(Verdict.allCases.map(\.rawValue)))])
                ),
                ("failed", ids("The rule ids that must fail: exact, in any order.")),
                ("not_applicable", ids("Optional; when given, exactly the rules that must be not_applicable.")),
                ("errors", ids("Optional; when given, exactly the rules whose evaluation must fail.")),
                (
                    "provisional",
                    ids(
                        "Optional; when given, exactly the rules whose result rests on a provisional calendar year."
                    )
                ),
                (
                    "messages",
                    described(
                        "Optional: rule id → the exact message it must give.",
                        [("type", .string("object")), ("additionalProperties", ref("text"))])
                ),
            ], required: [])
        let testCase = strictObjectValue(
            [
                ("name", ref("text", "The case's name, unique in the file. 用例名称。")),
                ("description", ref("text", "Optional free text.")),
                (
                    "decision",
                    described(
                        "The decision: a path relative to this file (../examples/x.yaml) or an inline mapping; "
                            + "or give `base` and `patch` instead. 被检查的决定。",
                        [
                            (
                                "anyOf",
                                .array([.object([("type", .string("string"))]), .object([("type", .string("object"))])])
                            )
                        ])
                ),
                (
                    "base",
                    described(
                        "Instead of `decision`: a decision file (a path relative to this file) that `patch` changes. "
                            + "基础决定文件。", [("type", .string("string"))])
                ),
                (
                    "patch",
                    described(
                        "With `base`: a JSON merge patch (RFC 7396) of the base decision: mappings merge key by key, "
                            + "a list or a scalar replaces, null removes the field. 对基础决定的修改。",
                        [("type", .string("object"))])
                ),
                ("as_of", ref("date", "Optional: check as of this date instead of the decision's own.")),
                ("expect", described("What checking the decision must give. 预期结果。", expectObject(expect))),
            ], required: ["name", "expect"])
        return .object(
            [
                ("$schema", .string(draft)),
                ("title", .string("bylaw test cases")),
                (
                    "description",
                    .string(
                        "The test cases of a rule set (rules/<name>/tests/*.yaml); see docs/ruleset-format.md. "
                            + "Unknown keys are errors.")
                ),
            ]
                + strictObject(
                    [("cases", described("The cases. 测试用例。", [("type", .string("array")), ("items", testCase)]))],
                    required: ["cases"])
                + [("$defs", .object([("text", text), ("date", date)]))])
    }

    private static func expectObject(_ o: OrderedJSON) -> [(String, OrderedJSON)] {
        guard case .object(let pairs) = o else { return [] }
        return pairs
    }

    private static func ids(_ description: String) -> OrderedJSON {
        described(description, [("type", .string("array")), ("items", ref("text"))])
    }

    // MARK: decisions

    /// The input schema of decisions of `kind`: the union, over every date, of the merged inputs of the
    /// rule sets in force on that date. A field is required when every such combination requires it;
    /// a field typed differently by different versions accepts either type. `nil` when no rule set applies to `kind`.
    /// The texts of a decision's schema in the reader's language, by key (the catalogue's `decision-schema.<key>`):
    /// `title` and `description` (`{0}` the kind, `{1}` the rule sets), `kind`, the common fields `id`, `date` and
    /// `unit`, and the value hints `hint.decimal`, `hint.date` and `hint.int`.
    public typealias DecisionWords = (_ key: String, _ arguments: [String]) -> String

    public static func decision(kind: String, in library: RuleLibrary, words: @escaping DecisionWords) -> OrderedJSON? {
        let sets = library.ruleSets.filter { $0.appliesTo == kind }
        guard !sets.isEmpty, let earliest = CELDate(daysSinceEpoch: CELDate.minDays) else { return nil }
        var days: Set<CELDate> = [earliest]
        for s in sets {
            if let d = s.effectiveFrom { days.insert(d) }
            if let d = s.effectiveUntil { days.insert(d) }
        }
        var seen: Set<[String]> = []
        var merged: OrderedJSON?
        // Scoped sets apply only to some units: one unit outside every scope, and one per scope.
        let units: [String?] = [nil] + Array(Set(sets.flatMap { $0.scopeUnits ?? [] })).sorted()
        for day in days.sorted() {
            for unit in units {
                let inForce = library.applicable(kind: kind, on: day, unit: unit)
                guard !inForce.isEmpty, seen.insert(inForce.map(\.file)).inserted else { continue }
                var schema = Environment.common
                for s in inForce {
                    if case .success(let m) = schema.merged(with: s.input) { schema = m }
                }
                let json = objectJSON(schema, description: nil, kind: kind, words: words)
                merged = merged.map { union($0, json) } ?? json
            }
        }
        guard case .object(let body)? = merged else { return nil }
        var files: Set<String> = []
        let names = sets.sorted { ($0.id, $0.file) < ($1.id, $1.file) }.filter { files.insert($0.file).inserted }
            .map { "\($0.id) \($0.version)" }
        return .object(
            [
                ("$schema", .string(draft)),
                ("title", .string(words("title", [kind]))),
                ("description", .string(words("description", [kind, names.joined(separator: ", ")]))),
            ] + body)
    }

    static func objectJSON(
        _ schema: ObjectSchema, description: String?, kind: String? = nil, words: DecisionWords
    ) -> OrderedJSON {
        var properties: [(String, OrderedJSON)] = []
        for f in schema.fields {
            if let kind, f.name == "kind" {
                let text = words("kind", [])
                properties.append(("kind", described(text, [("const", .string(kind))])))
            } else {
                // The fields every decision has are described in the reader's language; a rule set's own fields
                // by their author's description.
                let common = kind != nil && ["id", "date", "unit"].contains(f.name)
                var json = fieldJSON(
                    f.type, description: common ? words(f.name, []) : f.description,
                    minimum: f.minimum, words: words)
                // The label (`账面原值`) is what people call the field: an editor or a form shows it as the title.
                if let label = f.label, case .object(let pairs) = json {
                    json = .object([("title", .string(label))] + pairs)
                }
                properties.append((f.name, json))
            }
        }
        var pairs: [(String, OrderedJSON)] = []
        if let description { pairs.append(("description", .string(description))) }
        return .object(
            pairs
                + strictObject(properties, required: schema.fields.filter { !$0.optional }.map(\.name)))
    }

    static func fieldJSON(
        _ type: FieldType, description: String?, minimum: CELDecimal? = nil, words: DecisionWords
    ) -> OrderedJSON {
        let base: [(String, OrderedJSON)]
        // A whole `min` is JSON Schema's `minimum` (a number given as text cannot be bounded there).
        let least: [(String, OrderedJSON)] =
            minimum.flatMap { Int($0.description) }.map { [("minimum", .int($0))] } ?? []
        switch type {
        case .bool: base = [("type", .string("boolean"))]
        case .int: base = [("type", .string("integer"))] + least
        case .decimal:
            base = [
                (
                    "anyOf",
                    .array([
                        .object([("type", .string("number"))] + least),
                        .object([("type", .string("string")), ("pattern", .string(decimalPattern))]),
                    ])
                )
            ]
        case .string: base = [("type", scalarTypes)]
        case .date: base = [("type", .string("string")), ("pattern", .string(datePattern))]
        case .enumeration(let values): base = [("enum", strings(values))]
        case .list(let item):
            base = [("type", .string("array")), ("items", fieldJSON(item, description: nil, words: words))]
        case .object(let schema): return objectJSON(schema, description: description, words: words)
        }
        let hint: String
        switch type {
        case .decimal: hint = words("hint.decimal", [])
        case .date: hint = words("hint.date", [])
        case .int: hint = words("hint.int", [])
        default: hint = ""
        }
        let text = [description, hint.isEmpty ? nil : hint].compactMap { $0 }.joined(separator: " — ")
        return text.isEmpty ? .object(base) : described(text, base)
    }

    /// The union of two schemas of one value: objects merge their properties (required only when both
    /// require), lists merge their items, equal schemas stay, and anything else becomes `anyOf`.
    static func union(_ a: OrderedJSON, _ b: OrderedJSON) -> OrderedJSON {
        // A field whose label changed between versions is one field: the later version's label is its title.
        if case .object(let x) = a, case .object(let y) = b, a["title"] != nil || b["title"] != nil {
            let title = b["title"] ?? a["title"]
            let merged = union(.object(x.filter { $0.0 != "title" }), .object(y.filter { $0.0 != "title" }))
            guard let title, case .object(let pairs) = merged else { return merged }
            return .object([("title", title)] + pairs)
        }
        if a.compact == b.compact { return a }
        if case .object(let x) = a, case .object(let y) = b {
            if a["properties"] != nil, b["properties"] != nil, case .object(let px)? = a["properties"],
                case .object(let py)? = b["properties"]
            {
                var props = px
                for (name, schema) in py {
                    if let i = props.firstIndex(where: { $0.0 == name }) {
                        props[i].1 = union(props[i].1, schema)
                    } else {
                        props.append((name, schema))
                    }
                }
                let ry = Set(requiredNames(b))
                let required = requiredNames(a).filter { ry.contains($0) }
                return .object(
                    x.map { pair in
                        switch pair.0 {
                        case "properties": ("properties", .object(props))
                        case "required": ("required", strings(required))
                        default: pair
                        }
                    })
            }
            if case .string("array")? = a["type"], case .string("array")? = b["type"], let ia = a["items"],
                let ib = b["items"]
            {
                return .object(x.map { $0.0 == "items" ? ("items", union(ia, ib)) : $0 })
            }
            _ = y
        }
        var options: [OrderedJSON] = []
        for s in [a, b] {
            if case .array(let alts)? = s["anyOf"], s.objectCount == 1 { options += alts } else { options.append(s) }
        }
        var unique: [OrderedJSON] = []
        for o in options where !unique.contains(where: { $0.compact == o.compact }) { unique.append(o) }
        return .object([("anyOf", .array(unique))])
    }

    private static func requiredNames(_ o: OrderedJSON) -> [String] {
        guard case .array(let items)? = o["required"] else { return [] }
        return items.compactMap {
            if case .string(let s) = $0 { return s }
            return nil
        }
    }

    // MARK: building blocks

    static let scalarNames = ["string", "number", "boolean"]
    static var scalarTypes: OrderedJSON { .array(scalarNames.map(OrderedJSON.string)) }
    static var text: OrderedJSON {
        described("Text. A plain number or true/false is read as its text.", [("type", scalarTypes)])
    }
    static var date: OrderedJSON {
        described(
            "A calendar date written YYYY-MM-DD (YAML 1.2 reads it as text; bylaw checks the day exists).",
            [("type", .string("string")), ("pattern", .string(datePattern))])
    }
    static var identifierNames: OrderedJSON { .object([("pattern", .string(identifierPattern))]) }

    static func strings(_ values: [String]) -> OrderedJSON { .array(values.map(OrderedJSON.string)) }

    static func described(_ description: String, _ pairs: [(String, OrderedJSON)]) -> OrderedJSON {
        .object([("description", .string(description))] + pairs)
    }

    static func ref(_ name: String, _ description: String? = nil) -> OrderedJSON {
        .object(
            (description.map { [("description", OrderedJSON.string($0))] } ?? []) + [
                ("$ref", .string("#/$defs/\(name)"))
            ])
    }

    /// `type: object` with these properties, `required` (when not empty) and no other keys.
    static func strictObject(_ properties: [(String, OrderedJSON)], required: [String]) -> [(String, OrderedJSON)] {
        [("type", .string("object")), ("properties", .object(properties))]
            + (required.isEmpty ? [] : [("required", strings(required))])
            + [("additionalProperties", .bool(false))]
    }

    static func strictObjectValue(_ properties: [(String, OrderedJSON)], required: [String]) -> OrderedJSON {
        .object(strictObject(properties, required: required))
    }
}

extension OrderedJSON {
    fileprivate var objectCount: Int {
        if case .object(let pairs) = self { return pairs.count }
        return 0
    }
}
