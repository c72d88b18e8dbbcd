/// The catalogue's entries for `bylaw serve`'s own messages: the `message` of every refusal of the HTTP API
/// (`{"error": {"code", "message"}}`). Each id is `api.` and the refusal's stable code, with a last part where
/// one code has several messages (`api.audit.not-found.yours`).
enum ServerTexts {
    static let entries: [CatalogueEntry] = access + bodies + trail + audits + uploads + authoring + configuration

    /// Why `bylaw serve` refuses its configuration (`ConfigurationError`), before it starts.
    static let configuration: [CatalogueEntry] = [
        CatalogueEntry("serve-config.unreadable-config", zh: "无法读取配置文件 `{0}`", en: "cannot read the config file `{0}`"),
        CatalogueEntry("serve-config.unknown-setting", zh: "`{0}`：没有名为 `{1}` 的设置项", en: "`{0}`: unknown setting `{1}`"),
        CatalogueEntry(
            "serve-config.invalid-file", zh: "`{0}` 不是有效的配置：{1}", en: "`{0}` is not a valid configuration: {1}"),
        CatalogueEntry(
            "serve-config.not-json", zh: "`{0}` 不是有效的配置：不是 JSON 文件",
            en: "`{0}` is not a valid configuration: not JSON"),
        CatalogueEntry(
            "serve-config.missing-setting", zh: "`{0}`：缺少 `{1}`",
            en: "`{0}` is not a valid configuration: `{1}` is missing"),
        CatalogueEntry(
            "serve-config.wrong-type", zh: "`{0}`：`{1}` 的值类型不对（见 docs/serve.md）",
            en: "`{0}` is not a valid configuration: `{1}` has the wrong type (see docs/serve.md)"),
        CatalogueEntry("serve-config.bad-lang", zh: "`{0}`：lang 只能是 zh 或 en", en: "`{0}`: lang must be zh or en"),
        CatalogueEntry("serve-config.range", zh: "{0} 应在 {1} 到 {2} 之间", en: "{0} must be from {1} to {2}"),
        CatalogueEntry(
            "serve-config.above-zero", zh: "{0} 应大于 0，且不超过 {1}", en: "{0} must be more than 0 and at most {1}"),
        CatalogueEntry(
            "serve-config.tls-pair", zh: "tls_certificate 与 tls_key 须同时给出，或都不给",
            en: "tls_certificate and tls_key go together: give both or neither"),
        CatalogueEntry("serve-config.account-twice", zh: "账户 `{0}` 配置了两次", en: "the account `{0}` is configured twice"),
        CatalogueEntry(
            "serve-config.account-shared-token", zh: "账户 `{0}` 的令牌与另一账户相同",
            en: "the account `{0}` has the same token as another account"),
        CatalogueEntry("serve-config.bad-listen", zh: "`{0}` 不是 `HOST:PORT`（主机地址与端口）形式", en: "`{0}` is not HOST:PORT"),
        CatalogueEntry(
            "serve-config.unreadable-key", zh: "无法读取脱敏密钥文件 `{0}`", en: "cannot read the masking key file `{0}`"),
        CatalogueEntry(
            "serve-config.bad-certificate", zh: "tls_certificate `{0}` 不是可读取的 PEM 证书：{1}",
            en: "tls_certificate `{0}` is not a readable PEM certificate: {1}"),
        CatalogueEntry(
            "serve-config.no-certificate", zh: "tls_certificate `{0}` 中没有证书",
            en: "tls_certificate `{0}` holds no certificate"),
        CatalogueEntry(
            "serve-config.bad-key", zh: "tls_key `{0}` 不是可读取的 PEM 私钥：{1}",
            en: "tls_key `{0}` is not a readable PEM private key: {1}"),
        CatalogueEntry(
            "serve-config.bad-account-name", zh: "账户名应为 1 到 128 个字符，且不含控制字符",
            en: "an account name must be 1 to 128 characters, none of them a control character"),
        CatalogueEntry(
            "serve-config.bad-token", zh: "账户 `{0}`：token_sha256 应为 64 位十六进制数字",
            en: "account `{0}`: token_sha256 must be 64 hexadecimal digits"),
        CatalogueEntry(
            "serve-config.bad-password", zh: "账户 `{0}`：password 应为 `sha256:SALT:HEX` 形式（SALT 为盐值，HEX 为十六进制摘要）",
            en: "account `{0}`: password must be `sha256:SALT:HEX`"),
        CatalogueEntry(
            "serve-config.no-credential", zh: "账户 `{0}` 既没有 token_sha256，也没有 password",
            en: "account `{0}` has neither token_sha256 nor password"),
    ]

    /// Signing in, limits and the service's own state.
    static let access: [CatalogueEntry] = [
        CatalogueEntry("api.or", zh: " 或 ", en: " or "),
        CatalogueEntry(
            "api.auth.forbidden", zh: "账户 `{0}` 无权执行 `{1}`，需要 {2} 角色",
            en: "account `{0}` may not {1}: it needs the role {2}"),
        CatalogueEntry(
            "api.auth.missing", zh: "请先登录：使用 API 令牌（Bearer），或使用账户名和密码（Basic）",
            en: "sign in with an API token (Bearer) or a name and password (Basic)"),
        CatalogueEntry("api.auth.invalid", zh: "登录凭据与任何账户都不相符", en: "the credentials match no account"),
        CatalogueEntry("api.shutting-down", zh: "服务正在停止", en: "the service is stopping"),
        CatalogueEntry(
            "api.request.cross-site", zh: "拒绝其他网站的网页发来的请求：请在本服务自己的页面操作，或由程序直接调用接口",
            en:
                "a request made by a web page of another site is refused: use the service's own pages, or call the API from a program"
        ),
        CatalogueEntry(
            "api.body.encoding", zh: "请求正文经过压缩（Content-Encoding: {0}），本服务只接受未压缩的正文",
            en: "the body is compressed (Content-Encoding: {0}): the service takes only uncompressed bodies"),
        CatalogueEntry(
            "api.body.media-type",
            zh: "请求正文不能以表单（{0}）发送：决定或规则集请以 Content-Type application/json 或 application/yaml 原样发送（curl 用 --data-binary）",
            en:
                "the body cannot be sent as a form ({0}): send the decision or rule set as it is, with Content-Type application/json or application/yaml (curl: --data-binary)"
        ),
        CatalogueEntry(
            "api.request.timeout", zh: "请求未能在 {0} 秒内处理完毕（request_timeout_seconds）",
            en: "the request was not answered within {0} s (request_timeout_seconds)"),
        CatalogueEntry(
            "api.request.body-timeout", zh: "请求正文未能在 {0} 秒内发送完毕（request_timeout_seconds）",
            en: "the request body was not received within {0} s (request_timeout_seconds)"),
        CatalogueEntry("api.route.not-found", zh: "没有这个接口：{0} {1}", en: "no such endpoint: {0} {1}"),
        CatalogueEntry(
            "api.route.method", zh: "该接口不接受 {0} 方法，可用：{1}", en: "this endpoint does not take {0}; it takes {1}"),
        CatalogueEntry("api.http", zh: "无法处理该请求：{0}", en: "{0}"),
        CatalogueEntry(
            "api.internal", zh: "服务内部出错，请求未能完成；详情请查看服务日志",
            en: "the request failed inside the service; see its log"),
        CatalogueEntry(
            "api.query.bad-date", zh: "`{0}` 须为 YYYY-MM-DD 格式的日期", en: "`{0}` must be a date written YYYY-MM-DD"),
        CatalogueEntry(
            "api.query.bad-limit", zh: "`limit` 须为 1 至 10000 之间的整数", en: "`limit` is a whole number from 1 to 10000"),
    ]

    /// Request bodies: size, batches, explain.
    static let bodies: [CatalogueEntry] = [
        CatalogueEntry(
            "api.body.too-large", zh: "请求正文超过 {0} 字节的上限（max_body_bytes）",
            en: "the request body is larger than {0} bytes (max_body_bytes)"),
        CatalogueEntry(
            "api.body.unreadable", zh: "请求正文无法读取（分块编码有误或不支持该传输编码）",
            en:
                "the request body cannot be read (its chunked framing is broken, or its transfer coding is not supported)"
        ),
        CatalogueEntry(
            "api.body.too-large.upload", zh: "上传的文件超过 {0} 字节的上限（max_upload_bytes）",
            en: "the upload is larger than {0} bytes (max_upload_bytes)"),
        CatalogueEntry(
            "api.batch.malformed.not-array",
            zh: "批量请求须为由决定组成的 JSON 数组，或 Content-Type 为 application/x-ndjson 的 JSON Lines",
            en: "a batch is a JSON array of decisions, or JSON Lines with Content-Type application/x-ndjson"),
        CatalogueEntry(
            "api.batch.malformed.brace", zh: "第 {0} 字节处的 `}` 没有与之配对的 `{`",
            en: "unbalanced `}` at byte {0}"),
        CatalogueEntry(
            "api.batch.malformed.empty-element", zh: "批量数组第 {0} 字节处有一个空元素",
            en: "an empty element in the batch array at byte {0}"),
        CatalogueEntry(
            "api.batch.malformed.unclosed", zh: "批量数组缺少结尾的 `]`", en: "the batch array is not closed with `]`"),
        CatalogueEntry(
            "api.batch.malformed.trailing", zh: "批量数组结尾的 `]` 之后还有内容（第 {0} 字节）",
            en: "text after the batch array's closing `]` at byte {0}"),
        CatalogueEntry("api.batch.empty", zh: "批量请求中没有任何决定", en: "the batch holds no decision"),
        CatalogueEntry(
            "api.batch.too-many", zh: "批量请求含 {0} 项决定，超过 {1} 项的上限（max_batch）",
            en: "the batch holds {0} decisions; at most {1} (max_batch)"),
        CatalogueEntry("api.explain.unreadable", zh: "请求正文不是可以读取的决定", en: "the body is not a readable decision"),
        CatalogueEntry("api.explain.nothing", zh: "没有可以解释的内容", en: "there is nothing to explain"),
    ]

    /// The audit trail and the log routes.
    static let trail: [CatalogueEntry] = [
        CatalogueEntry(
            "api.trail.unavailable", zh: "审计日志无法写入（{0}），因此不给出结论",
            en: "the audit trail cannot be written ({0}); no verdict is given"),
        CatalogueEntry(
            "api.trail.unavailable.refusal", zh: "审计日志无法写入（{0}），本次拒绝未能记录",
            en: "the audit trail cannot be written ({0}); the refusal could not be recorded"),
        CatalogueEntry("api.trail.disabled", zh: "本服务未启用审计日志", en: "the service runs without an audit trail"),
        CatalogueEntry("api.trail.unreadable", zh: "无法读取审计日志：{0}", en: "the audit trail cannot be read: {0}"),
        CatalogueEntry("api.log.not-found", zh: "审计日志中没有记录 `{0}`", en: "no record `{0}` in the trail"),
        CatalogueEntry(
            "api.body.malformed.verify",
            zh: "请求正文须为空，或为 JSON {\"expect_head\": \"SEQ:HASH\", \"receipt\": \"SEQ:LEAF:CHAIN\"}",
            en: "the body is empty or JSON {\"expect_head\": \"SEQ:HASH\", \"receipt\": \"SEQ:LEAF:CHAIN\"}"),
        CatalogueEntry(
            "api.body.bad-head", zh: "`expect_head` 须写成 SEQ:HASH，即 `GET /v1/log/head` 给出的形式",
            en: "`expect_head` is SEQ:HASH, as `GET /v1/log/head` gives"),
        CatalogueEntry("api.body.bad-receipt", zh: "`receipt` 须写成 SEQ:LEAF:CHAIN", en: "`receipt` is SEQ:LEAF:CHAIN"),
        CatalogueEntry(
            "api.body.unknown-key", zh: "请求正文中有无法识别的键 `{0}`：只能写 `expect_head` 和 `receipt`",
            en: "`{0}` in the body is not known: only `expect_head` and `receipt` may be given"),
    ]

    /// Batch audits and their reports.
    static let audits: [CatalogueEntry] = [
        CatalogueEntry(
            "api.query.bad-format.report", zh: "`format` 须为 html、json、csv 或 junit",
            en: "`format` must be html, json, csv or junit"),
        CatalogueEntry(
            "api.query.bad-columns", zh: "`columns` 须为 machine 或 labels", en: "`columns` must be machine or labels"),
        CatalogueEntry("api.query.bad-verdict", zh: "`verdict` 须为以下之一：{0}", en: "`verdict` is one of {0}"),
        CatalogueEntry("api.query.bad-lang", zh: "`lang` 须为 en 或 zh-Hans", en: "`lang` must be en or zh-Hans"),
        CatalogueEntry(
            "api.audit.not-finished", zh: "该审计{0}，只有已完成的审计才提供报告",
            en: "the audit is {0}; its report is served once it has finished"),
        CatalogueEntry("api.audit.state.running", zh: "仍在进行中", en: "running"),
        CatalogueEntry("api.audit.state.finished", zh: "已完成", en: "finished"),
        CatalogueEntry("api.audit.state.failed", zh: "已失败", en: "failed"),
        CatalogueEntry("api.audit.state.cancelled", zh: "已取消", en: "cancelled"),
        CatalogueEntry(
            "api.audit.not-found", zh: "找不到审计 `{0}`，它可能已被删除", en: "no audit `{0}`: it may have been removed"),
        CatalogueEntry(
            "api.audit.not-found.yours", zh: "您没有编号为 `{0}` 的审计，它可能已被删除",
            en: "no audit `{0}` of yours: it may have been removed"),
        CatalogueEntry(
            "api.audit.not-found.unstarted", zh: "上传的文件在审计开始前已被删除",
            en: "the upload was removed before it started"),
        CatalogueEntry("api.audit.not-found.report", zh: "该报告已不再保存", en: "the report is no longer kept"),
        CatalogueEntry("api.audit.storage", zh: "无法保存上传的文件", en: "cannot keep the upload"),
        CatalogueEntry("api.audit.storage.why", zh: "无法保存上传的文件：{0}", en: "cannot keep the upload: {0}"),
        CatalogueEntry("api.audit.storage.read-back", zh: "无法读回上传的文件", en: "cannot read the upload back"),
        CatalogueEntry("api.audit.empty", zh: "上传的文件是空的", en: "the upload is empty"),
        CatalogueEntry(
            "api.audit.kind", zh: "没有适用于决定类别 `{0}` 的规则集。已知类别：{1}",
            en: "no rule set applies to the kind `{0}`; known kinds: {1}"),
        CatalogueEntry(
            "api.audit.busy", zh: "已有 {0} 项审计正在进行（max_audits），请待其中一项完成后再试",
            en: "{0} audits are running (max_audits); try again when one has finished"),
    ]

    /// Uploads of a batch audit.
    static let uploads: [CatalogueEntry] = [
        CatalogueEntry(
            "api.audit.format", zh: "请说明上传文件的格式：用 ?format=（{0}）、Content-Type，或带扩展名的文件名",
            en: "say what the upload is: ?format= ({0}), its Content-Type, or a file name with its extension"),
        CatalogueEntry("api.audit.mapping", zh: "映射无法使用", en: "the mapping cannot be used"),
        CatalogueEntry("api.audit.mapping.first", zh: "映射无法使用：{0}", en: "the mapping cannot be used: {0}"),
        CatalogueEntry("api.audit.unreadable", zh: "上传的文件无法读取", en: "the upload cannot be read"),
        CatalogueEntry("api.audit.unreadable.first", zh: "上传的文件无法读取：{0}", en: "the upload cannot be read: {0}"),
        CatalogueEntry("api.upload.no-file", zh: "表单中没有 `file` 部分", en: "the form has no `file` part"),
        CatalogueEntry(
            "api.upload.malformed.no-part", zh: "表单中没有以其分隔符（boundary）隔开的部分",
            en: "the form holds no part delimited by its boundary"),
        CatalogueEntry(
            "api.upload.malformed.separator", zh: "表单各部分的分隔方式不符合 multipart/form-data 的规定",
            en: "the form's parts are not separated as multipart/form-data says"),
        CatalogueEntry(
            "api.upload.malformed.headers", zh: "表单中有一部分的头部没有结尾",
            en: "a part of the form has no end to its headers"),
        CatalogueEntry(
            "api.upload.malformed.unclosed", zh: "表单没有以结束分隔符收尾",
            en: "the form does not end with its closing boundary"),
        CatalogueEntry(
            "api.upload.malformed.no-name", zh: "表单中有一部分缺少带名称的 Content-Disposition",
            en: "a part of the form has no Content-Disposition with a name"),
    ]

    /// Rule sets submitted for lint and test, and the rule book.
    static let authoring: [CatalogueEntry] = [
        CatalogueEntry("api.ruleset.load", zh: "规则集无法加载", en: "the rule set does not load"),
        CatalogueEntry("api.query.bad-format.book", zh: "`format` 须为 md 或 html", en: "`format` is md or html"),
        CatalogueEntry(
            "api.ruleset.not-found", zh: "现行规则库中没有规则集 `{0}`", en: "no rule set `{0}` in the library in force"),
        CatalogueEntry(
            "api.body.malformed.ruleset",
            zh: "请求正文须为规则集的 YAML，或 JSON {\"ruleset\": TEXT, \"tests\": {NAME: TEXT}, \"examples\": {NAME: TEXT}}",
            en: "the body is a rule set's YAML, or JSON {\"ruleset\": TEXT, \"tests\": {NAME: TEXT}, "
                + "\"examples\": {NAME: TEXT}}"),
        CatalogueEntry(
            "api.body.malformed.files", zh: "`{0}` 须为从文件名到文件内容的映射", en: "`{0}` maps file names to their text"),
        CatalogueEntry(
            "api.body.bad-file-name", zh: "`{0}` 不是以 .yaml 结尾的普通文件名",
            en: "`{0}` is not a plain file name ending in .yaml"),
        CatalogueEntry(
            "api.body.bad-file-name.count", zh: "测试和示例文件合计最多 {0} 个",
            en: "at most {0} test and example files are accepted"),
    ]
}
