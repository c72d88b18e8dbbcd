import Bylaw

/// The fields a kind's decisions have, with the names people give them: each leaf of the input schemas of the
/// rule sets for the kind (its `label` and `aliases`), and the fields every decision has (`id`, `date`, `unit`)
/// with the headers offices use for them. `bylaw map init` matches column headers against these names.
struct FieldCatalog {
    struct Field {
        var path: String
        var type: FieldType
        /// Label first, then aliases.
        var names: [String]
    }

    var fields: [Field] = []

    /// Headers offices give the fields every decision has.
    static let common: [Field] = [
        Field(path: "id", type: .string, names: ["编号", "处置编号", "文号", "决定编号", "事项编号", "序号编号"]),
        Field(path: "date", type: .date, names: ["决策日期", "决定日期", "申请日期", "日期"]),
        Field(path: "unit", type: .string, names: ["单位", "所属单位", "单位路径", "单位名称"]),
    ]

    init(library: RuleLibrary, kind: String) {
        fields = Self.common
        var seen = Set(fields.map(\.path))
        for set in library.ruleSets where set.appliesTo == kind {
            add(set.input, prefix: "", seen: &seen)
        }
    }

    private mutating func add(_ schema: ObjectSchema, prefix: String, seen: inout Set<String>) {
        for spec in schema.fields {
            let path = prefix + spec.name
            switch spec.type {
            case .object(let inner):
                add(inner, prefix: path + ".", seen: &seen)
            case .list:
                continue  // list items take indexed columns (`approvals.0.body`): left to the auditor
            default:
                guard seen.insert(path).inserted else { continue }
                fields.append(Field(path: path, type: spec.type, names: [spec.label].compactMap { $0 } + spec.aliases))
            }
        }
    }

    /// A header as compared: without spaces (full-width too) and without a bracketed note such as `（元）` or
    /// `(万元)`, unless the brackets are all there is.
    static func normalized(_ text: String) -> String {
        var out = ""
        var depth = 0
        for c in text {
            switch c {
            case "(", "（", "[", "【": depth += 1
            case ")", "）", "]", "】": depth = max(0, depth - 1)
            case " ", "\u{3000}", "\t": continue
            default: if depth == 0 { out.append(c) }
            }
        }
        return out.isEmpty ? text : out.lowercased()
    }

    /// The field a header names and how (`label`, `alias`, `normalized`, `path`, `name`): exactly by a label or
    /// alias, then after normalising both, then by the field's path or last name (`asset.book_value`,
    /// `book_value`).
    func match(_ header: String) -> (field: Field, how: String)? {
        for field in fields {
            if let k = field.names.firstIndex(of: header) { return (field, k == 0 ? "label" : "alias") }
        }
        let wanted = Self.normalized(header)
        for field in fields where field.names.contains(where: { Self.normalized($0) == wanted }) {
            return (field, "normalized")
        }
        if let field = fields.first(where: { $0.path == header }) { return (field, "path") }
        let last = fields.filter { $0.path.split(separator: ".").last.map(String.init) == header }
        if last.count == 1, let field = last.first { return (field, "name") }
        return nil
    }
}
