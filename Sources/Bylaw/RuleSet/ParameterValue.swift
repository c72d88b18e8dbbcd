import BylawCEL
import BylawDiagnostics
import BylawYAML

extension ParameterValue {
    /// A parameter's value: `declared` types it; otherwise plain numbers are ints or exact decimals,
    /// `true`/`false` are bools, a list is a list, and anything else is a string.
    static func read(_ node: YAMLNode, declared: FieldType?, name: String, into diags: inout [Diagnostic]) -> CELValue?
    {
        if let declared {
            var typer = DecisionTyper()
            let v = typer.value(node, type: declared, path: name)
            diags += typer.diagnostics
            return typer.diagnostics.hasErrors ? nil : v
        }
        if let items = node.sequence {
            var out: [CELValue] = []
            for item in items {
                guard let v = read(item, declared: nil, name: name, into: &diags) else { return nil }
                out.append(v)
            }
            return .list(out)
        }
        guard let s = node.scalar else {
            diags.append(
                .error(
                    "ruleset.bad-parameter", "parameter `\(name)` must be a value or a list of values",
                    at: node.location))
            return nil
        }
        guard s.style == .plain else { return .string(s.text) }
        switch s.coreType {
        case .bool: return .bool(s.boolValue ?? false)
        case .int:
            if let i = DecisionTyper.integer(s.text) { return .int(i) }
        case .float:
            if DecisionTyper.isPlainDecimal(s.text), let d = CELDecimal(s.text) { return .decimal(d) }
        case .null:
            diags.append(.error("ruleset.bad-parameter", "parameter `\(name)` has no value", at: node.location))
            return nil
        case .string:
            return .string(s.text)
        }
        diags.append(
            .error(
                "ruleset.bad-parameter",
                "parameter `\(name)` is `\(s.text)`, which is neither a plain integer nor a plain decimal",
                at: node.location, help: "write digits with an optional fraction, such as 0.154"))
        return nil
    }
}
