/// The catalogue's help texts of `bylaw explain` and `bylaw eval`.
enum HelpExplainTexts {
    static let entries: [CatalogueEntry] = [
        CatalogueEntry(
            "help.explain.discussion",
            zh: """
                像 `check` 一样计算决定，并对每条规则（或只对 --rule 指定的规则）打印其结果、\
                `when` 和 `require` 表达式及其下每个子表达式的值、所读取的 `let` 值；\
                对所调用的每个决定表，打印输入、匹配的行，以及此前每一行未匹配的单元格。

                读图方法：每个 `|` 指向一个子表达式（运算符、字段、函数），末端是它的值。\
                未求值的部分（值为假的 `&&` 的右侧）没有值。在 `map`、`all` 等宏内，值为最后一次迭代的值。

                用 --case NAME 时，参数为规则集文件夹，决定为其测试用例 NAME 的决定\
                （取自 tests/*.yaml，含其 `base`、`patch` 和 `as_of`；示例文件即用例 `example FILE`），\
                按该文件夹所在的规则库检查。

                示例
                  bylaw explain rules/asset-management/examples/compliant-vehicle-auction.yaml
                  bylaw explain rules/asset-management --case 出借期限六年
                  bylaw explain rules/asset-management --case 出借期限六年 --rule AM-16
                  bylaw explain rules/asset-management --case 出借期限六年 --format json

                退出码
                  0  已打印说明，无论规则结果如何
                  2  决定无效、没有适用的规则集、--rule 所指规则不适用、
                     规则集无法加载，或命令行有误
                """,
            en: """
                Evaluates the decision as `check` does and, for each rule (or only --rule), prints its outcome, \
                its `when` and `require` expressions with the value of every sub-expression under it, the `let` \
                values it reads, and for each decision table it calls the inputs, the row that matched and, for \
                every earlier row, the cell that did not match.

                Reading a diagram: each `|` points at a sub-expression (an operator, a field, a function) and ends \
                at its value. Parts that were not evaluated (the right side of a false `&&`) have no value. Inside \
                a macro such as `map` or `all`, a value is the one from the last iteration.

                With --case NAME, the argument is a rule-set folder and the decision is that of its test case NAME \
                (from tests/*.yaml, with its `base`, `patch` and `as_of`; an example file is the case \
                `example FILE`), checked against the folder's rule library.

                EXAMPLES
                  bylaw explain rules/asset-management/examples/compliant-vehicle-auction.yaml
                  bylaw explain rules/asset-management --case 出借期限六年
                  bylaw explain rules/asset-management --case 出借期限六年 --rule AM-16
                  bylaw explain rules/asset-management --case 出借期限六年 --format json

                EXIT CODES
                  0  the explanation was printed, whatever the rules' outcomes
                  2  the decision is invalid, no rule set applies, --rule names no rule
                     that applies, the rule sets do not load, or the command line is wrong
                """),
        CatalogueEntry(
            "help.explain.decision", zh: "决定文件（YAML 或 JSON），或用 --case 时为规则集文件夹。",
            en: "A decision file (YAML or JSON), or with --case a rule-set folder."),
        CatalogueEntry(
            "help.explain.case", zh: "说明作为参数的规则集文件夹中的此测试用例。",
            en: "Explain this test case of the rule-set folder given as the argument."),
        CatalogueEntry("help.explain.rule", zh: "只说明此规则。", en: "Explain only this rule."),
        CatalogueEntry(
            "help.explain.as-of", zh: "按此日期（YYYY-MM-DD）计算，而不按决定自身的日期。",
            en: "Evaluate as of this date (YYYY-MM-DD) instead of the decision's own date."),
        CatalogueEntry(
            "help.explain.reveal", zh: "显示规则集标为敏感的值及由其算出的每个值（默认以 [masked] 遮蔽）。",
            en: "Show values the rule sets mark sensitive, and every value computed from them (default: masked as "
                + "[masked])."),
        CatalogueEntry(
            "help.eval.discussion",
            zh: """
                打印值及其类型，或打印错误并在表达式下标出位置。

                变量来自 --input（决定文件：其顶层字段成为变量，若 --rules 中有该类别的规则集，\
                则按其输入模式定类型）、--var NAME=EXPR（常量 CEL 表达式的值：--var n=5、\
                --var d='date("2017-09-15")'），以及 --vars FILE（名称到值的 JSON 对象，\
                采用一致性测试的 Value 编码，如 {"n": {"int64_value": 5}}）。\
                `today` 为输入的日期或 --as-of。工作日函数使用规则文件夹中 --calendar 指定的日历。

                用 --set ID 时，表达式所见与规则集 ID 自身的表达式相同：按输入模式定类型的决定字段、\
                `decision`、`params`、`today`、为该决定计算的每个 `let`，以及作为函数的表\
                （`min_approver()`），使用该规则集自己的日历。版本为 --as-of 或决定日期当日有效的版本\
                （两者都没有时取最新版本，`today` 为其生效首日）。没有 --input 时决定为空：\
                不涉及字段的 params 和表照常可用。--var 替换同名的字段、let 或参数表。

                示例
                  bylaw eval '0.1 + decimal("0.2") == 0.3'
                  bylaw eval 'working_days_between(date("2017-09-29"), date("2017-10-12"))'
                  bylaw eval 'candidate.current_rank_since < today' \\
                    --input rules/cadre-selection/examples/compliant-deputy-bureau.yaml
                  bylaw eval --set asset-management 'params.min_price_ratio'
                  bylaw eval --set asset-management \\
                    --input rules/asset-management/examples/compliant-vehicle-auction.yaml \\
                    'required_approver()'

                退出码
                  0  表达式得出了值
                  1  表达式求值失败（无此键、溢出等）
                  2  表达式无法解析或类型检查不通过，或命令行有误
                """,
            en: """
                Prints the value and its type, or the error with a caret under the expression.

                Variables come from --input (a decision file: its top-level fields become variables, typed by the \
                input schema of the rule sets for its kind when --rules has them), from --var NAME=EXPR (the value \
                of a constant CEL expression: --var n=5, --var d='date("2017-09-15")'), and from --vars FILE (a \
                JSON object of names to values in the conformance Value encoding, e.g. {"n": {"int64_value": 5}}). \
                `today` is the input's date, or --as-of. Working-day functions use --calendar from the rules folder.

                With --set ID the expression sees what rule set ID's own expressions see: the decision's fields \
                typed by its input schema, `decision`, `params`, `today`, every `let` computed for the decision \
                and the tables as functions (`min_approver()`), on the set's own calendar. The version is the one \
                in force on --as-of or the decision's date (without either, the newest, with `today` its first \
                day). Without --input the decision is empty: params and tables of no field still work. --var \
                replaces a field, let or parameter map of the same name.

                EXAMPLES
                  bylaw eval '0.1 + decimal("0.2") == 0.3'
                  bylaw eval 'working_days_between(date("2017-09-29"), date("2017-10-12"))'
                  bylaw eval 'candidate.current_rank_since < today' \\
                    --input rules/cadre-selection/examples/compliant-deputy-bureau.yaml
                  bylaw eval --set asset-management 'params.min_price_ratio'
                  bylaw eval --set asset-management \\
                    --input rules/asset-management/examples/compliant-vehicle-auction.yaml \\
                    'required_approver()'

                EXIT CODES
                  0  the expression gave a value
                  1  the expression failed while evaluating (no such key, overflow, …)
                  2  the expression does not parse or type-check, or the command line is wrong
                """),
        CatalogueEntry("help.eval.expression", zh: "CEL 表达式。", en: "The CEL expression."),
        CatalogueEntry(
            "help.eval.input", zh: "决定文件，其顶层字段成为变量。",
            en: "A decision file whose top-level fields become variables."),
        CatalogueEntry("help.eval.var", zh: "变量：NAME=EXPR（可重复）。", en: "A variable: NAME=EXPR (repeatable)."),
        CatalogueEntry(
            "help.eval.vars", zh: "以 Value 编码写成的变量 JSON 文件。",
            en: "A JSON file of variables in the Value encoding."),
        CatalogueEntry(
            "help.eval.set", zh: "在此规则集的作用域中计算：其 params、let 和表，针对 --input 的决定。",
            en: "Evaluate in this rule set's scope: its params, lets and tables, for --input's decision."),
        CatalogueEntry("help.eval.no-check", zh: "跳过类型检查。", en: "Skip the type checker."),
        CatalogueEntry(
            "help.eval.calendar", zh: "工作日历，取自 <rules>/calendars/。",
            en: "The working-day calendar, from <rules>/calendars/."),
    ]
}
