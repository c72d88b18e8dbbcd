/// The catalogue's words for checking a decision on the web pages: the check page, the form made from an input
/// schema, the verdict shown after a check, and the explanation of one rule.
enum WebCheckTexts {
    static let entries: [CatalogueEntry] = check + form + verdict + explain

    /// The check page (`/ui/check`): choosing a kind and a date, the form, a decision file.
    static let check: [CatalogueEntry] = [
        CatalogueEntry("web.check.title", zh: "审查一份决定", en: "Check a decision"),
        CatalogueEntry("web.check.choose", zh: "1. 选择决定类型和日期", en: "1. Choose the kind and the date"),
        CatalogueEntry("web.check.kind", zh: "决定类型", en: "Kind of decision"),
        // A kind as the choice shows it: its rule sets' title and the kind's name.
        CatalogueEntry("web.check.kind.label", zh: "{0}（{1}）", en: "{1} — {0}"),
        CatalogueEntry("web.check.date", zh: "决定日期", en: "Decision date"),
        CatalogueEntry("web.check.show", zh: "显示表单", en: "Show the form"),
        CatalogueEntry("web.check.fill", zh: "2. 填写决定内容", en: "2. Fill in the decision"),
        CatalogueEntry("web.check.basics", zh: "基本信息", en: "The decision"),
        CatalogueEntry("web.check.id", zh: "决定编号", en: "Decision id"),
        CatalogueEntry("web.check.unit", zh: "决定单位", en: "Deciding unit"),
        CatalogueEntry(
            "web.check.unit.hint", zh: "以 / 分隔的单位路径，如 acftu/organisation",
            en: "a /-separated unit path, such as acftu/organisation"),
        CatalogueEntry("web.check.sets", zh: "在该日期有效的规则集：", en: "Rule sets in force on that date: "),
        CatalogueEntry(
            "web.check.none", zh: "该日期没有对此类决定有效的规则集。", en: "No rule set for this kind is in force on that date."),
        CatalogueEntry("web.check.submit", zh: "审查", en: "Check"),
        CatalogueEntry("web.check.file", zh: "或者上传决定文件（YAML 或 JSON）", en: "Or send a decision file (YAML or JSON)"),
        CatalogueEntry("web.check.file.label", zh: "决定文件", en: "Decision file"),
        CatalogueEntry("web.check.file.submit", zh: "上传并审查", en: "Send and check"),
        CatalogueEntry(
            "web.check.problems", zh: "表单有 {0} 处问题，请在标出的字段处修改：",
            en: "The form has {0} problems; correct the marked fields:"),
        CatalogueEntry("web.check.again", zh: "再审查一份", en: "Check another"),
        CatalogueEntry("web.check.bad.date", zh: "请按 年-月-日 填写日期", en: "write the date as YYYY-MM-DD"),
        CatalogueEntry("web.check.bad.kind", zh: "没有这种决定类型", en: "no such kind of decision"),
        CatalogueEntry(
            "web.check.trail.down", zh: "审计日志无法写入，未作审查：{0}",
            en: "The audit trail cannot be written, so nothing was checked: {0}"),
        CatalogueEntry("web.check.file.none", zh: "请选择一个文件", en: "choose a file"),
    ]

    /// The form made from an input schema: lists, yes and no, optional and decimal fields.
    static let form: [CatalogueEntry] = [
        CatalogueEntry("web.form.add", zh: "添加一项", en: "Add an item"),
        CatalogueEntry("web.form.remove", zh: "删除此项", en: "Remove this item"),
        CatalogueEntry("web.form.item", zh: "第 {0} 项", en: "Item {0}"),
        CatalogueEntry("web.form.yes", zh: "是", en: "yes"),
        CatalogueEntry("web.form.no", zh: "否", en: "no"),
        CatalogueEntry("web.form.unset", zh: "（未填）", en: "(not given)"),
        CatalogueEntry("web.form.optional", zh: "（选填）", en: "(optional)"),
        CatalogueEntry("web.form.decimal", zh: "精确小数，如 650000.00", en: "exact decimal, such as 650000.00"),
        CatalogueEntry("web.form.list.empty", zh: "没有的不填", en: "leave empty if none"),
    ]

    /// A checked decision: the verdict (`web.verdict.name.` and the verdict), its findings and the receipt.
    static let verdict: [CatalogueEntry] = [
        CatalogueEntry("web.verdict.name.compliant", zh: "合规", en: "Compliant"),
        CatalogueEntry("web.verdict.name.non_compliant", zh: "不合规", en: "Not compliant"),
        CatalogueEntry("web.verdict.name.needs_review", zh: "需要复核", en: "Needs review"),
        CatalogueEntry("web.verdict.name.invalid", zh: "材料不完整或有误，无法审查", en: "Invalid input: cannot be checked"),
        CatalogueEntry("web.verdict.name.error", zh: "规则评估出错", en: "A rule could not be evaluated"),
        CatalogueEntry("web.verdict.violations", zh: "违反的规定", en: "Violations"),
        CatalogueEntry("web.verdict.warnings", zh: "需要注意", en: "Warnings"),
        CatalogueEntry("web.verdict.errors", zh: "无法评估的规则", en: "Rules that could not be evaluated"),
        CatalogueEntry("web.verdict.passed", zh: "符合的规定", en: "Rules passed"),
        CatalogueEntry("web.verdict.na", zh: "不适用的规定", en: "Rules not applicable"),
        CatalogueEntry("web.verdict.rule", zh: "规则", en: "Rule"),
        CatalogueEntry("web.verdict.title", zh: "规定", en: "Requirement"),
        CatalogueEntry("web.verdict.cite", zh: "依据条款", en: "Article cited"),
        CatalogueEntry("web.verdict.message", zh: "问题", en: "Finding"),
        CatalogueEntry("web.verdict.evidence", zh: "依据的数值：", en: "Evidence:"),
        CatalogueEntry("web.verdict.decision", zh: "决定", en: "Decision"),
        CatalogueEntry("web.verdict.kind", zh: "类型", en: "Kind"),
        CatalogueEntry("web.verdict.date", zh: "日期", en: "Date"),
        CatalogueEntry("web.verdict.unit", zh: "单位", en: "Unit"),
        CatalogueEntry("web.verdict.rulesets", zh: "适用的规则集", en: "Rule sets applied"),
        CatalogueEntry("web.verdict.receipt", zh: "审计记录回执", en: "Audit receipt"),
        CatalogueEntry("web.verdict.receipt.seq", zh: "记录序号", en: "Record number"),
        CatalogueEntry("web.verdict.receipt.id", zh: "记录编号", en: "Record id"),
        CatalogueEntry("web.verdict.receipt.chain", zh: "链哈希", en: "Chain hash"),
        CatalogueEntry("web.verdict.receipt.open", zh: "查看审计记录", en: "Open the audit record"),
        CatalogueEntry("web.verdict.receipt.none", zh: "本次审查未记录", en: "This check was not recorded"),
        CatalogueEntry("web.verdict.notes", zh: "提示", en: "Notes"),
        CatalogueEntry(
            "web.verdict.count", zh: "共 {0} 条规则：{1} 条符合，{2} 条未通过，{3} 条不适用",
            en: "{0} rules: {1} passed, {2} failed, {3} not applicable"),
        CatalogueEntry("web.verdict.explain", zh: "解释", en: "Explain"),
    ]

    /// The explanation of one rule (`/ui/check/explain`).
    static let explain: [CatalogueEntry] = [
        CatalogueEntry("web.explain.title", zh: "规则解释", en: "Rule explained"),
        CatalogueEntry(
            "web.explain.intro", zh: "规则 {0} 对这份决定的每个子表达式的取值：",
            en: "The value of every sub-expression of rule {0} for this decision:"),
        CatalogueEntry("web.explain.none", zh: "无法解释：{0}", en: "Nothing to explain: {0}"),
    ]
}
