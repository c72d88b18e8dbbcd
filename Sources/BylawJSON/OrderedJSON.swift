import BylawDiagnostics

/// A JSON value whose object keys keep the order they were built in, written with a fixed layout,
/// so that the same value always gives the same bytes (the committed schemas are compared byte for byte).
public indirect enum OrderedJSON: Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([OrderedJSON])
    case object([(String, OrderedJSON)])

    /// The value of `key` when this is an object.
    public subscript(key: String) -> OrderedJSON? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    /// Pretty-printed with two-space indentation; arrays of scalars stay on one line. Ends with a newline.
    public var text: String { render(indent: "") + "\n" }

    /// One-line text, for comparing values.
    package var compact: String {
        switch self {
        case .string(let s): JSONText.quote(s)
        case .int(let i): String(i)
        case .bool(let b): b ? "true" : "false"
        case .array(let items): "[" + items.map(\.compact).joined(separator: ",") + "]"
        case .object(let pairs):
            "{" + pairs.map { JSONText.quote($0.0) + ":" + $0.1.compact }.joined(separator: ",") + "}"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    private func render(indent: String) -> String {
        let inner = indent + "  "
        switch self {
        case .array(let items):
            if items.isEmpty { return "[]" }
            if items.allSatisfy(\.isScalar) { return "[" + items.map(\.compact).joined(separator: ", ") + "]" }
            return "[\n" + items.map { inner + $0.render(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            return "{\n"
                + pairs.map { inner + JSONText.quote($0.0) + ": " + $0.1.render(indent: inner) }.joined(
                    separator: ",\n") + "\n" + indent + "}"
        default:
            return compact
        }
    }
}
