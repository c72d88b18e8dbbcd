/// The comprehension macros at run time. Each iteration costs one step of the budget.
///
/// Error rules (CEL): `all` is false if any element gives false, else an error if any gave
/// one; `exists` is true if any gives true, else an error if any gave one; `exists_one`,
/// `count`, `map` and `filter` fail on the first error.
enum Comprehensions {
    static func step(
        kind: CELComprehensionKind, range: Step, slot: Int, predicate: Step, transform: Step?,
        offset: Int
    ) -> Step {
        return Step { state in
            let items: [CELValue]
            switch range(&state) {
            case .failure(let failure): return .failure(failure)
            case .success(.list(let values)): items = values
            case .success(.map(let map)): items = map.entries.map(\.key)
            case .success(let other):
                return .failure(
                    CELEvalError(
                        code: "cel.no-such-overload",
                        message: "`\(kind.rawValue)` needs a list or a map, found `\(other.type.runtimeName)`",
                        offset: offset))
            }
            var firstError: CELEvalError?
            var trueCount: Int64 = 0
            var output: [CELValue] = []
            for item in items {
                guard state.charge() else { return .failure(CELEvalError.costExceeded.at(offset)) }
                state.slots[slot] = item
                let result = predicate(&state)
                if kind == .map, transform == nil {
                    switch result {
                    case .success(let value): output.append(value)
                    case .failure(let failure): return .failure(failure)
                    }
                    continue
                }
                let verdict: Bool
                switch result {
                case .success(.bool(let value)): verdict = value
                case .success(let other):
                    let failure = CELEvalError(
                        code: "cel.no-such-overload",
                        message: "`\(kind.rawValue)` condition gave `\(other.type.runtimeName)`, not `bool`",
                        offset: offset)
                    if kind == .all || kind == .exists {
                        firstError = firstError ?? failure
                        continue
                    }
                    return .failure(failure)
                case .failure(let failure):
                    if kind == .all || kind == .exists {
                        firstError = firstError ?? failure
                        continue
                    }
                    return .failure(failure)
                }
                switch kind {
                case .all: if !verdict { return .success(.bool(false)) }
                case .exists: if verdict { return .success(.bool(true)) }
                case .existsOne, .count: if verdict { trueCount += 1 }
                case .filter: if verdict { output.append(item) }
                case .map:
                    guard verdict, let transform else { continue }
                    switch transform(&state) {
                    case .success(let value): output.append(value)
                    case .failure(let failure): return .failure(failure)
                    }
                }
            }
            if let firstError { return .failure(firstError) }
            switch kind {
            case .all: return .success(.bool(true))
            case .exists: return .success(.bool(false))
            case .existsOne: return .success(.bool(trueCount == 1))
            case .count: return .success(.int(trueCount))
            case .map, .filter: return .success(.list(output))
            }
        }
    }
}
