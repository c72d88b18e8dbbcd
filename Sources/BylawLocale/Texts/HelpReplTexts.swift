/// The catalogue's help texts of `bylaw repl`, `bylaw replay` and `bylaw log migrate`, `bylaw serve` and `bylaw test`.
enum HelpReplTexts {
    static let entries: [CatalogueEntry] =
        session + [
            CatalogueEntry(
                "help.repl.abstract", zh: "交互式 CEL 提示符，作用域内有规则集的声明和一项决定。",
                en: "An interactive CEL prompt with a rule set's declarations and a decision in scope."),
            CatalogueEntry(
                "help.repl.discussion",
                zh: """
                    逐行读取标准输入：表达式打印其值和类型（与 `bylaw eval` 相同），以 `:` 开头的命令改变作用域。\
                    用 --set ID 时，作用域即规则集 ID 的表达式所见：带类型的字段、params、let 和表（与 `bylaw eval --set` 相同）。\
                    出错时打印错误，提示符照常继续。标准输入可以是管道，因此会话可以写成脚本；只有在终端上才显示提示符 `bylaw> `。

                    命令
                      EXPR               计算 EXPR：值  （类型）
                      :type EXPR         检查器给 EXPR 的类型，不计算
                      :let NAME = EXPR   计算 EXPR，此后以 NAME 指代其值
                      :load FILE         以 FILE 为决定（按规则集定类型）
                      :set ID            进入规则集 ID 的作用域（:set - 退出）
                      :scope             当前作用域：规则集、决定、名称
                      :help、:quit

                    示例
                      bylaw repl --set asset-management \\
                        --input rules/asset-management/examples/compliant-vehicle-auction.yaml
                      printf 'params.min_price_ratio\\n:quit\\n' | bylaw repl --set asset-management

                    退出码
                      0  输入结束或 :quit
                      2  规则集无法加载，或 --input、--set 无法使用
                    """,
                en: """
                    Reads one line at a time from standard input: an expression prints its value and type, as \
                    `bylaw eval` does, and a command starting with `:` changes the scope. With --set ID the scope is \
                    what rule set ID's expressions see (`bylaw eval --set`): typed fields, params, lets and tables. \
                    An error is printed and the prompt goes on. Standard input may be a pipe, so a session can be \
                    scripted; the prompt `bylaw> ` is shown only on a terminal.

                    COMMANDS
                      EXPR               evaluate EXPR: value  (type)
                      :type EXPR         the type the checker gives EXPR, without evaluating it
                      :let NAME = EXPR   evaluate EXPR and call its value NAME from now on
                      :load FILE         take FILE as the decision (typed by the rule sets)
                      :set ID            take rule set ID's scope (:set - leaves it)
                      :scope             what is in scope: the set, the decision, the names
                      :help, :quit

                    EXAMPLES
                      bylaw repl --set asset-management \\
                        --input rules/asset-management/examples/compliant-vehicle-auction.yaml
                      printf 'params.min_price_ratio\\n:quit\\n' | bylaw repl --set asset-management

                    EXIT CODES
                      0  the input ended or :quit
                      2  the rules do not load, or --input or --set cannot be used
                    """),
            CatalogueEntry("help.repl.set", zh: "从此规则集的作用域开始。", en: "Start in this rule set's scope."),
            CatalogueEntry("help.repl.input", zh: "从此决定文件开始。", en: "Start with this decision file."),
            CatalogueEntry("help.repl.as-of", zh: "`today` 的值（YYYY-MM-DD）。", en: "The value of `today` (YYYY-MM-DD)."),
            CatalogueEntry(
                "help.replay.abstract", zh: "按规则库重新判断审计记录中保存的决定，列出结论的变化。",
                en: "Judge the decisions stored in the audit trail again under a rule library, and list the changes."),
            CatalogueEntry(
                "help.replay.discussion",
                zh: """
                    读取审计库中每条 `check` 和 `audit` 记录（只读，与 `bylaw log` 相同），按 --rules 的输入模式重新为\
                    记录保存的决定定类型（审计记录按原文保存数字，因此数值精确还原），按其自身日期重新检查，\
                    列出结论或违反的规则与记录不同的每项决定，以及变化的规则。以脱敏值记录的决定无法重审（只保存摘要，不保存值），另行计数。

                    示例
                      bylaw check rules/asset-management/examples --audit trail.sqlite
                      bylaw replay --audit trail.sqlite --rules rules
                      bylaw replay --audit trail.sqlite --since 2026-01-01 --rules new-rules

                    退出码
                      0  重审的决定结论均不变
                      1  有决定结论会改变
                      2  审计库或规则集无法读取
                    """,
                en: """
                    Reads every `check` and `audit` record of the store (read-only, as `bylaw log` reads it), types the \
                    decision the record keeps again by the input schemas of --rules (the trail keeps numbers as the text \
                    they were written in, so they come back exact), checks it on its own date, and reports each decision \
                    whose verdict or failed rules differ from the recorded ones, with the rules that changed. A decision \
                    recorded with masked values is not replayable (it holds digests, not values) and is counted apart.

                    EXAMPLES
                      bylaw check rules/asset-management/examples --audit trail.sqlite
                      bylaw replay --audit trail.sqlite --rules rules
                      bylaw replay --audit trail.sqlite --since 2026-01-01 --rules new-rules

                    EXIT CODES
                      0  no replayed decision would be judged differently
                      1  some would
                      2  the store or the rules cannot be read
                    """),
            CatalogueEntry(
                "help.replay.since", zh: "只看这一天（YYYY-MM-DD，UTC）及以后记录的决定。",
                en: "Only records recorded on or after this day (YYYY-MM-DD, UTC)."),
            CatalogueEntry(
                "help.log-migrate.abstract", zh: "把一份审计记录复制到另一处（SQLite 或 PostgreSQL），逐条复制并逐条校验。",
                en: "Copy a trail into another (SQLite or PostgreSQL), record by record, verifying each."),
            CatalogueEntry(
                "help.log-migrate.discussion",
                zh: """
                    每条记录连同其规范字节一起复制，途中重新计算叶哈希和链哈希：复制结束时，目标的末条序号和哈希与源相同，\
                    且可单独校验。再次运行只复制上次未复制的部分。目标既不为空、又不是源的前缀时拒绝复制，不写入任何内容。\
                    已签名的检查点不复制。

                    示例
                      bylaw log migrate --from bylaw-audit.sqlite --to postgres://bylaw@db/bylaw
                      bylaw log migrate --from postgres://bylaw@db/bylaw --to copy.sqlite
                    """,
                en: """
                    Each record is copied with its canonical bytes, and its leaf and chain hashes are recomputed on the \
                    way: the copy ends with the source's head sequence number and hash, and verifies on its own. A \
                    second run copies only what the first did not. A target that is not empty and not a prefix of the \
                    source is refused, and nothing is written to it. Signed checkpoints are not copied.

                    EXAMPLES
                      bylaw log migrate --from bylaw-audit.sqlite --to postgres://bylaw@db/bylaw
                      bylaw log migrate --from postgres://bylaw@db/bylaw --to copy.sqlite
                    """),
            CatalogueEntry(
                "help.log-migrate.from", zh: "复制的来源（SQLite 文件或 postgres://…）。",
                en: "The trail to copy from (a SQLite file or postgres://…)."),
            CatalogueEntry(
                "help.log-migrate.to", zh: "复制的目标（不存在时创建）。", en: "The trail to copy into (created when missing)."),
            CatalogueEntry(
                "help.log-migrate.lock-wait", zh: "另一进程占用锁时等待的秒数。",
                en: "How long to wait for another process's lock (seconds)."),
            CatalogueEntry(
                "help.serve.abstract", zh: "通过 HTTP 提供检查、解释、规则检查、测试、规则手册和审计记录服务。",
                en: "Serve check, explain, lint, test, rule books and the audit trail over HTTP."),
            CatalogueEntry(
                "help.serve.discussion",
                zh: """
                    以 HTTP/1.1 提供 JSON 接口；接口见 /openapi.json 上的 OpenAPI 文档（亦即 docs/openapi.json）\
                    和 docs/serve.md。每次检查都先写入审计记录，再作答复；审计记录无法写入时答复 503，不给结论。

                    配置
                      命令行参数优先于环境变量，环境变量优先于配置文件（--config FILE 或
                      $BYLAW_SERVE_CONFIG，JSON 格式），配置文件优先于默认值。
                      环境变量：BYLAW_RULES、BYLAW_SERVE_LISTEN、BYLAW_AUDIT、
                      BYLAW_AUDIT_KEY_FILE。
                      账号和角色只来自配置文件；没有账号也没有 `anonymous` 时，拒绝一切接口请求。

                    信号
                      SIGHUP           重新加载规则：新规则库加载成功即刻生效；否则记录其诊断
                                       信息，旧规则库继续服务
                      SIGTERM、SIGINT  不再接受新连接，处理完正在进行的请求后退出

                    示例
                      bylaw serve --config /etc/bylaw/serve.json
                      bylaw serve --rules rules --listen 127.0.0.1:8080 --config serve.json

                    退出码
                      0  收到 SIGTERM 或 SIGINT 后正常停止
                      2  配置、规则集或审计库无法使用
                    """,
                en: """
                    JSON over HTTP/1.1; the API is described by the OpenAPI document at /openapi.json (also \
                    docs/openapi.json) and in docs/serve.md. Every check is recorded in the audit trail before it is \
                    answered; when the trail cannot be written the answer is 503 with no verdict.

                    CONFIGURATION
                      Flags win over environment variables, which win over the config file
                      (--config FILE or $BYLAW_SERVE_CONFIG, JSON), which wins over the defaults.
                      Environment: BYLAW_RULES, BYLAW_SERVE_LISTEN, BYLAW_AUDIT,
                      BYLAW_AUDIT_KEY_FILE.
                      Accounts and roles come from the config file only; without an account or
                      `anonymous`, every API request is refused.

                    SIGNALS
                      SIGHUP           reload the rules: the new library is put in force at once if
                                       it loads, else its diagnostics are logged and the old one
                                       keeps serving
                      SIGTERM, SIGINT  stop accepting connections, finish the requests in flight,
                                       exit

                    EXAMPLES
                      bylaw serve --config /etc/bylaw/serve.json
                      bylaw serve --rules rules --listen 127.0.0.1:8080 --config serve.json

                    EXIT CODES
                      0  the service stopped after SIGTERM or SIGINT
                      2  the configuration, the rules or the audit store cannot be used
                    """),
            CatalogueEntry(
                "help.serve.listen", zh: "监听地址（端口 0：任一空闲端口）。", en: "Where to listen (port 0: any free port)."),
            CatalogueEntry("help.serve.config", zh: "配置文件（JSON）。", en: "The configuration file (JSON)."),
            CatalogueEntry(
                "help.serve.log-level", zh: "日志级别：trace、debug、info、notice、warning、error。",
                en: "Log level: trace, debug, info, notice, warning, error."),
            CatalogueEntry(
                "help.test.discussion",
                zh: """
                    PATH 是规则集文件夹（内含 ruleset.yaml），或包含这类文件夹的规则库；默认为 ./rules。\
                    每个文件夹的用例来自 tests/*.yaml（见 docs/ruleset-format.md）和 examples/*.yaml，\
                    后者的文件名说明应得的结论：compliant-*、non-compliant-*、needs-review-*。

                    覆盖：列出没有任何用例使其违反的规则；加 --require-coverage 时，覆盖不全即为失败。\
                    用 --run 时只运行名称匹配该正则表达式的用例（名称中任意位置匹配即可，与 `go test -run` 相同），\
                    不报告覆盖情况。

                    用 --watch 时，规则集、用例、示例或规则库日历的任一文件改动后即重新运行（每秒检查两次）；按 Ctrl-C 结束。

                    示例
                      bylaw test
                      bylaw test rules/asset-management
                      bylaw test --rules rules
                      bylaw test rules/asset-management --run 评估
                      bylaw test rules/asset-management --format junit > report.xml
                      bylaw test rules/cadre-selection --watch

                    退出码
                      0  全部用例通过
                      1  有用例失败（或加 --require-coverage 时覆盖不全）
                      2  规则集或用例文件无法加载、--run 没有匹配任何用例，或命令行有误
                    """,
                en: """
                    A PATH is a rule-set folder (it holds ruleset.yaml) or a rule library holding such folders; \
                    the default is ./rules. Each folder's cases come from tests/*.yaml (see docs/ruleset-format.md) \
                    and from examples/*.yaml, whose names say the verdict they must get: compliant-*, \
                    non-compliant-*, needs-review-*.

                    Coverage: every rule that no case makes fail is listed; --require-coverage makes that a failure. \
                    With --run, only the cases whose name matches the regular expression run (anywhere in the name, \
                    as in `go test -run`), and coverage is not reported.

                    With --watch, the cases run again whenever a file of the rule sets, their tests, their examples or \
                    the library's calendars changes (checked twice a second); Ctrl-C ends it.

                    EXAMPLES
                      bylaw test
                      bylaw test rules/asset-management
                      bylaw test --rules rules
                      bylaw test rules/asset-management --run auction
                      bylaw test rules/asset-management --format junit > report.xml
                      bylaw test rules/cadre-selection --watch

                    EXIT CODES
                      0  every case passed
                      1  a case failed (or coverage is incomplete with --require-coverage)
                      2  a rule set or a test file does not load, --run matches no case,
                         or the command line is wrong
                    """),
            CatalogueEntry(
                "help.test.paths", zh: "规则集文件夹或规则库（默认：--rules 文件夹）。",
                en: "Rule-set folders or rule libraries (default: the --rules folder)."),
            CatalogueEntry(
                "help.test.format", zh: "输出格式：text、json 或 junit。", en: "Output format: text, json or junit."),
            CatalogueEntry(
                "help.test.require-coverage", zh: "有规则没有任何用例使其违反时，判为失败。",
                en: "Fail when some rule is never made to fail by any case."),
            CatalogueEntry(
                "help.test.run", zh: "只运行名称匹配此正则表达式的用例。",
                en: "Run only the cases whose name matches this regular expression."),
            CatalogueEntry(
                "help.test.watch", zh: "规则集、用例、示例或日历文件改动后即重新运行；按 Ctrl-C 结束。",
                en: "Run again whenever a rule-set, test, example or calendar file changes; Ctrl-C ends it."),
        ]

    /// What `bylaw repl` says during a session.
    static let session: [CatalogueEntry] = [
        CatalogueEntry("repl.error", zh: "错误：{0}", en: "error: {0}"),
        CatalogueEntry("repl.at-column", zh: "第 {0} 列：", en: "at column {0}: "),
        CatalogueEntry(
            "repl.unknown-command", zh: "没有命令 `{0}`；:help 列出全部命令", en: "unknown command `{0}`; :help lists the commands"
        ),
        CatalogueEntry("repl.loaded", zh: "已载入 `{0}`", en: "loaded `{0}`"),
        CatalogueEntry("repl.loaded-id", zh: "已载入 `{0}`：{1}", en: "loaded `{0}`: {1}"),
        CatalogueEntry("repl.let-usage", zh: ":let 的写法是 NAME = EXPR", en: ":let takes NAME = EXPR"),
        CatalogueEntry("repl.let-name", zh: "`{0}` 不能用作 :let 的名称", en: "`{0}` is not a name for :let"),
        CatalogueEntry("repl.none", zh: "无", en: "none"),
        CatalogueEntry("repl.scope-set", zh: "规则集：{0}", en: "set: {0}"),
        CatalogueEntry("repl.scope-decision", zh: "决定：{0}", en: "decision: {0}"),
        CatalogueEntry("repl.scope-let", zh: "命名值（let）：{0}", en: "let: {0}"),
        CatalogueEntry(
            "repl.help",
            zh: """
                EXPR               计算 EXPR
                :type EXPR         EXPR 的类型
                :let NAME = EXPR   给一个值命名
                :load FILE         以 FILE 为决定
                :set ID            采用规则集 ID 的作用域（:set - 退出）
                :scope             当前作用域中有什么
                :quit              结束
                """,
            en: """
                EXPR               evaluate EXPR
                :type EXPR         the type of EXPR
                :let NAME = EXPR   name a value
                :load FILE         take FILE as the decision
                :set ID            take rule set ID's scope (:set - leaves it)
                :scope             what is in scope
                :quit              end
                """),
    ]
}
