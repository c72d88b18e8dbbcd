/// Calls: logical operators, equality, membership, indexing and overload resolution.
extension Checker {
    static let decimalContexts: Set<String> = [
        "_+_", "_-_", "_*_", "_<_", "_<=_", "_>_", "_>=_", "_==_", "_!=_", "ratio",
    ]

    mutating func checkCall(_ function: String, target: CELExpr?, args: [CELExpr], _ node: CELExpr) -> CELType {
        let argNodes = (target.map { [$0] } ?? []) + args
        var argTypes = argNodes.map { check($0) }
        if argTypes.contains(.error) { return .error }
        switch function {
        case "_&&_", "_||_":
            let ok = zip(argTypes, argNodes).map { expectBool($0, $1) }
            return ok.allSatisfy { $0 } ? .bool : .error
        case "_?_:_" where argTypes.count == 3:
            guard expectBool(argTypes[0], argNodes[0]) else { return .error }
            return argTypes[1] == argTypes[2] ? argTypes[1] : .dyn
        default: break
        }
        if Self.decimalContexts.contains(function), argNodes.count == 2 {
            rewriteDecimalLiterals(argNodes, &argTypes)
        }
        switch function {
        case "_==_", "_!=_":
            if compatible(argTypes[0], argTypes[1]) { return .bool }
            return noOverload(function, argTypes, node)
        case "@in" where argTypes.count == 2:
            switch argTypes[1] {
            case .list(let element), .map(let element, _):
                if compatible(argTypes[0], element) { return .bool }
            case .dyn: return .bool
            case .object: if compatible(argTypes[0], .string) { return .bool }
            default: break
            }
            return noOverload(function, argTypes, node)
        case "_[_]" where argTypes.count == 2:
            switch (argTypes[0], argTypes[1]) {
            case (.list(let element), .int), (.list(let element), .uint), (.list(let element), .dyn): return element
            case (.map(let key, let value), let index) where compatible(key, index): return value
            case (.dyn, _), (.object, .string), (.object, .dyn): return .dyn
            default: return noOverload(function, argTypes, node)
            }
        default:
            return resolve(function, receiver: target != nil, argTypes, node)
        }
    }

    /// A numeric literal next to a decimal operand becomes an exact decimal from its source text.
    private mutating func rewriteDecimalLiterals(_ nodes: [CELExpr], _ types: inout [CELType]) {
        for (index, other) in [(0, 1), (1, 0)] where types[other] == .decimal {
            guard case .literal(let literal) = nodes[index].kind else { continue }
            let text: String
            switch literal {
            case .double(_, let t), .int(_, let t): text = t
            default: continue
            }
            guard let exact = CELDecimal(text) else { continue }
            decimalLiterals[nodes[index].id] = exact
            types[index] = .decimal
            self.types[nodes[index].id] = .decimal
        }
    }

    /// Whether values of the two types may be compared for equality.
    func compatible(_ a: CELType, _ b: CELType) -> Bool {
        switch (a, b) {
        case (.dyn, _), (_, .dyn), (.typeParam, _), (_, .typeParam), (.null, _), (_, .null): return true
        case (.list(let x), .list(let y)): return compatible(x, y)
        case (.map(let k1, let v1), .map(let k2, let v2)): return compatible(k1, k2) && compatible(v1, v2)
        case (.object, .map(let k, _)), (.map(let k, _), .object): return compatible(k, .string)
        default:
            if a == b { return true }
            let decimalDouble = (a == .decimal && b == .double) || (a == .double && b == .decimal)
            return a.isNumeric && b.isNumeric && !decimalDouble
        }
    }

    mutating func noOverload(_ function: String, _ types: [CELType], _ node: CELExpr) -> CELType {
        let list = types.map(\.description).joined(separator: ", ")
        let mixesDecimal = types.contains(.decimal) && types.contains(.double)
        report(
            "cel.no-matching-overload", "no matching overload for `\(displayName(function))` applied to `(\(list))`",
            node,
            help: mixesDecimal ? "convert with decimal(...)" : nil)
        return .error
    }

    mutating func resolve(_ function: String, receiver: Bool, _ argTypes: [CELType], _ node: CELExpr) -> CELType {
        let all = environment.overloads(function)
        guard !all.isEmpty else {
            let names =
                Array(environment.functions.keys)
                + Library.functions.keys.filter { !$0.hasPrefix("_") && !$0.hasSuffix("_") && !$0.hasPrefix("@") }
            report(
                "cel.undeclared-reference", "undeclared reference to function `\(function)`", node,
                help: didYouMean(function, names))
            return .error
        }
        var matched: [CELOverload] = []
        var results: [CELType] = []
        for overload in all where overload.isReceiverStyle == receiver && overload.parameters.count == argTypes.count {
            var bindings: [String: CELType] = [:]
            if zip(overload.parameters, argTypes).allSatisfy({ unify($0, $1, &bindings) }) {
                matched.append(overload)
                results.append(substitute(overload.result, bindings))
            }
        }
        guard let first = results.first else {
            if all.allSatisfy({ $0.isReceiverStyle != receiver }) {
                let style =
                    receiver
                    ? "as a method; call it as `\(function)(…)`" : "as a function; call it as `x.\(function)(…)`"
                report("cel.no-matching-overload", "`\(function)` cannot be called \(style)", node)
                return .error
            }
            return noOverload(function, argTypes, node)
        }
        overloads[node.id] = matched
        return results.allSatisfy { $0 == first } ? first : .dyn
    }

    func unify(_ parameter: CELType, _ argument: CELType, _ bindings: inout [String: CELType]) -> Bool {
        switch (parameter, argument) {
        case (.typeParam(let name), _):
            guard let bound = bindings[name] else {
                bindings[name] = argument
                return true
            }
            if bound == argument || bound == .dyn { return true }
            if argument == .dyn {
                bindings[name] = .dyn
                return true
            }
            return false
        case (_, .dyn), (_, .error), (.dyn, _): return true
        case (.list(let p), .list(let a)): return unify(p, a, &bindings)
        case (.map(let pk, let pv), .map(let ak, let av)): return unify(pk, ak, &bindings) && unify(pv, av, &bindings)
        case (.map(let pk, let pv), .object): return unify(pk, .string, &bindings) && unify(pv, .dyn, &bindings)
        default: return parameter == argument
        }
    }

    func substitute(_ type: CELType, _ bindings: [String: CELType]) -> CELType {
        switch type {
        case .typeParam(let name): bindings[name] ?? .dyn
        case .list(let element): .list(substitute(element, bindings))
        case .map(let key, let value): .map(substitute(key, bindings), substitute(value, bindings))
        default: type
        }
    }
}
