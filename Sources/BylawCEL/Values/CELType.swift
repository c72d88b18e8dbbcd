/// A CEL type, as the checker sees it and as a runtime `type` value.
///
/// `list(T)` and `map(K, V)` carry their parameters while checking; at runtime `type([1])`
/// is `list(dyn)` (the type value `list`). `typeParam` only appears inside overload signatures.
public indirect enum CELType: Hashable, Sendable, CustomStringConvertible {
    case bool, int, uint, double, string, bytes, null, dyn, type
    /// bylaw's exact decimal.
    case decimal
    /// bylaw's calendar day.
    case date
    /// A span of whole days, the type of `days(n)`.
    case days
    /// CEL's `google.protobuf.Timestamp`.
    case timestamp
    /// CEL's `google.protobuf.Duration`.
    case duration
    case list(CELType)
    case map(CELType, CELType)
    /// A named record type with ordered, typed fields; at runtime a `.map` with string keys.
    case object(CELObjectType)
    /// A type parameter in an overload signature, such as `A` in `size(list(A))`.
    case typeParam(String)
    /// The type of an expression that already has an error: stops cascades.
    case error

    public var description: String {
        switch self {
        case .bool: "bool"
        case .int: "int"
        case .uint: "uint"
        case .double: "double"
        case .string: "string"
        case .bytes: "bytes"
        case .null: "null_type"
        case .dyn: "dyn"
        case .type: "type"
        case .decimal: "decimal"
        case .date: "date"
        case .days: "days"
        case .timestamp: "google.protobuf.Timestamp"
        case .duration: "google.protobuf.Duration"
        case .list(let element): "list(\(element))"
        case .map(let key, let value): "map(\(key), \(value))"
        case .object(let object): object.name
        case .typeParam(let name): name
        case .error: "*error*"
        }
    }

    /// The name of the runtime type value: `list` and `map` without parameters.
    public var runtimeName: String {
        switch self {
        case .list: "list"
        case .map: "map"
        default: description
        }
    }

    /// The runtime form of this type (parameters erased to `dyn`, objects to maps).
    var erased: CELType {
        switch self {
        case .list: .list(.dyn)
        case .map, .object: .map(.dyn, .dyn)
        default: self
        }
    }

    /// Types reachable by name as identifiers: `int`, `list`, `null_type` and so on.
    static let namedTypes: [String: CELType] = [
        "bool": .bool, "int": .int, "uint": .uint, "double": .double, "string": .string,
        "bytes": .bytes, "null_type": .null, "dyn": .dyn, "type": .type, "decimal": .decimal,
        "date": .date, "days": .days, "list": .list(.dyn), "map": .map(.dyn, .dyn),
        "google.protobuf.Timestamp": .timestamp, "google.protobuf.Duration": .duration,
    ]

    var isNumeric: Bool {
        switch self {
        case .int, .uint, .double, .decimal: true
        default: false
        }
    }
}

/// A named record type with ordered, typed fields (bylaw's decision schema).
///
/// Two object types are equal when their names are equal. At runtime an object value is a
/// `.map` with string keys.
public final class CELObjectType: Hashable, Sendable, CustomStringConvertible {
    /// The type's name, shown in messages.
    public let name: String
    /// The fields in declaration order.
    public let fields: [(name: String, type: CELType)]
    private let index: [String: Int]

    /// Creates an object type; a repeated field name keeps its first declaration.
    public init(name: String, fields: [(name: String, type: CELType)]) {
        self.name = name
        self.fields = fields
        var index: [String: Int] = [:]
        for (position, field) in fields.enumerated() where index[field.name] == nil {
            index[field.name] = position
        }
        self.index = index
    }

    /// The type of the named field, or nil when the object has no such field.
    public func fieldType(_ field: String) -> CELType? {
        guard let position = index[field] else { return nil }
        return fields[position].type
    }

    public var description: String { name }

    public static func == (lhs: CELObjectType, rhs: CELObjectType) -> Bool { lhs.name == rhs.name }

    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
