import BylawCEL

/// The type of one decision field, as a rule set's `input` declares it.
public indirect enum FieldType: Sendable, Equatable, CustomStringConvertible {
    case bool
    case int
    case decimal
    case string
    case date
    case enumeration([String])
    case list(FieldType)
    case object(ObjectSchema)

    public var description: String {
        switch self {
        case .bool: "bool"
        case .int: "int"
        case .decimal: "decimal"
        case .string: "string"
        case .date: "date"
        case .enumeration(let values): "one of " + values.map { "`\($0)`" }.joined(separator: ", ")
        case .list(let item): "list of \(item)"
        case .object: "object"
        }
    }

    /// The CEL type expressions see for a field of this type.
    func celType(named name: String) -> CELType {
        switch self {
        case .bool: .bool
        case .int: .int
        case .decimal: .decimal
        case .string, .enumeration: .string
        case .date: .date
        case .list(let item): .list(item.celType(named: name + "[]"))
        case .object(let schema): .object(schema.celObjectType(named: name))
        }
    }
}

/// One declared field of an object.
public struct FieldSpec: Sendable, Equatable {
    public var name: String
    public var type: FieldType
    public var optional: Bool
    public var description: String?
    /// What people call the field, in Chinese: a spreadsheet's column header (`账面原值`), the rule book's meaning.
    public var label: String? = nil
    /// Other headers that mean the field (`原值`, `资产原值`), for `bylaw map init`.
    public var aliases: [String] = []
    /// The least value an `int` or `decimal` field may take (`min: 0` for a count or an amount): a smaller one
    /// makes the decision `invalid` (`decision.below-minimum`), as a wrong type does.
    public var minimum: CELDecimal? = nil

    /// Whether `value` (an `int` or a `decimal`) is at least a field's `minimum`; true when there is none. Static,
    /// so that the typers read a field's bound in place from the schema's array, without copying the whole spec
    /// (its strings and aliases) for every member of a record.
    package static func admits(_ value: CELValue, minimum: CELDecimal?) -> Bool {
        guard let minimum else { return true }
        switch value {
        case .int(let i): return CELDecimal.compare(CELDecimal(i), minimum) >= 0
        case .decimal(let d): return CELDecimal.compare(d, minimum) >= 0
        default: return true
        }
    }
}

/// An object's fields, in declaration order.
public struct ObjectSchema: Sendable, Equatable {
    public var fields: [FieldSpec]

    public init(fields: [FieldSpec] = []) { self.fields = fields }

    /// The field called `name`, if declared.
    public func field(_ name: String) -> FieldSpec? { fields.first { $0.name == name } }

    /// The position of the field called `name`, searched from just after `previous` and round: a document
    /// that lists its members in the schema's order finds each at the first try.
    func index(of name: String, after previous: Int) -> Int? {
        index(after: previous) { $0.name == name }
    }

    /// `index(of:after:)` for a name given as UTF-8 bytes, compared byte for byte. Field names are ASCII
    /// (`SchemaParser` allows nothing else), so a byte match is a match as Swift strings; a name that matches
    /// only under Unicode equivalence is not found here, and the full path, which compares strings, decides.
    package func index(ofUTF8 name: UnsafeBufferPointer<UInt8>, after previous: Int) -> Int? {
        index(after: previous) { CodePoints.equal($0.name, utf8: name) }
    }

    /// The first field that `matches`, searched from just after `previous` and round.
    private func index(after previous: Int, where matches: (FieldSpec) -> Bool) -> Int? {
        let start = fields.indices.contains(previous + 1) ? previous + 1 : 0
        if let i = fields[start...].firstIndex(where: matches) { return i }
        return fields[..<start].firstIndex(where: matches)
    }

    func celObjectType(named name: String) -> CELObjectType {
        CELObjectType(name: name, fields: fields.map { ($0.name, $0.type.celType(named: name + "." + $0.name)) })
    }

    /// The union of two schemas: fields of `other` not declared here are added; a field declared by both
    /// must agree on its type (objects are merged recursively), else `conflict` names the path.
    package func merged(with other: ObjectSchema, path: String = "") -> Result<ObjectSchema, SchemaConflict> {
        var result = self
        for f in other.fields {
            guard let i = result.fields.firstIndex(where: { $0.name == f.name }) else {
                result.fields.append(f)
                continue
            }
            let mine = result.fields[i]
            let here = path.isEmpty ? f.name : path + "." + f.name
            switch (mine.type, f.type) {
            case (.object(let a), .object(let b)):
                switch a.merged(with: b, path: here) {
                case .success(let m): result.fields[i].type = .object(m)
                case .failure(let e): return .failure(e)
                }
            case (.list(.object(let a)), .list(.object(let b))):
                switch a.merged(with: b, path: here + "[]") {
                case .success(let m): result.fields[i].type = .list(.object(m))
                case .failure(let e): return .failure(e)
                }
            default:
                if mine.type != f.type { return .failure(SchemaConflict(path: here, first: mine.type, second: f.type)) }
            }
            result.fields[i].optional = mine.optional && f.optional
            // Two sets that bound one field: the value must satisfy both.
            if let m = f.minimum, mine.minimum.map({ CELDecimal.compare($0, m) < 0 }) ?? true {
                result.fields[i].minimum = m
            }
        }
        return .success(result)
    }
}

/// Two rule sets that apply to one decision declare one field with different types.
public struct SchemaConflict: Error, Sendable, Equatable {
    public var path: String
    public var first: FieldType
    public var second: FieldType
}
