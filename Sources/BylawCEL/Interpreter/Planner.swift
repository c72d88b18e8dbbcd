/// Turns a (checked) AST into a tree of closures, once; the closures run many times.
/// The planner trusts nothing: whatever the checker would reject still becomes an error value.
struct Planner {
    let environment: CELEnvironment
    let checked: CheckedAST?
    let tracing: Bool
    private var scopes: [(name: String, slot: Int)] = []
    private(set) var slotCount = 0

    init(environment: CELEnvironment, checked: CheckedAST?, tracing: Bool) {
        self.environment = environment
        self.checked = checked
        self.tracing = tracing
    }

    mutating func plan(_ node: CELExpr) -> Step {
        let step = planNode(node)
        guard tracing else { return step }
        let id = node.id
        return Step { state in
            let result = step(&state)
            state.trace?[id] = result
            return result
        }
    }

    private mutating func planNode(_ node: CELExpr) -> Step {
        let offset = node.offset
        // A literal list or map (`["出售", "出让"]`, `{"本单位": 0, …}`) is built once, not per evaluation.
        // Traced plans keep every item's node, for `explain`.
        if !tracing, node.kind.isAggregate, let value = Self.constant(node, checked) {
            let result = CELResult.success(value)
            return Step { _ in result }
        }
        switch node.kind {
        case .error:
            return Step { _ in
                .failure(CELEvalError(.syntax, message: "expression has a syntax error", offset: offset))
            }
        case .literal(let literal):
            let value: CELValue = checked?.decimalLiterals[node.id].map { .decimal($0) } ?? literal.value
            let result = CELResult.success(value)
            return Step { _ in result }
        case .ident(let name):
            return planIdent(name, offset)
        case .select(let operandNode, let field, let testOnly):
            let select = Self.select(plan(operandNode), field, testOnly: testOnly, offset)
            return mirroredSelect(operandNode, field, testOnly: testOnly, offset, otherwise: select) ?? select
        case .list(let itemNodes):
            let items = itemNodes.map { plan($0) }
            return Step { state in
                var values: [CELValue] = []
                values.reserveCapacity(items.count)
                for item in items {
                    switch item(&state) {
                    case .success(let value): values.append(value)
                    case .failure(let failure): return .failure(failure)
                    }
                }
                return .success(.list(values))
            }
        case .map(let entryNodes):
            let entries = entryNodes.map { (plan($0.key), plan($0.value)) }
            return Step { state in
                var map = CELMap()
                for (keyStep, valueStep) in entries {
                    guard case .success(let key) = keyStep(&state) else { return keyStep(&state) }
                    guard case .success(let value) = valueStep(&state) else { return valueStep(&state) }
                    do throws(CELEvalError) { try map.insert(key, value) } catch { return .failure(error.at(offset)) }
                }
                return .success(.map(map))
            }
        case .comprehension(let comprehension):
            return planComprehension(comprehension, offset)
        case .call(let function, let target, let args):
            return planCall(function, target: target, args: args, node)
        }
    }

    /// The value of a literal, or of a list or map built only of literals; nil for anything else, and for a
    /// map that is an error (a repeated or unsupported key), which is left to fail when evaluated.
    static func constant(_ node: CELExpr, _ checked: CheckedAST?) -> CELValue? {
        switch node.kind {
        case .literal(let literal):
            return checked?.decimalLiterals[node.id].map { .decimal($0) } ?? literal.value
        case .list(let items):
            var values: [CELValue] = []
            values.reserveCapacity(items.count)
            for item in items {
                guard let value = constant(item, checked) else { return nil }
                values.append(value)
            }
            return .list(values)
        case .map(let entries):
            var map = CELMap()
            for entry in entries {
                guard let key = constant(entry.key, checked), let value = constant(entry.value, checked) else {
                    return nil
                }
                do throws(CELEvalError) { try map.insert(key, value) } catch { return nil }
            }
            return .map(map)
        default:
            return nil
        }
    }

    /// `operand.field`, or `has(operand.field)` when `testOnly`, on whatever map the operand gives.
    private static func select(_ operand: Step, _ field: String, testOnly: Bool, _ offset: Int) -> Step {
        let key = CELValue.string(field)
        return Step { state in
            switch operand(&state) {
            case .failure(let failure): return .failure(failure)
            case .success(.map(let map)):
                if testOnly { return .success(.bool(map[key] != nil)) }
                if let value = map[key] { return .success(value) }
                return .failure(Operators.noSuchKey(key).at(offset))
            case .success(let other):
                return .failure(
                    CELEvalError(
                        .noSuchField,
                        message: "no such field `\(field)` on a value of type `\(other.type.runtimeName)`",
                        offset: offset))
            }
        }
    }

    /// `decision.f` and `has(decision.f)` read from `f`'s slot where the layout mirrors `decision` (see
    /// `CELLayout.init`), and by `otherwise` in any other activation; nil when the select is not of that
    /// form. Not in traced plans, which record the operand's value too.
    private func mirroredSelect(
        _ operandNode: CELExpr, _ field: String, testOnly: Bool, _ offset: Int, otherwise: Step
    ) -> Step? {
        guard !tracing, case .ident(let name) = operandNode.kind, !scopes.contains(where: { $0.name == name }),
            let layout = environment.layout, let mirror = layout.mirror, mirror.object == name,
            let objectSlot = layout.slot(name), let slot = layout.slot(field), slot < mirror.fields
        else { return nil }
        let key = CELValue.string(field)
        let layoutID = ObjectIdentifier(layout)
        return Step { state in
            // Read in place through the pointer, as `planIdent` does.
            let activation = state.activation
            guard activation.pointee.frame?.layoutID == layoutID, activation.pointee.frame?.values[objectSlot] != nil
            else { return otherwise(&state) }
            let value = activation.pointee.frame?.values[slot] ?? nil
            if testOnly { return .success(.bool(value != nil)) }
            if let value { return .success(value) }
            return .failure(Operators.noSuchKey(key).at(offset))
        }
    }

    private func planIdent(_ name: String, _ offset: Int) -> Step {
        if let scoped = scopes.last(where: { $0.name == name }) {
            let slot = scoped.slot
            return Step { state in .success(state.slots[slot]) }
        }
        let typeValue = CELType.namedTypes[name].map { CELValue.type($0) }
        if checked != nil, environment.variables[name] == nil, let typeValue {
            return Step { _ in .success(typeValue) }
        }
        let declared = environment.variables[name] != nil
        let layoutID = environment.layout.map(ObjectIdentifier.init)
        let slot = environment.layout?.slot(name)
        return Step { state in
            // Read in place through the pointer: binding the frame to a local would copy it.
            let activation = state.activation
            if let slot, activation.pointee.frame?.layoutID == layoutID {
                if let value = activation.pointee.frame?.values[slot] { return .success(value) }
            } else if let value = activation.pointee.frame?[name] {
                return .success(value)
            }
            if let value = activation.pointee.variables[name] { return .success(value) }
            if let typeValue { return .success(typeValue) }
            let message = declared ? "no value for variable `\(name)`" : "undeclared reference to `\(name)`"
            return .failure(CELEvalError(.unboundVariable, message: message, offset: offset))
        }
    }

    private mutating func planComprehension(_ c: CELComprehension, _ offset: Int) -> Step {
        let range = plan(c.range)
        let first = scopes.count
        scopes.append((c.variable, first))
        var second: Int?
        if let variable2 = c.variable2 {
            second = scopes.count
            scopes.append((variable2, scopes.count))
        }
        slotCount = max(slotCount, scopes.count)
        let predicate = plan(c.predicate)
        let transform = c.transform.map { plan($0) }
        scopes.removeLast(c.variables.count)
        return Comprehensions.step(
            kind: c.kind, range: range, slots: Comprehensions.Slots(first: first, second: second),
            predicate: predicate, transform: transform, offset: offset)
    }
}

extension CELExprKind {
    fileprivate var isAggregate: Bool {
        switch self {
        case .list, .map: true
        default: false
        }
    }
}
