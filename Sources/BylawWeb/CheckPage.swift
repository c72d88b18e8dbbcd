import Bylaw
import BylawAudit
import BylawCEL
import BylawDiagnostics
import BylawJobs
import BylawLocale

/// 审查一份决定: choose a kind and a date, fill the form made from the input schema of the rule sets in force
/// (or send a YAML or JSON file), and read the verdict. Checking goes through `CheckJob`, as `bylaw check` and
/// `POST /v1/check` do, and is recorded before it is shown.
enum CheckPage {
    static func kindLabel(_ kind: String, _ library: RuleLibrary, _ lang: Lang) -> String {
        let titles = library.ruleSets.filter { $0.appliesTo == kind }.map(\.title)
        guard let title = titles.max(by: { $0.count > $1.count }) else { return kind }
        return Words.text("web.check.kind.label", lang, title, kind)
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
        let w = { (id: String) in Words.text(id, ctx.lang) }
        let day = CELDate(iso: date)
        let schema = day.map { SchemaUnion.of(library.applicable(kind: kind, on: $0)) } ?? ObjectSchema()
        var body = ""
        let count = general.count + problems.values.reduce(0) { $0 + $1.count }
        if count > 0 {
            body +=
                "<div class=\"problems\" role=\"alert\" id=\"problems\"><p>"
                + HTML.h(Words.text("web.check.problems", ctx.lang, String(count))) + "</p><ul>"
            for p in general { body += "<li>\(HTML.h(p))</li>" }
            for (path, list) in problems.sorted(by: { $0.key < $1.key }) {
                let shown = SchemaForm.caption(of: path, in: schema, lang: ctx.lang)
                for p in list {
                    let link = "<a href=\"#f-\(HTML.id(path))\">\(HTML.h(shown))</a>"
                    body += "<li>\(Words.text("web.labelled", ctx.lang, link, HTML.h(p)))</li>"
                }
            }
            body += "</ul></div>"
        }
        body +=
            "<form method=\"get\" action=\"\(ctx.url("/check"))\" class=\"noprint\"><fieldset><legend>\(w("web.check.choose"))</legend>"
        body +=
            "<div class=\"field\"><label for=\"kind\">\(w("web.check.kind"))</label><select id=\"kind\" name=\"kind\" data-autosubmit>"
        body += "<option value=\"\"></option>"
        for k in library.kinds {
            body +=
                "<option value=\"\(HTML.h(k))\"\(k == kind ? " selected" : "")>\(HTML.h(kindLabel(k, library, ctx.lang)))</option>"
        }
        body += "</select></div><div class=\"field\"><label for=\"date\">\(w("web.check.date"))</label>"
        body += "<input type=\"date\" id=\"date\" name=\"date\" value=\"\(HTML.h(date))\" data-autosubmit></div>"
        body += "<button type=\"submit\">\(w("web.check.show"))</button></fieldset></form>"
        guard !kind.isEmpty, !date.isEmpty else {
            return .html(Layout.page(title: w("web.check.title"), ctx, active: "/check", body: body), status: status)
        }
        guard library.kinds.contains(kind) else {
            body += "<p class=\"bad\">\(w("web.check.bad.kind"))</p>"
            return .html(Layout.page(title: w("web.check.title"), ctx, active: "/check", body: body), status: 400)
        }
        guard let day else {
            body += "<p class=\"bad\">\(w("web.check.bad.date"))</p>"
            return .html(Layout.page(title: w("web.check.title"), ctx, active: "/check", body: body), status: 400)
        }
        let sets = library.applicable(kind: kind, on: day)
        guard !sets.isEmpty else {
            body += "<p class=\"bad\">\(w("web.check.none"))</p>"
            return .html(Layout.page(title: w("web.check.title"), ctx, active: "/check", body: body), status: status)
        }
        body +=
            "<p>\(w("web.check.sets"))"
            + sets.map { "<strong>\(HTML.h($0.title))</strong> \(HTML.h($0.id)) \(HTML.h($0.version))" }
            .joined(separator: w("web.separator")) + "</p>"
        let hidden =
            "\(ctx.csrfField)<input type=\"hidden\" name=\"kind\" value=\"\(HTML.h(kind))\">"
            + "<input type=\"hidden\" name=\"date\" value=\"\(HTML.h(date))\">"
        body += "<form method=\"post\" action=\"\(ctx.url("/check"))\" id=\"decision-form\" novalidate>\(hidden)"
        body += "<h2>\(w("web.check.fill"))</h2><fieldset><legend>\(w("web.check.basics"))</legend>"
        let form = SchemaForm(values: values, problems: problems, lang: ctx.lang)
        body += form.render([
            WebField(name: "id", type: .string, optional: false, label: w("web.check.id")),
            WebField(
                name: "unit", type: .string, optional: true, description: w("web.check.unit.hint"),
                label: w("web.check.unit")),
        ])
        body += "</fieldset>" + form.render(schema)
        body += "<p><button type=\"submit\" class=\"primary\">\(w("web.check.submit"))</button></p></form>"
        body +=
            "<form method=\"post\" action=\"\(ctx.url("/check"))\" enctype=\"multipart/form-data\" class=\"noprint\">"
        body +=
            "\(hidden)<fieldset><legend>\(w("web.check.file"))</legend><div class=\"field\"><label for=\"decision-file\">"
        body +=
            "\(w("web.check.file.label"))</label><input type=\"file\" id=\"decision-file\" name=\"file\" accept=\".yaml,.yml,.json\"></div>"
        body += "<button type=\"submit\">\(w("web.check.file.submit"))</button></fieldset></form>"
        return .html(Layout.page(title: w("web.check.title"), ctx, active: "/check", body: body), status: status)
    }

    /// POST: check the form or the file, record it, show the verdict (or the form again with its problems).
    static func submit(
        _ request: WebRequest, _ ctx: PageContext, library: RuleLibrary, recording: () throws -> Recording?
    ) -> WebResponse {
        let w = { (id: String) in Words.text(id, ctx.lang) }
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
                general: [request.form["kind"] == nil ? w("web.check.file.none") : w("web.check.bad.date")], status: 400
            )
        }
        let outcome: CheckOutcome
        do {
            outcome = try CheckJob.run(documents: [document], library: library, recording: recording())
        } catch let failure as RecordingFailure {
            return unavailable(
                ctx, Words.text("web.check.trail.down", ctx.lang, failure.error.text(in: ctx.lang.language)))
        } catch {
            return unavailable(ctx, Words.text("web.check.trail.down", ctx.lang, String(describing: error)))
        }
        guard let checked = outcome.decisions.first else {
            return unavailable(ctx, Words.text("web.check.trail.down", ctx.lang, ""))
        }
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
            + "\(FormFields.encode(date))\">\(w("web.check.again"))</a></p>"
        return .html(Layout.page(title: w("web.check.title"), ctx, active: "/check", body: body))
    }

    static func unavailable(_ ctx: PageContext, _ message: String) -> WebResponse {
        .html(
            Layout.page(
                title: Words.text("web.check.title", ctx.lang), ctx,
                body: "<p class=\"bad\" role=\"alert\">\(HTML.h(message))</p>"),
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
        let message = d.message(in: lang.language)
        guard let help = d.help, help != "remove the quotes" else { return message }
        return Words.text("web.parenthesis", lang, message, DiagnosticWording.help(help, lang.language))
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
