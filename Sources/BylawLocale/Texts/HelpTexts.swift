/// The catalogue's help texts for the command line: `help.` + command + part. Examples name files that exist
/// in the repository (a test runs every one).
enum HelpTexts {
    static let entries: [CatalogueEntry] = root + check + abstracts

    static let root: [CatalogueEntry] = [
        CatalogueEntry(
            "help.bylaw.abstract", zh: "按 YAML 规则集检查工会治理决定是否合规。",
            en: "Check governance decisions against regulations written as YAML rule sets."),
        CatalogueEntry(
            "help.bylaw.discussion",
            zh: """
                规则集放在 ./rules 下（或用 --rules DIR 指定）。决定是一个 YAML 或 JSON 文件，含 \
                `kind`、`id`、`date` 和 `unit` 四个字段；bylaw 按决定的类别和日期选用当时有效的规则集。

                界面语言
                  --lang zh|en，否则取 $BYLAW_LANG，否则取 $LC_ALL、$LC_MESSAGES、$LANG
                  （以 zh 开头为中文），否则为英文。可用于任何命令。

                退出码
                  0  合规（或命令执行成功）
                  1  不合规、需复核，或测试未通过
                  2  输入无效、规则集有错、命令用法有误，或审计记录无法写入
                """,
            en: """
                Rule sets live under ./rules (or --rules DIR). A decision is a YAML or JSON file with \
                `kind`, `id`, `date` and `unit`; bylaw applies the rule sets for its kind in force on its date.

                LANGUAGE
                  --lang zh|en, else $BYLAW_LANG, else $LC_ALL, $LC_MESSAGES, $LANG
                  (zh... is Chinese), else English. Accepted by every command.

                EXIT CODES
                  0  compliant (or the command succeeded)
                  1  not compliant, needs review, or a failed test
                  2  invalid input, a rule-set error, a usage error, or an audit-trail failure
                """),
        CatalogueEntry("help.usage-hint", zh: "用法：见 `bylaw help`。", en: "Usage: see `bylaw help`."),
        CatalogueEntry("help.usage-hint-command", zh: "用法：见 `{0} --help`。", en: "Usage: see `{0} --help`."),
        // The argument parser's own words around every help text.
        CatalogueEntry("help.chrome.overview", zh: "概述：", en: "OVERVIEW: "),
        CatalogueEntry("help.chrome.usage", zh: "用法：", en: "USAGE: "),
        CatalogueEntry("help.chrome.arguments", zh: "参数：", en: "ARGUMENTS:"),
        CatalogueEntry("help.chrome.options", zh: "选项：", en: "OPTIONS:"),
        CatalogueEntry("help.chrome.subcommands", zh: "子命令：", en: "SUBCOMMANDS:"),
        CatalogueEntry("help.chrome.version", zh: "显示版本号。", en: "Show the version."),
        CatalogueEntry("help.chrome.help", zh: "显示帮助信息。", en: "Show help information."),
        CatalogueEntry(
            "help.chrome.see-subcommand", zh: "  各子命令的详细说明见 `bylaw help <子命令>`。",
            en: "  See 'bylaw help <subcommand>' for detailed help."),
        CatalogueEntry("help.chrome.default", zh: "默认：{0}", en: "default: {0}"),
        // The argument parser's own error lines (swift-argument-parser), matched whole and said again.
        CatalogueEntry("help.chrome.parse.unknown-option", zh: "错误：未知选项 {0}", en: "Error: Unknown option {0}"),
        CatalogueEntry("help.chrome.parse.missing-value", zh: "错误：选项 {0} 缺少取值", en: "Error: Missing value for {0}"),
        CatalogueEntry(
            "help.chrome.parse.missing-argument", zh: "错误：缺少参数 {0}", en: "Error: Missing expected argument {0}"),
        CatalogueEntry(
            "help.chrome.parse.invalid-choice-list", zh: "错误：取值 {0} 不适用于 {1}，可选值如下：",
            en: "Error: The value {0} is invalid for {1}. Please provide one of the following:"),
        CatalogueEntry(
            "help.chrome.parse.invalid-choice", zh: "错误：取值 {0} 不适用于 {1}，可选值：{2}。",
            en: "Error: The value {0} is invalid for {1}. Please provide one of {2}."),
        CatalogueEntry(
            "help.chrome.parse.invalid-value", zh: "错误：取值 {0} 不适用于 {1}", en: "Error: The value {0} is invalid for {1}"),
        CatalogueEntry("help.chrome.parse.unexpected", zh: "错误：多余的参数 {0}", en: "Error: Unexpected argument {0}"),
        CatalogueEntry("help.chrome.parse.unexpected-many", zh: "错误：多余的参数 {0}", en: "Error: Unexpected arguments {0}"),
        CatalogueEntry(
            "help.chrome.parse.no-value-taken", zh: "错误：选项 {0} 不带取值，却给了 {1}",
            en: "Error: The option {0} does not take any value, but {1} was specified."),
        // bylaw's own messages that reach the parser's error line as they were written.
        CatalogueEntry("help.chrome.parse.not-exist", zh: "错误：{0} 不存在", en: "Error: {0} does not exist"),
        CatalogueEntry(
            "help.chrome.parse.no-rule-set", zh: "错误：{0} 中没有规则集（规则集是含有 ruleset.yaml 的文件夹，或这类文件夹的上级文件夹）",
            en: "Error: {0} holds no rule set (a folder with ruleset.yaml, or folders of them)"),
        CatalogueEntry("help.chrome.parse.log-level", zh: "错误：{0} 不是日志级别", en: "Error: {0} is not a log level"),
        CatalogueEntry("help.chrome.parse.error", zh: "错误：{0}", en: "Error: {0}"),
        CatalogueEntry("help.chrome.parse.help", zh: "说明：{0}", en: "Help: {0}"),
        CatalogueEntry("help.chrome.parse.usage", zh: "用法：{0}", en: "Usage: {0}"),
        CatalogueEntry("help.chrome.parse.see", zh: "  详见 {0}。", en: "  See {0} for more information."),
        CatalogueEntry("help.chrome.parse.see-detail", zh: "  详细说明见 {0}。", en: "  See {0} for detailed help."),
        CatalogueEntry("help.chrome.values", zh: "可选值：{0}", en: "values: {0}"),
    ]

    static let check: [CatalogueEntry] = [
        CatalogueEntry(
            "help.check.abstract", zh: "按决定所属类别的规则集检查决定文件。",
            en: "Check decision files against the rule sets for their kind."),
        CatalogueEntry(
            "help.check.discussion",
            zh: """
                对每个决定，bylaw 选出 `applies_to` 与决定的 `kind` 相同、并在其 `date`（或 --as-of）生效的规则集，\
                逐条评估规则，然后输出结论，以及每条违反规则的说明、依据条款和依据数据。

                结论：合规；需复核（仅有警告类规则未通过）；不合规（有违规类规则未通过）；\
                出错（有规则无法评估）；无效（文件不符合规则集的输入格式）。

                示例
                  bylaw check rules/cadre-selection/examples/compliant-deputy-bureau.yaml
                  bylaw check --format json rules/asset-management/examples
                  bylaw check --as-of 2021-01-01 rules/asset-management/examples
                  bylaw check --no-audit --lang zh rules/asset-management/examples

                审计记录
                  每个被检查的决定都会先写入审计库（--audit PATH，否则 $BYLAW_AUDIT，
                  否则 ./bylaw-audit.sqlite），再输出结论。审计库无法写入时，bylaw
                  说明原因，不输出结论，退出码为 2。规则集标为 `sensitive` 的字段用
                  --audit-key-file（或 $BYLAW_AUDIT_KEY_FILE、$BYLAW_AUDIT_KEY）中的密钥
                  以 HMAC-SHA-256 脱敏，没有密钥时直接隐去。详见 `bylaw log --help`。

                退出码
                  0  全部决定合规
                  1  有决定不合规或需复核
                  2  有决定无效或出错、规则集无法加载、审计记录无法写入，或命令行有误
                """,
            en: """
                For each decision, bylaw picks the rule sets whose `applies_to` is the decision's `kind` and that \
                are in force on its `date` (or --as-of), evaluates every rule, and prints the verdict with each \
                failed rule's message, citation and evidence.

                Verdicts: compliant, needs_review (only warnings failed), non_compliant (a violation failed), \
                error (a rule could not be evaluated), invalid (the file does not fit the rule sets' input schema).

                EXAMPLES
                  bylaw check rules/cadre-selection/examples/compliant-deputy-bureau.yaml
                  bylaw check --format json rules/asset-management/examples
                  bylaw check --as-of 2021-01-01 rules/asset-management/examples
                  bylaw check --no-audit --lang zh rules/asset-management/examples

                AUDIT TRAIL
                  Every decision checked is recorded in the audit store (--audit PATH,
                  else $BYLAW_AUDIT, else ./bylaw-audit.sqlite) before its verdict is
                  printed. If the store cannot be written, bylaw says so, prints no
                  verdict and exits 2. Fields a rule set declares `sensitive` are masked
                  with HMAC-SHA-256 under the key in --audit-key-file (or
                  $BYLAW_AUDIT_KEY_FILE, $BYLAW_AUDIT_KEY), or redacted without one.
                  See `bylaw log --help`.

                EXIT CODES
                  0  every decision is compliant
                  1  some decision is non_compliant or needs_review
                  2  some decision is invalid or errored, the rule sets do not load, the
                     audit trail cannot be written, or the command line is wrong
                """),
        CatalogueEntry(
            "help.check.decisions", zh: "决定文件（YAML 或 JSON），或存放决定文件的文件夹。",
            en: "Decision files (YAML or JSON), or folders of them."),
        CatalogueEntry(
            "help.check.as-of", zh: "按此日期（YYYY-MM-DD）评估，而不按各决定自身的日期。",
            en: "Evaluate as of this date (YYYY-MM-DD) instead of each decision's own date."),
        CatalogueEntry("help.check.format", zh: "输出格式：text 或 json。", en: "Output format: text or json."),
        CatalogueEntry("help.check.quiet", zh: "每个决定只输出结论行。", en: "Print only the verdict line of each decision."),
        CatalogueEntry(
            "help.check.reveal",
            zh: "显示规则集标为敏感的值（默认显示为 [masked]）；仅供有权查看者使用。审计记录中始终脱敏。",
            en:
                "Show values the rule sets mark sensitive (default: masked as [masked]); for someone allowed to see "
                + "them. The audit trail masks them either way."),
    ]

    /// The one-line summaries of the commands whose other help is not yet in the catalogue (issue 21).
    static let abstracts: [CatalogueEntry] = [
        CatalogueEntry(
            "help.log.abstract", zh: "列出、查看、导出和核验审计记录。", en: "List, show, export and verify the audit trail."),
        CatalogueEntry(
            "help.lint.abstract", zh: "检查规则集中的错误和可能的疏漏。", en: "Check rule sets for errors and likely mistakes."),
        CatalogueEntry("help.test.abstract", zh: "运行规则集自带的测试用例。", en: "Run the test cases of rule sets."),
        CatalogueEntry(
            "help.explain.abstract", zh: "逐值说明每条规则为何通过或违反。", en: "Show why each rule passed or failed, value by value."),
        CatalogueEntry(
            "help.eval.abstract", zh: "计算一个 CEL 表达式：供规则编写人员试算。",
            en: "Evaluate one CEL expression: the rule author's REPL."),
        CatalogueEntry("help.doc.abstract", zh: "为审阅人员生成可读的规则手册。", en: "Write a readable rule book for reviewers."),
        CatalogueEntry("help.new.abstract", zh: "新建规则集的骨架。", en: "Scaffold a new rule set."),
        CatalogueEntry(
            "help.schema.abstract", zh: "输出规则集、测试和决定的 JSON Schema。",
            en: "Print JSON Schemas for rule sets, tests and decisions."),
        CatalogueEntry(
            "help.map.abstract", zh: "管理映射文件（告诉 `bylaw audit` 如何读取表格）。",
            en: "Work with the mapping files that tell `bylaw audit` how to read a spreadsheet."),
        CatalogueEntry(
            "help.diff.abstract", zh: "显示规则集两个版本之间（或两个规则库之间）的变化。",
            en: "Show what changed between two versions of a rule set, or of two rule libraries."),
        CatalogueEntry(
            "help.fmt.abstract", zh: "按统一格式重写规则集和测试文件，保留注释。",
            en: "Rewrite rule sets and test files in one layout, comments kept."),
    ]
}
