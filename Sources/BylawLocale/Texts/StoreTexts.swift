/// The catalogue's words for what the audit store (SQLite or PostgreSQL) refuses or finds wrong: the messages of
/// `AuditStoreError` made with an id. Technical detail a library gives (SQLite's or PostgreSQL's own message) is
/// passed in as it is, inside a sentence of the reader's language.
enum StoreTexts {
    static let entries: [CatalogueEntry] = [
        CatalogueEntry("store.cannot-open", zh: "无法打开审计库 `{0}`：{1}", en: "cannot open audit store `{0}`: {1}"),
        CatalogueEntry("store.backup-start", zh: "无法开始备份：{0}", en: "cannot start the backup: {0}"),
        CatalogueEntry("store.backup-failed", zh: "备份失败：{0}", en: "the backup failed: {0}"),
        CatalogueEntry(
            "store.damaged", zh: "`{0}` 已损坏，或不是审计库（{1}）", en: "`{0}` is damaged or is not an audit store ({1})"),
        CatalogueEntry(
            "store.sqlite.busy", zh: "审计库正被另一个进程占用（SQLite：{0}）", en: "the audit store is held by another process ({0})"),
        CatalogueEntry(
            "store.sqlite.read-only", zh: "审计库无法写入（SQLite：{0}）", en: "the audit store cannot be written ({0})"),
        CatalogueEntry("store.sqlite.full", zh: "磁盘已满，审计库无法写入（SQLite：{0}）", en: "the disk is full ({0})"),
        CatalogueEntry("store.sqlite.other", zh: "SQLite 报错：{0}", en: "{0}"),
        CatalogueEntry(
            "store.no-wal", zh: "审计库无法启用预写日志（WAL）：所在文件系统可能不支持", en: "the audit store cannot use write-ahead logging"),
        CatalogueEntry("store.not-found", zh: "`{0}` 处没有审计库", en: "there is no audit store at `{0}`"),
        CatalogueEntry("store.not-a-store", zh: "`{0}` 不是审计库", en: "`{0}` is not an audit store"),
        CatalogueEntry(
            "store.old-format", zh: "`{0}` 是第 {1} 版格式的审计库：请先运行一次会写入它的 bylaw 命令（该命令会迁移审计库），再读取",
            en:
                "`{0}` is an audit store of format {1}: run a bylaw command that writes to it once (it migrates the store), then read it"
        ),
        CatalogueEntry(
            "store.bad-header", zh: "`{0}` 已损坏：文件头中记录格式版本的位置是 {1}",
            en: "`{0}` is damaged: its header holds {1} where the store's format belongs"),
        CatalogueEntry(
            "store.newer-format", zh: "`{0}` 是第 {1} 版格式的审计库，比本版 bylaw 能读的格式（{2}）新：请使用更新版本的 bylaw",
            en: "`{0}` is an audit store of format {1}, newer than this bylaw reads ({2}): use a newer bylaw"),
        CatalogueEntry(
            "store.symbolic-link", zh: "`{0}` 是符号链接：请写审计库本身的路径，而不是指向它的链接",
            en: "`{0}` is a symbolic link: name the audit store's own path, not a link to it"),
        CatalogueEntry("store.opened-read-only", zh: "审计库是以只读方式打开的", en: "the audit store was opened for reading only"),
        CatalogueEntry(
            "store.dictionary-not-stored", zh: "压缩字典未能存入审计库", en: "the compression dictionary was not stored"),
        CatalogueEntry(
            "store.actor-empty", zh: "操作人为空：请写明是谁运行的检查（`--actor`）",
            en: "the actor is empty: name who ran the check (`--actor`)"),
        CatalogueEntry(
            "store.actor-control", zh: "操作人名称中含有控制字符或格式字符", en: "the actor contains control or formatting characters"),
        CatalogueEntry(
            "store.header-name", zh: "记录正文中的成员不得命名为 `{0}`：记录头已有该字段",
            en: "a record body member may not be named `{0}`: the header has that field"),
        CatalogueEntry(
            "store.pruned-no-migrate", zh: "`{0}` 已修剪至第 {1} 条记录：修剪过的审计记录不能迁移",
            en: "`{0}` was pruned through record {1}: a pruned trail cannot be migrated"),
        CatalogueEntry(
            "store.not-next", zh: "第 {0} 条记录接不上 {1} 的最新记录（{2}）", en: "record {0} does not follow the head of {1} ({2})"),
        CatalogueEntry(
            "store.record-unreadable-verify", zh: "第 {0} 条记录无法读取：{1}（请运行 `bylaw log verify`）",
            en: "record {0} cannot be read: {1} (run `bylaw log verify`)"),
        CatalogueEntry(
            "store.record-no-dictionary", zh: "第 {0} 条记录压缩时所用的字典不在审计库中",
            en: "record {0} is compressed against a dictionary the trail does not hold"),
        CatalogueEntry("store.record-unreadable", zh: "第 {0} 条记录无法读取：{1}", en: "record {0} cannot be read: {1}"),
        CatalogueEntry(
            "store.prune-needs-key", zh: "修剪需要签名密钥（`--signing-key`）：修剪点必须签名",
            en: "a prune needs a signing key (`--signing-key`): its cut must be signed"),
        CatalogueEntry(
            "store.prune-minimum", zh: "最短保留期至少为 {0} 天（六个月）",
            en: "the minimum retention is at least {0} days (six months)"),
        CatalogueEntry(
            "store.prune-bad-date", zh: "`{0}` 不是 YYYY-MM-DD 形式的日期", en: "`{0}` is not a date written YYYY-MM-DD"),
        CatalogueEntry(
            "store.prune-too-young", zh: "未满 {0} 天的记录必须保留：修剪日期最晚为 {1}",
            en: "records younger than {0} days are kept: prune before {1} at the latest"),
        CatalogueEntry(
            "store.checkpoint-line",
            zh: "检查点文件第 {0} 行不是检查点（应有 `seq`、`chain_hash`、`signed_at`、`public_key`、`signature`）",
            en:
                "line {0} of the checkpoints is not a checkpoint (`seq`, `chain_hash`, `signed_at`, `public_key`, `signature`)"
        ),
        CatalogueEntry(
            "store.not-signing-key", zh: "不是检查点签名密钥（应为一行 `ed25519-private:` 加 64 位十六进制数字）",
            en: "not a checkpoint signing key (a line `ed25519-private:` and 64 hex digits)"),
        CatalogueEntry("store.signing-key-invalid", zh: "签名密钥无效", en: "the signing key is not valid"),
        CatalogueEntry("store.cannot-sign", zh: "无法为检查点签名：{0}", en: "cannot sign the checkpoint: {0}"),
        CatalogueEntry(
            "store.not-public-key", zh: "不是检查点公钥（应为一行 `ed25519-public:` 加 64 位十六进制数字）",
            en: "not a checkpoint public key (a line `ed25519-public:` and 64 hex digits)"),
        CatalogueEntry(
            "store.backup-exists", zh: "`{0}` 已存在：备份从不覆盖已有文件", en: "`{0}` exists: a backup never overwrites a file"),
        CatalogueEntry(
            "store.migrate-not-prefix", zh: "`{0}` 不为空，也不是 `{1}` 的前缀（其最新记录 {2} 不在源中）：未复制任何记录",
            en:
                "`{0}` is not empty and not a prefix of `{1}` (its head {2} is not a record of the source): nothing was copied"
        ),
        CatalogueEntry(
            "store.migrate-ends-differ", zh: "副本止于 {0}，而源止于 {1}", en: "the copy ends at {0} but the source at {1}"),
        CatalogueEntry(
            "store.source-record-broken", zh: "源中第 {0} 条记录校验不通过：{1}",
            en: "record {0} of the source does not verify: {1}"),
        CatalogueEntry(
            "store.pg.no-dictionary", zh: "审计记录中有一条压缩记录没有注明字典",
            en: "a compressed record of the trail names no dictionary"),
        CatalogueEntry(
            "store.pg.unknown-dictionary", zh: "一条压缩记录注明的字典不在审计记录中",
            en: "a compressed record names a dictionary the trail does not hold"),
        CatalogueEntry("store.pg.no-trail", zh: "{0} 中没有 bylaw 审计记录", en: "{0} holds no bylaw audit trail"),
        CatalogueEntry(
            "store.pg.newer-format", zh: "{0} 中的审计记录是第 {1} 版格式，比本版 bylaw 能读的格式（{2}）新：请使用更新版本的 bylaw",
            en: "{0} holds an audit trail of format {1}, newer than this bylaw reads ({2}): use a newer bylaw"),
        CatalogueEntry(
            "store.pg.bad-location", zh: "`{0}` 不是 PostgreSQL 地址：{1}", en: "`{0}` is not a PostgreSQL location: {1}"),
        CatalogueEntry("store.pg.tls", zh: "无法为 {0} 建立 TLS：{1}", en: "cannot set up TLS for {0}: {1}"),
        CatalogueEntry(
            "store.pg.no-answer", zh: "{0} 的 PostgreSQL 在 {1} 秒内没有应答；进行中的事务未提交",
            en: "PostgreSQL at {0} did not answer within {1} s; the transaction in progress was not committed"),
        CatalogueEntry(
            "store.pg.column-type", zh: "PostgreSQL 审计记录中有一列的类型不符（第 {0} 列）",
            en: "a column of the PostgreSQL trail has an unexpected type (column {0})"),
        CatalogueEntry("store.pg.error", zh: "{0} 的 PostgreSQL 报错：{1}", en: "PostgreSQL at {0}: {1}"),
        CatalogueEntry(
            "store.pg.cannot-connect", zh: "无法连接到 {0} 的 PostgreSQL", en: "cannot connect to PostgreSQL at {0}"),
        CatalogueEntry(
            "store.pg.password", zh: "{0} 的 PostgreSQL 要求密码：请设置 $PGPASSWORD，或写在地址中",
            en: "PostgreSQL at {0} asks for a password: set $PGPASSWORD or put it in the URL"),
        CatalogueEntry(
            "store.pg.lost", zh: "与 {0} 的 PostgreSQL 的连接已断开；进行中的事务未提交",
            en: "the connection to PostgreSQL at {0} was lost; the transaction in progress was not committed"),
        CatalogueEntry("store.service-no-trail", zh: "本服务未启用审计记录", en: "the service runs without an audit trail"),
        CatalogueEntry("store.run-cancelled", zh: "审计已取消", en: "the run was cancelled"),
        CatalogueEntry(
            "store.record-vanished", zh: "第 {0} 条记录写入后却找不到", en: "record {0} was not found after it was written"),
    ]
}
