/// The catalogue's entries for what `bylaw explain` prints around its diagrams.
enum ExplainTexts {
    static let entries: [CatalogueEntry] = [
        CatalogueEntry("explain-report.not-evaluated", zh: "（未求值）", en: "(not evaluated)"),
        CatalogueEntry(
            "explain-report.last-iteration", zh: "（在 map、all 等宏内，值取自最后一次迭代）",
            en: "(inside a macro such as map or all, values are from its last iteration)"),
        CatalogueEntry("explain-report.table", zh: "表 {0}（命中策略 {1}）= {2}", en: "table {0} (hit {1}) = {2}"),
        CatalogueEntry("explain-report.default", zh: "（默认值）", en: " (default)"),
        CatalogueEntry("explain-report.row", zh: "第 {0} 行（源码第 {1} 行）：", en: "row {0} (line {1}): "),
        CatalogueEntry(
            "explain-report.cell-mismatch", zh: "第 {0} 格 {1} 与 {2} 不符", en: "cell {0} {1} does not match {2}"),
        CatalogueEntry(
            "explain-report.cell-failed", zh: "第 {0} 格 {1} 对 {2} 求值出错：{3}", en: "cell {0} {1} failed on {2}: {3}"),
        CatalogueEntry("explain-report.matched", zh: "匹配", en: "matched"),
        CatalogueEntry("explain-report.did-not-match", zh: "不匹配", en: "did not match"),
        CatalogueEntry("explain-report.no-row-matched", zh: "没有匹配的行", en: "no row matched"),
        // What `bylaw diff` prints around the changes.
        CatalogueEntry("diff.same-set", zh: "规则集 `{0}`：{1} → {2}", en: "rule set `{0}`: {1} → {2}"),
        CatalogueEntry("diff.other-set", zh: "规则集 `{0}` {1} → `{2}` {3}", en: "rule set `{0}` {1} → `{2}` {3}"),
        CatalogueEntry("diff.added-set", zh: "规则集 `{0}` {1}：新增", en: "rule set `{0}` {1}: added"),
        CatalogueEntry("diff.removed-set", zh: "规则集 `{0}` {1}：删除", en: "rule set `{0}` {1}: removed"),
        CatalogueEntry("diff.set", zh: "规则集 `{0}`", en: "rule set `{0}`"),
        CatalogueEntry("diff.section.header", zh: "头部", en: "header"),
        CatalogueEntry("diff.section.input", zh: "输入字段", en: "input"),
        CatalogueEntry("diff.section.parameters", zh: "参数", en: "parameters"),
        CatalogueEntry("diff.section.let", zh: "中间值（let）", en: "let"),
        CatalogueEntry("diff.section.tables", zh: "决策表", en: "tables"),
        CatalogueEntry("diff.section.rules", zh: "规则", en: "rules"),
        CatalogueEntry("diff.none", zh: "没有差异", en: "no differences"),
        CatalogueEntry("diff.table-row", zh: "{0} 第 {1} 行", en: "{0} row {1}"),
        CatalogueEntry("diff.none-sentence", zh: "没有差异。", en: "No differences."),
        CatalogueEntry("diff.table-head", zh: "| | 项目 | 原 | 新 |", en: "| | item | old | new |"),
        CatalogueEntry(
            "diff.summary", zh: "共 {0} 处差异：规则新增 {1} 条、删除 {2} 条、修改 {3} 条",
            en: "{0} differences: rules {1} added, {2} removed, {3} changed"),
        CatalogueEntry(
            "diff.summary-one", zh: "共 {0} 处差异：规则新增 {1} 条、删除 {2} 条、修改 {3} 条",
            en: "{0} difference: rules {1} added, {2} removed, {3} changed"),
        // What `bylaw test` prints after the cases of a folder, and at the end.
        CatalogueEntry(
            "test-report.coverage-not-measured", zh: "覆盖率：未计算，--run 只选了 {0} 个用例",
            en: "coverage: not measured, --run chose {0} of the cases"),
        CatalogueEntry(
            "test-report.coverage-full", zh: "覆盖率：每条规则都有用例使其违反",
            en: "coverage: every rule is made to fail by some case"),
        CatalogueEntry(
            "test-report.coverage-gaps", zh: "覆盖率：有 {0} 条规则在任何用例中都未被违反：",
            en: "coverage: {0} rules never fail in any case: "),
        CatalogueEntry("test-report.summary", zh: "通过 {0} 个，失败 {1} 个", en: "{0} passed, {1} failed"),
        CatalogueEntry("test-report.example", zh: "示例文件 {0}", en: "example {0}"),
    ]
}
