/// Planning calls: logic with CEL's error absorption, operators, and library/host functions.
extension Planner {
    mutating func planCall(_ function: String, target: CELExpr?, args argNodes: [CELExpr], _ node: CELExpr) -> Step {
        let offset = node.offset
        let all = (target.map { [$0] } ?? []) + argNodes
        let steps = all.map { plan($0) }
        switch (function, steps.count) {
        case ("_&&_", 2), ("_||_", 2):
            return Self.logic(isAnd: function == "_&&_", steps[0], steps[1], offset)
        case ("_?_:_", 3):
            let (condition, then, otherwise) = (steps[0], steps[1], steps[2])
            return Step { state in
                switch condition(&state) {
                case .success(.bool(true)): return then(&state)
                case .success(.bool(false)): return otherwise(&state)
                case .success(let other): return .failure(CELEvalError.noSuchOverload("_?_:_", [other]).at(offset))
                case .failure(let failure): return .failure(failure)
                }
            }
        case ("!_", 1): return Self.unary(steps[0], offset, Operators.not)
        case ("-_", 1): return Self.unary(steps[0], offset, Operators.negate)
        default: break
        }
        if steps.count == 2, let op = Self.binaryOperator(function) {
            let work = Costs.operatorWork(function)
            if !tracing, case .literal(let literal) = all[1].kind {
                // A constant right operand: no closure call for it on each evaluation.
                let constant: CELValue = checked?.decimalLiterals[all[1].id].map { .decimal($0) } ?? literal.value
                let left = steps[0]
                return Step { state in
                    switch left(&state) {
                    case .success(let a):
                        if let work, let failure = state.charge(work(a, constant)) {
                            return .failure(failure.at(offset))
                        }
                        return op(a, constant).mapError { $0.at(offset) }
                    case .failure(let failure): return .failure(failure)
                    }
                }
            }
            return Self.binary(steps[0], steps[1], offset, work, op)
        }
        return planFunction(function, receiver: target != nil, all, steps, node)
    }

    static func binaryOperator(_ function: String) -> (@Sendable (CELValue, CELValue) -> CELResult)? {
        switch function {
        case "_+_": Operators.add
        case "_-_": Operators.subtract
        case "_*_": Operators.multiply
        case "_/_": Operators.divide
        case "_%_": Operators.modulo
        case "_==_": { .success(.bool(celEquals($0, $1) ?? false)) }
        case "_!=_": { .success(.bool(!(celEquals($0, $1) ?? false))) }
        case "_<_":
            { a, b in
                if case .int(let x) = a, case .int(let y) = b { return .success(.bool(x < y)) }
                return Operators.compare("_<_", a, b) { $0 < 0 }
            }
        case "_<=_":
            { a, b in
                if case .int(let x) = a, case .int(let y) = b { return .success(.bool(x <= y)) }
                return Operators.compare("_<=_", a, b) { $0 <= 0 }
            }
        case "_>_":
            { a, b in
                if case .int(let x) = a, case .int(let y) = b { return .success(.bool(x > y)) }
                return Operators.compare("_>_", a, b) { $0 > 0 }
            }
        case "_>=_":
            { a, b in
                if case .int(let x) = a, case .int(let y) = b { return .success(.bool(x >= y)) }
                return Operators.compare("_>=_", a, b) { $0 >= 0 }
            }
        case "@in": Operators.contains
        case "_[_]": Operators.index
        default: nil
        }
    }

    static func logic(isAnd: Bool, _ left: Step, _ right: Step, _ offset: Int) -> Step {
        let absorbing = !isAnd  // false absorbs &&, true absorbs ||
        return Step { state in
            let l = left(&state)
            if case .success(.bool(let value)) = l, value == absorbing { return l }
            let r = right(&state)
            if case .success(.bool(let value)) = r, value == absorbing { return r }
            switch (l, r) {
            case (.success(.bool), .success(.bool)): return r
            case (.failure(let failure), _), (_, .failure(let failure)): return .failure(failure)
            case (.success(let a), .success(let b)):
                return .failure(CELEvalError.noSuchOverload(isAnd ? "_&&_" : "_||_", [a, b]).at(offset))
            }
        }
    }

    static func unary(_ operand: Step, _ offset: Int, _ op: @escaping @Sendable (CELValue) -> CELResult)
        -> Step
    {
        return Step { state in
            switch operand(&state) {
            case .success(let value): return op(value).mapError { $0.at(offset) }
            case .failure(let failure): return .failure(failure)
            }
        }
    }

    static func binary(
        _ left: Step, _ right: Step, _ offset: Int, _ work: (@Sendable (CELValue, CELValue) -> Work)?,
        _ op: @escaping @Sendable (CELValue, CELValue) -> CELResult
    ) -> Step {
        return Step { state in
            let a: CELValue
            switch left(&state) {
            case .success(let value): a = value
            case .failure(let failure): return .failure(failure)
            }
            switch right(&state) {
            case .success(let b):
                if let work, let failure = state.charge(work(a, b)) { return .failure(failure.at(offset)) }
                let result = op(a, b)
                if case .failure(let failure) = result { return .failure(failure.at(offset)) }
                return result
            case .failure(let failure): return .failure(failure)
            }
        }
    }

    private func planFunction(_ function: String, receiver: Bool, _ nodes: [CELExpr], _ steps: [Step], _ node: CELExpr)
        -> Step
    {
        let offset = node.offset
        let overloads: [CELOverload]
        switch Self.candidates(
            function, receiver: receiver, nodes, call: node.id, environment: environment, checked: checked)
        {
        case .success(let candidates): overloads = candidates
        case .failure(let error): return Step { _ in .failure(error) }
        }
        let work = Costs.functionWork(function)
        let unbound = CELEvalError(.unboundFunction, message: "unbound function `\(function)`", offset: offset)
        return Step { state in
            var args: [CELValue] = []
            args.reserveCapacity(steps.count)
            for step in steps {
                switch step(&state) {
                case .success(let value): args.append(value)
                case .failure(let failure): return .failure(failure)
                }
            }
            guard !overloads.isEmpty else { return .failure(unbound) }
            guard state.charge() else { return .failure(CELEvalError.costExceeded.at(offset)) }
            let chosen = overloads.count == 1 ? overloads[0] : overloads.first { $0.accepts(args) }
            guard let chosen else { return .failure(CELEvalError.noSuchOverload(function, args).at(offset)) }
            if let work, let failure = state.charge(work(args)) { return .failure(failure.at(offset)) }
            return state.call(chosen, args).mapError { $0.at(offset) }
        }
    }

    /// The overloads a call may take: those the checker narrowed it to, else every overload of its name and
    /// shape; `matches` with a literal pattern gets one overload with the pattern compiled once. Fails for a
    /// literal pattern that does not compile. The interpreter and the fast path choose alike through this.
    static func candidates(
        _ function: String, receiver: Bool, _ nodes: [CELExpr], call: Int, environment: CELEnvironment,
        checked: CheckedAST?
    ) -> Result<[CELOverload], CELEvalError> {
        let candidates =
            checked?.overloads[call]
            ?? environment.overloads(function).filter {
                $0.isReceiverStyle == receiver && $0.parameters.count == nodes.count
            }
        guard function == "matches", nodes.count == 2, case .literal(.string(let pattern)) = nodes[1].kind else {
            return .success(candidates)
        }
        switch RE2Pattern.compile(pattern) {
        case .success(let regex):
            return .success([
                CELOverload(id: "matches_compiled", parameters: [.string, .string], result: .bool) { args, context in
                    guard case .string(let text) = args[0] else { return .failure(.noSuchOverload("matches", args)) }
                    return regex.matches(text, context)
                }
            ])
        case .failure(let failure):
            return .failure(CELEvalError(.invalidRegex, message: failure.message, offset: nodes[1].offset))
        }
    }
}
