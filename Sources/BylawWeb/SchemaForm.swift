import Bylaw

/// The form made from an input schema: one labelled control per field (dates as date inputs, enums and
/// booleans as selects, decimals as text that is sent exactly as typed), objects as fieldsets and lists as
/// repeatable groups. Control names are the field paths the engine's diagnostics use (`a.b`, `a.list[0].c`),
/// so a problem finds its field.
struct SchemaForm {
    var values: FormFields
    /// Problems by field path, shown beside their control.
    var problems: [String: [String]]
    var lang: Lang

    func render(_ schema: ObjectSchema, prefix: String = "") -> String {
        render(schema.fields.map(WebField.init), prefix: prefix)
    }

    func render(_ fields: [WebField], prefix: String = "") -> String {
        fields.map { render($0, path: prefix.isEmpty ? $0.name : prefix + "." + $0.name) }.joined()
    }

    private func render(_ spec: WebField, path: String) -> String {
        switch spec.type {
        case .object(let inner):
            return "<fieldset id=\"f-\(HTML.id(path))\"><legend>\(caption(spec))</legend>\(note(spec))"
                + problemList(path) + render(inner, prefix: path) + "</fieldset>"
        case .list(let item):
            return list(spec, item: item, path: path)
        default:
            return control(spec, path: path)
        }
    }

    private func caption(_ spec: WebField) -> String {
        let optional = spec.optional ? " <span class=\"muted\">\(Words.text("web.form.optional", lang))</span>" : ""
        if let label = spec.label { return HTML.h(label) + optional }
        return "<code>\(HTML.h(spec.name))</code>" + optional
    }

    private func note(_ spec: WebField) -> String {
        spec.description.map { "<p class=\"hint\">\(HTML.h($0))</p>" } ?? ""
    }

    private func problemList(_ path: String) -> String {
        (problems[path] ?? []).map { "<p class=\"problem\" role=\"alert\">\(HTML.h($0))</p>" }.joined()
    }

    /// One scalar field: label, control, hint and its problems.
    private func control(_ spec: WebField, path: String) -> String {
        let id = "f-" + HTML.id(path)
        let hintID = id + "-hint"
        let bad = problems[path] != nil
        var hint = spec.description ?? ""
        if spec.type == .decimal {
            hint += (hint.isEmpty ? "" : Words.text("web.separator", lang)) + Words.text("web.form.decimal", lang)
        }
        let described = hint.isEmpty && !bad ? "" : " aria-describedby=\"\(hintID)\""
        let invalid = bad ? " aria-invalid=\"true\"" : ""
        let input = widget(spec.type, name: path, id: id, attributes: described + invalid)
        return "<div class=\"field\(bad ? " bad" : "")\"><label for=\"\(id)\">\(caption(spec))</label>\(input)"
            + (hint.isEmpty ? "" : "<span class=\"hint\" id=\"\(hintID)\">\(HTML.h(hint))</span>")
            + (bad && hint.isEmpty ? "<span id=\"\(hintID)\" hidden></span>" : "") + problemList(path) + "</div>"
    }

    private func widget(_ type: FieldType, name: String, id: String, attributes: String) -> String {
        let value = values[name] ?? ""
        let common = "name=\"\(HTML.h(name))\" id=\"\(id)\"\(attributes)"
        switch type {
        case .date:
            return "<input type=\"date\" \(common) value=\"\(HTML.h(value))\">"
        case .int:
            return "<input type=\"text\" inputmode=\"numeric\" \(common) value=\"\(HTML.h(value))\">"
        case .decimal:
            return "<input type=\"text\" inputmode=\"decimal\" \(common) value=\"\(HTML.h(value))\">"
        case .bool:
            return select(
                common, value: value,
                options: [("true", Words.text("web.form.yes", lang)), ("false", Words.text("web.form.no", lang))])
        case .enumeration(let options):
            return select(common, value: value, options: options.map { ($0, $0) })
        default:
            return "<input type=\"text\" \(common) value=\"\(HTML.h(value))\">"
        }
    }

    private func select(_ common: String, value: String, options: [(String, String)]) -> String {
        var out = "<select \(common)><option value=\"\">\(Words.text("web.form.unset", lang))</option>"
        for (v, shown) in options {
            out += "<option value=\"\(HTML.h(v))\"\(v == value ? " selected" : "")>\(HTML.h(shown))</option>"
        }
        return out + "</select>"
    }

    /// A list: the items sent (at least one), a template for more, and add and remove buttons.
    private func list(_ spec: WebField, item: FieldType, path: String) -> String {
        let id = "l-" + HTML.id(path)
        let sent = Self.indices(of: path, in: values)
        let shown = sent.isEmpty ? [0] : sent
        let next = (shown.max() ?? 0) + 1
        var out = "<fieldset id=\"f-\(HTML.id(path))\"><legend>\(caption(spec))</legend>\(note(spec))"
        out += "<p class=\"hint\">\(Words.text("web.form.list.empty", lang))</p>" + problemList(path)
        out += "<div id=\"\(id)\" data-next=\"\(next)\">"
        for (n, i) in shown.enumerated() { out += listItem(item, path: path, index: String(i), number: String(n + 1)) }
        out +=
            "<template>"
            + SchemaForm(values: FormFields(), problems: [:], lang: lang)
            .listItem(item, path: path, index: "__INDEX__", number: "__NUMBER__") + "</template></div>"
        out += "<button type=\"button\" data-add=\"\(id)\">\(Words.text("web.form.add", lang))</button></fieldset>"
        return out
    }

    private func listItem(_ item: FieldType, path: String, index: String, number: String) -> String {
        let itemPath = path + "[" + index + "]"
        let title = Words.text("web.form.item", lang, number)
        var out = "<div class=\"item\" data-index=\"\(index)\" role=\"group\" aria-label=\"\(HTML.h(title))\">"
        switch item {
        case .object(let inner):
            out += "<p><strong>\(HTML.h(title))</strong></p>" + render(inner, prefix: itemPath)
        default:
            out += control(WebField(name: title, type: item, optional: true, label: title), path: itemPath)
        }
        return out + "<button type=\"button\" data-remove>\(Words.text("web.form.remove", lang))</button></div>"
    }

    /// What a person calls the field at `path` (`candidate.recent_ratings[1].year`): the labels of each step,
    /// with list items numbered (`拟提拔人选 › 近年年度考核 第 2 项 › 年度`); field names where there is no label.
    static func caption(of path: String, in schema: ObjectSchema, lang: Lang) -> String {
        var fields = schema.fields.map(WebField.init)
        var out: [String] = []
        for step in path.split(separator: ".") {
            let name = step.prefix { $0 != "[" }
            guard let f = fields.first(where: { $0.name == name }) else {
                out.append(String(step))
                continue
            }
            var text = f.label ?? f.name
            var type = f.type
            if case .list(let item) = type {
                if let open = step.firstIndex(of: "["),
                    let n = Int(step[step.index(after: open)...].prefix { $0 != "]" })
                {
                    text += " " + Words.text("web.form.item", lang, String(n + 1))
                }
                type = item
            }
            out.append(text)
            if case .object(let inner) = type { fields = inner.fields.map(WebField.init) } else { fields = [] }
        }
        return out.joined(separator: " › ")
    }

    /// The item indices sent for list `path` (`path[3]…`), in order.
    static func indices(of path: String, in values: FormFields) -> [Int] {
        let prefix = path + "["
        var found: Set<Int> = []
        for (name, _) in values.pairs where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            if let close = rest.firstIndex(of: "]"), let n = Int(rest[..<close]), n >= 0, n < 10_000 {
                found.insert(n)
            }
        }
        return found.sorted()
    }
}

/// One field as the form shows it: a declared input field, or one of the common fields the page adds.
struct WebField {
    var name: String
    var type: FieldType
    var optional: Bool
    var description: String? = nil
    var label: String? = nil

    init(name: String, type: FieldType, optional: Bool, description: String? = nil, label: String? = nil) {
        self.name = name
        self.type = type
        self.optional = optional
        self.description = description
        self.label = label
    }

    init(_ spec: FieldSpec) {
        self.init(
            name: spec.name, type: spec.type, optional: spec.optional, description: spec.description, label: spec.label)
    }
}
