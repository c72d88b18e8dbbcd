/// The catalogue's entries for what `bylaw check` prints about one decision.
enum CheckTexts {
    static let entries: [CatalogueEntry] = [
        CatalogueEntry("check.rule-sets", zh: "  ·  规则集：{0}", en: "  ·  rule sets: {0}"),
        CatalogueEntry("check.errors", zh: "出错（{0}）", en: "errors ({0})"),
        CatalogueEntry("check.violations", zh: "违规（{0}）", en: "violations ({0})"),
        CatalogueEntry("check.warnings", zh: "警告（{0}）", en: "warnings ({0})"),
        CatalogueEntry("check.notices", zh: "提示（{0}）", en: "notices ({0})"),
        CatalogueEntry("check.provisional", zh: "工作日历尚未确定（{0}）", en: "provisional calendar ({0})"),
        CatalogueEntry("check.rule-count", zh: "共 {0} 条规则：{1}", en: "{0} rules: {1}"),
        CatalogueEntry("check.outcome-count", zh: "{1} {0}", en: "{0} {1}"),
        CatalogueEntry("check.receipt", zh: "已记录：审计记录第 {0} 条 · 回执 {1}", en: "recorded: audit record {0} · receipt {1}"),
        CatalogueEntry(
            "lint-output.summary", zh: "已检查 {0} 个规则集文件：错误 {1} 个，警告 {2} 个，注 {3} 个",
            en: "linted {0} rule-set files: {1} errors, {2} warnings, {3} notes"),
    ]
}
