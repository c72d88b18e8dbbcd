import BylawCEL
import BylawDiagnostics
import BylawYAML

/// A decision's top-level fields as CEL variables, for `bylaw eval --input`: typed by the rule sets for its
/// kind when the library has them, otherwise by YAML's core types (plain numbers with a fraction as exact decimals).
public enum DecisionVariables {
    public static func make(_ root: YAMLNode, rulesRoot: String) -> (
        values: [String: CELValue], types: [String: CELType], diagnostics: [Diagnostic]
    ) {
        let library = RuleLibrary.load(root: rulesRoot)
        if !library.diagnostics.hasErrors {
            let p = library.prepare(root, file: root.file, asOf: nil, textCells: false)
            if let m = p.decision, let day = p.today {
                var values: [String: CELValue] = ["decision": .map(m), "today": .date(day)]
                var types: [String: CELType] = ["decision": FieldType.object(p.schema).celType(named: "decision")]
                for f in p.schema.fields {
                    types[f.name] = f.type.celType(named: f.name)
                    if let v = m[.string(f.name)] { values[f.name] = v }
                }
                return (values, types, p.result.diagnostics)
            }
            // Rule sets apply but the decision does not fit them: say why rather than guess types.
            if !p.result.ruleSets.isEmpty {
                return ([:], [:], p.result.diagnostics)
            }
        }
        guard case .map(let m) = untyped(root) else { return ([:], [:], []) }
        var values: [String: CELValue] = ["decision": .map(m)]
        for e in m.entries { if case .string(let k) = e.key { values[k] = e.value } }
        if let d = root["date"]?.scalar.flatMap({ DecisionTyper.date($0.text) }) { values["today"] = .date(d) }
        return (values, [:], [])
    }

    static func untyped(_ node: YAMLNode) -> CELValue {
        switch node.content {
        case .scalar(let s):
            guard s.style == .plain else { return .string(s.text) }
            switch s.coreType {
            case .null: return .null
            case .bool: return .bool(s.boolValue ?? false)
            case .int: return DecisionTyper.integer(s.text).map(CELValue.int) ?? .string(s.text)
            case .float: return CELDecimal(s.text).map(CELValue.decimal) ?? .string(s.text)
            case .string: return .string(s.text)
            }
        case .sequence(let items): return .list(items.map(untyped))
        case .mapping(let pairs):
            let entries = pairs.map { (key: CELValue.string($0.key.scalar?.text ?? ""), value: untyped($0.value)) }
            return .map((try? CELMap(entries)) ?? CELMap())
        }
    }
}
