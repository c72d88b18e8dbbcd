import Bylaw

/// The type that the rule sets' input schemas give each field path, so that a column's cells are read by the
/// type of the field they fill (dates as dates, amounts as amounts). Paths whose rule sets disagree on the type
/// have none: their cells are read as written.
public struct FieldTypeIndex: Sendable {
    /// Types by path, list items written `[]` (`approvals.[].date`); nil where rule sets disagree.
    private var types: [String: FieldType?] = [:]

    /// The index of the rule sets for `kind` (all rule sets when nil), with the fields every decision has.
    public init(library: RuleLibrary, kind: String?) {
        types = ["date": .date, "id": .string, "unit": .string, "kind": .string]
        for set in library.ruleSets where kind == nil || set.appliesTo == kind {
            add(set.input, prefix: "")
        }
    }

    private mutating func add(_ schema: ObjectSchema, prefix: String) {
        for field in schema.fields {
            add(field.type, at: prefix.isEmpty ? field.name : prefix + "." + field.name)
        }
    }

    private mutating func add(_ type: FieldType, at path: String) {
        switch type {
        case .object(let schema):
            add(schema, prefix: path)
        case .list(let item):
            add(item, at: path + ".[]")
        default:
            if let known = types[path] {
                if known != type { types[path] = .some(nil) }
            } else {
                types[path] = type
            }
        }
    }

    /// The scalar type of `path`, if the rule sets agree on one.
    public func type(of path: FieldPath) -> FieldType? {
        let key = path.segments.map { segment in
            switch segment {
            case .field(let name): name
            case .index: "[]"
            }
        }.joined(separator: ".")
        return types[key] ?? nil
    }
}
