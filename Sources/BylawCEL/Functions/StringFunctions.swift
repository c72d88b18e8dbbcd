/// The strings extension library of cel-go: indexes and lengths count code points (Unicode scalars).
extension Library {
    static func outOfRange(_ index: Int64) -> CELResult {
        error("cel.index-out-of-range", "index out of range: \(index)")
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
                return error("cel.invalid-argument", "invalid substring range. start: \(start), end: \(end)")
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

    /// Unicode white space as cel-spec's `trim` lists it (the White_Space property).
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// `s` in double quotes with `\a \b \f \n \r \t \v \\ \"` escaped, other characters as they are.
    static func quoted(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        out.append("\"")
        for c in s.unicodeScalars {
            let escape: String? =
                switch c {
                case "\u{07}": "\\a"
                case "\u{08}": "\\b"
                case "\u{0C}": "\\f"
                case "\n": "\\n"
                case "\r": "\\r"
                case "\t": "\\t"
                case "\u{0B}": "\\v"
                case "\\": "\\\\"
                case "\"": "\\\""
                default: nil
                }
            if let escape { out.append(contentsOf: escape.unicodeScalars) } else { out.append(c) }
        }
        out.append("\"")
        return String(out)
    }

    /// `s.replace(old, new[, limit])`: at most `limit` replacements from the left (all when negative); an empty
    /// `old` matches before every code point and at the end.
    static let replace: Impl = { args, context in
        guard args.count == 3 || args.count == 4, case .string(let s) = args[0], case .string(let old) = args[1],
            case .string(let new) = args[2]
        else { return .failure(.noSuchOverload("replace", args)) }
        var limit = Int64(-1)
        if args.count == 4 {
            guard case .int(let n) = args[3] else { return .failure(.noSuchOverload("replace", args)) }
            limit = n
        }
        let haystack = scalars(s)
        let needle = scalars(old)
        guard context.charge(scanning: s.utf8.count) else { return .failure(context.costLimitError) }
        // Find the matches first, so the size of the result is known before it is built.
        var matches: [Int] = []
        var position = 0
        while limit < 0 || matches.count < limit {
            if needle.isEmpty {
                guard position <= haystack.count else { break }
                matches.append(position)
                position += 1
            } else {
                guard let found = find(needle, in: haystack, from: position, backward: false) else { break }
                matches.append(found)
                position = found + needle.count
            }
        }
        let newBytes = new.utf8.count
        let (extra, overflow) = matches.count.multipliedReportingOverflow(by: newBytes)
        let (size, overflow2) = s.utf8.count.addingReportingOverflow(extra)
        guard !overflow, !overflow2, context.charge(building: size) else {
            return .failure(context.costLimitError)
        }
        var out = String.UnicodeScalarView()
        var copied = 0
        for match in matches {
            out.append(contentsOf: haystack[copied..<match])
            out.append(contentsOf: new.unicodeScalars)
            copied = match + needle.count
        }
        if copied < haystack.count { out.append(contentsOf: haystack[copied...]) }
        return .success(.string(String(out)))
    }

    /// `s.split(sep[, limit])`: all pieces when `limit` is negative, none when 0, at most `limit` otherwise (the
    /// last piece keeps the rest); an empty separator splits into code points.
    static let split: Impl = { args, context in
        guard args.count == 2 || args.count == 3, case .string(let s) = args[0], case .string(let sep) = args[1]
        else { return .failure(.noSuchOverload("split", args)) }
        var limit = Int64(-1)
        if args.count == 3 {
            guard case .int(let n) = args[2] else { return .failure(.noSuchOverload("split", args)) }
            limit = n
        }
        if limit == 0 { return .success(.list([])) }
        let haystack = scalars(s)
        let needle = scalars(sep)
        guard context.charge(building: s.utf8.count) else { return .failure(context.costLimitError) }
        var pieces: [CELValue] = []
        var start = 0
        while limit < 0 || pieces.count < limit - 1 {
            let end: Int
            if needle.isEmpty {
                guard start < haystack.count - 1 else { break }
                end = start + 1
                pieces.append(.string(text(haystack[start..<end])))
                start = end
                continue
            }
            guard let found = find(needle, in: haystack, from: start, backward: false) else { break }
            end = found
            pieces.append(.string(text(haystack[start..<end])))
            start = end + needle.count
        }
        if !(needle.isEmpty && haystack.isEmpty) { pieces.append(.string(text(haystack[start...]))) }
        guard context.charge(building: pieces.count * CostMeter.bytesPerElement) else {
            return .failure(context.costLimitError)
        }
        return .success(.list(pieces))
    }

    /// `list.join([sep])` over a list of strings.
    static let join: Impl = { args, context in
        guard args.count == 1 || args.count == 2, case .list(let items) = args[0] else {
            return .failure(.noSuchOverload("join", args))
        }
        var sep = ""
        if args.count == 2 {
            guard case .string(let s) = args[1] else { return .failure(.noSuchOverload("join", args)) }
            sep = s
        }
        var parts: [String] = []
        parts.reserveCapacity(items.count)
        var size = 0
        for item in items {
            guard case .string(let s) = item else { return .failure(.noSuchOverload("join", [item])) }
            parts.append(s)
            size = size.addingReportingOverflow(s.utf8.count + sep.utf8.count).partialValue
            guard size >= 0 else { return .failure(context.costLimitError) }
        }
        guard context.charge(building: size) else { return .failure(context.costLimitError) }
        return .success(.string(parts.joined(separator: sep)))
    }
}
