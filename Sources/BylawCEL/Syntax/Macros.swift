/// Macro expansion at parse time: `has`, `all`, `exists`, `exists_one`, `map`, `filter`, `count`.
extension Parser {
    mutating func makeCall(_ name: String, target: CELExpr?, args: [CELExpr], from start: Int, nameToken: Token)
        -> CELExpr
    {
        let end = previousEndOffset
        if target == nil, name == "has", args.count == 1 {
            guard case .select(let operand, let field, false) = args[0].kind else {
                error(
                    "argument to `has` must be a field selection such as `has(a.b)`", offset: args[0].offset,
                    length: max(args[0].length, 1))
                return make(.error, from: start, to: end)
            }
            return make(.select(operand: operand, field: field, testOnly: true), from: start, to: end)
        }
        if let kind = comprehensionKind(name, receiver: target != nil, count: args.count) {
            let range: CELExpr
            let rest: ArraySlice<CELExpr>
            if let target {
                range = target
                rest = args[...]
            } else {
                range = args[0]
                rest = args.dropFirst()
            }
            let names = Self.twoVariable(name, count: args.count) ? 2 : 1
            var variables: [String] = []
            for node in rest.prefix(names) {
                guard case .ident(let variable) = node.kind else {
                    error(
                        "the \(variables.isEmpty ? "first" : "second") argument of `\(name)` must be a simple name",
                        offset: node.offset, length: max(node.length, 1))
                    return make(.error, from: start, to: end)
                }
                variables.append(variable)
            }
            if variables.count == 2, variables[0] == variables[1] {
                error(
                    "the two variables of `\(name)` must differ", offset: rest[rest.startIndex + 1].offset,
                    length: max(rest[rest.startIndex + 1].length, 1))
                return make(.error, from: start, to: end)
            }
            let body = Array(rest.dropFirst(names))
            let predicate = body[0]
            let transform = body.count > 1 ? body[1] : nil
            let comprehension = CELComprehension(
                kind: kind, variable: variables[0], variable2: variables.count > 1 ? variables[1] : nil, range: range,
                predicate: predicate, transform: transform)
            return make(.comprehension(comprehension), from: start, to: end)
        }
        return make(.call(function: name, target: target, args: args), from: start, to: end)
    }

    private func comprehensionKind(_ name: String, receiver: Bool, count: Int) -> CELComprehensionKind? {
        if !receiver {
            return name == "count" && count == 3 ? .count : nil
        }
        switch (name, count) {
        case ("all", 2), ("all", 3): return .all
        case ("exists", 2), ("exists", 3): return .exists
        case ("exists_one", 2), ("existsOne", 2), ("existsOne", 3): return .existsOne
        case ("filter", 2): return .filter
        case ("count", 2): return .count
        case ("map", 2), ("map", 3): return .map
        case ("transformList", 3), ("transformList", 4): return .transformList
        case ("transformMap", 3), ("transformMap", 4): return .transformMap
        case ("transformMapEntry", 3), ("transformMapEntry", 4): return .transformMapEntry
        default: return nil
        }
    }

    /// Whether a receiver-style macro call with `count` arguments binds two variables.
    private static func twoVariable(_ name: String, count: Int) -> Bool {
        switch name {
        case "all", "exists", "existsOne": count == 3
        case "transformList", "transformMap", "transformMapEntry": true
        default: false
        }
    }
}

/// The public entry points.
extension CEL {
    /// Parses an expression. Offsets in the AST and in issues are Unicode scalar offsets.
    public static func parse(_ source: String) -> Result<CELAST, CELIssues> {
        Parser.parse(source)
    }
}
