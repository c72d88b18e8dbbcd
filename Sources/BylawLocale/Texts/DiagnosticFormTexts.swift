/// The catalogue's sentence forms of diagnostics (`diag-form.` + code + `.` + the number of quoted spans): a
/// Chinese sentence that places the user text the English message quotes, used when the message quotes
/// exactly that many spans. Other messages take the code's statement followed by the quoted text.
enum DiagnosticFormTexts {
    static let entries: [CatalogueEntry] = [
        // What `bylaw test` found different (`DiagnosticWording.testDifference`).
        CatalogueEntry("test-diff.verdict", zh: "结论：应为 {0}，实为 {1}", en: "verdict: expected {0}, got {1}"),
        CatalogueEntry(
            "test-diff.missing", zh: "{0}：应出现而未出现：{2}", en: "{0}: expected but not {1}: {2}"),
        CatalogueEntry("test-diff.extra", zh: "{0}：出现了未预期的：{2}", en: "{0}: {1} but not expected: {2}"),
        CatalogueEntry(
            "test-diff.no-message", zh: "{0} 的消息：应为 {1}，实际没有消息", en: "message of {0}: expected {1}, got none"),
        CatalogueEntry("test-diff.message", zh: "{0} 的消息：应为 {1}，实为 {2}", en: "message of {0}: expected {1}, got {2}"),
        // Why a rule could not be evaluated (`DiagnosticWording.ruleError`).
        CatalogueEntry("rule-error.let", zh: "`let` {0} 无法计算：", en: "`let` {0} could not be computed: "),
        CatalogueEntry("rule-error.division", zh: "除数为零", en: "division by zero"),
        CatalogueEntry("rule-error.modulus", zh: "取余的除数为零", en: "modulus by zero"),
        CatalogueEntry("rule-error.cost", zh: "超出求值步数上限", en: "cost limit exceeded"),
        CatalogueEntry(
            "rule-error.table-no-match", zh: "决策表 {0} 没有匹配的行，也没有默认值",
            en: "no row of table {0} matches and it has no default"),
        CatalogueEntry(
            "rule-error.table-unique", zh: "决策表 {0} 的命中策略为 unique，但第 {1} 行都匹配",
            en: "table {0} has hit policy unique but rows on lines {1} all match"),
        CatalogueEntry("rule-error.no-such-key", zh: "没有这个键：{0}", en: "no such key {0}"),
        CatalogueEntry("rule-error.no-value", zh: "变量 {0} 没有值", en: "no value for variable {0}"),
        CatalogueEntry("rule-error.undeclared", zh: "未声明的名称 {0}", en: "undeclared reference to {0}"),
        CatalogueEntry("rule-error.overload", zh: "{0} 不能用于 {1}", en: "no such overload: {0} applied to {1}"),
        CatalogueEntry("rule-error.index", zh: "下标越界：{0}", en: "index out of range: {0}"),
        CatalogueEntry(
            "rule-error.calendar-range", zh: "工作日历未覆盖 {0}", en: "the working-day calendar does not cover {0}"),
        CatalogueEntry("rule-error.no-calendar", zh: "没有工作日历", en: "no working-day calendar"),
        CatalogueEntry("rule-error.date-range", zh: "日期超出范围（1 至 9999 年）", en: "date out of range (years 1 to 9999)"),
        CatalogueEntry("rule-error.compare", zh: "无法比较 {0} 与 {1}", en: "cannot compare {0} with {1}"),
        CatalogueEntry("rule-error.overflow", zh: "{0} 溢出", en: "{0} overflow"),
        // Whole messages (`diag-exact.<code>.<n>`), matched by their English wording, tried before the forms by
        // number of quoted spans.
        CatalogueEntry(
            "diag-exact.lint.calendar-ending.after-days-provisional",
            zh: "工作日历 {0} 只确认到 {1}（{3} 之后 {2} 天）；此后工作日计数为暂定（{4}），{5} 之后出错",
            en:
                "the working-day calendar {0} is confirmed only until {1}, {2} days after {3}; after that, working-day counts are provisional ({4}) until {5}, then an error"
        ),
        CatalogueEntry(
            "diag-exact.lint.calendar-ending.before-days-provisional",
            zh: "工作日历 {0} 只确认到 {1}（{3} 之前 {2} 天）；此后工作日计数为暂定（{4}），{5} 之后出错",
            en:
                "the working-day calendar {0} is confirmed only until {1}, {2} days before {3}; after that, working-day counts are provisional ({4}) until {5}, then an error"
        ),
        CatalogueEntry(
            "diag-exact.lint.calendar-ending.after-days-error", zh: "工作日历 {0} 只确认到 {1}（{3} 之后 {2} 天）；此后凡用工作日的规则都为 {4}",
            en:
                "the working-day calendar {0} is confirmed only until {1}, {2} days after {3}; after that, every working-day rule gives {4}"
        ),
        CatalogueEntry(
            "diag-exact.lint.calendar-ending.before-days-error", zh: "工作日历 {0} 只确认到 {1}（{3} 之前 {2} 天）；此后凡用工作日的规则都为 {4}",
            en:
                "the working-day calendar {0} is confirmed only until {1}, {2} days before {3}; after that, every working-day rule gives {4}"
        ),
        CatalogueEntry(
            "diag-exact.lint.calendar-ending.after-day-provisional",
            zh: "工作日历 {0} 只确认到 {1}（{3} 之后 {2} 天）；此后工作日计数为暂定（{4}），{5} 之后出错",
            en:
                "the working-day calendar {0} is confirmed only until {1}, {2} day after {3}; after that, working-day counts are provisional ({4}) until {5}, then an error"
        ),
        CatalogueEntry(
            "diag-exact.lint.calendar-ending.before-day-provisional",
            zh: "工作日历 {0} 只确认到 {1}（{3} 之前 {2} 天）；此后工作日计数为暂定（{4}），{5} 之后出错",
            en:
                "the working-day calendar {0} is confirmed only until {1}, {2} day before {3}; after that, working-day counts are provisional ({4}) until {5}, then an error"
        ),
        CatalogueEntry(
            "diag-exact.lint.calendar-ending.after-day-error", zh: "工作日历 {0} 只确认到 {1}（{3} 之后 {2} 天）；此后凡用工作日的规则都为 {4}",
            en:
                "the working-day calendar {0} is confirmed only until {1}, {2} day after {3}; after that, every working-day rule gives {4}"
        ),
        CatalogueEntry(
            "diag-exact.lint.calendar-ending.before-day-error", zh: "工作日历 {0} 只确认到 {1}（{3} 之前 {2} 天）；此后凡用工作日的规则都为 {4}",
            en:
                "the working-day calendar {0} is confirmed only until {1}, {2} day before {3}; after that, every working-day rule gives {4}"
        ),
        CatalogueEntry(
            "diag-exact.lint.when-never-true.rule-constants", zh: "规则 {1} 的 {0} 恒为假（由只读常量的部分决定），规则从不适用",
            en: "{0} of rule {1} is always false (the parts that read only constants decide it)"),
        CatalogueEntry(
            "diag-exact.lint.when-never-true.rule-always", zh: "规则 {1} 的 {0} 恒为假，规则从不适用",
            en: "{0} of rule {1} is always false"),
        CatalogueEntry(
            "diag-exact.lint.require-always-false.rule-constants", zh: "规则 {1} 的 {0} 恒为假（由只读常量的部分决定）",
            en: "{0} of rule {1} is always false (the parts that read only constants decide it)"),
        CatalogueEntry(
            "diag-exact.lint.require-always-false.rule-always", zh: "规则 {1} 的 {0} 恒为假",
            en: "{0} of rule {1} is always false"),
        CatalogueEntry(
            "diag-exact.lint.require-always-true.rule-constants", zh: "规则 {1} 的 {0} 恒为真（由只读常量的部分决定）",
            en: "{0} of rule {1} is always true (the parts that read only constants decide it)"),
        CatalogueEntry(
            "diag-exact.lint.require-always-true.rule-always", zh: "规则 {1} 的 {0} 恒为真",
            en: "{0} of rule {1} is always true"),
        CatalogueEntry(
            "diag-exact.lint.cost-budget.rule-steps",
            zh: "规则 {1} 的 {0} 在列表或文本长达 {4} 个元素或字节的决定上，最多可能耗费 {2} 步，超过 {3} 步的预算",
            en:
                "{0} of rule {1} can cost up to {2} steps, over the budget of {3} on a decision with lists or texts of {4} elements or bytes"
        ),
        CatalogueEntry(
            "diag-exact.lint.cost-budget.rule-bytes",
            zh: "规则 {1} 的 {0} 在列表或文本长达 {4} 个元素或字节的决定上，最多可能占用 {2} 字节，超过 {3} 字节的预算",
            en:
                "{0} of rule {1} can cost up to {2} bytes, over the budget of {3} on a decision with lists or texts of {4} elements or bytes"
        ),
        CatalogueEntry(
            "diag-exact.lint.always-error.rule", zh: "规则 {1} 的 {0} 在任何决定上都会出错：{2}",
            en: "{0} of rule {1} fails on every decision: {2}"),
        CatalogueEntry(
            "diag-exact.lint.when-never-true.rule-pair", zh: "规则 {1} 的 {0} 永远不会成立，规则从不适用：{2} 与 {3} 不能同时成立",
            en: "{0} of rule {1} can never be true: {2} and {3} cannot both hold"),
        CatalogueEntry(
            "diag-exact.lint.require-always-false.rule-pair", zh: "规则 {1} 的 {0} 永远不会成立：{2} 与 {3} 不能同时成立",
            en: "{0} of rule {1} can never be true: {2} and {3} cannot both hold"),
        CatalogueEntry("lint-reason.both", zh: "{0} 与 {1} 不能同时成立", en: "{0} and {1} cannot both hold"),
        CatalogueEntry("lint-reason.all", zh: "{0} 不能同时成立", en: "{0} cannot all hold"),
        CatalogueEntry(
            "diag-exact.lint.when-never-true.rule-any", zh: "规则 {1} 的 {0} 永远不会成立，规则从不适用：{2}",
            en: "{0} of rule {1} can never be true: {2}"),
        CatalogueEntry(
            "diag-exact.lint.require-always-false.rule-any", zh: "规则 {1} 的 {0} 永远不会成立：{2}",
            en: "{0} of rule {1} can never be true: {2}"),
        CatalogueEntry(
            "diag-exact.ruleset.not-bool.rule", zh: "规则 {1} 的 {0} 须为条件（bool），但 {2} 的类型是 {3}",
            en: "{0} of rule {1} must be a condition (bool), but {2} is {3}"),
        CatalogueEntry(
            "diag-exact.lint.cost-budget.steps", zh: "{0} 在列表或文本长达 {3} 个元素或字节的决定上，最多可能耗费 {1} 步，超过 {2} 步的预算",
            en:
                "{0} can cost up to {1} steps, over the budget of {2} on a decision with lists or texts of {3} elements or bytes"
        ),
        CatalogueEntry(
            "diag-exact.lint.cost-budget.bytes", zh: "{0} 在列表或文本长达 {3} 个元素或字节的决定上，最多可能占用 {1} 字节，超过 {2} 字节的预算",
            en:
                "{0} can cost up to {1} bytes, over the budget of {2} on a decision with lists or texts of {3} elements or bytes"
        ),
        CatalogueEntry(
            "diag-exact.csv.two-row-header.unmapped", zh: "表头似乎占第 {0}、{1} 两行，但映射文件没有写明下一行中的 {2}",
            en: "the header looks written on rows {0} and {1}, but the mapping does not name {2}"),
        CatalogueEntry(
            "diag-exact.csv.two-row-header.no-map", zh: "表头似乎占第 {0}、{1} 两行：只有用 --map 给出映射文件时，两行表头才合并为一行读取",
            en: "the header looks written on rows {0} and {1}: two header rows are read as one only with --map"),
        CatalogueEntry(
            "diag-exact.csv.no-header.empty", zh: "第 {0} 行是空行，不能作为表头",
            en: "row {0} is empty: it cannot be the header"),
        CatalogueEntry(
            "diag-exact.csv.no-header.past-end", zh: "第 {0} 行超出了文件末尾，不能作为表头",
            en: "row {0} is past the end of the file: it cannot be the header"),
        CatalogueEntry(
            "diag-exact.csv.no-header.sample", zh: "第 {0} 行为空或超出了文件末尾，不能作为表头",
            en: "row {0} is empty or past the end: it cannot be the header"),
        CatalogueEntry(
            "diag-exact.xlsx.no-header.row", zh: "工作表 {1} 的第 {0} 行是空行，不能作为表头",
            en: "row {0} of sheet {1} is empty: it cannot be the header"),
        CatalogueEntry(
            "diag-exact.lint.always-error.1", zh: "{0} 在任何决定上都会出错：{1}",
            en: "{0} fails on every decision: {1}"),
        CatalogueEntry(
            "diag-exact.lint.when-never-true.pair", zh: "{0} 永远不会成立：{1} 与 {2} 不能同时成立",
            en: "{0} can never be true: {1} and {2} cannot both hold"),
        CatalogueEntry(
            "diag-exact.lint.when-never-true.any", zh: "{0} 永远不会成立：{1}",
            en: "{0} can never be true: {1}"),
        CatalogueEntry(
            "diag-exact.lint.require-always-false.pair", zh: "{0} 永远不会成立：{1} 与 {2} 不能同时成立",
            en: "{0} can never be true: {1} and {2} cannot both hold"),
        CatalogueEntry(
            "diag-exact.lint.require-always-false.any", zh: "{0} 永远不会成立：{1}",
            en: "{0} can never be true: {1}"),
        CatalogueEntry(
            "diag-exact.xlsx.no-sheet.1", zh: "工作簿中没有工作表 {0}（现有工作表：{1}）",
            en: "the workbook has no sheet {0} (its sheets: {1})"),
        CatalogueEntry(
            "diag-exact.map.unknown-key.1", zh: "列映射中没有 {0} 这个键",
            en: "unknown key {0} in a column mapping"),
        CatalogueEntry(
            "diag-exact.map.unknown-key.2", zh: "列 {1} 的设置中没有 {0} 这个键",
            en: "unknown key {0} for the column {1}"),
        CatalogueEntry(
            "diag-exact.schema.unknown-key.1", zh: "{1} 中没有 {0} 这个键",
            en: "unknown key {0} in {1}"),
        CatalogueEntry(
            "diag-exact.schema.unknown-type.1", zh: "{1} 的类型 {0} 不存在",
            en: "unknown type {0} for {1}"),
        CatalogueEntry(
            "diag-exact.schema.bad-enum.1", zh: "{0} 的 `enum` 须为非空的取值列表",
            en: "`enum` of {0} must be a non-empty list of values"),
        CatalogueEntry(
            "diag-exact.ruleset.not-bool.1", zh: "{0} 须为条件（bool），但 {1} 的类型是 {2}",
            en: "{0} must be a condition (bool), but {1} is {2}"),
        CatalogueEntry(
            "diag-exact.map.not-mapping.columns", zh: "`columns` 须把每个 CSV 表头映射到字段路径",
            en: "`columns` must map each CSV header to a field path"),
        CatalogueEntry(
            "diag-exact.map.not-mapping.root", zh: "列映射文件须为只有一个键 `columns` 的映射",
            en: "a column mapping is a mapping with one key, `columns`"),
        CatalogueEntry(
            "diag-exact.map.not-mapping.fields", zh: "`fields` 须把记录的每个字段映射到字段路径",
            en: "`fields` must map each field of a record to a field path"),
        CatalogueEntry(
            "diag-exact.decision.type-mismatch.1", zh: "{0} 须为布尔值（true 或 false），不能是 {1}",
            en: "{0} must be a boolean, not {1}"),
        CatalogueEntry(
            "diag-exact.decision.type-mismatch.2", zh: "{0} 须为整数，不能是带引号的文本 {1}",
            en: "{0} must be an integer, not the quoted text {1}"),
        CatalogueEntry(
            "diag-exact.decision.type-mismatch.3", zh: "{0} 须为数字（可带小数），不能是带引号的文本 {1}",
            en: "{0} must be a decimal number, not the quoted text {1}"),
        CatalogueEntry(
            "diag-exact.decision.type-mismatch.4", zh: "{0} 须为整数，不能是 {1}", en: "{0} must be an integer, not {1}"),
        CatalogueEntry(
            "diag-exact.decision.type-mismatch.5", zh: "{0} 须为数字（可带小数），不能是 {1}",
            en: "{0} must be a decimal number, not {1}"),
        CatalogueEntry(
            "diag-exact.decision.below-minimum.1", zh: "{0} 不能小于 {1}，现为 {2}", en: "{0} must be at least {1}, not {2}"),
        CatalogueEntry(
            "diag-exact.schema.bad-min.1", zh: "{0} 的 `min` 只能用于 `int` 或 `decimal` 字段",
            en: "`min` of {0} is only for an `int` or a `decimal` field"),
        CatalogueEntry(
            "diag-exact.schema.bad-min.2", zh: "{0} 的 `min` 须为数字，不能是带引号的 {1}",
            en: "`min` of {0} must be a number, not {1} in quotes"),
        CatalogueEntry(
            "diag-exact.schema.bad-min.3", zh: "{0} 的 `min` 须为整数，不能是带引号的 {1}",
            en: "`min` of {0} must be an integer, not {1} in quotes"),
        CatalogueEntry(
            "diag-exact.schema.bad-min.4", zh: "{0} 的 `min` 须为数字，不能是 {1}", en: "`min` of {0} must be a number, not {1}"),
        CatalogueEntry(
            "diag-exact.schema.bad-min.5", zh: "{0} 的 `min` 须为整数，不能是 {1}",
            en: "`min` of {0} must be an integer, not {1}"),
        CatalogueEntry(
            "diag-exact.decision.bad-date.1", zh: "{0} 须为日历日期，写成 YYYY-MM-DD，不能是 {1}",
            en: "{0} must be a calendar date written YYYY-MM-DD, not {1}"),
        CatalogueEntry(
            "diag-exact.decision.missing-field.1", zh: "缺少必填字段 {0}：它决定适用哪些规则集",
            en: "required field {0} is missing: it selects the rule sets"),
        CatalogueEntry(
            "diag-exact.decision.missing-field.2", zh: "缺少必填字段 {0}（取值为 {1} 之一）",
            en: "required field {0} (one of {1}) is missing"),
        CatalogueEntry(
            "diag-exact.decision.missing-field.date", zh: "缺少必填字段 {0}（日期，写成 YYYY-MM-DD）",
            en: "required field {0} (date) is missing"),
        CatalogueEntry(
            "diag-exact.decision.missing-field.string", zh: "缺少必填字段 {0}（文本）",
            en: "required field {0} (string) is missing"),
        CatalogueEntry(
            "diag-exact.decision.missing-field.decimal", zh: "缺少必填字段 {0}（数字）",
            en: "required field {0} (decimal) is missing"),
        CatalogueEntry(
            "diag-exact.decision.missing-field.int", zh: "缺少必填字段 {0}（整数）",
            en: "required field {0} (int) is missing"),
        CatalogueEntry(
            "diag-exact.decision.missing-field.bool", zh: "缺少必填字段 {0}（true 或 false）",
            en: "required field {0} (bool) is missing"),
        CatalogueEntry(
            "diag-exact.decision.missing-field.3", zh: "缺少必填字段 {0}（类型：{1}）",
            en: "required field {0} ({1}) is missing"),
        CatalogueEntry(
            "diag-form.decision.nul-character.1", zh: "{0} 含有 NUL 字符（U+0000），决定中的文字不能含有此字符",
            en: "{0} holds a NUL character (U+0000), which no text in a decision may hold"),
        CatalogueEntry(
            "diag-form.cell.ambiguous-date.3", zh: "{0} 可能是日在前（{1}），也可能是月在前（{2}）",
            en: "{0} could be read day first ({1}) or month first ({2})"),
        CatalogueEntry(
            "diag-form.decision.no-such-day.4", zh: "{0} 为 {1}，日历上没有这一天：该月的日期从 {2} 到 {3}",
            en: "{0} is {1}, which is no day of the calendar: the month's days run from {2} to {3}"),
        CatalogueEntry(
            "diag-form.decision.no-such-month.3", zh: "{0} 为 {1}：没有 {2} 月", en: "{0} is {1}: there is no month {2}"),
        CatalogueEntry(
            "diag-form.decision.no-such-year.3", zh: "{0} 为 {1}：没有 {2} 年，公历从 1 年开始",
            en: "{0} is {1}: there is no year {2}; years start at 1"),
        CatalogueEntry(
            "diag-form.decision.no-ruleset.2", zh: "{1} 这一天没有对 {0} 类决定生效的规则集",
            en: "no rule set for kind {0} is in force on {1}"),
        CatalogueEntry(
            "diag-form.csv.stray-quote.3",
            zh: "此处开始的带引号单元格一直延续到第 {0} 行，其结束引号后还有文字：第 {1}–{2} 行被读成了这一个单元格",
            en: "the quoted cell opened here runs on to line {0}, where text follows its closing quote: lines {1}–{2} "
                + "were read as this one cell"),
        CatalogueEntry(
            "diag-form.csv.unterminated-quote.2",
            zh: "此处开始的带引号单元格超过 {0} 字节、延续到第 {1} 行仍未闭合：缺少结束引号，文件其后部分未读取",
            en: "the quoted cell opened here runs past {0} bytes, to line {1}: its closing quote is missing, and the "
                + "file is not read further"),
        CatalogueEntry(
            "diag-form.csv.unterminated-quote.3",
            zh: "此处开始的带引号单元格直到文件末尾（第 {0} 行）都未闭合：第 {1}–{2} 行被读成了这一个单元格",
            en: "the quoted cell opened here is never closed: the file ends inside it, at line {0}, and lines {1}–{2} "
                + "were read as this one cell"),
        CatalogueEntry(
            "diag-form.decision.bad-enum.2", zh: "{0} 的取值 {1} 不在可选值之内", en: "{0} is {1}, which is not one of its values"
        ),
        CatalogueEntry(
            "diag-form.decision.type-mismatch.2", zh: "{0} 的值 {1} 类型不符", en: "{0} must be of its type, not {1}"),
        CatalogueEntry(
            "diag-form.decision.unknown-field.1", zh: "未知字段 {0}：适用的规则集均不读取该字段",
            en: "unknown field {0}: no rule set that applies reads it"),
        CatalogueEntry("diag-form.schema.unknown-key.1", zh: "未知的键 {0}", en: "unknown key {0}"),
        CatalogueEntry("diag-form.schema.missing-key.2", zh: "{0} 缺少必需的键 {1}", en: "{0} is missing required key {1}"),
        CatalogueEntry("diag-form.yaml.duplicate-key.1", zh: "键 {0} 重复", en: "duplicate key {0}"),
        CatalogueEntry("diag-form.cel.undeclared-reference.1", zh: "引用了未声明的名称 {0}", en: "undeclared reference to {0}"),
        CatalogueEntry("diag-form.ruleset.duplicate-rule-id.1", zh: "规则编号 {0} 重复使用", en: "rule id {0} is used twice"),
        CatalogueEntry(
            "diag-form.lint.cost-budget.2", zh: "{0} {1} 的计算量可能超出预算（按含 10,000 个元素或字节的列表或文本估算）",
            en: "{0} {1} can cost over the budget"),
        CatalogueEntry(
            "diag-form.lint.unused-let.2", zh: "命名值 {1} 未被任何表达式读取", en: "{0} name {1} is not read by any expression"),
        CatalogueEntry(
            "diag-form.lint.table-unknown-value.2", zh: "{0} 不是 {1} 的可选值", en: "{0} is not one of the values of {1}"),
        CatalogueEntry(
            "diag-form.lint.unknown-enum-value.2", zh: "{0} 不是 {1} 的可选值，该比较永远不成立",
            en: "{0} is not a value of {1}, so this comparison never holds"),
        CatalogueEntry(
            "diag-form.lint.require-always-true.2", zh: "规则 {1} 的 {0} 条件永远成立", en: "{0} of rule {1} is always true"),
        CatalogueEntry(
            "diag-form.lint.require-always-false.2", zh: "规则 {1} 的 {0} 条件永远不成立", en: "{0} of rule {1} is always false"),
        CatalogueEntry(
            "diag-form.lint.when-never-true.2", zh: "规则 {1} 的 {0} 条件永远不成立，规则从不适用", en: "{0} of rule {1} is always false"
        ),
        CatalogueEntry(
            "diag-form.lint.always-error.2", zh: "规则 {1} 的 {0} 对任何决定都会出错", en: "{0} of rule {1} fails on every decision"
        ),
        CatalogueEntry(
            "diag-form.lint.unused-input.1", zh: "输入字段 {0} 未被任何表达式、决策表或消息读取",
            en: "input field {0} is not read by any expression, table or message"),
        CatalogueEntry(
            "diag-form.lint.unused-parameter.2", zh: "参数 {0} 未被任何表达式以 {1} 读取",
            en: "parameter {0} is not read by any expression as {1}"),
        CatalogueEntry(
            "diag-form.lint.unused-table.2", zh: "决策表 {0} 未被任何表达式调用（以 {1} 调用）",
            en: "table {0} is not called by any expression (call it as {1})"),
        CatalogueEntry(
            "diag-form.lint.table-gap.2", zh: "决策表 {0} 没有一行匹配 {1}，且没有默认值",
            en: "no row of table {0} matches {1}, and the table has no default"),
        CatalogueEntry(
            "diag-form.lint.table-overlap.2", zh: "决策表 {0} 有两行同时匹配 {1}", en: "two rows of table {0} both match {1}"),
        CatalogueEntry(
            "diag-form.lint.table-conflict.4", zh: "决策表 {0} 有两行同时匹配 {1}，结果却分别为 {2} 和 {3}",
            en: "two rows of table {0} both match {1} but give {2} and {3}"),
        CatalogueEntry(
            "diag-form.lint.table-shadowed.1", zh: "决策表 {0} 中有一行永远不会被选中：前面的行已匹配它能匹配的全部输入",
            en: "a row of table {0} is never chosen"),
        CatalogueEntry(
            "diag-form.lint.table-dead-row.3", zh: "决策表 {0} 中有一行永远不会命中：单元格 {1} 不匹配 {2} 的任何取值",
            en: "a row of table {0} never matches: its cell {1} matches no value of {2}"),
        CatalogueEntry(
            "diag-form.lint.blank-cite.2", zh: "规则 {0} 未引用条款：{1} 为空", en: "rule {0} cites nothing: its {1} is blank"),
        CatalogueEntry(
            "diag-form.lint.version-gap.1", zh: "规则集 {0} 的相邻版本之间有一段时间没有任何版本生效",
            en: "no version of rule set {0} is in force for a while"),
        CatalogueEntry(
            "diag-form.lint.removes-approval.4", zh: "规则 {0} 不再要求 {1}，而 {3} 的规则 {2} 要求",
            en: "rule {0} no longer requires {1}, which rule {2} of {3} requires"),
        CatalogueEntry(
            "diag-form.lint.removes-condition.4", zh: "规则 {0} 不再要求 {1}，而 {3} 的规则 {2} 要求",
            en: "rule {0} no longer requires {1}, which rule {2} of {3} requires"),
        CatalogueEntry(
            "diag-form.lint.narrows-when.5", zh: "规则 {0} 适用的决定比 {2} 的规则 {1} 少：其 {3} 收窄了 {4}",
            en: "rule {0} applies to fewer decisions than rule {1} of {2}: its {3} narrows {4}"),
        CatalogueEntry(
            "diag-form.lint.loosens-threshold.6", zh: "{0} 把 {1} 的限额从 {2} 放宽到 {3}，该限额由 {5} 的规则 {4} 规定",
            en: "{0} loosens {1} from {2} to {3} set by rule {4} of {5}"),
        CatalogueEntry(
            "diag-form.lint.table-not-analysed.2", zh: "lint 不分析决策表 {1} 的单元格 {0}；该表的检查结果以这类单元格的实际结果为准",
            en: "lint cannot analyse the cell {0} of table {1}"),
        CatalogueEntry(
            "diag-form.library.overlapping-versions.1", zh: "规则集 {0} 有两个版本在某些日期同时生效",
            en: "versions of rule set {0} are both in force on some days"),
        CatalogueEntry("diag-form.ruleset.calendar.1", zh: "无法加载工作日历 {0}", en: "calendar {0} cannot be loaded"),
    ]
}
