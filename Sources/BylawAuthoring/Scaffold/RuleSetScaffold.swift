import Bylaw
import BylawCEL

/// The files `bylaw new` writes: a commented `ruleset.yaml` with one input field and one rule, a compliant
/// and a non-compliant example, and `tests/cases.yaml` with one case per rule, so that `bylaw test` passes
/// (with full coverage) on a fresh scaffold.
public enum RuleSetScaffold {
    /// A lowercase ASCII id with single `-` between words: `travel-expenses`.
    public static func isKebab(_ s: String) -> Bool {
        RuleSetLoader.isKebab(s) && !s.contains("--")
    }

    /// A decision kind: ASCII letters, digits, `_` and `-`, starting with a lowercase letter: `asset_disposal`.
    public static func isKind(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return s.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
    }

    /// The rule-id prefix: the initials of a name's words (`travel-expenses` → `TE`), or the first two letters.
    public static func prefix(of name: String) -> String {
        let words = name.split(separator: "-")
        let p = words.count > 1 ? String(words.compactMap(\.first)) : String(name.prefix(2))
        return p.uppercased()
    }

    /// The placeholder texts an author replaces, by key, in the author's language (the catalogue's
    /// `new.placeholder.<key>`): `title`, `description`, `source-title`, `issuer`, `version`, `param-meaning`,
    /// `param-source`, `amount-meaning`, `rule-title`, `cite`, `message` (a rule message template) and
    /// `case-name` (`{0}` the rule's id). The comments stay in both languages.
    public typealias Placeholders = (_ key: String, _ arguments: [String]) -> String

    /// `(path relative to the new folder, contents)`, in the order they are written.
    public static func files(name: String, kind: String, placeholders say: Placeholders)
        -> [(path: String, contents: String)]
    {
        let rule = prefix(of: name) + "-01"
        return [
            ("ruleset.yaml", ruleSet(name: name, kind: kind, rule: rule, say)),
            ("examples/compliant-example.yaml", example(kind: kind, compliant: true)),
            ("examples/non-compliant-example.yaml", example(kind: kind, compliant: false)),
            ("tests/cases.yaml", tests(name: name, rule: rule, say)),
        ]
    }

    /// A placeholder as a YAML plain scalar, or single-quoted where it would not read as one.
    static func scalar(_ text: String) -> String {
        let plain = !text.contains(": ") && !text.contains(" #") && !text.hasPrefix("{") && !text.hasPrefix("'")
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    static func ruleSet(name: String, kind: String, rule: String, _ say: Placeholders) -> String {
        func p(_ key: String) -> String { scalar("TODO " + say(key, [])) }
        return """
            # yaml-language-server: $schema=../../schemas/ruleset.schema.json
            # \(name): a bylaw rule set. The format is described in docs/ruleset-format.md; the comment line above
            # lets an editor with a YAML extension complete and check every key. Run its cases with:
            #   bylaw test rules/\(name)
            # 规则集。格式见 docs/ruleset-format.md；第一行让编辑器补全并检查每个键。运行用例：bylaw test rules/\(name)

            # The rule set's id, kebab-case; versions of one set share it. 规则集标识（小写字母、数字和连字符）。
            ruleset: \(name)
            # Title and version appear in every report. 标题和版本会出现在每份报告中。
            title: \(p("title"))
            version: 0.1.0
            # Optional free text: what the set checks and what it leaves out. 可选说明。
            description: \(p("description"))

            # Required: the regulation the rules come from, and which version of it. 必填：所依据的规定及其版本。
            source:
              title: \(p("source-title"))
              issuer: \(p("issuer"))
              version: \(p("version"))
              # note: anything a reviewer should know about the source / 审核人需要知道的说明

            # When this version is in force: `from` inclusive, `until` exclusive (the day a next version starts).
            # 生效期间：from 含当日，until 不含当日（下一版本开始之日）。
            effective: {from: 2024-01-01}

            # The decision kind: decisions whose `kind` is this are checked by this set. 适用的决定类型。
            applies_to: \(kind)

            # Optional: a working-day calendar, rules/calendars/<name>.yaml, for working-day functions.
            # 可选：工作日历，供工作日函数使用。
            # calendar: cn-mainland

            # Optional: decision paths masked in the audit trail. 可选：审计记录中遮蔽的字段。
            # sensitive: [applicant.id_number]

            # Named constants, read in expressions as params.<name>. Mark a figure whose source is not certain
            # with `uncertain: true`. 参数，在表达式中写作 params.<名称>；出处不确定的数字标 uncertain: true。
            parameters:
              max_amount:
                value: 10000.00
                description: \(p("param-meaning"))
                source: \(p("param-source"))
                # uncertain: true

            # The decision fields the rules read; kind, id, date and unit are always there. Types: bool, int,
            # decimal, string, date, {enum: [a, b]}, {list: TYPE}, or a mapping of fields (an object); a `?` after
            # a name, or `optional: true`, marks an optional field.
            # 输入字段（kind、id、date、unit 总是存在）。类型：bool、int、decimal、string、date、{enum: [...]}、
            # {list: ...} 或字段映射；名称后加 ? 或写 optional: true 表示可选。
            input:
              amount: {type: decimal, description: \(p("amount-meaning"))}

            # Optional: named values computed once per decision, usable in every rule. 可选：命名中间值。
            # let:
            #   over_limit: amount > params.max_amount

            # Optional: decision tables (hit policy, inputs, rows of cells, output); see docs/ruleset-format.md.
            # 可选：决策表，见 docs/ruleset-format.md。
            # tables: {}

            # The rules. Each needs an id, a title, a citation (`cite`) and a CEL `require` that must be true;
            # `when` says when the rule applies (default: always); severity is violation (the default), warning
            # or notice; {…} in the message is CEL. Each rule needs a case in tests/ that makes it fail.
            # 规则：id、title、cite、require 必填；when 为适用条件（默认总是适用）；severity 为 violation（默认）、
            # warning 或 notice；message 中的 {…} 是表达式。每条规则都要有一个使其不通过的测试用例。
            rules:
              - id: \(rule)
                title: \(p("rule-title"))
                cite: \(p("cite"))
                severity: violation
                when: amount > 0.0
                require: amount <= params.max_amount
                message: \(scalar(say("message", [])))

            """
    }

    static func example(kind: String, compliant: Bool) -> String {
        let header =
            compliant
            ? """
            # A decision that satisfies every rule. A file whose name starts with `compliant` must be compliant:
            # bylaw test checks it. 合规示例：文件名以 compliant 开头，bylaw test 要求其结果为 compliant。
            """
            : """
            # A decision that breaks a rule. A file whose name starts with `non-compliant` must be non_compliant:
            # bylaw test checks it. 不合规示例：文件名以 non-compliant 开头，bylaw test 要求其结果为 non_compliant。
            """
        return """
            \(header)
            # `bylaw schema --decision \(kind)` prints the JSON Schema of these files.
            kind: \(kind)
            id: EXAMPLE-\(compliant ? "001" : "002")
            date: 2024-03-01
            unit: example/unit
            amount: \(compliant ? "8000.00" : "12000.00")

            """
    }

    static func tests(name: String, rule: String, _ say: Placeholders) -> String {
        return """
            # yaml-language-server: $schema=../../../schemas/test.schema.json
            # Test cases of \(name): at least one case per rule that makes it fail. `decision` is a path relative
            # to this file or an inline mapping; `failed` lists exactly the rules that must fail.
            # 测试用例：每条规则至少有一个使其不通过的用例。decision 为相对本文件的路径或直接写出的决定。
            cases:
              - name: \(scalar(say("case-name", [rule])))
                decision: ../examples/non-compliant-example.yaml
                expect:
                  verdict: non_compliant
                  failed: [\(rule)]

            """
    }
}
