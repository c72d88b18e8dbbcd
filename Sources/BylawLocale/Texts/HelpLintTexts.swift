/// The catalogue's help texts of `bylaw lint`.
enum HelpLintTexts {
    static let entries: [CatalogueEntry] = [
        CatalogueEntry(
            "help.lint.discussion",
            zh: """
                像 `check` 一样加载每个规则集，报告每个加载错误（YAML、格式、CEL 类型），再分析能加载的规则集。\
                每条发现都有稳定的代码、严重程度、所指节点的文件、行和列，以及一行提示。

                PATH 可以是规则集文件夹、单个 ruleset*.yaml 文件或包含多个规则集文件夹的规则库；\
                默认为 --rules 文件夹（./rules）。同一规则集的各个版本在一起检查的文件之间相互比较。

                决定表按输入逐一分析：enum 和 bool 输入逐值分析；int、decimal 和 date 输入按单元格\
                所列的值切成区间，精确比较（`[`/`]` 含端点，`(`/`)` 不含）。遗漏的区间附一个无行匹配的示例输入。\
                形如 `it <op> value` 或 `it in list`、值为字面量或 params 的 CEL 单元格可以读懂；\
                其他 CEL 单元格视为未知，只有无论其结果如何都成立的问题才报告。

                只读常量（params、字面量、只读常量的 `let`）的 `when` 或 `require` 在检查时即求值；\
                同一字段以 && 连接、不能同时成立的比较（`x > 5 && x < 3`）构成永不为真的条件。

                扩展其他规则集的规则集与上级的每个版本比较：`tightens` 上级规则的规则，或新的参数值，\
                不得降低下限、提高上限、删去审批或条件，也不得缩小 `when`。请与上级一起检查（整个规则库，或两个文件夹）。\
                每条发现只报告一次，报在声明其对象的文件中：继承的规则或表报在上级，\
                除非问题只由下级的参数值引起（此时报在下级的参数处）。

                检查项
                {0}
                工作日历已确认的年份在 --as-of（默认为今天，这是唯一读取时钟的检查）后 90 天内结束的，予以报告，\
                以便在规则用到之前补上新的一年。

                缺少 `cite`、规则编号重复、消息占位符引用未知名称、多个版本同日生效，都会使规则集无法加载：\
                lint 显示加载器的错误。

                严重程度
                  错误  规则集无法加载，或规则、表必定出错
                  警告  很可能是错误，但也可能是有意为之；仅在 --strict 时判为失败
                  注    lint 无法分析的内容

                一条发现
                  rules/x/ruleset.yaml:21:3: {1}: 表 `batch` 没有任何行匹配
                    `quantity = 11`，且该表没有默认值 [lint.table-gap]
                     |
                  21 |   batch:
                     |   ^~~~~
                    {2} 这样的输入会使调用该表的每条规则出错：
                    请补一行或 `default:`（若该输入不会出现，默认值即说明这一点）

                示例
                  bylaw lint
                  bylaw lint rules/asset-management
                  bylaw lint rules/asset-management/ruleset.yaml --strict
                  bylaw lint --format sarif > bylaw.sarif
                  bylaw lint --strict --as-of 2026-12-06
                  bylaw lint rules/asset-management --translations

                退出码
                  0  没有错误（用 --strict 时也没有警告）
                  1  发现错误（用 --strict 时或有警告）
                  2  某个 PATH 不存在或不含规则集，或命令行有误
                """,
            en: """
                Loads each rule set as `check` would and reports every load error (YAML, format, CEL types), then \
                analyses the rule sets that load. Each finding has a stable code, a severity, the file, line and \
                column of the exact node, and a help line.

                A PATH is a rule-set folder, one ruleset*.yaml file, or a rule library holding rule-set folders; \
                the default is the --rules folder (./rules). Versions of one rule set are compared among the files \
                linted together.

                Decision tables are analysed input by input: enum and bool inputs value by value; int, decimal and \
                date inputs as bands cut at the values the cells name, exactly (`[`/`]` include an end, `(`/`)` \
                exclude it). A gap is shown with an example input no row matches. A CEL cell is read when it is \
                `it <op> value` or `it in list` with literal or params values; other CEL cells are unknown, and a \
                finding is reported only when it holds whatever they give.

                A `when` or `require` that reads only constants (params, literals, `let` names that read only \
                constants) is evaluated at lint time; comparisons of one field joined by && that cannot all hold \
                (`x > 5 && x < 3`) make a condition that is never true.

                A set that extends another is compared with each parent version: a rule that `tightens` a parent's \
                rule, or a new parameter value, must not lower a minimum, raise a maximum, drop an approval or a \
                condition, or narrow `when`. Lint it with its parent (the library, or both folders). Each finding \
                is reported once, in the file that declares what it is about: an inherited rule's or table's in \
                the parent, unless only the child's parameter values cause it (then at the child's parameter).

                CHECKS
                {0}
                A working-day calendar whose confirmed years end within 90 days of --as-of (default: today, the \
                only check that reads the clock) is reported, so that a new year is added before rules need it.

                A missing `cite`, a duplicate rule id, a message placeholder naming an unknown name and versions \
                in force on the same day stop a rule set from loading: lint shows the loader's error.

                SEVERITIES
                  error    the rule set does not load, or a rule or table certainly misbehaves
                  warning  probably a mistake, but it may be intended; fails only with --strict
                  note     something lint could not analyse

                A FINDING
                  rules/x/ruleset.yaml:21:3: {1}: no row of table `batch` matches
                    `quantity = 11`, and the table has no default [lint.table-gap]
                     |
                  21 |   batch:
                     |   ^~~~~
                    {2} such an input makes every rule that calls the table an error:
                    add a row or a `default:` (if the input cannot occur, a default says so)

                EXAMPLES
                  bylaw lint
                  bylaw lint rules/asset-management
                  bylaw lint rules/asset-management/ruleset.yaml --strict
                  bylaw lint --format sarif > bylaw.sarif
                  bylaw lint --strict --as-of 2026-12-06
                  bylaw lint rules/asset-management --translations

                EXIT CODES
                  0  no errors (with --strict: no warnings either)
                  1  an error was found (with --strict: or a warning)
                  2  a PATH does not exist or holds no rule set, or the command line is wrong
                """),
        CatalogueEntry(
            "help.lint.paths", zh: "规则集文件夹、ruleset*.yaml 文件或规则库（默认为 --rules 文件夹）。",
            en: "Rule-set folders, ruleset*.yaml files or rule libraries (default: the --rules folder)."),
        CatalogueEntry("help.lint.format", zh: "输出格式：text、json 或 sarif。", en: "Output format: text, json or sarif."),
        CatalogueEntry("help.lint.strict", zh: "有警告也判为失败。", en: "Fail on warnings too."),
        CatalogueEntry(
            "help.lint.as-of", zh: "按此日期（YYYY-MM-DD）判断与时间有关的检查（工作日历到期）；默认为今天。",
            en: "Judge time-bound checks (a working-day calendar running out) as of this date (YYYY-MM-DD); "
                + "default: today."),
        CatalogueEntry(
            "help.lint.translations",
            zh: "另报告缺少英文译文的标题和消息（`title_en`、`message_en`）；默认不报告。",
            en: "Also report titles and messages without an English translation (`title_en`, `message_en`); "
                + "off by default."),
    ]
}
