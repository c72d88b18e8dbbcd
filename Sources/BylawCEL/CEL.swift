/// The Common Expression Language, implemented natively in Swift.
///
/// `parse` gives an AST; `compile` parses, type-checks (unless `checked` is false) and plans
/// a ``CELProgram`` that can be evaluated many times.
public enum CEL {
    /// Parses, checks against `environment` and plans `source`.
    /// With `checked: false` the checker is skipped and every mistake becomes an evaluation error.
    public static func compile(_ source: String, environment: CELEnvironment, checked: Bool = true) -> Result<
        CELProgram, CELIssues
    > {
        let ast: CELAST
        switch parse(source) {
        case .success(let parsed): ast = Resolver.resolve(parsed, environment)
        case .failure(let issues): return .failure(issues)
        }
        var checkedAST: CheckedAST?
        var resultType = CELType.dyn
        if checked {
            var pass = Checker(environment: environment)
            resultType = pass.check(ast)
            if !pass.issues.isEmpty { return .failure(CELIssues(pass.issues)) }
            checkedAST = pass.checkedAST
        }
        var planner = Planner(environment: environment, checked: checkedAST, tracing: false)
        let step = planner.plan(ast.root)
        let fast = checkedAST.flatMap { fastPlan(ast.root, resultType, environment, $0) }
        let program = CELProgram(
            resultType: resultType, ast: ast,
            references: References.collect(ast.root, environment: environment, checked: checked),
            step: step, fast: fast?.plan, fastSlots: fast?.slots ?? 0, slotCount: planner.slotCount,
            environment: environment, checked: checkedAST)
        return .success(program)
    }

    /// The fast plan of a checked expression, or nil when part of it is not plannable fast (see `FastPlanner`).
    private static func fastPlan(_ root: CELExpr, _ type: CELType, _ environment: CELEnvironment, _ checked: CheckedAST)
        -> (plan: FastValue, slots: Int)?
    {
        let planner = FastPlanner(environment: environment, checked: checked)
        let plan: FastValue
        if type == .bool {
            let test = planner.bool(root)
            plan = FastValue { state in test.run(&state).value }
        } else {
            plan = planner.value(root)
        }
        return planner.complete ? (plan, planner.slotCount) : nil
    }
}

/// A planned expression: evaluate it as often as needed, from any thread.
public struct CELProgram: Sendable {
    /// Everything a program holds, shared: rules carry several programs and are copied as values, so a
    /// copy is one reference count instead of one per field.
    private final class Storage: Sendable {
        let resultType: CELType
        let ast: CELAST
        let references: [[String]]
        let step: Step
        let fast: FastValue?
        let fastSlots: Int
        let slotCount: Int
        let environment: CELEnvironment
        let checked: CheckedAST?

        init(
            resultType: CELType, ast: CELAST, references: [[String]], step: Step, fast: FastValue?, fastSlots: Int,
            slotCount: Int,
            environment: CELEnvironment, checked: CheckedAST?
        ) {
            self.resultType = resultType
            self.ast = ast
            self.references = references
            self.step = step
            self.fast = fast
            self.fastSlots = fastSlots
            self.slotCount = slotCount
            self.environment = environment
            self.checked = checked
        }
    }

    private let storage: Storage

    /// The checked type of the result (`dyn` when compiled unchecked).
    public var resultType: CELType { storage.resultType }
    /// The parsed expression, for hosts that print values under sub-expressions.
    public var ast: CELAST { storage.ast }
    /// The variable paths read: maximal select chains rooted at a declared variable.
    public var references: [[String]] { storage.references }
    var step: Step { storage.step }
    var slotCount: Int { storage.slotCount }
    var environment: CELEnvironment { storage.environment }
    var checked: CheckedAST? { storage.checked }

    init(
        resultType: CELType, ast: CELAST, references: [[String]], step: Step, fast: FastValue? = nil,
        fastSlots: Int = 0, slotCount: Int,
        environment: CELEnvironment, checked: CheckedAST?
    ) {
        storage = Storage(
            resultType: resultType, ast: ast, references: references, step: step, fast: fast, fastSlots: fastSlots,
            slotCount: slotCount,
            environment: environment, checked: checked)
    }

    /// Whether the program has a fast plan (see ``CELActivation/fastPath``).
    public var hasFastPath: Bool { storage.fast != nil }

    /// Evaluates against `activation`. Errors (including an exhausted cost budget) are results.
    ///
    /// The fast plan answers first when the program has one and the activation allows it; where it cannot
    /// settle the value, the interpreter, the reference, evaluates from the start.
    public func evaluate(_ activation: CELActivation) -> CELResult {
        var interpreted = 0
        return evaluate(activation, interpreted: &interpreted)
    }

    /// The same, adding one to `interpreted` when the fast path was allowed but the interpreter had to answer
    /// (the program has no fast plan, or its fast plan could not settle the value: an error, a missing key).
    public func evaluate(_ activation: CELActivation, interpreted: inout Int) -> CELResult {
        withUnsafePointer(to: activation) { activation in
            if activation.pointee.fastPath {
                if let fast = storage.fast {
                    let slots = storage.fastSlots
                    if slots == 0 {
                        var state = FastState(activation, locals: UnsafeMutableBufferPointer(start: nil, count: 0))
                        if let value = fast.run(&state) { return .success(value) }
                    } else if let value = withUnsafeTemporaryAllocation(
                        of: CELValue.self, capacity: slots,
                        { locals -> CELValue? in
                            locals.initialize(repeating: .null)
                            defer { _ = locals.deinitialize() }
                            var state = FastState(activation, locals: locals)
                            return fast.run(&state)
                        })
                    {
                        return .success(value)
                    }
                }
                interpreted += 1
            }
            var state = EvalState(activation, slotCount: storage.slotCount, tracing: false)
            return storage.step(&state)
        }
    }

    /// Evaluates and records the result of every evaluated sub-expression by node id
    /// (inside comprehensions, the last iteration's value).
    public func evaluateTraced(_ activation: CELActivation) -> (result: CELResult, trace: [Int: CELResult]) {
        var planner = Planner(environment: environment, checked: checked, tracing: true)
        let traced = planner.plan(ast.root)
        return withUnsafePointer(to: activation) { activation in
            var state = EvalState(activation, slotCount: planner.slotCount, tracing: true)
            let result = traced(&state)
            return (result, state.trace ?? [:])
        }
    }
}

/// Collects the variable paths an expression reads.
enum References {
    static func collect(_ root: CELExpr, environment: CELEnvironment, checked: Bool) -> [[String]] {
        var paths: [[String]] = []
        var seen: Set<[String]> = []
        func isRoot(_ name: String, _ bound: [String]) -> Bool {
            if bound.contains(name) { return false }
            if environment.variables[name] != nil { return true }
            return !checked && CELType.namedTypes[name] == nil
        }
        func chain(_ node: CELExpr) -> [String]? {
            switch node.kind {
            case .ident(let name): return [name]
            case .select(let operand, let field, _): return chain(operand).map { $0 + [field] }
            default: return nil
            }
        }
        var stack: [(CELExpr, [String])] = [(root, [])]
        while let (node, bound) = stack.popLast() {
            if case .select = node.kind, let path = chain(node), let first = path.first {
                if isRoot(first, bound), seen.insert(path).inserted { paths.append(path) }
                continue
            }
            switch node.kind {
            case .ident(let name):
                if isRoot(name, bound), seen.insert([name]).inserted { paths.append([name]) }
            case .comprehension(let c):
                stack.append(
                    contentsOf: [(c.transform, bound + c.variables), (c.predicate, bound + c.variables)].compactMap {
                        pair in pair.0.map { ($0, pair.1) }
                    })
                stack.append((c.range, bound))
            default:
                stack.append(contentsOf: node.children.reversed().map { ($0, bound) })
            }
        }
        return paths
    }
}
