/// The catalogue's entries for what a PostgreSQL audit trail refuses, and why.
enum PostgresTexts {
    static let entries: [CatalogueEntry] = [
        CatalogueEntry(
            "audit.postgres.sqlite-only",
            zh: "此命令只适用于 SQLite 审计库，尚不支持 PostgreSQL 审计库：请先用 `bylaw log migrate --from postgres://… --to FILE.sqlite` "
                + "复制到 SQLite 文件，再对该文件运行",
            en: "this command works on a SQLite store only, not yet on a PostgreSQL trail: copy the trail to a SQLite "
                + "file with `bylaw log migrate --from postgres://… --to FILE.sqlite` and run it there"),
        CatalogueEntry(
            "audit.postgres.no-prune",
            zh: "`bylaw log prune` 不适用于 PostgreSQL 审计库：该库只增不删，连表的所有者也无法删除记录（触发器拒绝 DELETE）。"
                + "请随数据库一同备份；如需归档，用 `bylaw log migrate --from postgres://… --to FILE.sqlite` 复制到 SQLite 文件后再对其修剪",
            en: "`bylaw log prune` does not work on a PostgreSQL trail: it only grows, and its triggers refuse DELETE "
                + "even for the tables' owner. Back it up with the database; to archive, copy it to a SQLite file with "
                + "`bylaw log migrate --from postgres://… --to FILE.sqlite` and prune that"),
        CatalogueEntry(
            "audit.postgres.no-backup",
            zh: "`bylaw log backup` 只适用于 SQLite 审计库：PostgreSQL 审计库请随数据库一同备份（pg_dump、基础备份），"
                + "或用 `bylaw log migrate --from postgres://… --to FILE.sqlite` 复制",
            en: "`bylaw log backup` works on a SQLite store: back a PostgreSQL trail up with the database (pg_dump, "
                + "a base backup), or copy it with `bylaw log migrate --from postgres://… --to FILE.sqlite`"),
    ]
}
