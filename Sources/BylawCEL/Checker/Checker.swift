/// The type checker: assigns a type to every node, resolves overloads and collects issues.
///
/// One mistake gives one issue: a node whose type is `error` makes its parents `error`
/// silently. Issues come back sorted by position and capped at `maxIssues`.
struct Checker {
    static let maxIssues = 20

    let environment: CELEnvironment
    var types: [Int: CELType] = [:]
    /// Overloads that fit each call node, in preference order.
    var overloads: [Int: [CELOverload]] = [:]
    /// Numeric literals taken exactly as decimals (their node ids).
    var decimalLiterals: [Int: CELDecimal] = [:]
    var issues: [CELIssue] = []
    var scopes: [[String: CELType]] = []

    init(environment: CELEnvironment) { self.environment = environment }

    mutating func check(_ ast: CELAST) -> CELType {
        let type = check(ast.root)
        issues.sort { ($0.offset, $0.length) < ($1.offset, $1.length) }
        if issues.count > Self.maxIssues { issues = Array(issues.prefix(Self.maxIssues)) }
        return type
    }

    mutating func report(_ code: String, _ message: String, _ node: CELExpr, help: String? = nil) {
        issues.append(
            CELIssue(code: code, message: message, offset: node.offset, length: max(node.length, 1), help: help))
    }

    func lookupVariable(_ name: String) -> CELType? {
        for scope in scopes.reversed() { if let type = scope[name] { return type } }
        return environment.variables[name]
    }

    mutating func check(_ node: CELExpr) -> CELType {
        let type = infer(node)
        types[node.id] = type
        return type
    }

    private mutating func infer(_ node: CELExpr) -> CELType {
        switch node.kind {
        case .error: return .error
        case .literal(let literal):
            return literal.value.type
        case .ident(let name):
            if let type = lookupVariable(name) { return type }
            if CELType.namedTypes[name] != nil { return .type }
            let candidates = scopes.flatMap(\.keys) + environment.variables.keys
            report(
                "cel.undeclared-reference", "undeclared reference to `\(name)`", node,
                help: didYouMean(name, candidates))
            return .error
        case .select(let operand, let field, let testOnly):
            let operandType = check(operand)
            let fieldType = selectType(operandType, field, node)
            if testOnly { return fieldType == .error ? .error : .bool }
            return fieldType
        case .list(let items):
            let itemTypes = items.map { check($0) }
            if itemTypes.contains(.error) { return .error }
            return .list(join(itemTypes))
        case .map(let entries):
            let keys = entries.map { check($0.key) }
            let values = entries.map { check($0.value) }
            if keys.contains(.error) || values.contains(.error) { return .error }
            for (entry, key) in zip(entries, keys) {
                switch key {
                case .bool, .int, .uint, .string, .dyn: continue
                default:
                    report(
                        "cel.type-mismatch", "map keys must be `bool`, `int`, `uint` or `string`, found `\(key)`",
                        entry.key)
                }
            }
            return .map(join(keys), join(values))
        case .comprehension(let comprehension):
            return checkComprehension(comprehension, node)
        case .call(let function, let target, let args):
            return checkCall(function, target: target, args: args, node)
        }
    }

    /// The common type of several, or `dyn` when they differ.
    func join(_ types: [CELType]) -> CELType {
        guard let first = types.first else { return .dyn }
        return types.allSatisfy { $0 == first } ? first : .dyn
    }

    private mutating func selectType(_ operandType: CELType, _ field: String, _ node: CELExpr) -> CELType {
        switch operandType {
        case .error: return .error
        case .dyn: return .dyn
        case .map(let key, let value):
            if key == .string || key == .dyn || key.isTypeParam { return value }
        case .object(let object):
            if let type = object.fieldType(field) { return type }
            report(
                "cel.undefined-field", "undefined field `\(field)`", node,
                help: didYouMean(field, object.fields.map(\.name))
                    ?? "`\(object.name)` has fields \(object.fields.map { "`\($0.name)`" }.joined(separator: ", "))")
            return .error
        default: break
        }
        report("cel.type-mismatch", "type `\(operandType)` has no fields; cannot select `\(field)`", node)
        return .error
    }

    mutating func checkComprehension(_ c: CELComprehension, _ node: CELExpr) -> CELType {
        let rangeType = check(c.range)
        // One variable: a list's elements or a map's keys. Two: a list's indexes and elements, a map's keys and
        // values.
        let first: CELType
        let second: CELType
        switch rangeType {
        case .list(let item): (first, second) = c.variable2 == nil ? (item, .dyn) : (.int, item)
        case .map(let key, let value): (first, second) = (key, value)
        case .dyn: (first, second) = (.dyn, .dyn)
        case .error: (first, second) = (.error, .error)
        default:
            report("cel.type-mismatch", "`\(c.kind.rawValue)` needs a list or a map, found `\(rangeType)`", c.range)
            (first, second) = (.error, .error)
        }
        var scope = [c.variable: first]
        if let variable2 = c.variable2 { scope[variable2] = second }
        scopes.append(scope)
        defer { scopes.removeLast() }
        let predicateType = check(c.predicate)
        let transformType = c.transform.map { check($0) }
        if rangeType == .error || first == .error { return .error }
        let needsBool = !c.isTransform || c.transform != nil
        if needsBool, !expectBool(predicateType, c.predicate) { return .error }
        let result = transformType ?? predicateType
        if c.isTransform, result == .error { return .error }
        switch c.kind {
        case .all, .exists, .existsOne: return .bool
        case .count: return .int
        case .filter: return rangeType.isMapLike ? .list(first) : rangeType
        case .map, .transformList: return .list(result)
        case .transformMap: return .map(first, result)
        case .transformMapEntry:
            switch result {
            case .map, .dyn: return result == .dyn ? .map(.dyn, .dyn) : result
            default:
                report(
                    "cel.type-mismatch", "`transformMapEntry` needs a map of one entry, found `\(result)`",
                    c.transform ?? c.predicate)
                return .error
            }
        }
    }

    /// Reports a non-bool condition; true when the type is acceptable.
    mutating func expectBool(_ type: CELType, _ node: CELExpr) -> Bool {
        switch type {
        case .bool, .dyn: return true
        case .error: return false
        default:
            report("cel.type-mismatch", "expected `bool`, found `\(type)`", node)
            return false
        }
    }
}

extension CELType {
    var isTypeParam: Bool {
        if case .typeParam = self { return true }
        return false
    }

    var isMapLike: Bool {
        if case .map = self { return true }
        return false
    }
}

/// A suggestion among `candidates` close to `name`: "did you mean `book_value`?".
func didYouMean(_ name: String, _ candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(name.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }), best.1 <= max(2, name.count / 3),
        best.1 < name.count
    else { return nil }
    return "did you mean `\(best.0)`?"
}

func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a.unicodeScalars)
    let y = Array(b.unicodeScalars)
    guard !x.isEmpty else { return y.count }
    guard !y.isEmpty else { return x.count }
    var previous = Array(0...y.count)
    for i in 1...x.count {
        var row = [i] + Array(repeating: 0, count: y.count)
        for j in 1...y.count {
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
        }
        previous = row
    }
    return previous[y.count]
}
