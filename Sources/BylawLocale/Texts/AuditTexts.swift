/// The catalogue's entries for the audit reports: the text summary, the HTML page, the JUnit and CSV files.
enum AuditTexts {
    static let entries: [CatalogueEntry] = text + html + junit + csv + progress

    static let text: [CatalogueEntry] = [
        CatalogueEntry("audit.title", zh: "bylaw 审计报告", en: "bylaw audit report"),
        CatalogueEntry("audit.inputs", zh: "输入", en: "inputs"),
        CatalogueEntry("audit.as-of", zh: "评估日期", en: "as of"),
        CatalogueEntry("audit.rule-sets", zh: "规则集", en: "rule sets"),
        CatalogueEntry("audit.verdicts", zh: "结论", en: "verdicts"),
        CatalogueEntry("audit.records", zh: "记录数", en: "records"),
        CatalogueEntry("audit.listed", zh: "未判为合规的记录（{0}）", en: "records not compliant ({0})"),
        CatalogueEntry(
            "audit.invalid-reasons", zh: "记录无效的原因（按出现次数排列）", en: "why records are invalid, most frequent first"),
        CatalogueEntry("audit.reason", zh: "原因", en: "reason"),
        CatalogueEntry(
            "audit.skipped-rows", zh: "未检查的行：{0} 行不是记录（合计、签字栏、说明）",
            en: "rows not checked: {0} are not records (totals, signatures, notes)"),
        CatalogueEntry("audit.skipped-more", zh: "另有 {0} 行", en: "and {0} more"),
        CatalogueEntry("audit.skipped.totals", zh: "合计行", en: "a totals row"),
        CatalogueEntry("audit.skipped.signature", zh: "签字栏", en: "a signature line"),
        CatalogueEntry("audit.skipped.note", zh: "说明", en: "a note"),
        CatalogueEntry("audit.skipped.end-mark", zh: "结束标记", en: "an end mark"),
        CatalogueEntry("audit.example", zh: "例：", en: "e.g. "),
        CatalogueEntry("audit.other-reasons", zh: "另有 {0} 种原因", en: "and {0} other reasons"),
        CatalogueEntry("audit.by-rule", zh: "各规则违反次数（按次数排列）", en: "failures by rule, most frequent first"),
        CatalogueEntry("audit.failed", zh: "违反", en: "failed"),
        CatalogueEntry("audit.rule", zh: "规则", en: "rule"),
        CatalogueEntry("audit.title-column", zh: "标题", en: "title"),
        CatalogueEntry("audit.one-error", zh: "出错 1 次", en: "1 error"),
        CatalogueEntry("audit.errors", zh: "出错 {0} 次", en: "{0} errors"),
        CatalogueEntry("audit.by-unit", zh: "各单位情况（不合规最多的在前）", en: "by unit, most non-compliant first"),
        CatalogueEntry("audit.unit", zh: "单位", en: "unit"),
        CatalogueEntry("audit.share", zh: "不合规占比", en: "share"),
        CatalogueEntry(
            "audit.cap-note",
            zh: "单位数上限为 {0}，按输入顺序取最先出现的单位：其后各单位的记录计入（其他单位）",
            en:
                "capped at {0} units, the first met in input order: the records of later units are counted under (other units)"
        ),
        CatalogueEntry("audit.no-unit", zh: "（无单位）", en: "(no unit)"),
        CatalogueEntry("audit.other-units", zh: "（其他单位）", en: "(other units)"),
        CatalogueEntry(
            "audit.most-invalid-none", zh: "多数记录无效：{0} 条中有 {1} 条（{2}），没有一条得到规则评估",
            en: "most records are invalid: {1} of {0} ({2}), so none was judged against the rules"),
        CatalogueEntry(
            "audit.most-invalid-some", zh: "多数记录无效：{0} 条中有 {1} 条（{2}），只有 {3} 条得到规则评估",
            en: "most records are invalid: {1} of {0} ({2}), so only {3} were judged against the rules"),
        CatalogueEntry(
            "audit.most-frequent-reason", zh: "最常见的原因（{0} 条）：{1} [{2}]",
            en: "the most frequent reason, in {0} of them: {1} [{2}]"),
        CatalogueEntry(
            "audit.summary-written", zh: "共 {0} 条记录{1}；报告已写入 {2}", en: "{0} records{1}; report written to {2}"),
    ]

    static let html: [CatalogueEntry] = [
        CatalogueEntry("html.title", zh: "审计报告", en: "Audit report"),
        CatalogueEntry("html.inputs", zh: "输入：{0}", en: "inputs: {0}"),
        CatalogueEntry("html.as-of", zh: "评估日期：{0}", en: "as of {0}"),
        CatalogueEntry("html.rule-sets", zh: "规则集：{0}", en: "rule sets: {0}"),
        CatalogueEntry("html.figures", zh: "各结论的记录数", en: "records by verdict"),
        CatalogueEntry("html.records", zh: "记录", en: "records"),
        CatalogueEntry("html.listed", zh: "未判为合规的记录", en: "Records not compliant"),
        CatalogueEntry("html.listed-count", zh: "（{1} 条中的 {0} 条）", en: "({0} of {1})"),
        CatalogueEntry("html.all-compliant", zh: "全部记录均合规。", en: "Every record is compliant."),
        CatalogueEntry("html.by-rule", zh: "各规则违反次数", en: "Failures by rule"),
        CatalogueEntry(
            "html.by-rule-note", zh: "每条规则违反的记录数，次数多的在前", en: "records for which each rule failed, most frequent first"),
        CatalogueEntry("html.no-rule-failed", zh: "没有违反任何规则。", en: "No rule failed."),
        CatalogueEntry("html.by-unit", zh: "各单位不合规记录数", en: "Non-compliant records by unit"),
        CatalogueEntry("html.by-unit-note", zh: "多的在前；占该单位记录的比例", en: "most first; share of the unit's records"),
        CatalogueEntry("html.unit-bar-note", zh: "共 {0} 条记录，占 {1}", en: "of {0} records, {1}"),
        CatalogueEntry("html.unit-bar-note-one", zh: "共 {0} 条记录，占 {1}", en: "of {0} record, {1}"),
        CatalogueEntry("html.no-unit", zh: "没有单位有不合规的记录。", en: "No unit has a non-compliant record."),
        CatalogueEntry(
            "html.largest", zh: "仅显示最多的 {0} 项（共 {1} 项）；下表列出全部。",
            en: "The {0} largest of {1}; the table below lists all."),
        CatalogueEntry("html.rule-table", zh: "各规则违反次数：表格", en: "Failures by rule: table"),
        CatalogueEntry("html.unit-table", zh: "各单位记录数：表格", en: "Records by unit: table"),
        CatalogueEntry("html.col.rule-set", zh: "规则集", en: "rule set"),
        CatalogueEntry("html.col.rule", zh: "规则", en: "rule"),
        CatalogueEntry("html.col.title", zh: "标题", en: "title"),
        CatalogueEntry("html.col.cite", zh: "依据条款", en: "cite"),
        CatalogueEntry("html.col.severity", zh: "严重程度", en: "severity"),
        CatalogueEntry("html.col.failed", zh: "违反", en: "failed"),
        CatalogueEntry("html.col.errors", zh: "出错", en: "errors"),
        CatalogueEntry("html.col.unit", zh: "单位", en: "unit"),
        CatalogueEntry("html.col.records", zh: "记录数", en: "records"),
        CatalogueEntry("html.col.share", zh: "不合规占比", en: "share non-compliant"),
        CatalogueEntry("html.col.source", zh: "来源", en: "source"),
        CatalogueEntry("html.col.record", zh: "记录", en: "record"),
        CatalogueEntry("html.col.date", zh: "日期", en: "date"),
        CatalogueEntry("html.col.verdict", zh: "结论", en: "verdict"),
        CatalogueEntry("html.col.rules", zh: "规则数", en: "rules"),
        CatalogueEntry("html.col.findings", zh: "违反的规则、说明与依据数据", en: "failed rules, messages and evidence"),
        CatalogueEntry("html.filter", zh: "筛选记录…", en: "Filter records…"),
        CatalogueEntry("html.filter-label", zh: "筛选记录", en: "filter records"),
        CatalogueEntry("html.all-verdicts", zh: "全部结论", en: "all verdicts"),
        CatalogueEntry("html.all-rules", zh: "全部规则", en: "all rules"),
        CatalogueEntry("html.all-units", zh: "全部单位", en: "all units"),
        CatalogueEntry("html.clear", zh: "清除", en: "Clear"),
        CatalogueEntry("html.shown", zh: "显示 {0} 条", en: "{0} shown"),
        CatalogueEntry("html.shown-of", zh: "显示 {0} 条（共 {1} 条）", en: "{0} of {1} shown"),
        CatalogueEntry("html.why-invalid", zh: "记录无效的原因", en: "Why records are invalid"),
        CatalogueEntry("html.col.reason", zh: "原因", en: "reason"),
        CatalogueEntry("html.col.subject", zh: "列或字段", en: "column or field"),
        CatalogueEntry("html.col.first", zh: "首条记录", en: "first record"),
        CatalogueEntry("html.col.fix", zh: "修正方法", en: "fix"),
        CatalogueEntry("html.other-reasons", zh: "另有 {0} 种原因。", en: "And {0} other reasons."),
        CatalogueEntry("html.fix", zh: "修正方法：", en: "Fix:"),
        CatalogueEntry(
            "html.rest.first", zh: "本页按输入顺序列出其中前 {0} 条。",
            en: "This page lists the first {0} of these records, in input order. "),
        CatalogueEntry("html.rest.in", zh: "其余 {0} 条在本页旁边的文件 ", en: "The other {0} are in "),
        CatalogueEntry(
            "html.rest.in-what", zh: " 中：CSV 格式，每条违反的规则一行，与 ",
            en: ", beside this page: CSV, one row per failed rule, as "),
        CatalogueEntry("html.rest.in-end", zh: " 的输出相同。", en: " writes them."),
        CatalogueEntry(
            "html.rest.stdout", zh: "其余 {0} 条不在本报告中，因为报告输出到了标准输出：请用 ",
            en: "The other {0} are not in this report because it went to standard output: write it with "),
        CatalogueEntry(
            "html.rest.stdout-report", zh: " 把报告写入文件，其余记录即写入旁边的 CSV 文件；或调大 ",
            en: " to get them in a CSV file beside it, raise "),
        CatalogueEntry("html.rest.stdout-run", zh: "；或运行 ", en: ", or run "),
        CatalogueEntry("html.rest.stdout-end", zh: "。", en: "."),
        CatalogueEntry("html.switch-title", zh: "以英文显示本页", en: "Show this page in Chinese"),
        CatalogueEntry("language.own-name", zh: "中文", en: "English"),
    ]

    static let junit: [CatalogueEntry] = [
        CatalogueEntry("junit.no-id", zh: "（无编号）", en: "(no id)"),
        CatalogueEntry("junit.invalid-record", zh: "无效记录", en: "invalid record"),
    ]

    /// The CSV report's header row for people, one entry per machine column name (`audit.csv.` and the name).
    /// The English text is the machine name itself: programs read the English header, so it never changes.
    static let csv: [CatalogueEntry] = [
        CatalogueEntry("audit.csv.source", zh: "来源", en: "source"),
        CatalogueEntry("audit.csv.record_id", zh: "决定编号", en: "record_id"),
        CatalogueEntry("audit.csv.kind", zh: "决定类别", en: "kind"),
        CatalogueEntry("audit.csv.unit", zh: "单位", en: "unit"),
        CatalogueEntry("audit.csv.date", zh: "日期", en: "date"),
        CatalogueEntry("audit.csv.verdict", zh: "结论", en: "verdict"),
        CatalogueEntry("audit.csv.rule_set", zh: "规则集", en: "rule_set"),
        CatalogueEntry("audit.csv.rule_id", zh: "规则编号", en: "rule_id"),
        CatalogueEntry("audit.csv.title", zh: "规则标题", en: "title"),
        CatalogueEntry("audit.csv.severity", zh: "严重程度", en: "severity"),
        CatalogueEntry("audit.csv.outcome", zh: "检查结果", en: "outcome"),
        CatalogueEntry("audit.csv.cite", zh: "依据条款", en: "cite"),
        CatalogueEntry("audit.csv.message", zh: "说明", en: "message"),
        CatalogueEntry("audit.csv.evidence", zh: "依据数据", en: "evidence"),
        CatalogueEntry("audit.csv.invalid-record", zh: "记录无效", en: "invalid record"),
    ]

    static let progress: [CatalogueEntry] = [
        CatalogueEntry("progress.records", zh: "审计：已处理 {0} 条记录", en: "audit: {0} records"),
        CatalogueEntry("progress.rate", zh: " · 每秒 {0} 条", en: " · {0}/s"),
        CatalogueEntry("progress.non-compliant", zh: " · 不合规 {0} 条", en: " · {0} non-compliant"),
        CatalogueEntry("progress.invalid", zh: " · 无效 {0} 条", en: " · {0} invalid"),
        CatalogueEntry("progress.eta", zh: " · 预计还需 {0}", en: " · ETA {0}"),
    ]

}
