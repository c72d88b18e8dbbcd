/// The strings extension library of cel-go: indexes and lengths count code points (Unicode scalars).
extension Library {
    static func outOfRange(_ index: Int64) -> CELResult {
        error(.indexOutOfRange, "index out of range: \(index)")
    }

    static func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    static func text(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Where `needle` occurs in `haystack` at or after `from` (forward) or at or before it (backward).
    static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int, backward: Bool) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        let last = haystack.count - needle.count
        let positions: StrideThrough<Int> =
            backward ? stride(from: min(from, last), through: 0, by: -1) : stride(from: from, through: last, by: 1)
        for start in positions where haystack[start..<start + needle.count].elementsEqual(needle) { return start }
        return nil
    }

    static let stringExtensionFunctions: [CELFunction] = {
        let charAt: Impl = { args, _ in
            guard args.count == 2, case .string(let s) = args[0], case .int(let i) = args[1] else {
                return .failure(.noSuchOverload("charAt", args))
            }
            let chars = scalars(s)
            guard i >= 0, i <= chars.count else { return outOfRange(i) }
            return .success(.string(i == chars.count ? "" : String(chars[Int(i)])))
        }
        func indexOf(backward: Bool) -> Impl {
            let name = backward ? "lastIndexOf" : "indexOf"
            return { args, _ in
                guard args.count == 2 || args.count == 3, case .string(let s) = args[0],
                    case .string(let t) = args[1]
                else { return .failure(.noSuchOverload(name, args)) }
                let haystack = scalars(s)
                let needle = scalars(t)
                var from = backward ? haystack.count : 0
                if args.count == 3 {
                    guard case .int(let offset) = args[2] else { return .failure(.noSuchOverload(name, args)) }
                    let limit = backward ? haystack.count - 1 : haystack.count
                    guard offset >= 0, offset <= limit else { return outOfRange(offset) }
                    from = Int(offset)
                }
                if needle.isEmpty { return .success(.int(Int64(from))) }
                return .success(.int(find(needle, in: haystack, from: from, backward: backward).map(Int64.init) ?? -1))
            }
        }
        func ascii(_ name: String, upper: Bool) -> Impl {
            unary { value in
                guard case .string(let s) = value else { return .failure(.noSuchOverload(name, [value])) }
                let mapped = s.unicodeScalars.map { c -> Unicode.Scalar in
                    let v = c.value
                    if upper, v >= 97, v <= 122 { return Unicode.Scalar(UInt8(v - 32)) }
                    if !upper, v >= 65, v <= 90 { return Unicode.Scalar(UInt8(v + 32)) }
                    return c
                }
                return .success(.string(text(mapped)))
            }
        }
        let substring: Impl = { args, _ in
            guard args.count == 2 || args.count == 3, case .string(let s) = args[0], case .int(let start) = args[1]
            else { return .failure(.noSuchOverload("substring", args)) }
            let chars = scalars(s)
            var end = Int64(chars.count)
            if args.count == 3 {
                guard case .int(let e) = args[2] else { return .failure(.noSuchOverload("substring", args)) }
                end = e
            }
            guard start >= 0, start <= chars.count else { return outOfRange(start) }
            guard end >= 0, end <= chars.count else { return outOfRange(end) }
            guard start <= end else {
                return error(.invalidArgument, "invalid substring range. start: \(start), end: \(end)")
            }
            return .success(.string(text(chars[Int(start)..<Int(end)])))
        }
        let trim = unary { value in
            guard case .string(let s) = value else { return .failure(.noSuchOverload("trim", [value])) }
            let chars = scalars(s)
            guard let first = chars.firstIndex(where: { !isSpace($0) }),
                let last = chars.lastIndex(where: { !isSpace($0) })
            else { return .success(.string("")) }
            return .success(.string(text(chars[first...last])))
        }
        let reverse = unary { value in
            guard case .string(let s) = value else { return .failure(.noSuchOverload("reverse", [value])) }
            return .success(.string(text(s.unicodeScalars.reversed())))
        }
        let quote: Impl = { args, context in
            guard args.count == 1, case .string(let s) = args[0] else {
                return .failure(.noSuchOverload("strings.quote", args))
            }
            guard context.charge(building: s.utf8.count * 2 + 2) else { return .failure(context.costLimitError) }
            return .success(.string(quoted(s)))
        }
        return [
            CELFunction(
                name: "charAt",
                overloads: [overload("string_char_at_int", [.string, .int], .string, receiver: true, charAt)]),
            CELFunction(
                name: "indexOf",
                overloads: [
                    overload(
                        "string_index_of_string", [.string, .string], .int, receiver: true, indexOf(backward: false)),
                    overload(
                        "string_index_of_string_int", [.string, .string, .int], .int, receiver: true,
                        indexOf(backward: false)),
                ]),
            CELFunction(
                name: "lastIndexOf",
                overloads: [
                    overload(
                        "string_last_index_of_string", [.string, .string], .int, receiver: true, indexOf(backward: true)
                    ),
                    overload(
                        "string_last_index_of_string_int", [.string, .string, .int], .int, receiver: true,
                        indexOf(backward: true)),
                ]),
            CELFunction(
                name: "lowerAscii",
                overloads: [
                    overload(
                        "string_lower_ascii", [.string], .string, receiver: true, ascii("lowerAscii", upper: false))
                ]),
            CELFunction(
                name: "upperAscii",
                overloads: [
                    overload("string_upper_ascii", [.string], .string, receiver: true, ascii("upperAscii", upper: true))
                ]),
            CELFunction(
                name: "substring",
                overloads: [
                    overload("string_substring_int", [.string, .int], .string, receiver: true, substring),
                    overload("string_substring_int_int", [.string, .int, .int], .string, receiver: true, substring),
                ]),
            CELFunction(name: "trim", overloads: [overload("string_trim", [.string], .string, receiver: true, trim)]),
            CELFunction(
                name: "reverse", overloads: [overload("string_reverse", [.string], .string, receiver: true, reverse)]),
            CELFunction(name: "strings.quote", overloads: [overload("strings_quote", [.string], .string, quote)]),
            CELFunction(
                name: "replace",
                overloads: [
                    overload(
                        "string_replace_string_string", [.string, .string, .string], .string, receiver: true, replace),
                    overload(
                        "string_replace_string_string_int", [.string, .string, .string, .int], .string, receiver: true,
                        replace),
                ]),
            CELFunction(
                name: "split",
                overloads: [
                    overload("string_split_string", [.string, .string], .list(.string), receiver: true, split),
                    overload(
                        "string_split_string_int", [.string, .string, .int], .list(.string), receiver: true, split),
                ]),
            CELFunction(
                name: "join",
                overloads: [
                    overload("list_join", [.list(.string)], .string, receiver: true, join),
                    overload("list_join_string", [.list(.string), .string], .string, receiver: true, join),
                ]),
            CELFunction(
                name: "format",
                overloads: [
                    overload("string_format", [.string, .list(.dyn)], .string, receiver: true, StringFormat.format)
                ]),
        ]
    }()
}
