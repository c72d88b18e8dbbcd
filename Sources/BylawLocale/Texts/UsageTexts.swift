/// The catalogue's usage errors: a command line that cannot be run as given (the argument parser prints them
/// with the usage, and the command exits 2).
enum UsageTexts {
    static let entries: [CatalogueEntry] = [
        CatalogueEntry(
            "usage.no-subcommand", zh: "错误：没有子命令 `{0}`；子命令有：{1}",
            en: "Error: there is no subcommand `{0}`; the subcommands: {1}"),
        CatalogueEntry("usage.bad-regex", zh: "`{0}` 不是有效的正则表达式", en: "`{0}` is not a valid regular expression"),
        CatalogueEntry(
            "usage.coverage-with-run", zh: "--require-coverage 需要全部用例：不能与 --run 同用",
            en: "--require-coverage needs every case: it cannot be used with --run"),
        CatalogueEntry("usage.not-folder", zh: "`{0}` 不是文件夹", en: "`{0}` is not a folder"),
        CatalogueEntry(
            "usage.not-folder-guess", zh: "`{0}` 不是文件夹；是否应为 `{1}`？", en: "`{0}` is not a folder; did you mean `{1}`?"),
        CatalogueEntry(
            "usage.no-inputs", zh: "请至少指定一个输入（文件、文件夹或 -）", en: "name at least one input (a file, a folder or -)"),
        CatalogueEntry(
            "usage.lang-value", zh: "错误：`--lang` 需要取值：zh 或 en", en: "Error: `--lang` needs a value: zh or en"),
        CatalogueEntry(
            "usage.lang-bad", zh: "错误：`{0}` 不是可用的语言：请用 zh 或 en", en: "Error: `{0}` is not a language: use zh or en"),
        CatalogueEntry("usage.jobs", zh: "--jobs 须在 1 到 256 之间", en: "--jobs must be between 1 and 256"),
        CatalogueEntry(
            "usage.columns", zh: "--columns 须为 labels 或 machine，而不是 `{0}`",
            en: "--columns takes labels or machine, not `{0}`"),
        CatalogueEntry("usage.html-records", zh: "--html-records 须为 0 或更大", en: "--html-records must be 0 or more"),
        CatalogueEntry(
            "usage.header-row", zh: "--header-row 须为 1 到 1048576 之间的行号",
            en: "--header-row must be a row number between 1 and 1048576"),
        CatalogueEntry("usage.bad-verdict", zh: "`{0}` 不是结论；可选：{1}", en: "`{0}` is not a verdict; one of {1}"),
        CatalogueEntry(
            "usage.bad-date", zh: "`{0}` 不是日历上的日期，或不是按 YYYY-MM-DD 写的（如 2023-06-13）",
            en: "`{0}` is not a calendar date written YYYY-MM-DD (such as 2023-06-13)"),
        CatalogueEntry(
            "usage.one-schema", zh: "--ruleset、--test 和 --decision KIND 只能给出其一",
            en: "give only one of --ruleset, --test and --decision KIND"),
        CatalogueEntry(
            "usage.lock-wait-env", zh: "BYLAW_AUDIT_LOCK_WAIT 为 `{0}`，不是秒数",
            en: "BYLAW_AUDIT_LOCK_WAIT is `{0}`, not a number of seconds"),
        CatalogueEntry(
            "usage.lock-wait", zh: "等待锁的时间为 0 到 3600 之间的秒数", en: "the lock wait is a number of seconds from 0 to 3600"),
        CatalogueEntry(
            "usage.prune-key", zh: "删除记录需要 --signing-key：截断点必须签名",
            en: "a prune needs --signing-key: its cut must be signed"),
        CatalogueEntry(
            "usage.checkpoints-key", zh: "--checkpoints 需要 --public-key：没有公钥，检查点什么也证明不了",
            en: "--checkpoints needs --public-key: a checkpoint proves nothing without its key"),
        CatalogueEntry(
            "usage.receipt", zh: "--receipt 的格式为 SEQ:LEAF:CHAIN，即 `bylaw check` 打印的回执",
            en: "--receipt takes SEQ:LEAF:CHAIN, as printed by `bylaw check`"),
        CatalogueEntry(
            "usage.expect-head", zh: "--expect-head 的格式为 SEQ:HASH（完整的 64 位十六进制哈希），即 `bylaw log head` 的输出",
            en: "--expect-head takes SEQ:HASH (the whole 64-digit hex hash), as printed by `bylaw log head`"),
        CatalogueEntry(
            "usage.vars-object", zh: "`{0}` 须为名称到值的 JSON 对象", en: "`{0}` must hold a JSON object of names to values"),
        CatalogueEntry("usage.file-problem", zh: "`{0}`：{1}", en: "`{0}`: {1}"),
        CatalogueEntry("usage.var-form", zh: "--var 的格式为 NAME=EXPR，而不是 `{0}`", en: "--var takes NAME=EXPR, not `{0}`"),
        CatalogueEntry(
            "usage.var-constant", zh: "--var {0}：`{1}` 不是常量 CEL 表达式",
            en: "--var {0}: `{1}` is not a constant CEL expression"),
        CatalogueEntry("usage.same-trail", zh: "--from 和 --to 指向同一审计记录", en: "--from and --to name the same trail"),
        CatalogueEntry("usage.missing-path", zh: "`{0}` 不存在", en: "`{0}` does not exist"),
        CatalogueEntry(
            "usage.not-kebab", zh: "`{0}` 不是 kebab-case：请用小写 ASCII 字母和数字，以单个连字符相连，如 travel-expenses",
            en: "`{0}` is not kebab-case: use lowercase ASCII letters and digits joined by single hyphens, such as "
                + "travel-expenses"),
        CatalogueEntry(
            "usage.not-kind", zh: "`{0}` 不是决定类别：请用小写 ASCII 字母、数字和 `_`，如 travel_claim",
            en: "`{0}` is not a decision kind: use lowercase ASCII letters, digits and `_`, such as travel_claim"),
    ]
}

/// The catalogue's result lines of `bylaw log verify`, `prune`, `backup` and `checkpoint keygen`, `bylaw fmt`
/// and `bylaw new`.
enum ResultLineTexts {
    static let entries: [CatalogueEntry] = [
        CatalogueEntry(
            "log.nothing-pruned", zh: "{0} 之前没有记录；未删除任何记录", en: "no record was recorded before {0}; nothing removed"),
        CatalogueEntry(
            "log.pruned", zh: "✓ 已删除第 1–{0} 条记录（{1} 之前记录的）；签名截断点 {0}:{2}",
            en: "✓ removed records 1–{0} (recorded before {1}); signed cut {0}:{2}"),
        CatalogueEntry(
            "log.backup-broken", zh: "✗ 副本在第 {0} 条记录处核验不通过：{1}", en: "✗ the copy does not verify at record {0}: {1}"),
        CatalogueEntry(
            "log.backed-up", zh: "✓ 已备份到 {0}：{1} 条记录核验无误；链头 {2}:{3}",
            en: "✓ backed up to {0}: {1} records verified; head {2}:{3}"),
        CatalogueEntry(
            "log.broken", zh: "✗ 审计记录在第 {0} 条记录处断裂：{1}", en: "✗ audit trail broken at record {0}: {1}"),
        CatalogueEntry(
            "log.verified", zh: "✓ {0} 条记录核验无误；链头 {1}:{2}", en: "✓ {0} records verified; head {1}:{2}"),
        CatalogueEntry(
            "log.verified-pruned", zh: "；第 1–{0} 条记录已删除（有签名截断点）",
            en: "; records 1–{0} were pruned (signed cut)"),
        CatalogueEntry("log.checkpoints-hold", zh: "；{0} 个签名检查点成立", en: "; {0} signed checkpoints hold"),
        CatalogueEntry("log.checkpoint-holds", zh: "；{0} 个签名检查点成立", en: "; {0} signed checkpoint holds"),
        CatalogueEntry("log.receipt-holds", zh: "；第 {0} 条记录的回执成立", en: "; receipt of record {0} holds"),
        CatalogueEntry("log.note", zh: "  注：{0}", en: "  note: {0}"),
        CatalogueEntry(
            "log.keygen-wrote", zh: "已写出 {0}.key（请保密：check 和 audit 用它签名）和 {0}.pub",
            en: "wrote {0}.key (keep it secret: check and audit sign with it) and {0}.pub"),
        CatalogueEntry(
            "eval.let-failed", zh: "注：无法为此决定计算 `let` `{0}`：{1}",
            en: "note: `let` `{0}` could not be computed for this decision: {1}"),
        CatalogueEntry("fmt.formatted", zh: "已整理 {0} 个文件（共 {1} 个）", en: "formatted {0} files of {1}"),
        CatalogueEntry("fmt.formatted-one", zh: "已整理 {0} 个文件（共 {1} 个）", en: "formatted {0} file of {1}"),
        CatalogueEntry(
            "new.next", zh: "下一步：替换 TODO 文字，然后运行 `bylaw test {0}`",
            en: "next: replace the TODO texts, then run `bylaw test {0}`"),
    ]
}
