/// The catalogue's help texts of `bylaw log` and its subcommands (but `migrate`, in `HelpReplTexts`).
enum HelpLogTexts {
    static let entries: [CatalogueEntry] = [
        CatalogueEntry(
            "help.log.discussion",
            zh: """
                每次 `bylaw check` 为每项决定向审计库追加一条记录，各记录以 SHA-256 哈希链相连。\
                请把 `bylaw log head` 的输出另处保存：此后 `bylaw log verify --expect-head SEQ:HASH` \
                还能发现从末尾删去的记录或被改写的链。

                有签名密钥时（check 和 audit 的 `--signing-key`，或 $BYLAW_AUDIT_SIGNING_KEY_FILE），\
                审计库每 1,000 条记录、负载下每 5 分钟以及每次运行结束时，对哈希链签署一个检查点。\
                请导出检查点并另处保存：此后 `verify --checkpoints FILE --public-key KEY` 只凭公钥即可发现被截断或改写的尾部。

                每个 log 命令都以只读方式打开审计库：从不创建、迁移或写入，\
                因此只读介质上的审计库，或没有写权限的审计人员，都可以核验。

                示例
                  bylaw log list --kind cadre_promotion --verdict non_compliant
                  bylaw log show 42
                  bylaw log export > trail.jsonl
                  bylaw log head
                  bylaw log verify --expect-head 1200:9f86d081…
                  bylaw log checkpoint keygen --out trail
                  bylaw log checkpoint export > checkpoints.jsonl
                  bylaw log verify --checkpoints checkpoints.jsonl --public-key trail.pub
                  bylaw log verify --receipt 42:5d41402a…:9f86d081…
                  bylaw log backup /media/archive/trail-2026-12.sqlite
                """,
            en: """
                Every `bylaw check` appends one record per decision to the audit store, linked by a SHA-256 hash \
                chain. Keep the output of `bylaw log head` somewhere else: `bylaw log verify --expect-head \
                SEQ:HASH` then also detects records removed from the end or a rewritten chain.

                With a signing key (`--signing-key` on check and audit, or $BYLAW_AUDIT_SIGNING_KEY_FILE), the \
                store signs a checkpoint of the chain every 1,000 records, every 5 minutes under load and at the \
                end of each run. Export them and keep them elsewhere: `verify --checkpoints FILE --public-key KEY` \
                then detects a cut or rewritten tail with nothing but the public key.

                Every log command opens the store read-only: it never creates, migrates or writes one, so a store \
                on read-only media, or an auditor without write rights, can be verified.

                EXAMPLES
                  bylaw log list --kind cadre_promotion --verdict non_compliant
                  bylaw log show 42
                  bylaw log export > trail.jsonl
                  bylaw log head
                  bylaw log verify --expect-head 1200:9f86d081…
                  bylaw log checkpoint keygen --out trail
                  bylaw log checkpoint export > checkpoints.jsonl
                  bylaw log verify --checkpoints checkpoints.jsonl --public-key trail.pub
                  bylaw log verify --receipt 42:5d41402a…:9f86d081…
                  bylaw log backup /media/archive/trail-2026-12.sqlite
                """),
        CatalogueEntry(
            "help.log-prune.abstract", zh: "删除某日之前的记录，保留签名截断点供其余记录核验。",
            en: "Remove records recorded before a day, keeping a signed cut the rest verifies from."),
        CatalogueEntry(
            "help.log-prune.discussion",
            zh: """
                保留期限须主动设定：不运行此命令，任何记录都不会删除。只删除最早的记录（链的前段），\
                绝不删除未满 --min-retention-days 天的记录（默认 184 天，即《网络安全法》第二十一条规定的六个月；\
                不能设得更短）。截断点（最后一条被删记录的序号和链哈希）以检查点密钥签名后保存在审计库中，\
                并追加一条说明此事的 `prune` 记录：`bylaw log verify` 从截断点继续核验。

                示例
                  bylaw log prune --before 2026-01-01 --signing-key trail.key
                """,
            en: """
                Retention is opt-in: nothing is ever removed unless you run this. Only the oldest records go (a \
                prefix of the chain), never one younger than --min-retention-days (default 184, the six months \
                required by article 21 of the Cybersecurity Law; it cannot be set lower). The cut (the last removed record's sequence \
                number and chain hash) is signed with the checkpoint key and kept in the store, and a `prune` \
                record saying so is appended: `bylaw log verify` goes on from the cut.

                EXAMPLES
                  bylaw log prune --before 2026-01-01 --signing-key trail.key
                """),
        CatalogueEntry(
            "help.log-prune.before", zh: "删除此日（YYYY-MM-DD，UTC）之前记录的记录。",
            en: "Remove records recorded before this day (YYYY-MM-DD, UTC)."),
        CatalogueEntry(
            "help.log-prune.signing-key", zh: "为截断点签名的检查点签名密钥（默认：$BYLAW_AUDIT_SIGNING_KEY_FILE）。",
            en: "The checkpoint signing key that signs the cut (default: $BYLAW_AUDIT_SIGNING_KEY_FILE)."),
        CatalogueEntry(
            "help.log-prune.min-retention-days", zh: "保留未满此天数的每条记录（至少 184 天）。",
            en: "Keep every record younger than this many days (at least 184)."),
        CatalogueEntry(
            "help.log-prune.actor", zh: "记为执行删除的人（默认：操作系统用户）。",
            en: "Who is recorded as having pruned (default: the OS user)."),
        CatalogueEntry(
            "help.log-backup.abstract", zh: "一致地复制审计库（他人追加时亦可），并单独核验副本。",
            en: "Copy the store consistently, even while others append, and verify the copy on its own."),
        CatalogueEntry(
            "help.log-backup.destination", zh: "副本写到何处；不得已存在。", en: "Where to write the copy; must not exist."),
        CatalogueEntry("help.log-list.abstract", zh: "列出记录，最新的在前。", en: "List records, newest first."),
        CatalogueEntry("help.log-list.kind", zh: "只列此决定类别。", en: "Only this decision kind."),
        CatalogueEntry("help.log-list.unit", zh: "只列此单位及其下级单位。", en: "Only this unit and the units below it."),
        CatalogueEntry("help.log-list.verdict", zh: "只列此结论。", en: "Only this verdict."),
        CatalogueEntry("help.log-list.rule", zh: "只列此规则被违反的记录。", en: "Only records where this rule failed."),
        CatalogueEntry(
            "help.log-list.from", zh: "决定日期在此日或之后（YYYY-MM-DD）。", en: "Decisions dated on or after (YYYY-MM-DD)."),
        CatalogueEntry(
            "help.log-list.to", zh: "决定日期在此日或之前（YYYY-MM-DD）。", en: "Decisions dated on or before (YYYY-MM-DD)."),
        CatalogueEntry("help.log-list.actor", zh: "只列此操作人的记录。", en: "Only records by this actor."),
        CatalogueEntry("help.log-list.limit", zh: "最多列出这么多条记录。", en: "At most this many records."),
        CatalogueEntry(
            "help.log-show.abstract", zh: "打印一条完整记录（其规范 JSON）。", en: "Print one whole record (its canonical JSON)."),
        CatalogueEntry("help.log-show.record", zh: "序号或记录编号。", en: "A sequence number or record id."),
        CatalogueEntry(
            "help.log-export.abstract", zh: "以 JSON Lines 写出每条记录（规范字节，最早的在前）。",
            en: "Write every record as JSON Lines (the canonical bytes, oldest first)."),
        CatalogueEntry(
            "help.log-head.abstract", zh: "以 SEQ:HASH 打印最后的序号和链哈希，供另处保存。",
            en: "Print the last sequence number and chain hash as SEQ:HASH, to keep outside the store."),
        CatalogueEntry(
            "help.log-verify.abstract", zh: "重新计算每个哈希；报告第一条损坏的记录。",
            en: "Recompute every hash; report the first broken record."),
        CatalogueEntry(
            "help.log-verify.discussion",
            zh: """
                链完整（且给出的每个检查点和回执都成立）时以 0 退出；有记录损坏、缺失或被改写时以 1 退出；\
                审计库或给出的文件无法读取时以 2 退出。
                """,
            en: """
                Exit 0 when the chain is whole (and every checkpoint and receipt given holds), 1 when a record \
                is broken, missing or rewritten, 2 when the store or a file given cannot be read.
                """),
        CatalogueEntry(
            "help.log-verify.expect-head", zh: "先前保存的链头（来自 `bylaw log head`）。",
            en: "A head kept earlier (from `bylaw log head`)."),
        CatalogueEntry(
            "help.log-verify.checkpoints", zh: "另处保存的已签名检查点（来自 `bylaw log checkpoint export`）；需要 --public-key。",
            en: "Signed checkpoints kept elsewhere (from `bylaw log checkpoint export`); needs --public-key."),
        CatalogueEntry(
            "help.log-verify.public-key", zh: "检查点必须使用的签名公钥；单独使用时核验审计库自身的检查点。",
            en: "The public key the checkpoints must be signed with; alone, checks the store's own checkpoints."),
        CatalogueEntry(
            "help.log-verify.receipt", zh: "`bylaw check` 打印的回执。", en: "A receipt printed by `bylaw check`."),
        CatalogueEntry(
            "help.log-checkpoint.abstract", zh: "生成检查点签名密钥，或导出审计库中已签名的检查点。",
            en: "Make a checkpoint signing key, or export the store's signed checkpoints."),
        CatalogueEntry(
            "help.log-keygen.abstract", zh: "写出新的 Ed25519 密钥对：NAME.key（私钥）和 NAME.pub（公钥）。",
            en: "Write a new Ed25519 key pair: NAME.key (secret, for writers) and NAME.pub (for verifiers)."),
        CatalogueEntry("help.log-keygen.out", zh: "文件名，不含扩展名。", en: "The files' name, without extension."),
        CatalogueEntry(
            "help.log-checkpoint-export.abstract", zh: "以 JSON Lines 写出审计库中已签名的检查点，最早的在前，供另处保存。",
            en: "Write the store's signed checkpoints as JSON Lines, oldest first, to keep elsewhere."),
    ]
}
