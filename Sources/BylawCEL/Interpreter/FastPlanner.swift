/// The fast path: a second plan of a checked expression that answers only when its answer is the interpreter's.
///
/// The interpreter (`Planner`) stays the reference. Every node it plans returns a `CELResult`, which carries an
/// error value beside the value; most rule expressions never meet an error, yet each node pays for building and
/// moving that pair. The fast plan's nodes give a plain value, or nil for "not settled here": an error, a
/// missing key, a comprehension, anything it does not handle. A nil at the root sends the whole evaluation to
/// the interpreter, which then gives the exact result and error; a value at the root is the value the
/// interpreter would give, because each node does what the interpreter's node does and charges the cost meter
/// the same amounts in the same order.
///
/// Boolean nodes are planned apart, as a three-way answer (`Tri`) with no value built at all: `&&` and `||`
/// with CEL's absorption (false absorbs `&&` whatever the other side is, error included), `!`, `has(…)` as a
/// look at a slot, and comparisons of a field with a literal read in place.
final class FastPlanner {
    let environment: CELEnvironment
    let checked: CheckedAST
    /// False once a node was planned as `.unsettled` (a comprehension, a name outside the layout, a function
    /// without overloads): such a program gets no fast plan at all. Then every nil a fast plan gives stands
    /// for an error in the interpreter, so both evaluate the same nodes, charge the meter alike, and agree.
    private(set) var complete = true
    /// The comprehension variables in scope, innermost last, with their slots in `FastState.locals`.
    private var scopes: [(name: String, slot: Int)] = []
    /// How many comprehension slots an evaluation needs.
    private(set) var slotCount = 0

    init(environment: CELEnvironment, checked: CheckedAST) {
        self.environment = environment
        self.checked = checked
    }

    private var unsettled: FastValue {
        complete = false
        return .unsettled
    }

    /// A plan of `node`'s value.
    func value(_ node: CELExpr) -> FastValue {
        switch node.kind {
        case .literal, .list, .map:
            guard let value = Planner.constant(node, checked) else { return unsettled }
            return FastValue { _ in value }
        case .ident(let name):
            return ident(name)
        case .select(let operandNode, let field, let testOnly):
            if testOnly {
                let test = has(operandNode, field)
                return FastValue { state in test.run(&state).value }
            }
            if let slot = mirroredSlot(operandNode, field) {
                return FastValue { state in state.mirrored(slot) }
            }
            let hint = fieldHint(operandNode, field)
            if case .ident(let name) = operandNode.kind, let place = slot(name) {
                return FastValue { state in state.field(place, field, hint: hint) }
            }
            // `a.date` where `a` is a comprehension variable: read where the element lies. Through the variable's
            // plan, each read copied the element's map and released it after.
            if case .ident(let name) = operandNode.kind, let local = scopes.last(where: { $0.name == name }) {
                let slot = local.slot
                return FastValue { state in state.localField(slot, field, hint: hint) }
            }
            let operand = value(operandNode)
            return FastValue { state in
                guard case .map(let map) = operand.run(&state) else { return nil }
                return map.value(named: field, hint: hint)
            }
        case .comprehension(let c):
            return comprehension(c)
        case .error:
            return unsettled
        case .call(let function, let target, let args):
            return call(function, target: target, args: args, node)
        }
    }

    /// A plan of `node` as a bool: `.unknown` when it is not a bool or not settled here.
    func bool(_ node: CELExpr) -> FastBool {
        switch node.kind {
        case .literal(.bool(let value)):
            let answer: Tri = value ? .yes : .no
            return FastBool { _ in answer }
        case .select(let operandNode, let field, true):
            return has(operandNode, field)
        case .call("_&&_", nil, let args) where args.count == 2:
            return Self.logic(absorbing: .no, bool(args[0]), bool(args[1]))
        case .call("_||_", nil, let args) where args.count == 2:
            return Self.logic(absorbing: .yes, bool(args[0]), bool(args[1]))
        case .call("!_", nil, let args) where args.count == 1:
            let operand = bool(args[0])
            return FastBool { state in operand.run(&state).negated }
        case .call(let function, nil, let args) where args.count == 2 && (function == "_==_" || function == "_!=_"):
            return equality(args[0], args[1], negated: function == "_!=_")
        case .call("@in", nil, let args) where args.count == 2:
            return membership(args[0], args[1])
        default:
            let plan = value(node)
            return FastBool { state in
                guard case .bool(let value) = plan.run(&state) else { return .unknown }
                return value ? .yes : .no
            }
        }
    }

    /// `all`, `exists`, `exists_one`, `count` and `filter` over one variable, as `Comprehensions.step` runs
    /// them: one step charged per iteration, `all` false and `exists` true as soon as an element says so, an
    /// element whose condition is not settled here remembered (the interpreter's error) and the answer left
    /// to the interpreter if nothing absorbs it. Other macros are the interpreter's.
    private func comprehension(_ c: CELComprehension) -> FastValue {
        if c.kind == .map, c.variable2 == nil, c.transform == nil { return map(c) }
        guard c.variable2 == nil, c.transform == nil,
            [.all, .exists, .existsOne, .count, .filter].contains(c.kind)
        else { return unsettled }
        let range = value(c.range)
        let (slot, predicate) = inScope(of: c.variable) { bool(c.predicate) }
        let kind = c.kind
        return FastValue { state in
            guard let items = Self.elements(range.run(&state)) else { return nil }
            var unsettled = false
            var trueCount: Int64 = 0
            var output: [CELValue] = []
            for item in items {
                guard state.meter.charge() else { return nil }
                state.locals[slot] = item
                switch predicate.run(&state) {
                case .unknown:
                    // The interpreter fails here: `all` and `exists` go on (a later element may absorb the
                    // error), the others stop.
                    guard kind == .all || kind == .exists else { return nil }
                    unsettled = true
                case .no:
                    if kind == .all { return .bool(false) }
                case .yes:
                    switch kind {
                    case .exists: return .bool(true)
                    case .existsOne, .count: trueCount += 1
                    case .filter:
                        guard state.meter.build(CostMeter.bytesPerElement) else { return nil }
                        output.append(item)
                    default: break
                    }
                }
            }
            if unsettled { return nil }
            switch kind {
            case .all: return .bool(true)
            case .exists: return .bool(false)
            case .existsOne: return .bool(trueCount == 1)
            case .count: return .int(trueCount)
            default: return .list(output)
            }
        }
    }

    /// `plan` made with `variable` in scope in a new local slot, and that slot.
    private func inScope<T>(of variable: String, _ plan: () -> T) -> (slot: Int, plan: T) {
        let slot = scopes.count
        scopes.append((variable, slot))
        slotCount = max(slotCount, scopes.count)
        let made = plan()
        scopes.removeLast()
        return (slot, made)
    }

    /// What a comprehension runs over: a list's elements or a map's keys; nil for anything else.
    private static func elements(_ range: CELValue?) -> [CELValue]? {
        switch range {
        case .list(let values)?: values
        case .map(let map)?: map.entries.map(\.key)
        default: nil
        }
    }

    /// `list.map(x, value)` over one variable, as `Comprehensions.step` runs it: one step charged per element
    /// and the list's bytes as each value is added; an element whose value is not settled here leaves the whole
    /// expression to the interpreter. (`map` with a condition, and two-variable forms, are the interpreter's.)
    private func map(_ c: CELComprehension) -> FastValue {
        let range = value(c.range)
        let (slot, element) = inScope(of: c.variable) { value(c.predicate) }
        return FastValue { state in
            guard let items = Self.elements(range.run(&state)) else { return nil }
            var output: [CELValue] = []
            output.reserveCapacity(items.count)
            for item in items {
                guard state.meter.charge() else { return nil }
                state.locals[slot] = item
                guard let v = element.run(&state), state.meter.build(CostMeter.bytesPerElement) else { return nil }
                output.append(v)
            }
            return .list(output)
        }
    }

    /// `&&` (false absorbs) or `||` (true absorbs), evaluated in the interpreter's order: the right side only when
    /// the left does not absorb, so the meter is charged as the interpreter charges it.
    private static func logic(absorbing: Tri, _ left: FastBool, _ right: FastBool) -> FastBool {
        FastBool { state in
            let l = left.run(&state)
            if l == absorbing { return l }
            let r = right.run(&state)
            if r == absorbing { return r }
            // Both bools and neither absorbs: the right one (the same as the left). Anything else is the
            // interpreter's to settle (an error, or a value that is not a bool).
            return l == .unknown ? .unknown : r
        }
    }

    /// Where `field` stands in a decoded object of the operand's type when the document lists every member in
    /// the schema's order: the entry `CELMap.value(named:hint:)` looks at first. -1 when the type is not known.
    private func fieldHint(_ operandNode: CELExpr, _ field: String) -> Int {
        guard case .object(let type)? = checked.types[operandNode.id] else { return -1 }
        return type.fields.firstIndex { $0.name == field } ?? -1
    }

    /// `has(operand.field)`.
    private func has(_ operandNode: CELExpr, _ field: String) -> FastBool {
        if let slot = mirroredSlot(operandNode, field) {
            return FastBool { state in state.mirroredPresence(slot) }
        }
        let operand = value(operandNode)
        let key = CELValue.string(field)
        return FastBool { state in
            guard case .map(let map) = operand.run(&state) else { return .unknown }
            return map[key] != nil ? .yes : .no
        }
    }

    /// `a == b` or `a != b`. The interpreter's equality never fails and charges only for lists; a string field
    /// against a string literal, the commonest test in rules, is compared where the field's value lies.
    private func equality(_ a: CELExpr, _ b: CELExpr, negated: Bool) -> FastBool {
        let (yes, no): (Tri, Tri) = negated ? (.no, .yes) : (.yes, .no)
        if case .literal(.string(let text)) = b.kind, case .select(let operandNode, let field, false) = a.kind,
            let slot = mirroredSlot(operandNode, field)
        {
            return FastBool { state in
                switch state.mirroredString(slot, equalTo: text) {
                case .some(true): return yes
                case .some(false): return no
                case .none:
                    // Not a string, or not there: the general comparison settles it.
                    guard let value = state.mirrored(slot) else { return .unknown }
                    return celEquals(value, .string(text)) == true ? yes : no
                }
            }
        }
        let left = value(a)
        let right = value(b)
        let work = Costs.operatorWork("_==_")
        return FastBool { state in
            guard let x = left.run(&state), let y = right.run(&state) else { return .unknown }
            if let work, !state.charge(work(x, y)) { return .unknown }
            return celEquals(x, y) == true ? yes : no
        }
    }

    /// `element in container`, as `Operators.contains` answers it and charged as `Costs.operatorWork("@in")`
    /// charges it, with no argument array and no result built: a string looked for in a list of strings
    /// (`"财务部门" in bodies`) is compared where each element lies.
    private func membership(_ a: CELExpr, _ b: CELExpr) -> FastBool {
        let element = value(a)
        let container = value(b)
        return FastBool { state in
            guard let x = element.run(&state), let y = container.run(&state) else { return .unknown }
            switch y {
            case .list(let items):
                guard state.meter.scan(items.count * CostMeter.bytesPerStep) else { return .unknown }
                if case .string(let text) = x {
                    for item in items {
                        if case .string(let other) = item {
                            if CodePoints.equal(other, text) { return .yes }
                        } else if celEquals(item, x) == true {
                            return .yes
                        }
                    }
                    return .no
                }
                return items.contains { celEquals($0, x) == true } ? .yes : .no
            case .map(let map):
                guard state.meter.scan(0) else { return .unknown }
                return map[x] != nil ? .yes : .no
            default:
                return .unknown
            }
        }
    }

    private func ident(_ name: String) -> FastValue {
        if let scoped = scopes.last(where: { $0.name == name }) {
            let slot = scoped.slot
            return FastValue { state in state.locals[slot] }
        }
        if let type = CELType.namedTypes[name], environment.variables[name] == nil {
            let value = CELValue.type(type)
            return FastValue { _ in value }
        }
        guard let place = slot(name) else { return unsettled }
        return FastValue { state in state.read(place) }
    }

    /// The slot of a variable in the environment's layout (not a type name, which `ident` reads as a value).
    private func slot(_ name: String) -> FastState.Slot? {
        if scopes.contains(where: { $0.name == name }) { return nil }
        if CELType.namedTypes[name] != nil, environment.variables[name] == nil { return nil }
        guard let layout = environment.layout, let slot = layout.slot(name) else { return nil }
        return FastState.Slot(layout: ObjectIdentifier(layout), index: slot)
    }

    /// The slot of `decision.field` where the layout mirrors `decision` (see `Planner.mirroredSelect`).
    private func mirroredSlot(_ operandNode: CELExpr, _ field: String) -> FastState.Mirrored? {
        guard case .ident(let name) = operandNode.kind, !scopes.contains(where: { $0.name == name }),
            let layout = environment.layout, let mirror = layout.mirror,
            mirror.object == name, let object = layout.slot(name), let slot = layout.slot(field), slot < mirror.fields
        else { return nil }
        return FastState.Mirrored(layout: ObjectIdentifier(layout), object: object, field: slot)
    }

    private func call(_ function: String, target: CELExpr?, args argNodes: [CELExpr], _ node: CELExpr) -> FastValue {
        let all = (target.map { [$0] } ?? []) + argNodes
        switch (function, all.count) {
        case ("_&&_", 2), ("_||_", 2), ("!_", 1), ("_==_", 2), ("_!=_", 2), ("@in", 2):
            let test = bool(node)
            return FastValue { state in test.run(&state).value }
        case ("_?_:_", 3):
            let (condition, then, otherwise) = (bool(all[0]), value(all[1]), value(all[2]))
            return FastValue { state in
                switch condition.run(&state) {
                case .yes: then.run(&state)
                case .no: otherwise.run(&state)
                case .unknown: nil
                }
            }
        case ("-_", 1):
            let operand = value(all[0])
            return FastValue { state in operand.run(&state).flatMap { try? Operators.negate($0).get() } }
        default: break
        }
        let steps = all.map(value)
        if steps.count == 2, let op = Planner.binaryOperator(function) {
            let (left, right) = (steps[0], steps[1])
            let work = Costs.operatorWork(function)
            return FastValue { state in
                guard let a = left.run(&state), let b = right.run(&state) else { return nil }
                if let work, !state.charge(work(a, b)) { return nil }
                return try? op(a, b).get()
            }
        }
        guard
            case .success(let overloads) = Planner.candidates(
                function, receiver: target != nil, all, call: node.id, environment: environment, checked: checked),
            !overloads.isEmpty
        else { return unsettled }
        let work = Costs.functionWork(function)
        return FastValue { state in
            var args: [CELValue] = []
            args.reserveCapacity(steps.count)
            for step in steps {
                guard let value = step.run(&state) else { return nil }
                args.append(value)
            }
            guard state.meter.charge() else { return nil }
            let chosen = overloads.count == 1 ? overloads[0] : overloads.first { $0.accepts(args) }
            guard let chosen else { return nil }
            if let work, !state.charge(work(args)) { return nil }
            return try? state.call(chosen, args).get()
        }
    }
}

/// A definite bool, or not settled on the fast path.
enum Tri: UInt8, Sendable {
    case no, yes, unknown

    var negated: Tri {
        switch self {
        case .no: .yes
        case .yes: .no
        case .unknown: .unknown
        }
    }

    var value: CELValue? {
        switch self {
        case .no: .bool(false)
        case .yes: .bool(true)
        case .unknown: nil
        }
    }
}

/// A planned node of the fast path: its value, or nil when the interpreter must settle it.
struct FastValue: Sendable {
    let run: @Sendable (inout FastState) -> CELValue?

    init(_ run: @escaping @Sendable (inout FastState) -> CELValue?) { self.run = run }

    static let unsettled = FastValue { _ in nil }
}

/// A planned boolean node of the fast path.
struct FastBool: Sendable {
    let run: @Sendable (inout FastState) -> Tri

    init(_ run: @escaping @Sendable (inout FastState) -> Tri) { self.run = run }
}

/// The state of one fast evaluation: the activation and its frame's slots, read in place, and the cost meter.
struct FastState {
    // INVARIANT: points at the activation `CELProgram.evaluate` holds for as long as the state lives.
    let activation: UnsafePointer<CELActivation>
    /// The identity of the frame's layout, nil without a frame.
    let layout: ObjectIdentifier?
    // INVARIANT: the frame's slots, which the activation holds unchanged for as long as the state lives:
    // reading them through the frame would copy the frame (two reference counts) on every read.
    let values: UnsafeBufferPointer<CELValue?>
    var meter: CostMeter
    // INVARIANT: the comprehension variables' values, initialised, in memory `CELProgram.evaluate` holds for as
    // long as the state lives (on the stack for a few): an array was an allocation for every evaluation of a
    // program with a comprehension, and made the state a type with something to free.
    let locals: UnsafeMutableBufferPointer<CELValue>

    init(_ activation: UnsafePointer<CELActivation>, locals: UnsafeMutableBufferPointer<CELValue>) {
        self.activation = activation
        self.locals = locals
        layout = activation.pointee.frame?.layoutID
        values =
            activation.pointee.frame?.values.withUnsafeBufferPointer { $0 } ?? UnsafeBufferPointer(start: nil, count: 0)
        meter = CostMeter(stepLimit: activation.pointee.costLimit, byteLimit: activation.pointee.memoryLimit)
    }

    /// A variable's slot in a layout.
    struct Slot {
        let layout: ObjectIdentifier
        let index: Int
    }

    /// A field of the mirrored object (`decision`) and the slot of the object itself.
    struct Mirrored {
        let layout: ObjectIdentifier
        let object: Int
        let field: Int
    }

    /// The variable's value when the frame has the program's layout and the slot is set.
    @inline(__always)
    func read(_ slot: Slot) -> CELValue? {
        guard layout == slot.layout else { return nil }
        return values[slot.index]
    }

    /// `variable.name` looked up where the variable's map lies, without copying the map.
    @inline(__always)
    func field(_ slot: Slot, _ name: String, hint: Int) -> CELValue? {
        guard layout == slot.layout, case .map(let map)? = values[slot.index] else { return nil }
        return map.value(named: name, hint: hint)
    }

    /// `variable.name` for a comprehension variable, looked up where the element lies, without copying its map.
    @inline(__always)
    func localField(_ slot: Int, _ name: String, hint: Int) -> CELValue? {
        guard case .map(let map) = locals[slot] else { return nil }
        return map.value(named: name, hint: hint)
    }

    /// `decision.field`, when the frame has the layout and `decision` is set; nil otherwise (then the
    /// interpreter looks the key up, and fails where it is missing).
    @inline(__always)
    func mirrored(_ slot: Mirrored) -> CELValue? {
        guard layout == slot.layout, values[slot.object] != nil else { return nil }
        return values[slot.field]
    }

    /// `has(decision.field)`.
    @inline(__always)
    func mirroredPresence(_ slot: Mirrored) -> Tri {
        guard layout == slot.layout, values[slot.object] != nil else { return .unknown }
        return values[slot.field] == nil ? .no : .yes
    }

    /// Whether `decision.field` is the string `text`, compared in place; nil when the field is not a string
    /// or cannot be read here.
    @inline(__always)
    func mirroredString(_ slot: Mirrored, equalTo text: String) -> Bool? {
        guard layout == slot.layout, values[slot.object] != nil, case .string(let value)? = values[slot.field] else {
            return nil
        }
        return CodePoints.equal(value, text)
    }

    @inline(__always)
    mutating func charge(_ work: Work) -> Bool {
        work.built > 0 ? meter.build(work.built) && meter.scan(work.scanned) : meter.scan(work.scanned)
    }

    mutating func call(_ overload: CELOverload, _ args: [CELValue]) -> CELResult {
        let activation = activation
        return withUnsafeMutablePointer(to: &meter) { meter in
            overload.implementation(args, CELEvalContext(activation, meter: meter))
        }
    }
}
