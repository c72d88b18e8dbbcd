import BylawCEL
import BylawDiagnostics
import BylawYAML

/// What an extending set takes from its parent, and the checks on what it changes.
extension RuleSetLoader {
    /// The parent's input with this file's fields added; a field both declare must keep its type.
    mutating func inherit(input: ObjectSchema, from base: RuleSet, at node: YAMLNode?) -> ObjectSchema {
        switch base.input.merged(with: input) {
        case .success(let merged): return merged
        case .failure(let c):
            diags.append(
                .error(
                    "ruleset.extends-input-conflict",
                    "field `\(c.path)` is \(c.first) in `\(base.id)` but \(c.second) here",
                    at: node?.location, help: "an extending set may add fields, not change the type of inherited ones"))
            return base.input
        }
    }

    /// The parent's rules, each replaced in place by the rule that `tightens` it, then this file's new rules.
    /// A rule that reuses a parent's rule id without `tightens:` naming it, a `tightens:` naming no parent
    /// rule, and two rules tightening one rule are errors.
    mutating func inherit(rules own: [Rule], from base: RuleSet) -> [Rule] {
        let parentIDs = base.rules.map(\.id)
        var replacing: [String: Rule] = [:]
        var added: [Rule] = []
        for rule in own {
            if let target = rule.tightens {
                guard parentIDs.contains(target) else {
                    diags.append(
                        .error(
                            "ruleset.tightens-unknown", "`\(base.id)` has no rule `\(target)` to tighten",
                            at: tightensAt[rule.id] ?? rule.location,
                            help: Spelling.closest(to: target, among: parentIDs).map { "did you mean `\($0)`?" }))
                    continue
                }
                if let first = replacing[target] {
                    diags.append(
                        .error(
                            "ruleset.tightens-twice", "rules `\(first.id)` and `\(rule.id)` both tighten `\(target)`",
                            at: tightensAt[rule.id] ?? rule.location,
                            notes: [.init(message: "the first", location: first.location)]))
                    continue
                }
                if rule.id != target, parentIDs.contains(rule.id) {
                    diags.append(
                        .error(
                            "ruleset.inherited-rule-id",
                            "rule id `\(rule.id)` is already used by an inherited rule of `\(base.id)`",
                            at: rule.location,
                            help: "give the rule that tightens `\(target)` its own id, or `\(target)`"))
                    continue
                }
                replacing[target] = rule
            } else if parentIDs.contains(rule.id) {
                diags.append(
                    .error(
                        "ruleset.replaces-without-tightens",
                        "rule `\(rule.id)` has the id of a rule of `\(base.id)` but does not say `tightens: \(rule.id)`",
                        at: rule.location,
                        help: "a set that extends another may replace a rule only to make it stricter: "
                            + "add `tightens: \(rule.id)`, or give the new rule its own id"))
            } else {
                added.append(rule)
            }
        }
        return base.rules.map { replacing[$0.id] ?? $0 } + added
    }

    /// `scope: {units: [acftu/guangdong]}`: the unit paths a set is limited to.
    mutating func scope(_ node: YAMLNode?) -> [String]? {
        guard let node, var f = Fields(node, what: "`scope`", into: &diags) else { return nil }
        var units: [String] = []
        if let list = f.required("units", in: "`scope`", into: &diags) {
            if let items = list.sequence, !items.isEmpty {
                for item in items {
                    guard let text = Fields.text(item, what: "a unit path", into: &diags) else { continue }
                    let path = text.hasSuffix("/") ? String(text.dropLast()) : text
                    if path.isEmpty {
                        diags.append(.error("ruleset.bad-scope", "a unit path cannot be empty", at: item.location))
                    } else {
                        units.append(path)
                    }
                }
            } else {
                diags.append(
                    .error(
                        "ruleset.bad-scope", "`units` must list at least one unit path, such as `acftu/guangdong`",
                        at: list.location))
            }
        }
        f.reportUnknownKeys(in: "`scope`", into: &diags)
        return units
    }

    /// What the library needs to know before it can load a file: its id, the set it extends and when it is
    /// in force. Read leniently: the full load reports any problem with these keys.
    struct Header {
        var id: String?
        var extends: String?
        var extendsLocation: SourceLocation?
        var from: CELDate?
        var until: CELDate?
    }

    static func header(_ root: YAMLNode) -> Header {
        let effective = root["effective"]
        return Header(
            id: root["ruleset"]?.scalar?.text, extends: root["extends"]?.scalar?.text,
            extendsLocation: root["extends"]?.location,
            from: effective?["from"]?.scalar.flatMap { DecisionTyper.date($0.text) },
            until: effective?["until"]?.scalar.flatMap { DecisionTyper.date($0.text) })
    }
}

extension ParameterValue {
    /// The declared type that reads an override the way the parent's value was read: a decimal stays a decimal.
    static func fieldType(of value: CELValue) -> FieldType? {
        switch value {
        case .bool: .bool
        case .int: .int
        case .decimal: .decimal
        case .string: .string
        case .date: .date
        case .list(let items): items.first.flatMap(fieldType(of:)).map(FieldType.list)
        default: nil
        }
    }
}

extension AppliedRuleSet {
    /// The same set without its parents, as an entry of a child's `extends` list.
    var withoutParents: AppliedRuleSet { AppliedRuleSet(id: id, version: version, file: file) }
}
