/// The catalogue's operational errors and notes: what the commands print on standard error, after `bylaw: `,
/// when a file cannot be read or written, the audit store cannot be used, or an argument names nothing.
enum OperationalTexts {
    static let entries: [CatalogueEntry] = [
        CatalogueEntry(
            "op.rules-missing", zh: "规则文件夹 `{0}` 不存在（可用 --rules DIR 指定）",
            en: "rules folder `{0}` does not exist (use --rules DIR)"),
        CatalogueEntry(
            "op.no-kind", zh: "没有适用于决定类别 `{0}` 的规则集（已知类别：{1}）",
            en: "no rule set applies to kind `{0}` (known kinds: {1})"),
        CatalogueEntry(
            "op.schema-no-kind", zh: "`{0}` 中没有适用于决定类别 `{1}` 的规则集",
            en: "no rule set in `{0}` applies to kind `{1}`"),
        CatalogueEntry("op.known-kinds", zh: "；已知类别：{0}", en: "; known kinds: {0}"),
        CatalogueEntry("op.report-unwritable", zh: "无法把报告写入 `{0}`：{1}", en: "cannot write the report to `{0}`: {1}"),
        CatalogueEntry("op.no-records", zh: "输入中没有记录", en: "the inputs hold no records"),
        CatalogueEntry(
            "op.no-decision-files", zh: "文件夹 `{0}` 中没有决定文件（.yaml、.yml 或 .json）",
            en: "the folder `{0}` holds no decision files (.yaml, .yml or .json)"),
        CatalogueEntry("op.cannot-write", zh: "无法写入 `{0}`", en: "cannot write `{0}`"),
        CatalogueEntry("op.cannot-write-because", zh: "无法写入 `{0}`：{1}", en: "cannot write `{0}`: {1}"),
        CatalogueEntry("op.cannot-read", zh: "无法读取 `{0}`", en: "cannot read `{0}`"),
        CatalogueEntry(
            "op.exists", zh: "`{0}` 已存在；请换一个名称，或先删除它",
            en: "`{0}` exists; choose another name or remove it first"),
        CatalogueEntry(
            "op.new-exists", zh: "`{0}` 已存在；`bylaw new` 从不覆盖。请换一个名称，或先删除它。",
            en: "`{0}` already exists; `bylaw new` never overwrites. Choose another name or remove it."),
        CatalogueEntry("op.created", zh: "已创建 {0}", en: "created {0}"),
        CatalogueEntry(
            "op.migrated", zh: "✓ 已复制 {0} 条记录（另有 {1} 条目标中原已存在）；链头 {2}:{3}",
            en: "✓ copied {0} records ({1} were already there); head {2}:{3}"),
        CatalogueEntry("op.keygen-exists", zh: "`{0}` 已存在；不覆盖密钥", en: "`{0}` exists; not overwriting a key"),
        CatalogueEntry(
            "op.keygen-unwritable", zh: "无法写入 `{0}.key` 和 `{0}.pub`", en: "cannot write `{0}.key` and `{0}.pub`"),
        CatalogueEntry("op.no-record", zh: "{1} 中没有记录 `{0}`", en: "no record `{0}` in {1}"),
        CatalogueEntry(
            "op.no-store", zh: "审计记录：`{0}` 处没有审计库", en: "audit trail: there is no audit store at `{0}`"),
        CatalogueEntry("op.trail-error", zh: "审计记录：{0}", en: "audit trail: {0}"),
        CatalogueEntry(
            "op.trail-open", zh: "审计记录：无法打开 `{0}`：{1}；{2}", en: "audit trail: cannot open `{0}`: {1}; {2}"),
        CatalogueEntry(
            "op.trail-record", zh: "审计记录：无法写入 `{0}`：{1}；{2}",
            en: "audit trail: cannot record to `{0}`: {1}; {2}"),
        CatalogueEntry(
            "op.consequence.audit-open", zh: "未作任何检查（如不需记录，可用 --no-audit 审计）",
            en: "nothing was checked (use --no-audit to audit without recording)"),
        CatalogueEntry(
            "op.consequence.audit-record", zh: "报告止于最后一条已记录的记录（如不需记录，可用 --no-audit 审计）",
            en: "the report stops at the last recorded record (use --no-audit to audit without recording)"),
        CatalogueEntry(
            "op.consequence.check", zh: "未报告结论（如不需记录，可用 --no-audit 检查）",
            en: "no verdict is reported (use --no-audit to check without recording)"),
        CatalogueEntry(
            "op.signing-key-unreadable", zh: "审计记录：无法读取签名密钥文件 `{0}`",
            en: "audit trail: cannot read the signing key file `{0}`"),
        CatalogueEntry(
            "op.masking-key-unreadable", zh: "审计记录：无法读取脱敏密钥文件 `{0}`",
            en: "audit trail: cannot read the masking key file `{0}`"),
        CatalogueEntry("op.key-file-error", zh: "审计记录：`{0}`：{1}", en: "audit trail: `{0}`: {1}"),
        CatalogueEntry(
            "op.sqlite-only",
            zh: "审计记录：`bylaw log {0}` 只适用于 SQLite 审计库；PostgreSQL 审计记录随数据库备份（或用 `bylaw log migrate` 复制）",
            en: "audit trail: `bylaw log {0}` works on a SQLite store; a PostgreSQL trail is backed up with the "
                + "database (or copied with `bylaw log migrate`)"),
        CatalogueEntry(
            "op.not-ruleset-folder", zh: "`{0}` 不是规则集文件夹（含 ruleset.yaml 的文件夹），而 --case 需要规则集文件夹",
            en: "`{0}` is not a rule-set folder (one holding ruleset.yaml), as --case needs"),
        CatalogueEntry("op.no-case", zh: "`{1}` 中没有测试用例 `{0}`", en: "no test case `{0}` in `{1}`"),
        CatalogueEntry("op.did-you-mean", zh: "；是否应为 `{0}`？", en: "; did you mean `{0}`?"),
        CatalogueEntry("op.list-cases", zh: "；运行 `bylaw test {0}` 可列出全部用例", en: "; run `bylaw test {0}` to list them"),
        CatalogueEntry(
            "op.same-name-cases", zh: "有 {0} 个用例名为 `{1}`；说明第一个，位于 {2}",
            en: "{0} cases are called `{1}`; explaining the first, at {2}"),
        CatalogueEntry("op.watching", zh: "正在监视 {0} 个文件；按 Ctrl-C 结束", en: "watching {0} files; Ctrl-C ends"),
        CatalogueEntry("op.changed", zh: "`{0}` 已改动，重新运行用例", en: "`{0}` changed, running the cases again"),
        CatalogueEntry("op.no-case-matches", zh: "没有用例名称与 `{0}` 匹配", en: "no case name matches `{0}`"),
        CatalogueEntry(
            "audit.interpreted",
            zh: "注：{1} 条记录中有 {0} 条的部分表达式由解释器求值（快速计划未能判定，多为缺少的值或出错的表达式），结果相同，只是较慢",
            en:
                "note: {0} of {1} records had expressions settled by the interpreter (the fast plan could not: mostly a "
                + "missing value or an expression in error); the results are the same, only slower"),
        CatalogueEntry("audit.first-record", zh: "首条：{0}", en: "the first: {0}"),
        CatalogueEntry("audit.interpreted-by", zh: "，由解释器求值的：{0}", en: "; settled by the interpreter: {0}"),
        CatalogueEntry("audit.first-aside", zh: "（首条：{0}）", en: " (the first: {0})"),
        CatalogueEntry("system.sqlite-open", zh: "无法打开数据库文件", en: "unable to open database file"),
        CatalogueEntry("system.sqlite-not-db", zh: "不是数据库文件", en: "file is not a database"),
        CatalogueEntry("system.sqlite-locked", zh: "数据库被锁定", en: "database is locked"),
        CatalogueEntry("system.sqlite-busy", zh: "数据库正忙", en: "database is busy"),
        CatalogueEntry("system.sqlite-readonly", zh: "数据库只读，不能写入", en: "attempt to write a readonly database"),
        CatalogueEntry("system.sqlite-full", zh: "数据库或磁盘已满", en: "database or disk is full"),
        CatalogueEntry("system.sqlite-io", zh: "磁盘读写错误", en: "disk I/O error"),
        CatalogueEntry("system.sqlite-corrupt", zh: "数据库文件已损坏", en: "database disk image is malformed"),
        CatalogueEntry("system.enoent", zh: "没有这个文件或文件夹", en: "no such file or directory"),
        CatalogueEntry("system.eacces", zh: "没有权限", en: "permission denied"),
        CatalogueEntry("system.eio", zh: "输入输出错误", en: "input/output error"),
        CatalogueEntry("system.enospc", zh: "磁盘空间不足", en: "no space left on device"),
        CatalogueEntry("system.eisdir", zh: "这是一个文件夹", en: "is a directory"),
        CatalogueEntry("system.enotdir", zh: "路径中有一部分不是文件夹", en: "not a directory"),
        CatalogueEntry("system.erofs", zh: "文件系统只读", en: "read-only file system"),
        CatalogueEntry("system.eexist", zh: "文件已存在", en: "file exists"),
        CatalogueEntry(
            "op.map-init-not-table",
            zh: "`{0}` 不是 CSV 文件或工作簿：map init 为表格的各列拟出映射；JSON 或 YAML 记录自带字段名，需要时在映射文件中用 `fields:` 改名（见 docs/audit.md）",
            en:
                "`{0}` is no CSV file or workbook: map init proposes a mapping for a table's columns; JSON and YAML records name their fields themselves, renamed where needed with `fields:` in a mapping (see docs/audit.md)"
        ),
        CatalogueEntry("replay.now-fails", zh: "现在违反：{0}", en: "now fails: {0}"),
        CatalogueEntry("replay.no-longer-fails", zh: "不再违反：{0}", en: "no longer fails: {0}"),
        CatalogueEntry(
            "replay.summary", zh: "重放 {0} 个决定：{1} 个结论会改变，{2} 个不变",
            en: "{0} decisions replayed: {1} would be judged differently, {2} alike"),
        CatalogueEntry(
            "replay.not-replayable", zh: "；无法重放：{0} 个含遮蔽的值，{1} 个没有决定原文",
            en: "; not replayable: {0} masked, {1} without a document"),
        CatalogueEntry(
            "audit.sheet-read", zh: "注：{0} 读取的是工作表 {1}（该工作簿的工作表：{2}）；如需读取其他工作表，请用 --sheet 指定",
            en: "note: {0}: read the sheet {1} (the workbook's sheets: {2}); name another with --sheet"),
        CatalogueEntry(
            "audit.skipped-note", zh: "注：{0} 行不是记录，未检查（合计、签字栏、说明）：{1}",
            en: "note: {0} rows are not records and were not checked (totals, signatures, notes): {1}"),
        CatalogueEntry(
            "check.masked-note", zh: "注：规则集标为敏感的值显示为 [masked]；有权查看的人员可加 --reveal 显示（审计记录中始终脱敏）",
            en:
                "note: values the rule sets mark sensitive show as [masked]; someone allowed to see them can add --reveal "
                + "(the audit trail always masks them)"),
        CatalogueEntry("audit.source-row", zh: "{0} 第 {1} 行", en: "{0}:row {1}"),
        CatalogueEntry("audit.skipped-row", zh: "{0} `{1}`（{2}）", en: "{0} `{1}` ({2})"),
        CatalogueEntry(
            "audit.slow-paths", zh: "注：{1} 条记录中有 {0} 条走了慢速路径（按树读取，慢 2–3 倍）：",
            en: "note: {0} of {1} records took the slow path (read as a tree, 2–3 times slower):"),
        CatalogueEntry(
            "audit.slow.undeclared-field", zh: "有输入模式未声明的字段（警告 decision.unknown-field）",
            en: "a field the input schema does not declare (warning decision.unknown-field)"),
        CatalogueEntry(
            "audit.slow.mapped", zh: "经 --map 的 `fields` 或 `constants` 改写",
            en: "rewritten by the `fields` or `constants` of --map"),
        CatalogueEntry(
            "audit.slow.not-plain", zh: "不是快速路径可读的普通 JSON（字符串中有转义、成员为 null、其他数字写法）",
            en: "not plain JSON for the fast path (escapes in strings, null members, other number forms)"),
        CatalogueEntry(
            "audit.companion", zh: "网页列出 {0} 条记录；其余 {1} 条在 {2} 中",
            en: "the page lists {0} records; the other {1} are in {2}"),
    ]
}
