/// The catalogue's help lines of diagnostics (`diag-help.` + code): the English line exactly as the code that
/// finds the problem writes it, and its Chinese. A help line not listed here is shown as written.
enum DiagnosticHelpTexts {
    static let entries: [CatalogueEntry] = [
        CatalogueEntry(
            "diag-help.decision.number-range.decimal", zh: "小数最多有 38 位有效数字，其中小数点后最多 36 位",
            en: "a decimal holds up to 38 significant digits, 36 of them after the point"),
        CatalogueEntry(
            "diag-help.decision.number-range.int", zh: "整数须在 -9223372036854775808 与 9223372036854775807 之间",
            en: "an integer lies between -9223372036854775808 and 9223372036854775807"),
        CatalogueEntry(
            "diag-help.decision.nul-character", zh: "请删去该字符：文件可能已损坏，或有程序把二进制数据写进了字段",
            en: "remove the character: the file may be damaged, or a program wrote binary data into a field"),
        CatalogueEntry(
            "diag-help.eval.no-today", zh: "请用 --as-of YYYY-MM-DD 指定日期，或用 --input 给出决定",
            en: "give --as-of YYYY-MM-DD or --input DECISION"),
        CatalogueEntry(
            "diag-help.csv.two-row-header", zh: "在映射文件中写明下一行的每个表头（重复的写成 `组名/表头`），两行即合并为一行表头读取",
            en: "map each header of the lower row (a repeated one as `group/header`), and the two rows are read as one"),
        CatalogueEntry(
            "diag-help.csv.no-header", zh: "用 --header-row 指明表头所在的行",
            en: "name the row that holds the column headers with --header-row"),
        CatalogueEntry("diag-help.schema.min-int", zh: "写一个整数，如 `0` 或 `1`", en: "an integer such as `0` or `1`"),
        CatalogueEntry(
            "diag-help.schema.min-decimal", zh: "写一个普通小数，如 `0` 或 `0.01`", en: "a plain decimal such as `0` or `0.01`"),
        CatalogueEntry(
            "diag-help.decision.exponent", zh: "请写出完整的数字，不要用科学计数法（如 3.28e5 应写成 328000）",
            en: "write the number's digits in full, without an exponent"),
        CatalogueEntry(
            "diag-help.csv.stray-quote", zh: "开头的引号须在单元格结尾闭合；单元格中的引号要写成两个：\"\"",
            en: "a quote that opens a cell must close it; a quote inside a cell is written twice: \"\""),
        CatalogueEntry(
            "diag-help.csv.text-after-quote", zh: "带引号单元格中的引号要写成两个：\"\"",
            en: "a quote inside a quoted cell is written twice: \"\""),
        CatalogueEntry(
            "diag-help.csv.unterminated-quote", zh: "请用 `\"` 闭合该单元格；带引号单元格中的引号要写成两个",
            en: "close the cell with `\"`; a quote inside a quoted cell is written twice"),
        CatalogueEntry(
            "diag-help.csv.ragged-row", zh: "含逗号或换行的单元格须用英文双引号括起",
            en: "a cell holding a comma or a line break must be in double quotes"),
        CatalogueEntry(
            "diag-help.xlsx.cell-outside-header", zh: "请为该列补上表头，或清空该单元格",
            en: "give the column a header, or clear the cell"),
        CatalogueEntry(
            "diag-help.cell.excel-error", zh: "请在表格中改正公式（或直接填入数值）后重新导出",
            en: "correct the formula in the spreadsheet (or type the value) and export it again"),
        CatalogueEntry(
            "diag-help.cell.bad-boolean", zh: "可识别的词有 {0}；其他词请在映射文件中用 `true:` 和 `false:` 补充",
            en: "the words read are {0}; add others with `true:` and `false:` in the mapping file"),
        CatalogueEntry(
            "diag-help.cell.ambiguous-date", zh: "请在映射文件中写明：日在前写 `date: d/M/yyyy`，月在前写 `date: M/d/yyyy`",
            en: "say which in the mapping file: `date: d/M/yyyy` or `date: M/d/yyyy`"),
        // The longer form first: the shorter one's place would take in its words about serial numbers.
        CatalogueEntry(
            "diag-help.cell.bad-date.serials", zh: "可识别的写法有 {0} 及 Excel 日期序号；其他写法请在映射文件中用 `date:` 写明",
            en: "the forms read are {0} and Excel serial numbers; name another with `date:` in the mapping file"),
        CatalogueEntry(
            "diag-help.cell.bad-date", zh: "可识别的写法有 {0}；其他写法请在映射文件中用 `date:` 写明",
            en: "the forms read are {0}; name another with `date:` in the mapping file"),
        CatalogueEntry(
            "diag-help.cell.bad-amount",
            zh: "金额可带每三位一组的千位分隔符和货币符号（如 `¥1,234.50`、`306,219.53元`）；不识别以逗号作小数点的写法",
            en:
                "amounts are read with thousands separators grouping by three and a currency sign (`¥1,234.50`, `306,219.53元`); a comma as the decimal mark is not read"
        ),
        CatalogueEntry(
            "diag-help.map.bad-date-format",
            zh: "年写作 yyyy，月写作 M 或 MM，日写作 d 或 dd，如 `yyyy/M/d`、`yyyy年M月d日`、`d.M.yyyy`；Excel 日期序号写作 `excel`",
            en:
                "write the year as yyyy, the month as M or MM and the day as d or dd, such as `yyyy/M/d`, `yyyy年M月d日`, `d.M.yyyy`; or `excel` for Excel serial numbers"
        ),
        CatalogueEntry("diag-help.map.unknown-key", zh: "可用的键有 {0}", en: "the keys are {0}"),
        CatalogueEntry(
            "diag-help.lint.missing-translation", zh: "请补上英文的 `title_en`（有 `message` 的，另补 `message_en`）",
            en: "add `title_en` (and `message_en` beside a `message`) in English"),
        CatalogueEntry(
            "diag-help.lint.table-overlap",
            zh: "在 `unique` 命中策略下，一个输入同时命中两行即为评估错误：请收窄其中一行，如应由前一行优先，改用 `hit: first`",
            en:
                "under `unique` an input that two rows match is an evaluation error: narrow a row, or use `hit: first` if the earlier row should win"
        ),
        CatalogueEntry(
            "diag-help.lint.table-conflict",
            zh: "在 `any` 命中策略下，同一输入命中的各行结果须一致，否则评估失败：请收窄其中一行，或使各行结果一致",
            en:
                "under `any` rows that match one input must agree, or evaluation fails: narrow a row or make the outputs agree"
        ),
        CatalogueEntry(
            "diag-help.lint.table-gap",
            zh: "遇到这样的输入，凡调用该决策表的规则都会出错：请补一行，或写 `default:`（输入不可能出现时，用默认值写明）",
            en:
                "such an input makes every rule that calls the table an error: add a row or a `default:` (if the input cannot occur, a default says so)"
        ),
        CatalogueEntry(
            "diag-help.lint.table-shadowed",
            zh: "如该行更具体，请移到覆盖它的各行之前；否则删除",
            en: "move the row above the rows that cover it if it is the more specific one, or delete it"),
        CatalogueEntry(
            "diag-help.lint.table-dead-row",
            zh: "修改该单元格（如空区间 `(5..5)`，或超出输入枚举的取值），或删除该行",
            en: "fix the cell (an empty range such as `(5..5)`, or values outside the input's enum) or delete the row"),
        CatalogueEntry(
            "diag-help.lint.table-unknown-value",
            zh: "枚举以外的取值永远不等于该输入：请检查拼写",
            en: "a value outside the enum never equals the input: check the spelling"),
        CatalogueEntry(
            "diag-help.lint.unknown-enum-value",
            zh: "枚举以外的取值永远不等于该字段：请检查拼写",
            en: "a value outside the enum never equals the field: check the spelling"),
        CatalogueEntry(
            "diag-help.lint.cost-budget",
            zh: "这样的决定会使规则出错（`cel.cost-limit`）：避免在决定的列表上嵌套推导（`l.all(m, m in k)`）、反复拼接字符串和长距离正则扫描",
            en:
                "such a decision makes the rule an `error` (`cel.cost-limit`): avoid a comprehension inside another over decision lists (`l.all(m, m in k)`), repeated string growth and long regex scans"
        ),
        CatalogueEntry(
            "diag-help.lint.table-not-analysed",
            zh: "lint 只分析取值为字面量或 `params` 的 `{expr: it <op> value}` 和 `{expr: it in list}`；其他 CEL 单元格视为未知",
            en:
                "lint analyses `{expr: it <op> value}` and `{expr: it in list}` with literal or `params` values; other CEL cells are treated as unknown"
        ),
        CatalogueEntry(
            "diag-help.lint.when-never-true",
            zh: "修改条件，或删除该规则",
            en: "fix the condition, or delete the rule"),
        CatalogueEntry(
            "diag-help.lint.require-always-true",
            zh: "永远不会违反的规则什么也没检查：让 `require` 读取决定中的数据",
            en: "a rule that cannot fail checks nothing: make `require` read the decision"),
        CatalogueEntry(
            "diag-help.lint.require-always-false",
            zh: "修改条件；如要一律禁止某种情形，把该情形写在 `when` 中，并写 `require: false`",
            en: "fix the condition; to forbid a case outright, write the case in `when` and `require: false`"),
        CatalogueEntry(
            "diag-help.lint.always-error",
            zh: "该表达式只读取常量，lint 已对其求值：请按消息所指修改",
            en: "the expression reads only constants, so lint evaluated it: fix what the message names"),
        CatalogueEntry(
            "diag-help.lint.unused-let",
            zh: "删除它，或在原本要用的地方使用它",
            en: "delete it, or use it where it was meant to be used"),
        CatalogueEntry(
            "diag-help.lint.unused-table",
            zh: "在规则中以 `name()` 调用它，或删除它",
            en: "call it as `name()` in a rule, or delete it"),
        CatalogueEntry(
            "diag-help.lint.unused-input",
            zh: "大概本应有规则读取它；否则删除（决定中仍可带有该字段）",
            en: "a rule was probably meant to read it; otherwise delete it (decisions may still carry it)"),
        CatalogueEntry(
            "diag-help.lint.unused-parameter",
            zh: "大概本应有规则读取它；否则删除",
            en: "a rule was probably meant to read it; otherwise delete it"),
        CatalogueEntry(
            "diag-help.lint.blank-cite",
            zh: "写明规则出自的条款，如 `第十二条`",
            en: "cite the article the rule comes from, such as `第十二条`"),
        CatalogueEntry(
            "diag-help.lint.version-gap",
            zh: "`until` 不含当日：请设为下一版本的 `from`，使两个版本相接，除非该规定确已失效",
            en:
                "`until` is exclusive: set it to the next version's `from` so the versions meet, unless the regulation really lapsed"
        ),
        CatalogueEntry(
            "diag-help.lint.calendar-ending",
            zh:
                "按国务院办公厅的放假通知补上下一年（节假日和调休上班日）；尚未公布的年份可先写 `provisional: true` 和法定节假日，使跨该年的计算得出 `needs_review` 而不是 `error`",
            en:
                "add the next year from the State Council's holiday notice (its holidays and make-up working days); a year not yet announced can be added with `provisional: true` and its statutory holidays, so that counts over it give `needs_review` rather than `error`"
        ),
        CatalogueEntry(
            "diag-help.lint.loosens-threshold",
            zh: "扩展的规则集只能从严：保留上级的限额或更严的限额",
            en: "a set that extends another may only make its rules stricter: keep the parent's limit or a stricter one"
        ),
        CatalogueEntry(
            "diag-help.lint.removes-approval",
            zh: "扩展的规则集只能从严：保留该审批要求",
            en: "a set that extends another may only make its rules stricter: keep the approval"),
        CatalogueEntry(
            "diag-help.lint.removes-condition",
            zh: "扩展的规则集只能从严：保留该条件",
            en: "a set that extends another may only make its rules stricter: keep the condition"),
        CatalogueEntry(
            "diag-help.lint.narrows-when",
            zh: "超出收窄后 `when` 的决定不再按该规则检查",
            en: "decisions outside the narrower `when` are no longer checked against this rule"),
        CatalogueEntry(
            "diag-help.lint.cannot-compare",
            zh: "lint 能比较的条件是 `x >= n`（任一比较符，任一顺序）和 `\"body\" in list`，以 `&&` 连接；把下级规则写成这种形式即可检查",
            en:
                "lint compares conditions written as `x >= n` (any comparison, either order) and `\"body\" in list`, joined by `&&`; write the child's that way to have it checked"
        ),
        CatalogueEntry("diag-help.fields.keys", zh: "此处可用的键有 {0}", en: "the keys here are {0}"),
        CatalogueEntry(
            "diag-help.library.empty", zh: "规则集是含有 ruleset.yaml 的文件夹：请用 --rules 指向该文件夹",
            en: "a rule set is a folder holding ruleset.yaml; use --rules to point at the folder"),
        CatalogueEntry(
            "diag-help.schema.unknown-type",
            zh: "类型可为 bool、int、decimal、string、date、{enum: […]}、{list: …}，或由字段组成的映射",
            en: "types are bool, int, decimal, string, date, {enum: […]}, {list: …} or a mapping of fields"),
        CatalogueEntry(
            "diag-help.map.bad-path", zh: "字段路径以点分隔，列表项用从 0 起的序号：`approvals.0.body`",
            en: "names separated by dots, with 0-based numbers for list items: `approvals.0.body`"),
        CatalogueEntry(
            "diag-help.map.bad-field-path", zh: "字段路径以点分隔，如 `disposal.date`；此处不能映射列表项",
            en: "names separated by dots, such as `disposal.date`; list items cannot be mapped here"),
        CatalogueEntry(
            "diag-help.lint.loosens", zh: "扩展 {0} 的规则集只能使其规则更严",
            en: "a set that extends {0} may only make its rules stricter"),
        CatalogueEntry(
            "diag-help.lint.loosens-limit", zh: "扩展其他规则集的规则集只能使规则更严：请保留上级的限额或更严的限额",
            en: "a set that extends another may only make its rules stricter: keep the parent's limit or a stricter one"
        ),
        CatalogueEntry(
            "diag-help.lint.loosens-approval", zh: "扩展其他规则集的规则集只能使规则更严：请保留该审批",
            en: "a set that extends another may only make its rules stricter: keep the approval"),
        CatalogueEntry(
            "diag-help.lint.loosens-condition", zh: "扩展其他规则集的规则集只能使规则更严：请保留该条件",
            en: "a set that extends another may only make its rules stricter: keep the condition"),
        CatalogueEntry(
            "diag-help.ruleset.parent-not-in-force",
            zh: "扩展的规则集生效的每一天，其上级规则集都须生效：请把它的 `effective` 期间定在上级的期间之内",
            en:
                "an extending set needs its parent on every day it is in force: give it an `effective` period within its parent's"
        ),
        CatalogueEntry("diag-help.decision.bool", zh: "请写 true 或 false", en: "write true or false"),
        CatalogueEntry(
            "diag-help.decision.yaml-bool", zh: "{0} 在 YAML 1.2 中不是布尔值：请写 true 或 false",
            en: "{0} is not a boolean in YAML 1.2; write true or false"),
        CatalogueEntry(
            "diag-help.decision.field-kind", zh: "`kind`：决定的类别", en: "`kind`: the decision kind"),
        CatalogueEntry(
            "diag-help.decision.field-id", zh: "`id`：决定的编号，在同类决定中唯一",
            en: "`id`: the decision's id, unique within its kind"),
        CatalogueEntry("diag-help.decision.field-date", zh: "`date`：决定日期", en: "`date`: the decision date"),
        CatalogueEntry(
            "diag-help.decision.field-unit", zh: "`unit`：作出决定的单位，以 / 分隔的路径",
            en: "`unit`: the deciding unit, a /-separated path"),
        CatalogueEntry(
            "diag-help.decision.no-ruleset",
            zh: "{0} 类决定的规则集生效期间：{1}；请核对决定的 `date`，或用 `--as-of` 按另一天的规则判断",
            en:
                "rule sets for kind {0} are in force {1}; check the decision's `date`, or use `--as-of` to judge it under the rules of another day"
        ),
        CatalogueEntry(
            "diag-help.decision.type-mismatch",
            zh: "只写数字，可带小数，如 650000.00",
            en: "write plain digits with an optional fraction, such as 650000.00"),
        CatalogueEntry(
            "diag-help.ruleset.calendar",
            zh: "工作日历放在 rules/calendars/<name>.yaml",
            en: "calendars live in rules/calendars/<name>.yaml"),
    ]
}
