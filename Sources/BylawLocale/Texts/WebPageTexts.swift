/// The catalogue's words for the frame of the web pages (navigation, sign-in, refusals) and the library, batch
/// audit, trail and playground pages. The words of checking a decision are in `WebCheckTexts`.
enum WebPageTexts {
    static let entries: [CatalogueEntry] = frame + library + batch + batchDiagnostics + trail + playground

    /// The frame around every page, the sign-in form and the pages that refuse or find nothing.
    static let frame: [CatalogueEntry] = [
        // The punctuation that joins words and values, which differs between the languages.
        CatalogueEntry("web.labelled", zh: "{0}：{1}", en: "{0}: {1}"),
        CatalogueEntry("web.parenthesis", zh: "{0}（{1}）", en: "{0} ({1})"),
        CatalogueEntry("web.separator", zh: "；", en: "; "),
        CatalogueEntry("web.layout.app", zh: "bylaw 规则审查", en: "bylaw rule checks"),
        CatalogueEntry("web.layout.nav.check", zh: "审查一份决定", en: "Check a decision"),
        CatalogueEntry("web.layout.nav.library", zh: "规则库", en: "Rule library"),
        CatalogueEntry("web.layout.nav.batch", zh: "批量审计", en: "Batch audit"),
        CatalogueEntry("web.layout.nav.trail", zh: "审计日志", en: "Audit trail"),
        CatalogueEntry("web.layout.nav.playground", zh: "规则试验", en: "Rule playground"),
        CatalogueEntry("web.layout.signout", zh: "退出", en: "Sign out"),
        CatalogueEntry("web.layout.signedin", zh: "当前用户", en: "Signed in as"),
        CatalogueEntry("web.layout.skip", zh: "跳到正文", en: "Skip to content"),
        CatalogueEntry("web.layout.nav.label", zh: "主导航", en: "Main navigation"),
        CatalogueEntry("web.layout.language.zh", zh: "中文", en: "Chinese"),
        CatalogueEntry("web.layout.language.en", zh: "英文", en: "English"),
        CatalogueEntry("web.signin.title", zh: "登录", en: "Sign in"),
        CatalogueEntry("web.signin.name", zh: "账户名", en: "Account"),
        CatalogueEntry("web.signin.password", zh: "密码", en: "Password"),
        CatalogueEntry("web.signin.submit", zh: "登录", en: "Sign in"),
        CatalogueEntry("web.signin.wrong", zh: "账户名或密码不正确。", en: "The account or the password is wrong."),
        CatalogueEntry(
            "web.refused", zh: "请求未通过安全校验（表单已过期或来源不明），请返回后重试。",
            en:
                "The request failed its security check (the form expired or came from elsewhere); go back and try again."
        ),
        CatalogueEntry("web.refused.title", zh: "请求被拒绝", en: "Request refused"),
        CatalogueEntry("web.forbidden", zh: "您的账户没有使用此页面的权限。", en: "Your account may not use this page."),
        CatalogueEntry("web.forbidden.title", zh: "无权访问", en: "Not allowed"),
        CatalogueEntry("web.notfound", zh: "没有这个页面。", en: "There is no such page."),
        CatalogueEntry("web.notfound.title", zh: "页面不存在", en: "Not found"),
    ]

    /// The rule library (`/ui/library`).
    static let library: [CatalogueEntry] = [
        CatalogueEntry("web.library.title", zh: "规则库", en: "Rule library"),
        CatalogueEntry("web.library.date", zh: "有效日期", en: "In force on"),
        CatalogueEntry("web.library.search", zh: "搜索条款、关键词或规则编号", en: "Search articles, words or rule ids"),
        CatalogueEntry("web.library.go", zh: "查询", en: "Search"),
        CatalogueEntry("web.library.inforce", zh: "在 {0} 有效的规则集", en: "Rule sets in force on {0}"),
        CatalogueEntry("web.library.ruleset", zh: "规则集", en: "Rule set"),
        CatalogueEntry("web.library.kind", zh: "决定类型", en: "Kind"),
        CatalogueEntry("web.library.version", zh: "版本", en: "Version"),
        CatalogueEntry("web.library.effective", zh: "有效期", en: "In force"),
        CatalogueEntry("web.library.source", zh: "依据", en: "Source"),
        CatalogueEntry("web.library.rules", zh: "规则数", en: "Rules"),
        CatalogueEntry("web.library.versions", zh: "其他版本及变化", en: "Other versions and changes"),
        CatalogueEntry("web.library.book", zh: "规则手册", en: "Rule book"),
        CatalogueEntry("web.library.results", zh: "“{0}”的查询结果（{1} 条）", en: "Results for “{0}” ({1})"),
        CatalogueEntry("web.library.noresults", zh: "没有找到匹配的规则。", en: "No rule matches."),
        CatalogueEntry("web.library.rule", zh: "规则", en: "Rule"),
        CatalogueEntry("web.library.cite", zh: "条款", en: "Article"),
        CatalogueEntry("web.library.ruletitle", zh: "规定", en: "Requirement"),
        CatalogueEntry("web.library.bad.date", zh: "请按 年-月-日 填写日期", en: "write the date as YYYY-MM-DD"),
        CatalogueEntry("web.library.none", zh: "该日期没有有效的规则集。", en: "No rule set is in force on that date."),
        CatalogueEntry("web.library.from", zh: "起", en: "from"),
        CatalogueEntry("web.library.until", zh: "止", en: "until"),
    ]

    /// The batch audit (`/ui/batch`): upload, mapping, progress and report.
    static let batch: [CatalogueEntry] = [
        CatalogueEntry("web.batch.title", zh: "批量审计", en: "Batch audit"),
        CatalogueEntry("web.batch.upload", zh: "1. 上传台账（.xlsx 或 CSV）", en: "1. Upload a register (.xlsx or CSV)"),
        CatalogueEntry("web.batch.file", zh: "台账文件", en: "Register file"),
        CatalogueEntry("web.batch.kind", zh: "记录类型", en: "Kind of records"),
        CatalogueEntry("web.batch.propose", zh: "上传并生成列映射", en: "Upload and propose a mapping"),
        CatalogueEntry("web.batch.mapping", zh: "2. 核对列映射", en: "2. Confirm the column mapping"),
        CatalogueEntry(
            "web.batch.mapping.hint", zh: "系统根据表头和规则中的字段名称提出了映射，请核对，必要时修改后开始审计。",
            en:
                "bylaw proposed this mapping from the headers and the fields' labels; check it, edit it if needed, then start."
        ),
        CatalogueEntry("web.batch.mapping.label", zh: "列映射（YAML）", en: "Column mapping (YAML)"),
        CatalogueEntry("web.batch.start", zh: "开始审计", en: "Start the audit"),
        CatalogueEntry("web.batch.running", zh: "正在审计……已审查 {0} 条记录", en: "Auditing… {0} records checked"),
        CatalogueEntry("web.batch.progress", zh: "进度", en: "Progress"),
        CatalogueEntry("web.batch.done", zh: "审计完成：共 {0} 条记录", en: "Audit finished: {0} records"),
        CatalogueEntry("web.batch.failed", zh: "审计未完成：{0}", en: "The audit did not finish: {0}"),
        CatalogueEntry("web.batch.report", zh: "审计报告", en: "Report"),
        CatalogueEntry("web.batch.downloads", zh: "下载：", en: "Download: "),
        CatalogueEntry("web.batch.nofile", zh: "请选择一个 .xlsx 或 CSV 文件", en: "choose an .xlsx or CSV file"),
        CatalogueEntry("web.batch.badkind", zh: "请选择记录类型", en: "choose the kind of records"),
        CatalogueEntry("web.batch.norun", zh: "没有这次审计（可能已过期）。", en: "There is no such run (it may have expired)."),
        CatalogueEntry(
            "web.batch.busy", zh: "同时进行的审计已达上限，请待其中一项完成后再开始。",
            en: "Too many audits are running; start again when one has finished."),
    ]

    /// The batch page's own diagnostics (`diag.` and the code), in Chinese through `DiagnosticWording`.
    static let batchDiagnostics: [CatalogueEntry] = [
        CatalogueEntry("diag.web.upload.unkept", zh: "无法保存上传的文件", en: "cannot keep the upload"),
        CatalogueEntry("diag.web.mapping.unkept", zh: "无法保存列映射", en: "cannot keep the mapping"),
        CatalogueEntry("diag.web.upload.expired", zh: "上传的文件已不再保留，请重新上传", en: "the upload is no longer kept"),
        CatalogueEntry("diag.web.busy", zh: "同时进行的审计已达上限", en: "too many audits are running"),
    ]

    /// The audit trail (`/ui/trail`): filter, list and one record.
    static let trail: [CatalogueEntry] = [
        CatalogueEntry("web.trail.title", zh: "审计日志", en: "Audit trail"),
        CatalogueEntry("web.trail.kind", zh: "决定类型", en: "Kind"),
        CatalogueEntry("web.trail.unit", zh: "单位", en: "Unit"),
        CatalogueEntry("web.trail.verdict", zh: "结论", en: "Verdict"),
        CatalogueEntry("web.trail.from", zh: "决定日期自", en: "Decision date from"),
        CatalogueEntry("web.trail.to", zh: "至", en: "to"),
        CatalogueEntry("web.trail.filter", zh: "筛选", en: "Filter"),
        CatalogueEntry("web.trail.seq", zh: "序号", en: "No."),
        CatalogueEntry("web.trail.at", zh: "记录时间（UTC）", en: "Recorded (UTC)"),
        CatalogueEntry("web.trail.actor", zh: "操作人", en: "Actor"),
        CatalogueEntry("web.trail.decision", zh: "决定编号", en: "Decision"),
        CatalogueEntry("web.trail.date", zh: "决定日期", en: "Date"),
        CatalogueEntry("web.trail.verify.start", zh: "校验整条日志链", en: "Verify the whole chain"),
        CatalogueEntry("web.trail.record", zh: "审计记录 {0}", en: "Audit record {0}"),
        CatalogueEntry("web.trail.norecord", zh: "没有这条记录。", en: "There is no such record."),
        CatalogueEntry("web.trail.empty", zh: "没有符合条件的记录。", en: "No record matches."),
        CatalogueEntry("web.trail.unavailable", zh: "无法读取审计日志：{0}", en: "The audit trail cannot be read: {0}"),
        CatalogueEntry("web.trail.all", zh: "全部", en: "all"),
        CatalogueEntry("web.trail.back", zh: "返回日志", en: "Back to the trail"),
    ]

    /// The rule playground (`/ui/playground`): lint and test an edited copy.
    static let playground: [CatalogueEntry] = [
        CatalogueEntry("web.playground.title", zh: "规则试验", en: "Rule playground"),
        CatalogueEntry("web.playground.choose", zh: "选择一个规则集作为起点", en: "Start from a rule set"),
        CatalogueEntry("web.playground.open", zh: "打开", en: "Open"),
        CatalogueEntry("web.playground.ruleset", zh: "规则集（YAML）", en: "Rule set (YAML)"),
        CatalogueEntry("web.playground.cases", zh: "测试用例（YAML）", en: "Test cases (YAML)"),
        CatalogueEntry("web.playground.lint", zh: "检查（lint）", en: "Lint"),
        CatalogueEntry("web.playground.test", zh: "运行测试", en: "Run the tests"),
        CatalogueEntry(
            "web.playground.note", zh: "在此所作的修改不会保存到服务器的规则库。", en: "Nothing here is saved to the server's rules."),
        CatalogueEntry("web.playground.clean", zh: "没有发现问题。", en: "No problems found."),
        CatalogueEntry("web.playground.diagnostics", zh: "检查结果（{0}）", en: "Diagnostics ({0})"),
        CatalogueEntry("web.playground.listing", zh: "带行号的规则集", en: "The rule set with line numbers"),
        CatalogueEntry("web.playground.results", zh: "测试结果：{0} 个通过，{1} 个未通过", en: "Tests: {0} passed, {1} failed"),
        CatalogueEntry("web.playground.case", zh: "用例", en: "Case"),
        CatalogueEntry("web.playground.outcome", zh: "结果", en: "Result"),
        CatalogueEntry("web.playground.pass", zh: "通过", en: "passed"),
        CatalogueEntry("web.playground.fail", zh: "未通过", en: "failed"),
        CatalogueEntry("web.playground.uncovered", zh: "没有用例使其不通过的规则：{0}", en: "Rules no case makes fail: {0}"),
        CatalogueEntry("web.playground.toolarge", zh: "内容过大（每项至多 1 MB）", en: "too large (1 MB at most each)"),
    ]
}
