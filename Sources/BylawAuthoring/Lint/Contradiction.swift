import Bylaw
import BylawCEL

/// Finds conditions that can never be true because comparisons joined by `&&` contradict each other on one
/// value (`x > 5 && x < 3`, `action == "出租" && action == "出借"`).
///
/// Sound: `a && b` is true only when both are; `a || b` only when one is. A comparison is read only when one
/// side is a field path (or a `let` name) and the other a constant; two comparisons of one path contradict
/// when no value satisfies both. Order is only used between numbers or dates (whose order is exact); text
/// is compared only for equality. Anything else is left alone.
struct Contradiction {
    let folder: ConstantFolder
    let source: [Unicode.Scalar]

    /// One comparison of a path with a constant.
    struct Atom {
        var path: [String]
        var test: Cell
        var negated: Bool
        var node: CELExpr
    }

    /// When `node` can never be true, why: groups of comparisons, each of which cannot all hold (one group,
    /// or one per side of an `||`).
    func neverTrue(_ node: CELExpr) -> [[CELExpr]]? {
        guard case .call(let function, nil, let args) = node.kind else { return nil }
        if function == "_||_", args.count == 2 {
            guard let a = neverTrue(args[0]), let b = neverTrue(args[1]) else { return nil }
            return a + b
        }
        guard function == "_&&_" else { return nil }
        var conjuncts: [CELExpr] = []
        flatten(node, into: &conjuncts)
        var atoms: [Atom] = []
        for c in conjuncts {
            if case .call("_||_", nil, _) = c.kind, let inner = neverTrue(c) { return inner }
            if let a = atom(c) { atoms.append(a) }
        }
        var paths: [[String]] = []
        for a in atoms where !paths.contains(a.path) { paths.append(a.path) }
        for path in paths {
            let group = atoms.filter { $0.path == path }
            if group.count > 1, Self.unsatisfiable(group) { return [group.map(\.node)] }
        }
        return nil
    }

    /// The text of a node, as written (with the closing parentheses of a parenthesised operand, which the
    /// node's span leaves out).
    func text(_ node: CELExpr) -> String {
        let start = min(max(0, node.offset), source.count)
        var end = min(start + max(0, node.length), source.count)
        var open = source[start..<end].filter { $0 == "(" }.count - source[start..<end].filter { $0 == ")" }.count
        while open > 0, end < source.count, source[end] == ")" {
            end += 1
            open -= 1
        }
        return String(String.UnicodeScalarView(source[start..<end]))
    }

    private func flatten(_ node: CELExpr, into out: inout [CELExpr]) {
        if case .call("_&&_", nil, let args) = node.kind, args.count == 2 {
            flatten(args[0], into: &out)
            flatten(args[1], into: &out)
        } else {
            out.append(node)
        }
    }

    private func atom(_ node: CELExpr) -> Atom? {
        if let p = path(node) { return Atom(path: p, test: .equals(.bool(true)), negated: false, node: node) }
        guard case .call(let function, nil, let args) = node.kind else { return nil }
        if function == "!_", args.count == 1 {
            guard var inner = atom(args[0]) else { return nil }
            inner.negated.toggle()
            inner.node = node
            return inner
        }
        guard args.count == 2 else { return nil }
        if function == "@in" {
            guard let p = path(args[0]), case .list(let items)? = folder.constant(args[1]) else { return nil }
            return Atom(path: p, test: .oneOf(items), negated: false, node: node)
        }
        let flipped = ["_<_": "_>_", "_<=_": "_>=_", "_>_": "_<_", "_>=_": "_<=_", "_==_": "_==_", "_!=_": "_!=_"]
        var op = function
        var p = path(args[0])
        var k = folder.constant(args[1])
        if p == nil || k == nil {
            p = path(args[1])
            k = folder.constant(args[0])
            guard let f = flipped[function] else { return nil }
            op = f
        }
        guard let p, let k, Self.isScalar(k) else { return nil }
        let ordered = Self.isOrdered(k)
        switch op {
        case "_==_": return Atom(path: p, test: .equals(k), negated: false, node: node)
        case "_!=_": return Atom(path: p, test: .equals(k), negated: true, node: node)
        case "_<_" where ordered: return Atom(path: p, test: .compare(.less, k), negated: false, node: node)
        case "_<=_" where ordered: return Atom(path: p, test: .compare(.lessOrEqual, k), negated: false, node: node)
        case "_>_" where ordered: return Atom(path: p, test: .compare(.greater, k), negated: false, node: node)
        case "_>=_" where ordered:
            return Atom(path: p, test: .compare(.greaterOrEqual, k), negated: false, node: node)
        default: return nil
        }
    }

    /// A field path or `let` name read whole: `asset.book_value`, `decision.action` (as `action`), `rank`.
    private func path(_ node: CELExpr) -> [String]? {
        var names: [String] = []
        var n = node
        while true {
            switch n.kind {
            case .ident(let name):
                guard name != "params", folder.activation.variables[name] == nil else { return nil }
                names.insert(name, at: 0)
                if names.first == "decision", names.count > 1 { names.removeFirst() }
                return names
            case .select(let operand, let field, false):
                names.insert(field, at: 0)
                n = operand
            default:
                return nil
            }
        }
    }

    static func isScalar(_ v: CELValue) -> Bool {
        switch v {
        case .int, .decimal, .date, .string, .bool: true
        default: false
        }
    }

    static func isOrdered(_ v: CELValue) -> Bool {
        switch v {
        case .int, .decimal, .date: true
        default: false
        }
    }
}

extension Contradiction {
    /// True when no value satisfies every atom: each atom's test is constant between the values the atoms
    /// name, so trying one value of each such piece (exactly, as table cells are) decides it. Numbers are
    /// tried on the decimal line, which holds every int, so a contradiction there holds for ints too.
    static func unsatisfiable(_ atoms: [Atom]) -> Bool {
        let constants = atoms.flatMap { TableSpace.literals($0.test) }
        let kind: TableSpace.Kind
        if constants.allSatisfy({ NumberLine.decimal($0) != nil }) {
            kind = .decimal
        } else if constants.allSatisfy({ if case .date = $0 { true } else { false } }) {
            kind = .day
        } else if constants.allSatisfy({ if case .string = $0 { true } else { false } }) {
            kind = .text
        } else if constants.allSatisfy({ if case .bool = $0 { true } else { false } }) {
            kind = .finite([.bool(false), .bool(true)], labels: ["false", "true"])
        } else {
            return false
        }
        let domain = TableSpace.domain(name: "", kind: kind, cells: atoms.map(\.test), enumValues: nil)
        guard domain.samples != [.null] else { return false }
        var empty = CELActivation()
        for sample in domain.samples {
            var all = true
            for atom in atoms {
                guard case .success(let m) = atom.test.matches(sample, activation: &empty) else {
                    return false
                }
                if m == atom.negated {
                    all = false
                    break
                }
            }
            if all { return false }
        }
        return true
    }
}
