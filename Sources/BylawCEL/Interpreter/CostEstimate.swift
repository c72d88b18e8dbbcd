/// Upper bounds on the sizes of the values an activation may hold, for ``CELProgram/worstCaseCost(_:)``.
public struct CELSizeBounds: Sendable {
    /// The most elements (lists, maps) or UTF-8 bytes (strings, bytes) of the value at a variable path
    /// (`["decision", "members"]`); a path ending in `*` bounds the elements of the list there
    /// (`["decision", "members", "*"]`).
    public var paths: [[String]: Int]
    /// The bound for every other value read from the activation.
    public var otherwise: Int

    public init(paths: [[String]: Int] = [:], otherwise: Int) {
        self.paths = paths
        self.otherwise = otherwise
    }
}

/// An upper bound on what one evaluation can spend, in the units of ``CostMeter``; both saturate at `Int.max`.
public struct CELCostEstimate: Sendable, Equatable {
    public var steps: Int
    public var bytes: Int

    /// Whether an evaluation within the bounds could end with `cel.cost-limit` under these limits.
    public func exceeds(costLimit: Int, memoryLimit: Int) -> Bool { steps > costLimit || bytes > memoryLimit }
}

extension CELProgram {
    /// A worst-case estimate of the cost of evaluating this program on values within `bounds`: every
    /// comprehension runs over its largest range, every string is as long as its bound allows, both branches of
    /// a condition are paid for. Hosts use it to warn of expressions that inputs could drive past the budget.
    public func worstCaseCost(_ bounds: CELSizeBounds) -> CELCostEstimate {
        var estimator = CostEstimator(bounds: bounds, types: checked?.types ?? [:])
        let result = estimator.estimate(ast.root)
        return CELCostEstimate(steps: result.steps, bytes: result.bytes)
    }
}

/// Walks a checked tree bottom-up: each node's cost, and bounds on the size of its value and of its elements.
struct CostEstimator {
    struct Size {
        var length: Int
        var element: Int
    }

    struct Result {
        var steps = 0
        var bytes = 0
        var size = Size(length: 0, element: 0)

        mutating func add(_ other: Result) {
            steps = steps +| other.steps
            bytes = bytes +| other.bytes
        }
    }

    let bounds: CELSizeBounds
    let types: [Int: CELType]
    var scopes: [String: Size] = [:]
    /// For a loop variable over the elements of a list read from the activation, the path of those elements
    /// (`["decision", "members", "*"]`), so that bounds on their fields apply.
    var elementPaths: [String: [String]] = [:]

    func bound(_ path: [String]) -> Size {
        Size(length: bounds.paths[path] ?? bounds.otherwise, element: bounds.paths[path + ["*"]] ?? bounds.otherwise)
    }

    func isList(_ node: CELExpr) -> Bool {
        switch types[node.id] {
        case .list?, .map?, .object?: true
        default: false
        }
    }

    /// The bytes a value of this node's type and length takes.
    func bytes(_ node: CELExpr, _ length: Int) -> Int {
        isList(node) ? length *| CostMeter.bytesPerElement : length
    }

    mutating func estimate(_ node: CELExpr) -> Result {
        var result = Result()
        switch node.kind {
        case .literal(let literal):
            switch literal {
            case .string(let s): result.size.length = s.utf8.count
            case .bytes(let b): result.size.length = b.count
            default: break
            }
        case .ident(let name):
            result.size = scopes[name] ?? bound([name])
        case .select:
            if let path = Resolver.qualifiedName(node), scopes[path[0]] == nil {
                result.size = bound(path)
            } else if let path = Resolver.qualifiedName(node), let base = elementPaths[path[0]] {
                result.size = bound(base + path.dropFirst())
            } else {
                for child in node.children { result.add(estimate(child)) }
                result.size = Size(length: bounds.otherwise, element: bounds.otherwise)
            }
        case .list(let items):
            for item in items {
                let part = estimate(item)
                result.add(part)
                result.size.element = max(result.size.element, part.size.length)
            }
            result.size.length = items.count
        case .map(let entries):
            for entry in entries {
                result.add(estimate(entry.key))
                let value = estimate(entry.value)
                result.add(value)
                result.size.element = max(result.size.element, value.size.length)
            }
            result.size.length = entries.count
        case .comprehension(let c):
            return comprehension(c)
        case .call(let function, let target, let args):
            return call(function, (target.map { [$0] } ?? []) + args, node)
        case .error:
            break
        }
        return result
    }

    private mutating func comprehension(_ c: CELComprehension) -> Result {
        let range = estimate(c.range)
        let saved = scopes
        let savedPaths = elementPaths
        scopes[c.variable] = Size(length: range.size.element, element: bounds.otherwise)
        if let second = c.variable2 { scopes[second] = scopes[c.variable] }
        if c.variable2 != nil, isList(c.range) { scopes[c.variable] = Size(length: 0, element: 0) }
        for name in [c.variable] + (c.variable2.map { [$0] } ?? []) { elementPaths[name] = nil }
        if case .list? = types[c.range.id], let path = Resolver.qualifiedName(c.range), scopes[path[0]] == nil {
            elementPaths[c.variable2 ?? c.variable] = path + ["*"]
        }
        var body = estimate(c.predicate)
        if let transform = c.transform { body.add(estimate(transform)) }
        scopes = saved
        elementPaths = savedPaths
        let n = range.size.length
        var result = range
        result.steps = result.steps +| (n *| (1 +| body.steps))
        let kept = c.kind.isTransform || c.kind == .filter ? CostMeter.bytesPerElement : 0
        result.bytes = result.bytes +| (n *| (body.bytes +| kept))
        result.size = Size(length: n, element: c.kind == .filter ? range.size.element : body.size.length)
        return result
    }

    private mutating func call(_ function: String, _ argNodes: [CELExpr], _ node: CELExpr) -> Result {
        let parts = argNodes.map { estimate($0) }
        var result = Result()
        for part in parts { result.add(part) }
        let sizes = parts.map(\.size.length)
        let first = sizes.first ?? 0
        let second = sizes.count > 1 ? sizes[1] : 0
        var scanned = 0
        var built = 0
        result.size = Size(length: bounds.otherwise, element: bounds.otherwise)
        switch function {
        case "_&&_", "_||_", "!_", "-_", "_<_", "_<=_", "_>_", "_>=_", "_*_", "_/_", "_%_", "_-_":
            result.size = Size(length: 0, element: 0)
        case "_?_:_":
            result.size = Size(
                length: max(second, sizes.last ?? 0),
                element: max(parts[1].size.element, parts.last?.size.element ?? 0))
        case "_[_]":
            result.size = Size(length: parts.first?.size.element ?? bounds.otherwise, element: bounds.otherwise)
        case "_+_" where hasFixedSize(node):
            // Numbers, dates and durations: nothing grows.
            result.size = Size(length: 0, element: 0)
        case "string" where argNodes.count == 1 && hasFixedSize(argNodes[0]):
            // The text of a bool, a number of a fixed width, a date, a timestamp or a duration.
            result.size = Size(length: Self.scalarText, element: 0)
        case "_+_":
            built = bytes(node, first +| second)
            result.size = Size(
                length: first +| second, element: max(parts.first?.size.element ?? 0, parts.last?.size.element ?? 0))
        case "@in": scanned = isList(argNodes[1]) ? second *| CostMeter.bytesPerStep : 0
        case "_==_", "_!=_": scanned = isList(argNodes[0]) ? bytes(argNodes[0], min(first, second)) : 0
        case "size", "startsWith", "endsWith", "charAt", "substring": scanned = first
        case "contains", "indexOf", "lastIndexOf": scanned = first *| max(1, second)
        case "matches":
            scanned = (first +| 1) *| max(1, matchesStates(argNodes) ?? (second *| 6 *| CostMeter.bytesPerStep))
        case "lowerAscii", "upperAscii", "reverse", "trim", "strings.quote":
            built = first *| 2
            result.size.length = built
        case "replace":
            scanned = first *| max(1, second)
            built = first *| max(1, sizes.count > 2 ? sizes[2] : 1)
            result.size.length = built
        case "split":
            scanned = first *| max(1, second)
            built = first +| (first +| 1) *| CostMeter.bytesPerElement
            result.size = Size(length: first +| 1, element: first)
        case "join":
            let length = first *| ((parts.first?.size.element ?? 0) +| second)
            built = length
            result.size.length = length
        case "format":
            let length = first +| second *| max(parts.count > 1 ? parts[1].size.element : 0, 64)
            built = length
            result.size.length = length
        default: break
        }
        result.steps = result.steps +| 1 +| (scanned +| built) / CostMeter.bytesPerStep
        result.bytes = result.bytes +| built
        return result
    }

    /// The most bytes of the text of a value of a fixed size (`string(date)`, `string(int)`).
    static let scalarText = 64

    /// Whether the node's checked type has a size that no input can grow (not a text, bytes, list, map, decimal or
    /// unknown type).
    func hasFixedSize(_ node: CELExpr) -> Bool {
        switch types[node.id] {
        case .bool?, .int?, .uint?, .double?, .date?, .days?, .timestamp?, .duration?, .null?: true
        default: false
        }
    }

    /// The most VM thread steps a literal `matches` pattern takes per position of the text, in bytes scanned: each
    /// instruction is added at most once per position, reached by at most two others.
    private func matchesStates(_ argNodes: [CELExpr]) -> Int? {
        guard argNodes.count == 2, case .literal(.string(let pattern)) = argNodes[1].kind,
            case .success(let regex) = RE2Pattern.compile(pattern)
        else { return nil }
        return regex.program.count *| 3 *| CostMeter.bytesPerStep
    }
}

infix operator +| : AdditionPrecedence
infix operator *| : MultiplicationPrecedence

/// Saturating arithmetic for estimates, which can be astronomically large.
extension Int {
    fileprivate static func +| (a: Int, b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? Int.max : Int.min) : sum
    }

    fileprivate static func *| (a: Int, b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? ((a < 0) != (b < 0) ? Int.min : Int.max) : product
    }
}
