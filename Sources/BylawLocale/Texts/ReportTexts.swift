/// The catalogue's words shared by every report: verdicts, rule outcomes, rule severities, diagnostic
/// severities. Their ids end with the machine name (`verdict.non_compliant`), which never changes.
enum ReportTexts {
    static let entries: [CatalogueEntry] = [
        // Verdicts on a decision, as the check command prints them.
        CatalogueEntry("verdict.compliant", zh: "合规", en: "compliant"),
        CatalogueEntry("verdict.non_compliant", zh: "不合规", en: "non_compliant"),
        CatalogueEntry("verdict.needs_review", zh: "需复核", en: "needs_review"),
        CatalogueEntry("verdict.invalid", zh: "无效", en: "invalid"),
        CatalogueEntry("verdict.error", zh: "出错", en: "error"),
        // Verdicts as the summaries of reports name them.
        CatalogueEntry("verdict-name.compliant", zh: "合规", en: "compliant"),
        CatalogueEntry("verdict-name.non_compliant", zh: "不合规", en: "non-compliant"),
        CatalogueEntry("verdict-name.needs_review", zh: "需复核", en: "needs review"),
        CatalogueEntry("verdict-name.invalid", zh: "无效", en: "invalid"),
        CatalogueEntry("verdict-name.error", zh: "出错", en: "error"),
        // Outcomes of one rule.
        CatalogueEntry("outcome.passed", zh: "通过", en: "passed"),
        CatalogueEntry("outcome.failed", zh: "未通过", en: "failed"),
        CatalogueEntry("outcome.not_applicable", zh: "不适用", en: "not applicable"),
        CatalogueEntry("outcome.error", zh: "出错", en: "error"),
        // How serious a failed rule is.
        CatalogueEntry("severity.violation", zh: "违规", en: "violation"),
        CatalogueEntry("severity.warning", zh: "警告", en: "warning"),
        CatalogueEntry("severity.notice", zh: "提示", en: "notice"),
        // How serious a diagnostic is, and the words of its extra lines.
        CatalogueEntry("diag.severity.error", zh: "错误", en: "error"),
        CatalogueEntry("diag.severity.warning", zh: "警告", en: "warning"),
        CatalogueEntry("diag.severity.note", zh: "注", en: "note"),
        CatalogueEntry("diag.help", zh: "提示:", en: "help:"),
        CatalogueEntry("diag.note", zh: "注:", en: "note:"),
        // Notes under a diagnostic, by their English text.
        CatalogueEntry("diag-note.first-defined", zh: "首次定义于此", en: "first defined here"),
        CatalogueEntry("diag-note.the-first", zh: "第一处", en: "the first"),
        CatalogueEntry("diag-note.the-first-here", zh: "第一处在这里", en: "the first is here"),
        CatalogueEntry(
            "diag-note.in-force-until", zh: "版本 {0} 生效至 {1}（不含当日）", en: "version {0} is in force until {1}, exclusive"),
        CatalogueEntry("diag-note.first-used", zh: "首次使用于此", en: "first used here"),
        CatalogueEntry("diag-note.defined", zh: "定义于此", en: "defined here"),
        CatalogueEntry("diag-note.other-row", zh: "另一行", en: "the other row"),
        CatalogueEntry("diag-note.other-version", zh: "另一版本", en: "the other version"),
        CatalogueEntry("diag-note.earlier-row", zh: "更早命中的一行", en: "an earlier row that matches first"),
        CatalogueEntry("diag-note.nor", zh: "也不匹配 {0}", en: "nor {0}"),
        // Where in a spreadsheet a record's problem is, as the batch readers put it before the message (the last
        // value is the message itself). The forms with "is empty" come first: the shorter forms match them too.
        CatalogueEntry("diag-place.cell-empty", zh: "单元格 {0}（列 {1}）为空，{2}", en: "cell {0}, column {1} is empty: {2}"),
        CatalogueEntry("diag-place.column-empty", zh: "第 {0} 列（{1}）为空，{2}", en: "column {0}, column {1} is empty: {2}"),
        CatalogueEntry("diag-place.cell", zh: "单元格 {0}（列 {1}）：{2}", en: "cell {0}, column {1}: {2}"),
        CatalogueEntry("diag-place.column", zh: "第 {0} 列（{1}）：{2}", en: "column {0}, column {1}: {2}"),
        CatalogueEntry("diag-place.no-column", zh: "没有哪一列给出 {0}：{1}", en: "no column gives {0}: {1}"),
        // Words every report uses.
        CatalogueEntry("report.none", zh: "无", en: "none"),
        CatalogueEntry("report.none-parenthesised", zh: "（无）", en: "(none)"),
        CatalogueEntry("report.error-prefix", zh: "出错：", en: "error: "),
        CatalogueEntry("report.provisional-prefix", zh: "暂定：", en: "provisional: "),
        CatalogueEntry(
            "report.provisional-note",
            zh: "计算了 {0} 年的工作日，而工作日历 `{1}` 中该年尚属暂定（调休上班日尚未公布）：结果可能变化；"
                + "国务院公布 {0} 年节假日安排后，请把调休上班日补入 `{2}`，并删去该年的 `provisional: true`",
            en: "counts working days over {0}, which the calendar `{1}` holds only provisionally (make-up working "
                + "days not yet announced): the result may change; once the State Council publishes the {0} "
                + "holiday arrangement, add its make-up working days to `{2}` and remove `provisional: true` from "
                + "that year"),
        CatalogueEntry("report.fix-prefix", zh: "修正：", en: "fix: "),
        CatalogueEntry("report.help-prefix", zh: "提示：", en: "help: "),
        CatalogueEntry("report.severity-aside", zh: "（{0}）", en: "  ({0})"),
    ]
}
