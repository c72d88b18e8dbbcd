/// The catalogue's help texts of `bylaw audit` and of the options every recording command shares.
enum HelpAuditTexts {
    static let entries: [CatalogueEntry] = shared + audit + auditOptions

    static let shared: [CatalogueEntry] = [
        CatalogueEntry("help.rules", zh: "规则库文件夹。", en: "The rule library folder."),
        CatalogueEntry("help.no-audit", zh: "不写入审计记录。", en: "Do not append records to the audit trail."),
        CatalogueEntry(
            "help.actor", zh: "记为执行检查的人（默认：操作系统用户）。",
            en: "Who is recorded as having run the check (default: the OS user)."),
        CatalogueEntry(
            "help.audit-key-file",
            zh: "对敏感字段做 HMAC-SHA-256 脱敏所用的密钥文件（默认：$BYLAW_AUDIT_KEY_FILE，或 $BYLAW_AUDIT_KEY 中的密钥）。",
            en:
                "A key file for masking sensitive fields with HMAC-SHA-256 (default: $BYLAW_AUDIT_KEY_FILE, or the key in $BYLAW_AUDIT_KEY)."
        ),
        CatalogueEntry(
            "help.signing-key",
            zh: "为审计记录检查点签名的 Ed25519 密钥文件（默认：$BYLAW_AUDIT_SIGNING_KEY_FILE；用 `bylaw log checkpoint keygen` 生成）。",
            en:
                "An Ed25519 key file that signs checkpoints of the trail (default: $BYLAW_AUDIT_SIGNING_KEY_FILE; make one with `bylaw log checkpoint keygen`)."
        ),
        CatalogueEntry(
            "help.audit",
            zh: "审计库：SQLite 文件或 postgres://user@host:port/db（默认：$BYLAW_AUDIT，否则 ./bylaw-audit.sqlite）。",
            en:
                "The audit store: a SQLite file or postgres://user@host:port/db (default: $BYLAW_AUDIT, else ./bylaw-audit.sqlite)."
        ),
        CatalogueEntry(
            "help.lock-wait", zh: "另一进程占用审计库时等待的秒数，超时即失败（默认：$BYLAW_AUDIT_LOCK_WAIT，否则 2）。",
            en:
                "How long to wait for another process holding the store's lock before failing (default: $BYLAW_AUDIT_LOCK_WAIT, else 2)."
        ),
    ]

    static let audit: [CatalogueEntry] = [
        CatalogueEntry(
            "help.audit.abstract", zh: "批量检查决定（CSV、JSON Lines、YAML 流、文件夹）并出具报告。",
            en: "Check many decisions (CSV, JSON Lines, YAML stream, folder) and report."),
        CatalogueEntry(
            "help.audit.discussion",
            zh: """
                读取输入中的每条记录，按其类别和日期（或 --as-of）选用当时有效的规则集，在全部 CPU 核上逐条检查，\
                按输入顺序出具报告。无法读取的记录（CSV 行的单元格数不符、JSON 语法错误）记为“无效”，\
                注明文件和行号，其余记录照常检查。

                输入
                  a.csv     表头为字段路径（asset.book_value），每行一条记录；
                            用 --map MAPPING.yaml 把其他表头（账面原值）映射为字段路径；
                            编码为 UTF-8、带字节序标记的 UTF-16 或 GBK/GB18030
                            （自动识别，或用 --encoding 指定）
                  a.xlsx    第一个工作表（或 --sheet NAME），表头行之下每行一条记录
                            （表头行在标题行之下自动查找，或用 --header-row N 指定）
                  a.jsonl   每行一个 JSON 对象
                  a.json    一个对象，或对象数组
                  a.yaml    一个或多个 YAML 文档（以 --- 分隔）
                  folder/   其下所有 .csv .tsv .json .jsonl .xlsx .xlsm .xls .et .yaml .yml
                            文件，按名称排序
                  -         标准输入，格式自动判断或用 --input-format 指定
                每条记录须写明 `kind`；没有 `kind` 的记录用 --kind 指定。
                字段路径、列表列和映射文件格式见 docs/audit.md。映射文件的 `fields`
                移动 JSON 字段（disposal.date: date），`constants` 补上缺少的字段
                （kind: asset_disposal）。
                HTML 页面只列出前 --html-records 条记录（默认 1000 条），其余记录写入
                --report FILE.html 旁边的 FILE.records.csv。

                示例
                  bylaw audit --map examples/asset-disposals/columns.yaml \\
                      --kind asset_disposal examples/asset-disposals/disposal-ledger.csv
                  bylaw audit --no-audit --lang zh --map examples/asset-disposals/columns.yaml \\
                      --kind asset_disposal examples/asset-disposals/disposal-ledger.csv
                  bylaw audit --map examples/asset-disposals/export-map.yaml \\
                      examples/asset-disposals/export.jsonl
                  bylaw audit --map examples/asset-disposals/export-map.yaml \\
                      examples/asset-disposals/export.jsonl
                  bylaw audit --jobs 2 --as-of 2024-01-01 rules/asset-management/examples

                审计记录
                  每条记录都写入审计库（--audit PATH，否则 $BYLAW_AUDIT，否则
                  ./bylaw-audit.sqlite），每个事务 {0} 条，先写入再报告；最后写入一条
                  `audit-run` 记录，含输入的 SHA-256 和各结论的记录数。审计库无法写入时，
                  bylaw 说明原因，不再报告，退出码为 2。--no-audit 不写审计记录。

                退出码
                  0  全部记录合规
                  1  有记录不合规、需复核、出错或无效
                  2  命令行有误、输入或 --map 文件无法读取、规则集无法加载，或审计记录无法写入
                """,
            en: """
                Reads every record of the inputs, checks each against the rule sets for its kind in force on its \
                date (or --as-of), on all cores, and writes a report in input order. A record that cannot be read \
                (a ragged CSV row, a JSON syntax error) is reported as `invalid` with its file and line, and the run \
                goes on.

                INPUTS
                  a.csv     a header row of field paths (asset.book_value), one record a row;
                            --map MAPPING.yaml maps other headers (`账面原值`) to paths;
                            UTF-8, UTF-16 with a byte-order mark, or GBK/GB18030 (detected,
                            or named with --encoding)
                  a.xlsx    the first sheet (or --sheet NAME), one record a row below the
                            header row (found below title rows, or --header-row N)
                  a.jsonl   one JSON object per line
                  a.json    one object, or an array of objects
                  a.yaml    one or more YAML documents (--- between them)
                  folder/   every .csv .tsv .json .jsonl .xlsx .xlsm .xls .et .yaml .yml file
                            below it, sorted
                  -         standard input, format guessed or given by --input-format
                Each record names its `kind`; --kind gives one to records that have none.
                Field paths, list columns and the mapping format: docs/audit.md. A mapping
                file's `fields` moves JSON fields (disposal.date: date) and its
                `constants` fills absent ones (kind: asset_disposal).
                The HTML page lists the first --html-records records (default 1000); the
                others go to FILE.records.csv beside --report FILE.html.

                EXAMPLES
                  bylaw audit --map examples/asset-disposals/columns.yaml \\
                      --kind asset_disposal examples/asset-disposals/disposal-ledger.csv
                  bylaw audit --no-audit --lang zh --map examples/asset-disposals/columns.yaml \\
                      --kind asset_disposal examples/asset-disposals/disposal-ledger.csv
                  bylaw audit --map examples/asset-disposals/export-map.yaml \\
                      examples/asset-disposals/export.jsonl
                  bylaw audit --map examples/asset-disposals/export-map.yaml \\
                      examples/asset-disposals/export.jsonl
                  bylaw audit --jobs 2 --as-of 2024-01-01 rules/asset-management/examples

                AUDIT TRAIL
                  Every record is appended to the audit store (--audit PATH, else $BYLAW_AUDIT,
                  else ./bylaw-audit.sqlite) in transactions of {0} records, each
                  before the records it holds are reported, then one `audit-run` record with
                  the inputs' SHA-256 and the counts by verdict. If the store cannot be
                  written, bylaw says so, reports nothing more and exits 2. --no-audit
                  skips it.

                EXIT CODES
                  0  every record is compliant
                  1  some record is non_compliant, needs_review, error or invalid
                  2  the command line is wrong, an input or the --map file cannot be read,
                     the rule sets do not load, or the audit trail cannot be written
                """),
    ]

    static let auditOptions: [CatalogueEntry] = [
        CatalogueEntry(
            "help.audit.inputs", zh: "输入文件、文件夹，或用 - 表示标准输入。", en: "Input files, folders, or - for standard input."),
        CatalogueEntry(
            "help.audit.kind", zh: "没有 `kind` 字段的记录所属的决定类别。",
            en: "The decision kind of records that have no `kind` field."),
        CatalogueEntry(
            "help.audit.map", zh: "把 CSV 和工作簿的表头（列）以及 JSON 字段（fields、constants）映射为字段路径的 YAML 文件。",
            en:
                "A YAML file mapping CSV and workbook headers (columns), and JSON fields (fields, constants), to field paths."
        ),
        CatalogueEntry(
            "help.audit.html-records", zh: "HTML 页面列出的记录数（默认 {0}）；其余记录写入 --report FILE.html 旁边的 FILE.records.csv。",
            en:
                "Records the HTML page lists (default {0}); the others go to FILE.records.csv beside --report FILE.html."
        ),
        CatalogueEntry(
            "help.audit.report", zh: "把报告写入此文件，而不输出到标准输出。",
            en: "Write the report to this file instead of standard output."),
        CatalogueEntry(
            "help.audit.format", zh: "报告格式：text、json、jsonl、csv、junit 或 html。",
            en: "Report format: text, json, jsonl, csv, junit or html."),
        CatalogueEntry(
            "help.audit.columns",
            zh:
                "CSV 报告的表头及结论、严重程度、检查结果的用词：labels（默认）随所选语言，中文即为中文表头；machine 在任何语言下都是供程序读取的名称（record_id、non_compliant）。英文下两者相同。",
            en:
                "The CSV report's header and verdict, severity and outcome words: labels (the default) follow the chosen language, Chinese headers in Chinese; machine keeps the names programs read (record_id, non_compliant) in any language. In English the two are the same."
        ),
        CatalogueEntry(
            "help.audit.reveal", zh: "在报告中显示规则集标为敏感的值（默认显示为 [masked]）；仅供有权查看者使用。",
            en:
                "Show values the rule sets mark sensitive in the report (default: masked as [masked]); for someone allowed to see them."
        ),
        CatalogueEntry(
            "help.audit.input-format", zh: "标准输入及扩展名无法判断格式的文件的格式（默认：自动判断）。",
            en: "The format of standard input and of named files whose extension does not say (default: guessed)."),
        CatalogueEntry(
            "help.audit.encoding", zh: "CSV 输入的编码（默认：自动识别；GBK 按 GB18030 读取）。",
            en: "The encoding of CSV inputs (default: detected; GBK is read as GB18030)."),
        CatalogueEntry(
            "help.audit.sheet", zh: "要读取的 .xlsx 工作表（默认：第一个）。",
            en: "The sheet of .xlsx workbooks to read (default: the first)."),
        CatalogueEntry(
            "help.audit.header-row", zh: "表头所在的行，.xlsx 工作表和 CSV 文件都按电子表格的行号计（默认：在标题行之下自动查找）。",
            en: "The row that holds the header, numbered as a spreadsheet numbers rows, in .xlsx sheets and CSV files "
                + "(default: found below any title rows)."),
        CatalogueEntry(
            "help.audit.jobs", zh: "工作线程数（默认：CPU 核数）。", en: "Worker threads (default: the number of cores)."),
        CatalogueEntry(
            "help.audit.as-of", zh: "按此日期（YYYY-MM-DD）评估，而不按各记录自身的日期。",
            en: "Evaluate as of this date (YYYY-MM-DD) instead of each record's own date."),
        CatalogueEntry(
            "help.audit.quiet", zh: "不显示进度行；给出 --report 时也不显示汇总行。",
            en: "No progress line, and no summary line when --report is given."),
    ]
}
