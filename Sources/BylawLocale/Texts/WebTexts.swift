/// The catalogue's entries for the web pages under `/ui/` (the trail's export and verification, the library's
/// version changes, refusals, ended sessions and the upload limit). The other pages' words are in
/// `WebCheckTexts` and `WebPageTexts`.
enum WebTexts {
    static let entries: [CatalogueEntry] = trail + library + pages

    static let trail: [CatalogueEntry] = [
        CatalogueEntry("web.trail.export", zh: "下载日志导出文件（JSON Lines）", en: "Download the export (JSON Lines)"),
        CatalogueEntry(
            "web.trail.export.hint",
            zh: "导出全部审计记录，每行一条，与 bylaw log export 的结果相同，可用于归档或在其他计算机上复核。仅审计管理员可下载。",
            en: "Every record, one per line, as bylaw log export writes it: for the archive or for checking on "
                + "another computer. Only audit administrators may download it."),
        CatalogueEntry("web.trail.verify.title", zh: "校验审计日志链", en: "Verifying the audit trail"),
        CatalogueEntry("web.trail.verify.running", zh: "正在校验，请稍候……", en: "Verifying; please wait…"),
        CatalogueEntry("web.trail.verify.progress", zh: "校验进度", en: "Progress"),
        CatalogueEntry(
            "web.trail.verify.count", zh: "已校验至第 {0} 条，共 {1} 条", en: "verified through record {0} of {1}"),
        CatalogueEntry(
            "web.trail.verify.ok", zh: "校验通过：全部 {0} 条记录完整，没有被修改、删除或调换顺序。",
            en: "Verified: all {0} records are intact; none was edited, removed or reordered."),
        CatalogueEntry(
            "web.trail.verify.head", zh: "链头为第 {0} 条记录，哈希值 {1}。请将其抄录另存，日后校验时可核对日志末尾是否被截去。",
            en: "The head is record {0}, hash {1}. Keep a copy elsewhere: it shows later whether the end of the "
                + "trail was cut off."),
        CatalogueEntry(
            "web.trail.verify.bad", zh: "校验未通过：第 {0} 条记录有问题。", en: "Verification failed at record {0}."),
        CatalogueEntry("web.trail.verify.reason", zh: "技术原因：{0}", en: "Reason: {0}"),
        CatalogueEntry(
            "web.trail.verify.bad.hint", zh: "请立即报告审计管理员，并保留日志文件原样，不要再作改动。",
            en: "Report it to the audit administrator at once and leave the trail file as it is."),
        CatalogueEntry(
            "web.trail.verify.failed", zh: "无法完成校验：{0}", en: "The verification could not be completed: {0}"),
        CatalogueEntry(
            "web.trail.verify.gone", zh: "找不到这次校验（服务可能已经重启）。请回到审计日志页重新校验。",
            en:
                "This verification is not known (the service may have restarted). Go back to the trail and verify again."
        ),
        CatalogueEntry(
            "web.trail.verify.noscript", zh: "浏览器未启用脚本时，请刷新本页查看进度。",
            en: "Without JavaScript, reload this page to see the progress."),
        CatalogueEntry("web.trail.verify.reload", zh: "刷新", en: "Reload"),
        CatalogueEntry("web.trail.verify.again", zh: "重新校验", en: "Verify again"),
        CatalogueEntry("web.trail.verdict.refused", zh: "已拒绝", en: "Refused"),
        CatalogueEntry("web.trail.refusal.role", zh: "无权访问：{0}", en: "not allowed for the role: {0}"),
        CatalogueEntry("web.trail.refusal.csrf", zh: "安全校验未通过：{0}", en: "failed the security check: {0}"),
        CatalogueEntry("web.trail.refusal.signin", zh: "登录失败（输入的账户名：{0}）", en: "failed sign-in (name typed: {0})"),
    ]

    static let library: [CatalogueEntry] = [
        CatalogueEntry("web.library.diff.link", zh: "{0} 版 → {1} 版有何变化", en: "what changed {0} → {1}"),
        CatalogueEntry(
            "web.library.diff.title", zh: "{0}：{1} 版到 {2} 版的变化", en: "{0}: what changed from {1} to {2}"),
        CatalogueEntry(
            "web.library.diff.periods", zh: "原版本有效期：{0}；新版本有效期：{1}", en: "Old version in force {0}; new version {1}"),
        CatalogueEntry("web.library.diff.none", zh: "两个版本之间没有差异。", en: "The two versions do not differ."),
        CatalogueEntry(
            "web.library.diff.summary", zh: "共 {0} 处变化：规则新增 {1} 条、删除 {2} 条、修改 {3} 条。",
            en: "{0} differences: rules {1} added, {2} removed, {3} changed."),
        CatalogueEntry("web.library.diff.section.rule_set", zh: "基本信息", en: "Header"),
        CatalogueEntry("web.library.diff.section.input", zh: "输入字段", en: "Input fields"),
        CatalogueEntry("web.library.diff.section.parameters", zh: "参数", en: "Parameters"),
        CatalogueEntry("web.library.diff.section.lets", zh: "计算项（let）", en: "Named values (let)"),
        CatalogueEntry("web.library.diff.section.tables", zh: "决策表", en: "Decision tables"),
        CatalogueEntry("web.library.diff.section.rules", zh: "规则", en: "Rules"),
        CatalogueEntry("web.library.diff.section.count", zh: "{0}（{1} 处）", en: "{0} ({1})"),
        CatalogueEntry("web.library.diff.change.added", zh: "新增", en: "added"),
        CatalogueEntry("web.library.diff.change.removed", zh: "删除", en: "removed"),
        CatalogueEntry("web.library.diff.change.changed", zh: "修改", en: "changed"),
        CatalogueEntry("web.library.diff.col.change", zh: "变化", en: "Change"),
        CatalogueEntry("web.library.diff.col.item", zh: "项目", en: "Item"),
        CatalogueEntry("web.library.diff.col.old", zh: "原版本", en: "Old version"),
        CatalogueEntry("web.library.diff.col.new", zh: "新版本", en: "New version"),
        CatalogueEntry("web.library.diff.back", zh: "返回规则库", en: "Back to the rule library"),
        CatalogueEntry("web.playground.explain", zh: "逐值解释", en: "Explain"),
        CatalogueEntry("web.playground.explain-label", zh: "逐值解释用例“{0}”", en: "Explain the case “{0}”"),
        CatalogueEntry(
            "web.playground.explained", zh: "用例“{0}”：每条规则的每个子表达式的取值",
            en: "The case “{0}”: the value of every sub-expression of every rule"),
        CatalogueEntry(
            "web.playground.no-case", zh: "测试用例中没有名为“{0}”的用例。", en: "The test cases have no case named “{0}”."),
        CatalogueEntry(
            "web.library.diff.notfound", zh: "规则库中没有这两个版本。", en: "The library has no such pair of versions."),
    ]

    static let pages: [CatalogueEntry] = [
        CatalogueEntry("web.session.ended.title", zh: "登录已结束", en: "Your session has ended"),
        CatalogueEntry(
            "web.session.ended",
            zh: "您的登录已结束（超过时限、已经退出，或服务已经重启），请重新登录。刚才未提交成功的内容需要重新填写。",
            en: "Your session has ended (it timed out, you signed out, or the service restarted). Sign in again; "
                + "anything that was not submitted must be entered again."),
        CatalogueEntry(
            "web.refusal.unrecorded", zh: "这次拒绝未能记入审计日志：{0}",
            en: "This refusal could not be recorded in the audit trail: {0}"),
        CatalogueEntry("web.upload.too-large.title", zh: "上传内容过大", en: "Upload too large"),
        CatalogueEntry("web.request.bad-body.title", zh: "请求无法读取", en: "The request cannot be read"),
        CatalogueEntry(
            "web.request.slow-body", zh: "上传内容未能及时送达，连接已断开。请检查网络后重试。",
            en: "The upload did not arrive in time and the connection was closed. Check the network and try again."),
        CatalogueEntry(
            "web.request.bad-body", zh: "浏览器发来的内容无法读取。请返回重试；如仍不行，请换用其他浏览器。",
            en: "What the browser sent cannot be read. Go back and try again; if it happens again, try another browser."
        ),
        CatalogueEntry(
            "web.upload.too-large",
            zh: "上传的内容超过了网页允许的 {0} MB。请把表格拆分后分批上传，或请系统管理员调高 BYLAW_WEB_MAX_UPLOAD_BYTES。",
            en:
                "The upload is larger than the {0} MB these pages accept. Split the spreadsheet and upload it in parts, "
                + "or ask the administrator to raise BYLAW_WEB_MAX_UPLOAD_BYTES."),
        CatalogueEntry("web.back", zh: "返回上一页", en: "Go back"),
    ]
}
