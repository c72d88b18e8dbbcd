/// The strings extension's functions that build new text: `trim`'s white space, `strings.quote`, `replace`,
/// `split` and `join`. Each charges what it builds before building it.
extension Library {
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
