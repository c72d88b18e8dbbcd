import Bylaw
import BylawDiagnostics

/// Turns a submitted form into the decision document the engine reads: YAML, one field per line, guided by the
/// schema so each value is written as its type expects (numbers and dates plain when they look like one, all
/// text quoted). Empty controls are left out, so a missing field is reported by the engine as missing.
/// `lines` maps each line of the document to the field path written there, so a diagnostic finds its field.
struct FormDecision {
    var yaml = ""
    var lines: [Int: String] = [:]
    private var line = 0

    static func build(_ form: FormFields, schema: ObjectSchema, kind: String, date: String) -> FormDecision {
        var d = FormDecision()
        d.emit("kind: " + quoted(kind), path: "kind", indent: 0)
        for key in ["id", "unit"] {
            if let v = form[key]?.trimmed, !v.isEmpty { d.emit(key + ": " + quoted(v), path: key, indent: 0) }
        }
        d.emit("date: " + scalar(date, type: .date), path: "date", indent: 0)
        d.object(schema, form: form, prefix: "", indent: 0)
        return d
    }

    private mutating func emit(_ text: String, path: String, indent: Int) {
        yaml += String(repeating: " ", count: indent) + text + "\n"
        line += 1
        lines[line] = path
    }

    /// Writes the fields of `schema` that the form gives; returns whether any value was written.
    @discardableResult
    private mutating func object(_ schema: ObjectSchema, form: FormFields, prefix: String, indent: Int) -> Bool {
        var wrote = false
        for spec in schema.fields {
            let path = prefix.isEmpty ? spec.name : prefix + "." + spec.name
            switch spec.type {
            case .object(let inner):
                guard Self.hasValue(under: path + ".", in: form) else { continue }
                emit(spec.name + ":", path: path, indent: indent)
                object(inner, form: form, prefix: path, indent: indent + 2)
                wrote = true
            case .list(let item):
                let items = SchemaForm.indices(of: path, in: form).filter {
                    Self.hasValue(under: path + "[\($0)]", in: form)
                }
                if items.isEmpty {
                    if !spec.optional { emit(spec.name + ": []", path: path, indent: indent) }
                    continue
                }
                emit(spec.name + ":", path: path, indent: indent)
                for i in items { listItem(item, form: form, path: path + "[\(i)]", indent: indent + 2) }
                wrote = true
            default:
                guard let v = form[path]?.trimmed, !v.isEmpty else { continue }
                emit(spec.name + ": " + Self.scalar(v, type: spec.type), path: path, indent: indent)
                wrote = true
            }
        }
        return wrote
    }

    private mutating func listItem(_ item: FieldType, form: FormFields, path: String, indent: Int) {
        switch item {
        case .object(let inner):
            emit("-", path: path, indent: indent)
            object(inner, form: form, prefix: path, indent: indent + 2)
        default:
            emit("- " + Self.scalar(form[path]?.trimmed ?? "", type: item), path: path, indent: indent)
        }
    }

    /// Whether any control at or under `prefix` has a value.
    static func hasValue(under prefix: String, in form: FormFields) -> Bool {
        form.pairs.contains { $0.name.hasPrefix(prefix) && !$0.value.trimmed.isEmpty }
    }

    /// A value as YAML: plain when it is what the type expects (the engine then reads it exactly), quoted
    /// otherwise, so that `abc` in a number field is reported as wrong rather than read as something else.
    static func scalar(_ v: String, type: FieldType) -> String {
        switch type {
        case .int, .decimal:
            let ok = !v.isEmpty && v.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }
            return ok ? v : quoted(v)
        case .date:
            let ok = v.count == 10 && v.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-") }
            return ok ? v : quoted(v)
        case .bool:
            return v == "true" || v == "false" ? v : quoted(v)
        default:
            return quoted(v)
        }
    }

    /// A double-quoted YAML string: a JSON string, which YAML reads as written.
    static func quoted(_ s: String) -> String { JSONText.quote(s) }
}

extension String {
    /// The text with CR LF and lone CR as LF: browsers send a textarea's lines ended by CR LF.
    var unixNewlines: String {
        replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    var trimmed: String { Substring(self).trimmingSpaces.trimmingCharacters(in: "\t\r\n") }

    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
