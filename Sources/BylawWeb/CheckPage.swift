import Bylaw
import BylawAudit
import BylawCEL
import BylawDiagnostics
import BylawJobs

/// 审查一份决定: choose a kind and a date, fill the form made from the input schema of the rule sets in force
/// (or send a YAML or JSON file), and read the verdict. Checking goes through `CheckJob`, as `bylaw check` and
/// `POST /v1/check` do, and is recorded before it is shown.
enum CheckPage {
    static let text = TextTable([
        "title": ("审查一份决定", "Check a decision"),
        "choose": ("1. 选择决定类型和日期", "1. Choose the kind and the date"),
        "kind": ("决定类型", "Kind of decision"),
        "date": ("决定日期", "Decision date"),
        "show": ("显示表单", "Show the form"),
        "fill": ("2. 填写决定内容", "2. Fill in the decision"),
        "basics": ("基本信息", "The decision"),
        "id": ("决定编号", "Decision id"),
        "unit": ("决定单位", "Deciding unit"),
        "unit.hint": ("以 / 分隔的单位路径，如 acftu/organisation", "a /-separated unit path, such as acftu/organisation"),
        "sets": ("在该日期有效的规则集：", "Rule sets in force on that date: "),
        "none": ("该日期没有对此类决定有效的规则集。", "No rule set for this kind is in force on that date."),
        "submit": ("审查", "Check"),
        "file": ("或者上传决定文件（YAML 或 JSON）", "Or send a decision file (YAML or JSON)"),
        "file.label": ("决定文件", "Decision file"),
        "file.submit": ("上传并审查", "Send and check"),
        "problems": ("表单有 %d 处问题，请在标出的字段处修改：", "The form has %d problems; correct the marked fields:"),
        "again": ("再审查一份", "Check another"),
        "bad.date": ("请按 年-月-日 填写日期", "write the date as YYYY-MM-DD"),
        "bad.kind": ("没有这种决定类型", "no such kind of decision"),
        "trail.down": ("审计日志无法写入，未作审查：", "The audit trail cannot be written, so nothing was checked: "),
        "file.none": ("请选择一个文件", "choose a file"),
    ])

    static func kindLabel(_ kind: String, _ library: RuleLibrary, _ lang: Lang) -> String {
        let titles = library.ruleSets.filter { $0.appliesTo == kind }.map(\.title)
        guard let title = titles.max(by: { $0.count > $1.count }) else { return kind }
        return lang == .zh ? "\(title)（\(kind)）" : "\(kind) — \(title)"
    }

    /// GET: the kind and date choice, and the form for them.
    static func form(_ request: WebRequest, _ ctx: PageContext, library: RuleLibrary) -> WebResponse {
        let kind = request.query["kind"] ?? ""
        let date = request.query["date"] ?? ""
        return page(ctx, library: library, kind: kind, date: date, values: FormFields(), problems: [:], general: [])
    }

    static func page(
        _ ctx: PageContext, library: RuleLibrary, kind: String, date: String, values: FormFields,
        problems: [String: [String]], general: [String], status: Int = 200
    ) -> WebResponse {
        let t = { (k: String) in text(k, ctx.lang) }
        let day = CELDate(iso: date)
        let schema = day.map { SchemaUnion.of(library.applicable(kind: kind, on: $0)) } ?? ObjectSchema()
        var body = ""
        let count = general.count + problems.values.reduce(0) { $0 + $1.count }
        if count > 0 {
            body +=
                "<div class=\"problems\" role=\"alert\" id=\"problems\"><p>"
                + HTML.h(t("problems").replacingOccurrences(of: "%d", with: String(count))) + "</p><ul>"
            for p in general { body += "<li>\(HTML.h(p))</li>" }
            for (path, list) in problems.sorted(by: { $0.key < $1.key }) {
                let shown = SchemaForm.caption(of: path, in: schema, lang: ctx.lang)
                for p in list { body += "<li><a href=\"#f-\(HTML.id(path))\">\(HTML.h(shown))</a>：\(HTML.h(p))</li>" }
            }
            body += "</ul></div>"
        }
        body +=
            "<form method=\"get\" action=\"\(ctx.url("/check"))\" class=\"noprint\"><fieldset><legend>\(t("choose"))</legend>"
        body +=
            "<div class=\"field\"><label for=\"kind\">\(t("kind"))</label><select id=\"kind\" name=\"kind\" data-autosubmit>"
        body += "<option value=\"\"></option>"
        for k in library.kinds {
            body +=
                "<option value=\"\(HTML.h(k))\"\(k == kind ? " selected" : "")>\(HTML.h(kindLabel(k, library, ctx.lang)))</option>"
        }
        body += "</select></div><div class=\"field\"><label for=\"date\">\(t("date"))</label>"
        body += "<input type=\"date\" id=\"date\" name=\"date\" value=\"\(HTML.h(date))\" data-autosubmit></div>"
        body += "<button type=\"submit\">\(t("show"))</button></fieldset></form>"
        guard !kind.isEmpty, !date.isEmpty else {
            return .html(Layout.page(title: t("title"), ctx, active: "/check", body: body), status: status)
        }
        guard library.kinds.contains(kind) else {
            body += "<p class=\"bad\">\(t("bad.kind"))</p>"
            return .html(Layout.page(title: t("title"), ctx, active: "/check", body: body), status: 400)
        }
        guard let day else {
            body += "<p class=\"bad\">\(t("bad.date"))</p>"
            return .html(Layout.page(title: t("title"), ctx, active: "/check", body: body), status: 400)
        }
        let sets = library.applicable(kind: kind, on: day)
        guard !sets.isEmpty else {
            body += "<p class=\"bad\">\(t("none"))</p>"
            return .html(Layout.page(title: t("title"), ctx, active: "/check", body: body), status: status)
        }
        body +=
            "<p>\(t("sets"))"
            + sets.map { "<strong>\(HTML.h($0.title))</strong> \(HTML.h($0.id)) \(HTML.h($0.version))" }
            .joined(separator: "；") + "</p>"
        let hidden =
            "\(ctx.csrfField)<input type=\"hidden\" name=\"kind\" value=\"\(HTML.h(kind))\">"
            + "<input type=\"hidden\" name=\"date\" value=\"\(HTML.h(date))\">"
        body += "<form method=\"post\" action=\"\(ctx.url("/check"))\" id=\"decision-form\" novalidate>\(hidden)"
        body += "<h2>\(t("fill"))</h2><fieldset><legend>\(t("basics"))</legend>"
        let form = SchemaForm(values: values, problems: problems, lang: ctx.lang)
        body += form.render([
            WebField(name: "id", type: .string, optional: false, label: t("id")),
            WebField(name: "unit", type: .string, optional: true, description: t("unit.hint"), label: t("unit")),
        ])
        body += "</fieldset>" + form.render(schema)
        body += "<p><button type=\"submit\" class=\"primary\">\(t("submit"))</button></p></form>"
        body +=
            "<form method=\"post\" action=\"\(ctx.url("/check"))\" enctype=\"multipart/form-data\" class=\"noprint\">"
        body += "\(hidden)<fieldset><legend>\(t("file"))</legend><div class=\"field\"><label for=\"decision-file\">"
        body +=
            "\(t("file.label"))</label><input type=\"file\" id=\"decision-file\" name=\"file\" accept=\".yaml,.yml,.json\"></div>"
        body += "<button type=\"submit\">\(t("file.submit"))</button></fieldset></form>"
        return .html(Layout.page(title: t("title"), ctx, active: "/check", body: body), status: status)
    }

    /// POST: check the form or the file, record it, show the verdict (or the form again with its problems).
    static func submit(
        _ request: WebRequest, _ ctx: PageContext, library: RuleLibrary, recording: () throws -> Recording?
    ) -> WebResponse {
        let t = { (k: String) in text(k, ctx.lang) }
        let kind = request.form["kind"] ?? ""
        let date = request.form["date"] ?? ""
        let document: (name: String, bytes: [UInt8], json: Bool)
        var built: FormDecision?
        if let file = request.files.first(where: { $0.field == "file" }) {
            let name = file.filename.isEmpty ? "decision.yaml" : file.filename
            document = (name, file.bytes, DecisionFile.isJSON(name))
        } else if request.form["kind"] != nil, let day = CELDate(iso: date), library.kinds.contains(kind) {
            let decision = FormDecision.build(
                request.form, schema: SchemaUnion.of(library.applicable(kind: kind, on: day)), kind: kind, date: date)
            built = decision
            document = ("form.yaml", Array(decision.yaml.utf8), false)
        } else {
            return page(
                ctx, library: library, kind: kind, date: date, values: request.form, problems: [:],
                general: [t(request.form["kind"] == nil ? "file.none" : "bad.date")], status: 400)
        }
        let outcome: CheckOutcome
        do {
            outcome = try CheckJob.run(documents: [document], library: library, recording: recording())
        } catch let failure as RecordingFailure {
            return unavailable(ctx, t("trail.down") + failure.error.message)
        } catch {
            return unavailable(ctx, t("trail.down") + String(describing: error))
        }
        guard let checked = outcome.decisions.first else { return unavailable(ctx, t("trail.down")) }
        let result = checked.result
        if result.verdict == .invalid, let built {
            var problems: [String: [String]] = [:]
            var general: [String] = []
            for d in result.masked().diagnostics where d.severity == .error {
                if let path = FieldProblems.path(of: d, lines: built.lines) {
                    problems[path, default: []].append(FieldProblems.message(d, ctx.lang))
                } else {
                    general.append(FieldProblems.message(d, ctx.lang))
                }
            }
            return page(
                ctx, library: library, kind: kind, date: date, values: request.form, problems: problems,
                general: general, status: 422)
        }
        let shownKind = result.kind.map { Self.kindLabel($0, library, ctx.lang) }
        let sent = (document.name, String(decoding: document.bytes, as: UTF8.self), document.json)
        let explainable = result.results.contains { $0.outcome != .passed } && document.bytes.count <= 256 * 1024
        var body = VerdictView.render(
            result, receipt: outcome.receipts.first, kindLabel: shownKind, explainable: explainable ? sent : nil, ctx)
        body +=
            "<p class=\"noprint\"><a href=\"\(ctx.url("/check"))?kind=\(FormFields.encode(kind))&amp;date="
            + "\(FormFields.encode(date))\">\(t("again"))</a></p>"
        return .html(Layout.page(title: t("title"), ctx, active: "/check", body: body))
    }

    static func unavailable(_ ctx: PageContext, _ message: String) -> WebResponse {
        .html(
            Layout.page(
                title: text("title", ctx.lang), ctx, body: "<p class=\"bad\" role=\"alert\">\(HTML.h(message))</p>"),
            status: 503)
    }
}

/// The input fields of several rule sets as one form: fields in first-seen order, objects merged by name.
enum SchemaUnion {
    static func of(_ sets: [RuleSet]) -> ObjectSchema {
        sets.reduce(ObjectSchema()) { merge($0, $1.input) }
    }

    static func merge(_ a: ObjectSchema, _ b: ObjectSchema) -> ObjectSchema {
        var out = a
        for f in b.fields {
            guard let i = out.fields.firstIndex(where: { $0.name == f.name }) else {
                out.fields.append(f)
                continue
            }
            switch (out.fields[i].type, f.type) {
            case (.object(let x), .object(let y)): out.fields[i].type = .object(merge(x, y))
            case (.list(.object(let x)), .list(.object(let y))): out.fields[i].type = .list(.object(merge(x, y)))
            default: break
            }
            out.fields[i].optional = out.fields[i].optional && f.optional
            out.fields[i].label = out.fields[i].label ?? f.label
            out.fields[i].description = out.fields[i].description ?? f.description
        }
        return out
    }
}

/// Which form field a diagnostic is about: the field path it names in backticks, else the line it points at.
enum FieldProblems {
    static func path(of d: Diagnostic, lines: [Int: String]) -> String? {
        if let named = firstQuoted(d.message),
            lines.values.contains(where: { $0 == named || $0.hasPrefix(named + ".") })
                || d.code == "decision.missing-field"
        {
            return named
        }
        if let line = d.location?.line, let path = lines[line] { return path }
        return nil
    }

    static func firstQuoted(_ s: String) -> String? {
        let parts = s.split(separator: "`", omittingEmptySubsequences: false)
        return parts.count >= 3 ? String(parts[1]) : nil
    }

    /// The diagnostic as a person reads it beside a field: in Chinese the short text for its code, else the
    /// engine's message and its help (the help about quotes is left out: a form has none).
    static func message(_ d: Diagnostic, _ lang: Lang) -> String {
        if lang == .zh, let text = chinese[d.code] { return text }
        guard let help = d.help, help != "remove the quotes" else { return d.message }
        return d.message + " (" + help + ")"
    }

    /// Short Chinese texts for the problems a form can have; the engine's own message otherwise (issue 21 will
    /// translate those).
    static let chinese: [String: String] = [
        "decision.missing-field": "必填项未填写",
        "decision.bad-date": "日期须按 年-月-日 填写",
        "decision.type-mismatch": "填写的内容与该项的类型不符",
        "decision.bad-enum": "不是可选的值之一",
        "decision.number-ambiguous": "数字不能以 0 开头",
    ]
}
