/// The comprehension macros at run time. Each iteration costs one step of the budget, and each element a
/// comprehension builds counts against the memory budget.
///
/// Error rules (CEL): `all` is false if any element gives false, else an error if any gave
/// one; `exists` is true if any gives true, else an error if any gave one; `exists_one`,
/// `count`, `map`, `filter` and the transforms fail on the first error.
enum Comprehensions {
    /// Where the loop variables live: `first` always, `second` for a two-variable comprehension.
    struct Slots {
        var first: Int
        var second: Int?
    }

    static func step(
        kind: CELComprehensionKind, range: Step, slots: Slots, predicate: Step, transform: Step?,
        offset: Int
    ) -> Step {
        let isTransform = kind.isTransform
        return Step { state in
            let firsts: [CELValue]
            var seconds: [CELValue] = []
            switch range(&state) {
            case .failure(let failure): return .failure(failure)
            case .success(.list(let values)):
                if slots.second != nil {
                    firsts = values.indices.map { .int(Int64($0)) }
                    seconds = values
                } else {
                    firsts = values
                }
            case .success(.map(let map)):
                firsts = map.entries.map(\.key)
                if slots.second != nil { seconds = map.entries.map(\.value) }
            case .success(let other):
                return .failure(
                    CELEvalError(
                        .noSuchOverload,
                        message: "`\(kind.rawValue)` needs a list or a map, found `\(other.type.runtimeName)`",
                        offset: offset))
            }
            var firstError: CELEvalError?
            var trueCount: Int64 = 0
            var output: [CELValue] = []
            var outputMap = CELMap()
            for (index, item) in firsts.enumerated() {
                guard state.charge() else { return .failure(state.meter.exceeded.at(offset)) }
                state.slots[slots.first] = item
                if let second = slots.second { state.slots[second] = seconds[index] }
                let result = predicate(&state)
                if isTransform, transform == nil {
                    switch result {
                    case .success(let value):
                        if let failure = emit(kind, item, value, &output, &outputMap, &state) {
                            return .failure(failure.at(offset))
                        }
                    case .failure(let failure): return .failure(failure)
                    }
                    continue
                }
                let verdict: Bool
                switch result {
                case .success(.bool(let value)): verdict = value
                case .success(let other):
                    let failure = CELEvalError(
                        .noSuchOverload,
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
                case .filter:
                    if verdict {
                        guard state.meter.build(CostMeter.bytesPerElement) else {
                            return .failure(state.meter.exceeded.at(offset))
                        }
                        output.append(item)
                    }
                case .map, .transformList, .transformMap, .transformMapEntry:
                    guard verdict, let transform else { continue }
                    switch transform(&state) {
                    case .success(let value):
                        if let failure = emit(kind, item, value, &output, &outputMap, &state) {
                            return .failure(failure.at(offset))
                        }
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
            case .map, .filter, .transformList: return .success(.list(output))
            case .transformMap, .transformMapEntry: return .success(.map(outputMap))
            }
        }
    }

    /// Adds one transformed value to the output: a list element, a map entry under `key`, or the entry of the
    /// one-entry map `value` (`transformMapEntry`).
    private static func emit(
        _ kind: CELComprehensionKind, _ key: CELValue, _ value: CELValue, _ output: inout [CELValue],
        _ outputMap: inout CELMap, _ state: inout EvalState
    ) -> CELEvalError? {
        guard state.meter.build(CostMeter.bytesPerElement) else { return state.meter.exceeded }
        do throws(CELEvalError) {
            switch kind {
            case .transformMap: try outputMap.insert(key, value)
            case .transformMapEntry:
                guard case .map(let entry) = value else {
                    return CELEvalError(
                        .noSuchOverload,
                        message: "`transformMapEntry` needs a map, found `\(value.type.runtimeName)`")
                }
                for pair in entry.entries {
                    guard outputMap[pair.key] == nil else {
                        return CELEvalError(.duplicateKey, message: "insert failed: key \(pair.key) already exists")
                    }
                    try outputMap.insert(pair.key, pair.value)
                }
            default: output.append(value)
            }
        } catch {
            return error
        }
        return nil
    }
}
