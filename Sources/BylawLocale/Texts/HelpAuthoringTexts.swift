/// The catalogue's help texts of `bylaw doc`, `bylaw new`, `bylaw schema` and `bylaw map init`.
enum HelpAuthoringTexts {
    static let entries: [CatalogueEntry] = [
        CatalogueEntry(
            "help.doc.discussion",
            zh: """
                生成不懂 YAML 的审阅人也能读的规则手册：每个规则集的依据、生效日期、适用对象、参数和所读取的决定字段；\
                每条规则的编号、标题、严重程度、引用条款、何时适用、要求什么（CEL 原文照录）及其消息；\
                决定表以表格列出；按条款编排的索引；规则集之间的扩展关系。

                PATH 为规则集文件夹（含 ruleset.yaml）或包含此类文件夹的规则库；不给时为 --rules 中的整个规则库。\
                输出不含日期和时间，可以提交到版本库：docs/rulebook.md 即随附规则库的中文手册。\
                手册的标题和说明使用所选语言（--lang）；规则的标题和消息在选英文且作者给出译文时用英文。

                示例
                  bylaw doc --format md --lang zh -o docs/rulebook.md
                  bylaw doc rules/asset-management --format html -o asset-management.html
                  bylaw doc rules/asset-management --lang en

                退出码
                  0  已写出规则手册
                  2  规则集无法加载、路径不是文件夹、输出无法写入，或命令行有误
                """,
            en: """
                Writes a rule book that a reviewer can read without YAML: for each rule set its source, the dates \
                it is in force, what it applies to, its parameters and the decision fields it reads; for each rule \
                its id, title, severity, citation, when it applies and what it requires (the CEL exactly as \
                written) and its message; decision tables as tables; an index by article; which sets extend which.

                A PATH is a rule-set folder (it holds ruleset.yaml) or a rule library holding such folders; without \
                one, the whole library in --rules. The output holds no dates or times, so it can be committed: \
                docs/rulebook.md is the shipped library's book, in Chinese. Its headings are in the chosen language (--lang); \
                in English, rules' titles and messages are the author's English where the rule set gives it.

                EXAMPLES
                  bylaw doc --format md --lang zh -o docs/rulebook.md
                  bylaw doc rules/asset-management --format html -o asset-management.html
                  bylaw doc rules/asset-management --lang en

                EXIT CODES
                  0  the rule book was written
                  2  the rule sets do not load, a path is not a folder, the output cannot
                     be written, or the command line is wrong
                """),
        CatalogueEntry(
            "help.doc.paths", zh: "规则集文件夹或规则库（默认为 --rules 中的规则库）。",
            en: "Rule-set folders or rule libraries (default: the library in --rules)."),
        CatalogueEntry(
            "help.doc.format", zh: "输出格式：md（Markdown）或 html（单个自含网页）。",
            en: "Output format: md (Markdown) or html (one self-contained page)."),
        CatalogueEntry("help.output-file", zh: "写入此文件，而不写到标准输出。", en: "Write to this file instead of standard output."),
        CatalogueEntry(
            "help.new.discussion",
            zh: """
                创建文件夹 DIR/NAME（DIR 为 --rules，默认 ./rules），其中有：
                  ruleset.yaml                         逐节说明
                  examples/compliant-example.yaml      一项通过的决定
                  examples/non-compliant-example.yaml  一项违反规则的决定
                  tests/cases.yaml                     每条规则一个用例

                `bylaw test DIR/NAME` 立即通过，每条规则都有覆盖。替换其中的 TODO 文字，\
                再同步扩充输入、规则、示例和用例。规则集和测试文件以 `# yaml-language-server: $schema=` 行开头，\
                编辑器据此补全和检查。

                NAME 用 kebab-case，如 travel-expenses，即规则集编号，其首字母为规则编号的前缀，如 TE-01。已有的文件夹绝不覆盖。

                示例
                  bylaw new travel-expenses --kind travel_claim
                  bylaw test rules/travel-expenses
                  bylaw new pilot-rules --kind proposal --rules ./my-rules

                退出码
                  0  已创建文件夹
                  2  NAME 或 KIND 格式有误、文件夹已存在、文件无法写入，或命令行有误
                """,
            en: """
                Creates the folder DIR/NAME (DIR is --rules, default ./rules) holding:
                  ruleset.yaml                         every section explained
                  examples/compliant-example.yaml      a decision that passes
                  examples/non-compliant-example.yaml  a decision that fails the rule
                  tests/cases.yaml                     one case per rule

                `bylaw test DIR/NAME` passes on it at once, with every rule covered. Replace the TODO texts, then \
                grow the input, the rules, the examples and the cases together. The rule-set and test files start \
                with a `# yaml-language-server: $schema=` line, so editors complete and check them.

                NAME is kebab-case (travel-expenses); it becomes the rule set's id and the rule ids' prefix \
                (TE-01). An existing folder is never overwritten.

                EXAMPLES
                  bylaw new travel-expenses --kind travel_claim
                  bylaw test rules/travel-expenses
                  bylaw new pilot-rules --kind proposal --rules ./my-rules

                EXIT CODES
                  0  the folder was created
                  2  NAME or KIND is malformed, the folder exists, a file cannot be written,
                     or the command line is wrong
                """),
        CatalogueEntry(
            "help.new.name", zh: "规则集编号，用 kebab-case，如 travel-expenses。",
            en: "The rule set's id, kebab-case, such as travel-expenses."),
        CatalogueEntry(
            "help.new.kind", zh: "规则集适用的决定类别，如 travel_claim。",
            en: "The decision kind the rule set applies to, such as travel_claim."),
        CatalogueEntry("help.new.rules", zh: "规则库文件夹。", en: "The rule library folder."),
        // The texts of a decision's JSON Schema (`bylaw schema --decision KIND`).
        CatalogueEntry("decision-schema.title", zh: "bylaw 决定：{0}", en: "bylaw decision: {0}"),
        CatalogueEntry(
            "decision-schema.description",
            zh:
                "决定类别 {0}，按规则集 {1} 读取（含各版本的字段，不限日期）。金额写作普通数字，如 650000.00；"
                + "为照顾把数字作为文本传送的系统，本模式也接受数字文本，但 YAML 和 JSON 文件中请不要加引号。"
                + "未知字段在 bylaw 中是警告。",
            en:
                "A decision of kind {0}, as read by the rule sets {1} (fields of every version, on any date). "
                + "Decimals are plain numbers such as 650000.00; the schema also accepts them as numeric text for "
                + "tools that carry numbers as strings, but in YAML and JSON files bylaw wants them unquoted. "
                + "Unknown fields are warnings in bylaw."),
        CatalogueEntry("decision-schema.kind", zh: "决定类别，据此选用规则集。", en: "The decision kind; it selects the rule sets."),
        CatalogueEntry("decision-schema.id", zh: "决定编号，在同一类别内唯一", en: "the decision's id, unique within its kind"),
        CatalogueEntry("decision-schema.date", zh: "决定日期", en: "the decision date"),
        CatalogueEntry("decision-schema.unit", zh: "作出决定的单位，以 / 分隔的路径", en: "the deciding unit, a /-separated path"),
        CatalogueEntry(
            "decision-schema.hint.decimal", zh: "精确小数，如 650000.00", en: "a decimal number, such as 650000.00"),
        CatalogueEntry("decision-schema.hint.date", zh: "日期，YYYY-MM-DD", en: "a date, YYYY-MM-DD"),
        CatalogueEntry("decision-schema.hint.int", zh: "整数", en: "an integer"),
        // The texts `bylaw new` writes for the author to replace (after `TODO `).
        CatalogueEntry("new.placeholder.title", zh: "规则集标题", en: "the rules' title"),
        CatalogueEntry("new.placeholder.description", zh: "本规则集检查哪些决定", en: "what decisions this set checks"),
        CatalogueEntry("new.placeholder.source-title", zh: "所依据规定的名称", en: "the regulation's title"),
        CatalogueEntry("new.placeholder.issuer", zh: "发文机关", en: "who issued it"),
        CatalogueEntry("new.placeholder.version", zh: "版本或年份", en: "which version or year"),
        CatalogueEntry("new.placeholder.param-meaning", zh: "这个数字的含义", en: "what the figure means"),
        CatalogueEntry("new.placeholder.param-source", zh: "数字出自哪一条", en: "the article it comes from"),
        CatalogueEntry("new.placeholder.amount-meaning", zh: "金额的含义", en: "what the amount is"),
        CatalogueEntry("new.placeholder.rule-title", zh: "用一句话写明要求", en: "the requirement in one line"),
        CatalogueEntry("new.placeholder.cite", zh: "依据条款", en: "the article"),
        CatalogueEntry(
            "new.placeholder.message", zh: "{id}：金额 {amount} 超过上限 {params.max_amount}",
            en: "{id}: the amount {amount} is over the limit of {params.max_amount}"),
        CatalogueEntry(
            "new.placeholder.case-name", zh: "金额超过上限时 {0} 不通过", en: "{0} fails when the amount is over the limit"),
        CatalogueEntry(
            "help.schema.discussion",
            zh: """
                在标准输出打印 JSON Schema（draft 2020-12），供能补全和检查 YAML 的编辑器使用\
                （装有 YAML 扩展的 VS Code、JetBrains 系列、装有 yaml-language-server 的 Neovim）。\
                在文件第一行写注释，指向模式：

                  # yaml-language-server: $schema=../../schemas/ruleset.schema.json

                规则集和测试的模式已提交在 schemas/ 中；随附的规则集和测试已带有该注释行。\
                决定的模式取决于规则集，请针对自己的规则库生成：其中包含该类别所有规则集的字段\
                （所有版本，任何日期），kind、id、date 和 unit 为必填。金额等小数写成普通数字，如 650000.00。

                示例
                  bylaw schema --ruleset > schemas/ruleset.schema.json
                  bylaw schema --test > schemas/test.schema.json
                  bylaw schema --decision asset_disposal > asset_disposal.schema.json
                  bylaw schema --decision cadre_promotion --rules ./my-rules

                退出码
                  0  已打印模式
                  2  没有规则集适用于 KIND、规则集无法加载，或命令行有误
                """,
            en: """
                Prints a JSON Schema (draft 2020-12) on standard output, for editors that complete and check YAML \
                (VS Code with the YAML extension, JetBrains IDEs, Neovim with yaml-language-server). Point a file \
                at a schema with a comment on its first line:

                  # yaml-language-server: $schema=../../schemas/ruleset.schema.json

                The rule-set and test schemas are committed in schemas/; the shipped rule sets and tests already \
                carry the comment line. A decision's schema depends on the rule sets, so generate it for your \
                library: it holds the fields of every rule set for the kind (every version, on any date), with \
                kind, id, date and unit required. Decimals are plain numbers such as 650000.00.

                EXAMPLES
                  bylaw schema --ruleset > schemas/ruleset.schema.json
                  bylaw schema --test > schemas/test.schema.json
                  bylaw schema --decision asset_disposal > asset_disposal.schema.json
                  bylaw schema --decision cadre_promotion --rules ./my-rules

                EXIT CODES
                  0  the schema was printed
                  2  no rule set applies to KIND, the rule sets do not load,
                     or the command line is wrong
                """),
        CatalogueEntry(
            "help.schema.ruleset", zh: "规则集格式，ruleset*.yaml（默认）。",
            en: "The rule-set format, ruleset*.yaml (the default)."),
        CatalogueEntry("help.schema.test", zh: "测试用例格式，tests/*.yaml。", en: "The test-case format, tests/*.yaml."),
        CatalogueEntry(
            "help.schema.decision", zh: "此类别决定的输入，取自 --rules 中的规则集。",
            en: "The input of decisions of this kind, from the rule sets in --rules."),
        CatalogueEntry(
            "help.map-init.abstract", zh: "根据表格的表头行拟出映射文件（--map）。",
            en: "Propose a mapping file (--map) from a spreadsheet's header row."),
        CatalogueEntry(
            "help.map-init.discussion",
            zh: """
                读取 CSV 文件或 .xlsx 工作表的表头行（在标题行之下查找，与 `bylaw audit` 相同）及其下的前几行，\
                按规则集为输入字段给出的中文名称和别名，把每个表头对应到该类别的字段，打印映射文件：\
                已对应的表头、各行所需的日期格式和词语、未对应任何字段的表头（忽略），以及没有表头提供的必填字段。\
                审阅后即可用它审计。

                示例
                  bylaw map init 处置台账.xlsx --kind asset_disposal > columns.yaml
                  bylaw audit 处置台账.xlsx --kind asset_disposal --map columns.yaml

                退出码
                  0  已写出映射
                  2  文件无法读取、没有规则集适用于该类别、输出文件已存在，或命令行有误
                """,
            en: """
                Reads the header row of a CSV file or an .xlsx sheet (found below title rows, as `bylaw audit` \
                finds it) and the first rows under it, matches each header to a field of the kind by the Chinese \
                labels and aliases the rule sets give their input fields, and prints a mapping file: headers \
                matched, the date formats and words the rows need, headers matched to nothing (ignored), and \
                required fields no header gives. Review it, then audit with it.

                EXAMPLES
                  bylaw map init 处置台账.xlsx --kind asset_disposal > columns.yaml
                  bylaw audit 处置台账.xlsx --kind asset_disposal --map columns.yaml

                EXIT CODES
                  0  the mapping was written
                  2  the file cannot be read, no rule set applies to the kind, the output
                     file exists, or the command line is wrong
                """),
        CatalogueEntry("help.map-init.file", zh: "CSV 文件或 .xlsx 工作簿。", en: "The CSV file or .xlsx workbook."),
        CatalogueEntry("help.map-init.kind", zh: "各行所属的决定类别。", en: "The decision kind the rows are."),
        CatalogueEntry(
            "help.map-init.output", zh: "把映射写入此文件（不覆盖），而不写到标准输出。",
            en: "Write the mapping to this file (not overwritten) instead of standard output."),
    ]
}
