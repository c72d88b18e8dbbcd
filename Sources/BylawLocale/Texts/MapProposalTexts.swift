/// The comments of a mapping file `bylaw map init` proposes (`MappingProposal`), in both languages.
enum MapProposalTexts {
    static let entries: [CatalogueEntry] = [
        CatalogueEntry(
            "proposal.head", zh: "由 `bylaw map init` 为 {0}（决定类别 {1}）拟出：表头在第 {2} 行，抽查了 {3} 行",
            en: "Proposed by `bylaw map init` for {0}, kind {1}: the header in row {2}, {3} rows sampled"),
        CatalogueEntry(
            "proposal.head-two-rows",
            zh: "由 `bylaw map init` 为 {0}（决定类别 {1}）拟出：表头占第 {2}、{3} 两行（合并为一行读取），抽查了 {4} 行",
            en:
                "Proposed by `bylaw map init` for {0}, kind {1}: the header on rows {2} and {3} (read as one), {4} rows sampled"
        ),
        CatalogueEntry("proposal.encoding", zh: "，按 {0} 读取", en: ", read as {0}"),
        CatalogueEntry("proposal.head-end", zh: "。", en: "."),
        CatalogueEntry(
            "proposal.matched", zh: "{1} 个表头中有 {0} 个按规则集给输入字段的标签匹配到了字段。使用前请核对：",
            en:
                "{0} of {1} headers matched a field by the labels the rule sets give their input fields. Review before use:"
        ),
        CatalogueEntry(
            "proposal.command", zh: "bylaw audit {0} --kind {1} --map 本文件",
            en: "bylaw audit {0} --kind {1} --map THIS-FILE"),
        CatalogueEntry(
            "proposal.missing", zh: "以下必填字段没有表头与之对应（请为每个字段映射一个表头，否则记录将无效）：",
            en: "Required fields no header matched (map a header to each, or the records will be invalid):"),
        CatalogueEntry(
            "proposal.no-field", zh: "`{0}` 类决定没有这个名称的字段：此列将被忽略；如需读取，请写出字段路径",
            en: "no field of `{0}` has this name: ignored; write a field path to read it"),
        CatalogueEntry(
            "proposal.also-names", zh: "也对应 `{0}`，该字段已由 `{1}` 给出", en: "also names `{0}`, already given by `{1}`"),
        CatalogueEntry("proposal.matched-by", zh: "按{0}匹配", en: "matched by {0}"),
        CatalogueEntry("proposal.separator", zh: "；", en: "; "),
        CatalogueEntry("proposal.how.label", zh: "标签", en: "label"),
        CatalogueEntry("proposal.how.alias", zh: "别名", en: "alias"),
        CatalogueEntry(
            "proposal.how.normalized", zh: "标签（忽略空格和括号中的注释）",
            en: "label, without spaces and bracketed notes"),
        CatalogueEntry("proposal.how.path", zh: "字段路径", en: "field path"),
        CatalogueEntry("proposal.how.name", zh: "字段名", en: "field name"),
        CatalogueEntry(
            "proposal.note.bool-words", zh: "出现了不能读作是或否的词：{0}；请用 `true:` 和 `false:` 补充",
            en: "words seen that are not read as true or false: {0}; add them with `true:` and `false:`"),
        CatalogueEntry(
            "proposal.note.synonyms", zh: "同义词按最接近的可选值猜测：请核对",
            en: "synonyms guessed from the closest allowed values: check them"),
        CatalogueEntry(
            "proposal.note.other-values", zh: "出现了不在该字段可选值中的取值：{0}；请用 `values:` 映射",
            en: "values seen that are not among the field's: {0}; map them with `values:`"),
        CatalogueEntry(
            "proposal.note.not-numbers", zh: "出现了不能读作数字的取值：{0}", en: "values seen that are not read as numbers: {0}"
        ),
        CatalogueEntry(
            "proposal.note.excel-dates", zh: "日期为 Excel 序列号（1900 日期系统）",
            en: "the dates are Excel serial numbers (1900 date system)"),
        CatalogueEntry(
            "proposal.note.mixed-order", zh: "该列的日期有的日在前（如 {0}），有的月在前（如 {1}）：请先在表格中统一为一种写法",
            en:
                "the column mixes day-first dates (such as {0}) and month-first ones (such as {1}): make them one form first"
        ),
        CatalogueEntry(
            "proposal.note.ten-thousand-yuan", zh: "表头注明金额以万元计：按万元读取，换算为元",
            en: "the header says the amounts are in `万元`: they are read as ten thousands of yuan"),
        CatalogueEntry(
            "proposal.note.excel-dates-1904", zh: "日期为 Excel 序列号（按本工作簿的 1904 日期系统读取）",
            en: "the dates are Excel serial numbers (read in the workbook's 1904 date system)"),
        CatalogueEntry(
            "proposal.note.date-form", zh: "出现了无法读取的日期写法：{0}；请用 `date:` 声明",
            en: "dates seen in a form not read: {0}; declare it with `date:`"),
        CatalogueEntry(
            "proposal.note.day-first", zh: "日期为日在前（部分首位数字大于 12）",
            en: "the dates are day first (some first numbers are over 12)"),
        CatalogueEntry(
            "proposal.note.month-first", zh: "日期为月在前（部分第二位数字大于 12）",
            en: "the dates are month first (some second numbers are over 12)"),
        CatalogueEntry(
            "proposal.note.either-order", zh: "如 {0} 这样的日期可能是日在前，也可能是月在前：请声明 `date: {1}` 或 `date: {2}`",
            en: "dates such as {0} could be day or month first: declare `date: {1}` or `date: {2}`"),
    ]
}
