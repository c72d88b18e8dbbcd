/// Resolves qualified names before checking and planning, as cel-spec's name resolution does:
/// - `a.b.c` where `a.b` is a declared variable reads field `c` of `a.b` (the longest declared prefix wins);
/// - `ns.f(x)` where `ns.f` is a function (`math.greatest`, `strings.quote`) and `ns` is no variable is a call
///   of the function so named;
/// - `google.protobuf.Timestamp` and other qualified type names are type identifiers.
/// Comprehension variables shadow declared names.
struct Resolver {
    let environment: CELEnvironment

    static func resolve(_ ast: CELAST, _ environment: CELEnvironment) -> CELAST {
        var copy = ast
        copy.root = Resolver(environment: environment).rewrite(ast.root, bound: [])
        return copy
    }

    /// The dotted name a chain of plain selects spells, root first; nil for anything else.
    static func qualifiedName(_ node: CELExpr) -> [String]? {
        switch node.kind {
        case .ident(let name): return [name]
        case .select(let operand, let field, false): return qualifiedName(operand).map { $0 + [field] }
        default: return nil
        }
    }

    private func isVariable(_ name: String) -> Bool { environment.variables[name] != nil }

    private func isFunction(_ name: String) -> Bool {
        environment.functions[name] != nil || Library.functions[name] != nil
    }

    func rewrite(_ node: CELExpr, bound: Set<String>) -> CELExpr {
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
                out.kind = .call(function: path.joined(separator: ".") + "." + function, target: nil, args: newArgs)
            } else {
                out.kind = .call(function: function, target: target.map { rewrite($0, bound: bound) }, args: newArgs)
            }
        case .list(let items): out.kind = .list(items.map { rewrite($0, bound: bound) })
        case .map(let entries):
            out.kind = .map(
                entries.map { CELMapEntry(key: rewrite($0.key, bound: bound), value: rewrite($0.value, bound: bound)) })
        case .comprehension(var c):
            c.range = rewrite(c.range, bound: bound)
            let inner = bound.union([c.variable] + (c.variable2.map { [$0] } ?? []))
            c.predicate = rewrite(c.predicate, bound: inner)
            c.transform = c.transform.map { rewrite($0, bound: inner) }
            out.kind = .comprehension(c)
        }
        return out
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
