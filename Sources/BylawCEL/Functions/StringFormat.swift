import Foundation

/// `string.format(list)`: printf-like clauses `%s %d %f %e %x %X %o %b` and `%%`, with an optional precision
/// (`%.3f`) for `%f` and `%e` (6 when absent). Doubles are rounded from their exact binary value, half to even,
/// as cel-go's Go formatting does; decimals are formatted exactly, rounded half away from zero as `round`.
enum StringFormat {
    static let maxPrecision = 100

    static let format: Library.Impl = { args, context in
        guard args.count == 2, case .string(let pattern) = args[0], case .list(let values) = args[1] else {
            return .failure(.noSuchOverload("format", args))
        }
        var out = ""
        var next = 0
        var chars = pattern.unicodeScalars.makeIterator()
        while let c = chars.next() {
            guard c == "%" else {
                out.unicodeScalars.append(c)
                continue
            }
            guard var clause = chars.next() else { return failure("unterminated formatting clause") }
            if clause == "%" {
                out.append("%")
                continue
            }
            var precision: Int?
            if clause == "." {
                var digits = 0
                repeat {
                    guard let d = chars.next() else { return failure("unterminated formatting clause") }
                    clause = d
                    if d.value >= 48, d.value <= 57 { digits = min(digits * 10 + Int(d.value - 48), maxPrecision + 1) }
                } while clause.value >= 48 && clause.value <= 57
                guard digits <= maxPrecision else { return failure("precision above \(maxPrecision)") }
                precision = digits
            }
            guard next < values.count else { return failure("index \(next) out of range") }
            let value = values[next]
            next += 1
            let piece: Result<String, CELEvalError>
            switch clause {
            case "s":
                // Charged as it is written: a list of many references to one long string is short to hold but
                // long to write.
                var text = ""
                if let failure = write(value, into: &text, context) { return .failure(failure) }
                out += text
                continue
            case "d": piece = decimalClause(value)
            case "f": piece = fixed(value, precision ?? 6)
            case "e": piece = scientific(value, precision ?? 6)
            case "x", "X": piece = hex(value, upper: clause == "X")
            case "o": piece = radix(value, 8, "octal clause can only be used on integers")
            case "b": piece = binary(value)
            default:
                return failure("could not parse formatting clause: unrecognized formatting clause \"\(clause)\"")
            }
            switch piece {
            case .success(let text):
                guard context.charge(building: text.utf8.count) else { return .failure(context.costLimitError) }
                out += text
            case .failure(let failure): return .failure(failure)
            }
        }
        return .success(.string(out))
    }

    static func failure(_ message: String) -> CELResult {
        .failure(CELEvalError(.invalidArgument, message: message))
    }

    static func wrong(_ what: String, _ value: CELValue) -> Result<String, CELEvalError> {
        .failure(
            CELEvalError(
                .invalidArgument,
                message: "error during formatting: \(what), was given \(value.type.runtimeName)"))
    }

    /// NaN and the infinities as `%d`, `%f` and `%e` write them.
    static func special(_ d: Double) -> String? {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return nil
    }

    /// Appends the `%s` text of a value to `out`, charging each piece before it is appended: strings as they
    /// are, lists and maps with their members so written (map entries sorted by key), timestamps and durations
    /// as `string()` gives them.
    static func write(_ value: CELValue, into out: inout String, _ context: CELEvalContext) -> CELEvalError? {
        func put(_ text: String) -> CELEvalError? {
            guard context.charge(building: text.utf8.count) else { return context.costLimitError }
            out += text
            return nil
        }
        switch value {
        case .string(let s): return put(s)
        case .bytes(let b): return put(String(decoding: b, as: UTF8.self))
        case .double(let d): return put(special(d) ?? CELValue.render(d))
        case .list(let items):
            if let failure = put("[") { return failure }
            for (index, item) in items.enumerated() {
                if index > 0, let failure = put(", ") { return failure }
                if let failure = write(item, into: &out, context) { return failure }
            }
            return put("]")
        case .map(let map):
            var entries: [(key: String, value: CELValue)] = []
            for entry in map.entries {
                var key = ""
                if let failure = write(entry.key, into: &key, context) { return failure }
                entries.append((key, entry.value))
            }
            entries.sort { CodePoints.compare($0.key, $1.key) < 0 }
            if let failure = put("{") { return failure }
            for (index, entry) in entries.enumerated() {
                if let failure = put((index > 0 ? ", " : "") + entry.key + ": ") { return failure }
                if let failure = write(entry.value, into: &out, context) { return failure }
            }
            return put("}")
        case .type(let t): return put(t.runtimeName)
        case .uint(let u): return put(String(u))
        case .decimal(let d): return put(d.description)
        case .date(let d): return put(d.description)
        default: return put(value.description)
        }
    }

    static func decimalClause(_ value: CELValue) -> Result<String, CELEvalError> {
        switch value {
        case .int(let i): .success(String(i))
        case .uint(let u): .success(String(u))
        case .double(let d) where !d.isFinite: .success(special(d) ?? "")
        default: wrong("decimal clause can only be used on integers", value)
        }
    }

    static func fixed(_ value: CELValue, _ precision: Int) -> Result<String, CELEvalError> {
        switch value {
        case .double(let d): .success(special(d) ?? String(format: "%.\(precision)f", d))
        case .decimal(let d):
            CELDecimal.round(d, places: min(precision, CELDecimal.maxScale)).map { .success($0.description) }
                ?? .failure(.overflow("decimal"))
        default: wrong("fixed-point clause can only be used on doubles", value)
        }
    }

    static func scientific(_ value: CELValue, _ precision: Int) -> Result<String, CELEvalError> {
        guard case .double(let d) = value else { return wrong("scientific clause can only be used on doubles", value) }
        return .success(special(d) ?? String(format: "%.\(precision)e", d))
    }

    static func hex(_ value: CELValue, upper: Bool) -> Result<String, CELEvalError> {
        let digits = upper ? Array("0123456789ABCDEF".utf8) : Array("0123456789abcdef".utf8)
        func bytes(_ b: [UInt8]) -> String {
            String(decoding: b.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
        }
        switch value {
        case .string(let s): return .success(bytes(Array(s.utf8)))
        case .bytes(let b): return .success(bytes(b))
        case .int, .uint:
            let text = radix(value, 16, "")
            return upper ? text.map { $0.uppercased() } : text
        default: return wrong("only integers, byte buffers, and strings can be formatted as hex", value)
        }
    }

    static func radix(_ value: CELValue, _ base: Int, _ what: String) -> Result<String, CELEvalError> {
        switch value {
        case .int(let i): .success((i < 0 ? "-" : "") + String(i.magnitude, radix: base))
        case .uint(let u): .success(String(u, radix: base))
        default: wrong(what, value)
        }
    }

    static func binary(_ value: CELValue) -> Result<String, CELEvalError> {
        if case .bool(let b) = value { return .success(b ? "1" : "0") }
        return radix(value, 2, "only integers and bools can be formatted as binary")
    }
}
