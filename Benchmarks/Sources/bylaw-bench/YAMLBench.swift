import BylawYAML

/// YAML loader figures: hostile documents rejected, ordinary ones loaded.
func benchYAML() {
    let bomb = [UInt8](repeating: UInt8(ascii: "["), count: 2_000_000)
    measure("reject 2 MB `[` nesting bomb (decision limits, depth 65)") {
        blackHole(try? YAMLLoader.load(bytes: bomb, file: "bomb.yaml", limits: .decision))
    }
    measure("reject 2 MB `[` nesting bomb (rule-set limits, size)") {
        blackHole(try? YAMLLoader.load(bytes: bomb, file: "bomb.yaml", limits: .ruleSet))
    }
    let laughs = Array(billionLaughs().utf8)
    measure("reject billion laughs 9x9 (\(laughs.count) bytes)") {
        blackHole(try? YAMLLoader.load(bytes: laughs, file: "laughs.yaml", limits: .ruleSet))
    }
    let rules = Array(typicalRuleFile().utf8)
    let lines = rules.filter { $0 == 0x0A }.count
    do {
        _ = try YAMLLoader.load(bytes: rules, file: "rules.yaml", limits: .ruleSet)
    } catch {
        print("the typical rule file does not load: \(error.diagnostics)")
        return
    }
    measure("load typical rule file (\(lines) lines, \(rules.count) bytes)") {
        blackHole(try? YAMLLoader.load(bytes: rules, file: "rules.yaml", limits: .ruleSet))
    }
}

private func billionLaughs() -> String {
    var text = "a: &a [" + Array(repeating: "\"lol\"", count: 9).joined(separator: ",") + "]\n"
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
    for (previous, name) in zip(names, names.dropFirst()) {
        text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
    }
    return text
}

/// About 200 lines shaped like a bylaw rule set: metadata, inputs, rules with CEL conditions.
private func typicalRuleFile() -> String {
    var text = """
        id: procurement-approvals
        version: 3
        title: "Procurement approval thresholds"
        effective: 2026-01-01
        inputs:
          amount: {type: decimal}
          department: {type: string}
          approvers: {type: list}
        rules:

        """
    for i in 0..<21 {
        text += """
              - id: rule-\(i)
                title: 'Approval level \(i)'
                when: amount > \(i * 10_000).00 && department in ["finance", "ops"]
                require: |
                  approvers.size() >= \(i % 4 + 1) &&
                  approvers.all(a, a.level >= \(i % 3))
                severity: error
                tags: [approval, threshold, level-\(i)]
                cite: "Policy 4.\(i), section (b)"

            """
    }
    return text
}
