import BylawYAML

/// Converts a loaded node to JSON the way the yaml-test-suite does: core-typed scalars, string keys.
struct YAMLNodeView {
    var node: YAMLNode

    var json: JSONValue {
        switch node.content {
        case .scalar(let s): Self.scalar(s)
        case .sequence(let items): .array(items.map { YAMLNodeView(node: $0).json })
        case .mapping(let pairs):
            .object(
                Dictionary(
                    pairs.map { ($0.key.scalar?.text ?? "", YAMLNodeView(node: $0.value).json) },
                    uniquingKeysWith: { a, _ in a }))
        }
    }

    static func scalar(_ s: YAMLScalar) -> JSONValue {
        switch s.coreType {
        case .null: return .null
        case .bool: return .bool(s.boolValue ?? false)
        case .int:
            if s.text.hasPrefix("0o") { return .number(Double(Int(s.text.dropFirst(2), radix: 8) ?? 0)) }
            if s.text.hasPrefix("0x") { return .number(Double(Int(s.text.dropFirst(2), radix: 16) ?? 0)) }
            return .number(Double(s.text) ?? .nan)
        case .float:
            let t = s.text.lowercased()
            if t.hasSuffix(".inf") { return .number(t.hasPrefix("-") ? -.infinity : .infinity) }
            return .number(Double(t) ?? .nan)
        case .string: return .string(s.text)
        }
    }
}
