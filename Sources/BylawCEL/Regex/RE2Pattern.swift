/// A compiled regular expression run by a Pike VM: time linear in the text × the pattern,
/// no backtracking, so hostile patterns such as `(a+)+$` cannot blow up.
struct RE2Pattern: Sendable {
    enum Instruction: Sendable {
        case set(ScalarSet)
        case split(Int, Int)
        case jump(Int)
        case lineStart, lineEnd
        case wordBoundary(Bool)
        case match
    }

    static let maxInstructions = 20_000
    let program: [Instruction]

    /// Compiles `pattern`, or explains why it is not supported.
    static func compile(_ pattern: String) -> Result<RE2Pattern, RegexSyntaxError> {
        var parser = RegexParser(pattern)
        do {
            let tree = try parser.parse()
            var program: [Instruction] = []
            try emit(tree, into: &program)
            program.append(.match)
            return .success(RE2Pattern(program: program))
        } catch {
            return .failure(error)
        }
    }

    private static func emit(_ node: RegexNode, into program: inout [Instruction]) throws(RegexSyntaxError) {
        guard program.count < maxInstructions else {
            throw RegexSyntaxError(message: "regular expression is too large")
        }
        switch node {
        case .empty: break
        case .set(let set): program.append(.set(set))
        case .lineStart: program.append(.lineStart)
        case .lineEnd: program.append(.lineEnd)
        case .wordBoundary(let yes): program.append(.wordBoundary(yes))
        case .concat(let items): for item in items { try emit(item, into: &program) }
        case .alternate(let branches):
            var jumps: [Int] = []
            for (index, branch) in branches.enumerated() {
                if index < branches.count - 1 {
                    let split = program.count
                    program.append(.split(split + 1, 0))
                    try emit(branch, into: &program)
                    jumps.append(program.count)
                    program.append(.jump(0))
                    program[split] = .split(split + 1, program.count)
                } else {
                    try emit(branch, into: &program)
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case .repeated(let inner, let low, let high):
            for _ in 0..<low { try emit(inner, into: &program) }
            if let high {
                var splits: [Int] = []
                for _ in low..<high {
                    splits.append(program.count)
                    program.append(.split(0, 0))
                    try emit(inner, into: &program)
                }
                for split in splits { program[split] = .split(split + 1, program.count) }
            } else {
                let split = program.count
                program.append(.split(0, 0))
                try emit(inner, into: &program)
                program.append(.jump(split))
                program[split] = .split(split + 1, program.count)
            }
        }
    }

    /// VM thread steps per step of the cost budget.
    static let threadStepsPerCostStep = 1

    /// Whether the pattern matches anywhere in `text` (RE2 partial-match semantics), charging the work to
    /// `context`'s budget as it goes: one step per `threadStepsPerCostStep` threads run.
    func matches(_ text: String, _ context: CELEvalContext) -> CELResult {
        let chunk = 4096
        let matched = matches(text, chunk: chunk) { context.charge(steps: chunk / Self.threadStepsPerCostStep) }
        guard let matched else { return .failure(context.costLimitError) }
        return .success(.bool(matched))
    }

    /// Runs the VM, calling `afford` after every `chunk` thread steps; nil when `afford` says no.
    private func matches(_ text: String, chunk: Int, afford: () -> Bool) -> Bool? {
        let input = Array(text.unicodeScalars)
        var current = ThreadList(size: program.count)
        var next = ThreadList(size: program.count)
        var steps = 0
        // One stack for every `add`: a new array per thread would be an allocation per thread per position.
        var stack: [Int] = []
        stack.reserveCapacity(program.count)
        for position in 0...input.count {
            if add(0, at: position, input, &current, &steps, &stack) { return true }
            guard position < input.count else { break }
            let scalar = input[position]
            next.clear()
            for pc in current.items {
                if case .set(let set) = program[pc], set.contains(scalar) {
                    if add(pc + 1, at: position + 1, input, &next, &steps, &stack) { return true }
                }
            }
            swap(&current, &next)
            if steps >= chunk {
                guard afford() else { return nil }
                steps -= chunk
            }
        }
        return false
    }

    /// Adds the thread at `pc` and everything reachable without consuming; true on a match.
    private func add(
        _ start: Int, at position: Int, _ input: [Unicode.Scalar], _ list: inout ThreadList, _ steps: inout Int,
        _ stack: inout [Int]
    ) -> Bool {
        stack.removeAll(keepingCapacity: true)
        stack.append(start)
        while let pc = stack.popLast() {
            steps += 1
            guard list.insert(pc) else { continue }
            switch program[pc] {
            case .match: return true
            case .jump(let target): stack.append(target)
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .lineStart: if position == 0 { stack.append(pc + 1) }
            case .lineEnd: if position == input.count { stack.append(pc + 1) }
            case .wordBoundary(let wanted):
                func isWord(_ i: Int) -> Bool { i >= 0 && i < input.count && ScalarSet.word.contains(input[i]) }
                if (isWord(position - 1) != isWord(position)) == wanted { stack.append(pc + 1) }
            case .set: break
            }
        }
        return false
    }
}

/// A sparse set of program counters in insertion order.
struct ThreadList {
    private var seen: [Int]
    private var generation = 1
    private(set) var items: [Int] = []

    init(size: Int) { seen = Array(repeating: 0, count: size) }

    mutating func insert(_ pc: Int) -> Bool {
        if seen[pc] == generation { return false }
        seen[pc] = generation
        items.append(pc)
        return true
    }

    mutating func clear() {
        generation += 1
        items.removeAll(keepingCapacity: true)
    }
}
