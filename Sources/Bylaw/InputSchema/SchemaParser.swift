import BylawCEL
import BylawDiagnostics
import BylawYAML

/// Reads a rule set's `input:` section into an `ObjectSchema`.
package enum SchemaParser {
    package static let scalarTypes: [String: FieldType] = [
        "bool": .bool, "int": .int, "decimal": .decimal, "string": .string, "date": .date,
    ]
    static let specKeys: Set<String> = [
        "type", "enum", "list", "fields", "optional", "description", "label", "aliases", "min",
    ]
    /// Names expressions give to something else, so no top-level decision field may take them: it would be
    /// hidden, or would hide the built-in.
    static let reservedNames: Set<String> = ["decision", "params", "today", "it"]

    /// The fields of an object given as a mapping of names to specs.
    static func object(_ node: YAMLNode, path: String, into diags: inout [Diagnostic]) -> ObjectSchema {
        guard let mapping = node.mapping else {
            diags.append(
                .error("schema.expected-mapping", "`\(path)` must be a mapping of field names", at: node.location))
            return ObjectSchema()
        }
        var schema = ObjectSchema()
        for pair in mapping {
            guard var name = pair.key.scalar?.text else { continue }
            var optional = false
            if name.hasSuffix("?") {
                name.removeLast()
                optional = true
            }
            guard isIdentifier(name) else {
                diags.append(
                    .error(
                        "schema.bad-field-name", "`\(name)` is not a valid field name", at: pair.key.location,
                        help:
                            "use ASCII letters, digits and `_`, starting with a letter, so that expressions can name it"
                    ))
                continue
            }
            if path.isEmpty, reservedNames.contains(name) {
                diags.append(
                    .error(
                        "schema.reserved-field-name", "`\(name)` cannot be a decision field: expressions use that name",
                        at: pair.key.location,
                        help: "`decision`, `params`, `today` and a table cell's `it` are built in; rename the field"))
                continue
            }
            let full = path.isEmpty ? name : path + "." + name
            guard var spec = field(pair.value, path: full, into: &diags) else { continue }
            spec.name = name
            spec.optional = spec.optional || optional
            schema.fields.append(spec)
        }
        return schema
    }

    /// One field's spec: a type name or a mapping.
    static func field(_ node: YAMLNode, path: String, into diags: inout [Diagnostic]) -> FieldSpec? {
        if let scalar = node.scalar {
            guard let type = scalarTypes[scalar.text] else {
                let guess = Spelling.closest(to: scalar.text, among: scalarTypes.keys)
                diags.append(
                    .error(
                        "schema.unknown-type", "unknown type `\(scalar.text)` for `\(path)`", at: node.location,
                        length: scalar.text.unicodeScalars.count,
                        help: guess.map { "did you mean `\($0)`?" }
                            ?? "types are bool, int, decimal, string, date, {enum: […]}, {list: …} or a mapping of fields"
                    ))
                return nil
            }
            return FieldSpec(name: "", type: type, optional: false, description: nil)
        }
        guard let mapping = node.mapping else {
            diags.append(.error("schema.bad-type", "`\(path)` must be a type name or a mapping", at: node.location))
            return nil
        }
        let keys = Set(mapping.compactMap { $0.key.scalar?.text })
        guard !keys.isEmpty, keys.isSubset(of: specKeys) else {
            // Shorthand: a mapping of field names is an object.
            return FieldSpec(
                name: "", type: .object(object(node, path: path, into: &diags)), optional: false, description: nil)
        }
        guard var f = Fields(node, what: "the spec of `\(path)`", into: &diags) else { return nil }
        let description = f.string("description", required: false, in: "", into: &diags)
        let label = f.string("label", required: false, in: "", into: &diags)
        var aliases: [String] = []
        if let a = f.optional("aliases") {
            if let items = a.sequence {
                aliases = items.compactMap { Fields.text($0, what: "an alias", into: &diags) }
            } else {
                diags.append(.error("schema.bad-aliases", "`aliases` must be a list of texts", at: a.location))
            }
        }
        var optional = false
        if let o = f.optional("optional") {
            optional = o.scalar?.boolValue ?? false
            if o.scalar?.boolValue == nil {
                diags.append(.error("schema.expected-bool", "`optional` must be true or false", at: o.location))
            }
        }
        var type: FieldType?
        let forms = ["type", "enum", "list", "fields"].filter { keys.contains($0) }
        if forms.count != 1 {
            diags.append(
                .error(
                    "schema.bad-type", "the spec of `\(path)` needs exactly one of `type`, `enum`, `list` or `fields`",
                    at: node.location))
        } else if let t = f.optional("type") {
            type = field(t, path: path, into: &diags)?.type
        } else if let e = f.optional("enum") {
            type = enumeration(e, path: path, into: &diags)
        } else if let l = f.optional("list") {
            type = field(l, path: path + "[]", into: &diags).map { .list($0.type) }
        } else if let o = f.optional("fields") {
            type = .object(object(o, path: path, into: &diags))
        }
        var minimum: CELDecimal?
        if let m = f.optional("min") {
            let text = m.scalar?.text ?? ""
            if type != .int && type != .decimal {
                diags.append(
                    .error(
                        "schema.bad-min", "`min` of `\(path)` is only for an `int` or a `decimal` field", at: m.location
                    ))
            } else if m.scalar?.style != .plain || CELDecimal(text) == nil || (type == .int && Int64(text) == nil) {
                diags.append(
                    .error(
                        "schema.bad-min",
                        "`min` of `\(path)` must be \(type == .int ? "an integer" : "a number"), not `\(text.prefix(40))`"
                            + (m.scalar?.style == .plain ? "" : " in quotes"),
                        at: m.location,
                        help: type == .int ? "an integer such as `0` or `1`" : "a plain decimal such as `0` or `0.01`"))
            } else {
                minimum = CELDecimal(text)
            }
        }
        f.reportUnknownKeys(in: "the spec of `\(path)`", into: &diags)
        guard let type else { return nil }
        var spec = FieldSpec(
            name: "", type: type, optional: optional, description: description, label: label, aliases: aliases)
        spec.minimum = minimum
        return spec
    }

    static func enumeration(_ node: YAMLNode, path: String, into diags: inout [Diagnostic]) -> FieldType? {
        guard let items = node.sequence, !items.isEmpty else {
            diags.append(
                .error("schema.bad-enum", "`enum` of `\(path)` must be a non-empty list of values", at: node.location))
            return nil
        }
        var values: [String] = []
        for item in items {
            guard let text = Fields.text(item, what: "an enum value", into: &diags) else { continue }
            if values.contains(text) {
                diags.append(.error("schema.duplicate-enum", "enum value `\(text)` is listed twice", at: item.location))
            }
            values.append(text)
        }
        return .enumeration(values)
    }

    /// ASCII letters, digits and `_`, starting with a letter or `_`: a name CEL can read.
    static func isIdentifier(_ s: String) -> Bool {
        func letter(_ c: Unicode.Scalar) -> Bool { c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
        guard let first = s.unicodeScalars.first, letter(first) else { return false }
        return s.unicodeScalars.allSatisfy { letter($0) || ("0"..."9").contains($0) }
    }
}
