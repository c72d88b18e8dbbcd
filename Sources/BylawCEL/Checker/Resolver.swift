/// Resolves qualified names before checking and planning, as cel-spec's name resolution does:
/// - `a.b.c` where `a.b` is a declared variable reads field `c` of `a.b` (the longest declared prefix wins);
/// - `ns.f(x)` where `ns.f` is a function (`math.greatest`, `strings.quote`) and `ns` is no variable is a call
///   of the function so named;
/// - `google.protobuf.Timestamp` and other qualified type names are type identifiers.
/// Comprehension variables shadow declared names.
/// - `math.greatest(a, b, …)` and `math.least(a, b, …)` with two or more arguments take them as one list.
struct Resolver {
    let environment: CELEnvironment
    /// The id for the next node the resolver makes (a variadic call's list).
    private var nextID: Int

    static func resolve(_ ast: CELAST, _ environment: CELEnvironment) -> CELAST {
        var copy = ast
        var resolver = Resolver(environment: environment, nextID: (ast.nodes.map(\.id).max() ?? 0) + 1)
        copy.root = resolver.rewrite(ast.root, bound: [])
        return copy
    }

    /// The dotted name a chain of plain selects spells, root first; nil for anything else.
    static func qualifiedName(_ node: CELExpr) -> [String]? {
        switch node.kind {
        case .ident(let name): return [name]
        case .select(let operand, let field, false):
            // A quoted field (`a.`b-c``) is never part of a qualified name.
            guard field.unicodeScalars.allSatisfy({ Lexer.isIdentStart($0) || Lexer.isDigit($0) }) else { return nil }
            return qualifiedName(operand).map { $0 + [field] }
        default: return nil
        }
    }

    private func isVariable(_ name: String) -> Bool { environment.variables[name] != nil }

    private func isFunction(_ name: String) -> Bool {
        environment.functions[name] != nil || Library.functions[name] != nil
    }

    mutating func rewrite(_ node: CELExpr, bound: Set<String>) -> CELExpr {
        var out = node
        switch node.kind {
        case .literal, .ident, .error: return node
        case .select(let operand, let field, let testOnly):
            if let resolved = resolveSelect(node, bound) { return resolved }
            out.kind = .select(operand: rewrite(operand, bound: bound), field: field, testOnly: testOnly)
        case .call(let function, let target, let args):
            let newArgs = args.map { rewrite($0, bound: bound) }
            if let target, let path = Self.qualifiedName(target), let root = path.first, !bound.contains(root),
                !(1...path.count).contains(where: { isVariable(path.prefix($0).joined(separator: ".")) }),
                isFunction(path.joined(separator: ".") + "." + function)
            {
                let name = path.joined(separator: ".") + "." + function
                out.kind = .call(function: name, target: nil, args: variadic(name, newArgs))
            } else if target == nil {
                out.kind = .call(function: function, target: nil, args: variadic(function, newArgs))
            } else {
                out.kind = .call(function: function, target: target.map { rewrite($0, bound: bound) }, args: newArgs)
            }
        case .list(let items): out.kind = .list(items.map { rewrite($0, bound: bound) })
        case .map(let entries):
            var rewritten: [CELMapEntry] = []
            for entry in entries {
                rewritten.append(
                    CELMapEntry(key: rewrite(entry.key, bound: bound), value: rewrite(entry.value, bound: bound)))
            }
            out.kind = .map(rewritten)
        case .comprehension(var c):
            c.range = rewrite(c.range, bound: bound)
            let inner = bound.union([c.variable] + (c.variable2.map { [$0] } ?? []))
            c.predicate = rewrite(c.predicate, bound: inner)
            c.transform = c.transform.map { rewrite($0, bound: inner) }
            out.kind = .comprehension(c)
        }
        return out
    }

    /// The arguments of a variadic function (two or more) as one list literal spanning them.
    private mutating func variadic(_ function: String, _ args: [CELExpr]) -> [CELExpr] {
        guard Library.variadicMathFunctions.contains(function), args.count >= 2, let first = args.first,
            let last = args.last
        else { return args }
        let list = CELExpr(
            id: nextID, offset: first.offset, length: last.offset + last.length - first.offset, kind: .list(args))
        nextID += 1
        return [list]
    }

    /// `a.b.c` as the identifier `a.b` (or `a.b.c`) when that is a declared variable or a qualified type name.
    private func resolveSelect(_ node: CELExpr, _ bound: Set<String>) -> CELExpr? {
        guard let path = Self.qualifiedName(node), path.count > 1, let root = path.first, !bound.contains(root) else {
            return nil
        }
        for length in stride(from: path.count, through: 2, by: -1) {
            let name = path.prefix(length).joined(separator: ".")
            guard isVariable(name) || (length == path.count && CELType.namedTypes[name] != nil && !isVariable(root))
            else { continue }
            return rebuild(node, depth: path.count - length, as: name)
        }
        return nil
    }

    /// `node` with the chain `depth` selects below it replaced by the identifier `name`.
    private func rebuild(_ node: CELExpr, depth: Int, as name: String) -> CELExpr {
        guard depth > 0, case .select(let operand, let field, let testOnly) = node.kind else {
            var ident = node
            ident.kind = .ident(name)
            return ident
        }
        var out = node
        out.kind = .select(operand: rebuild(operand, depth: depth - 1, as: name), field: field, testOnly: testOnly)
        return out
    }
}
