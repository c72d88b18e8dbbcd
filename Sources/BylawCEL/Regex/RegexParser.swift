/// Parses the RE2 subset `matches` supports into a small syntax tree.
///
/// Supported: literals and escapes, `.`, classes `[a-z]` `[^…]` with `\d \w \s` (and negations),
/// anchors `^ $`, word boundaries `\b \B`, `* + ?` and `{m}` `{m,}` `{m,n}` (lazy forms accepted),
/// alternation, groups `(…)` `(?:…)` `(?P<name>…)`, and the flags `(?i)` and `(?s)`.
/// Rejected with an error: backreferences, lookaround, Unicode classes `\p{…}` and other syntax.
struct RegexSyntaxError: Error, Sendable {
    var message: String
}

indirect enum RegexNode: Sendable {
    case empty
    case set(ScalarSet)
    case concat([RegexNode])
    case alternate([RegexNode])
    case repeated(RegexNode, min: Int, max: Int?)
    case lineStart, lineEnd
    case wordBoundary(Bool)
}

/// A set of scalars as sorted inclusive ranges, possibly negated.
struct ScalarSet: Sendable {
    var ranges: [ClosedRange<UInt32>]
    var negated = false

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        var found = false
        for range in ranges where range.contains(value) {
            found = true
            break
        }
        return found != negated
    }

    static let digit = ScalarSet(ranges: [48...57])
    static let word = ScalarSet(ranges: [48...57, 65...90, 95...95, 97...122])
    static let space = ScalarSet(ranges: [9...10, 12...13, 32...32, 11...11])
    static let anyButNewline = ScalarSet(ranges: [10...10], negated: true)
    static let anything = ScalarSet(ranges: [], negated: true)
}

struct RegexParser {
    static let maxRepeat = 1000
    let scalars: [Unicode.Scalar]
    var position = 0
    var caseInsensitive = false
    var dotAll = false
    var depth = 0

    init(_ pattern: String) { scalars = Array(pattern.unicodeScalars) }

    var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    mutating func parse() throws(RegexSyntaxError) -> RegexNode {
        let node = try parseAlternation()
        if position < scalars.count { throw RegexSyntaxError(message: "unbalanced `)` in regular expression") }
        return node
    }

    mutating func parseAlternation() throws(RegexSyntaxError) -> RegexNode {
        depth += 1
        defer { depth -= 1 }
        if depth > 100 { throw RegexSyntaxError(message: "regular expression nests too deeply") }
        var branches = [try parseConcat()]
        while peek == "|" {
            position += 1
            branches.append(try parseConcat())
        }
        return branches.count == 1 ? branches[0] : .alternate(branches)
    }

    mutating func parseConcat() throws(RegexSyntaxError) -> RegexNode {
        var items: [RegexNode] = []
        while let s = peek, s != "|", s != ")" {
            var atom = try parseAtom()
            while let q = peek, q == "*" || q == "+" || q == "?" || q == "{" {
                guard let (low, high) = try parseQuantifier() else { break }
                if case .lineStart = atom { throw RegexSyntaxError(message: "missing argument to repetition operator") }
                atom = .repeated(atom, min: low, max: high)
                if peek == "?" { position += 1 }  // lazy: same answer for a yes/no match
                if let q2 = peek, q2 == "*" || q2 == "+" {
                    throw RegexSyntaxError(message: "invalid nested repetition operator `\(q)\(q2)`")
                }
            }
            items.append(atom)
        }
        return items.count == 1 ? items[0] : (items.isEmpty ? .empty : .concat(items))
    }

    /// `*`, `+`, `?` or a counted repetition; nil when `{` does not start one (a literal `{`).
    mutating func parseQuantifier() throws(RegexSyntaxError) -> (Int, Int?)? {
        guard let q = peek else { return nil }
        switch q {
        case "*":
            position += 1
            return (0, nil)
        case "+":
            position += 1
            return (1, nil)
        case "?":
            position += 1
            return (0, 1)
        default:
            let start = position
            position += 1
            guard let low = number() else {
                position = start
                return nil
            }
            var high: Int? = low
            if peek == "," {
                position += 1
                high = number()
            }
            guard peek == "}" else {
                position = start
                return nil
            }
            position += 1
            if let high, high < low { throw RegexSyntaxError(message: "invalid repeat count `{\(low),\(high)}`") }
            if low > Self.maxRepeat || (high ?? 0) > Self.maxRepeat {
                throw RegexSyntaxError(message: "repeat count above \(Self.maxRepeat)")
            }
            return (low, high)
        }
    }

    mutating func number() -> Int? {
        var value = 0
        var digits = 0
        while let s = peek, s.value >= 48, s.value <= 57, digits < 6 {
            value = value * 10 + Int(s.value - 48)
            digits += 1
            position += 1
        }
        return digits > 0 ? value : nil
    }

    mutating func parseAtom() throws(RegexSyntaxError) -> RegexNode {
        guard let s = peek else { return .empty }
        position += 1
        switch s {
        case "(": return try parseGroup()
        case "[": return .set(try parseClass())
        case ".": return .set(dotAll ? .anything : .anyButNewline)
        case "^": return .lineStart
        case "$": return .lineEnd
        case "\\": return try parseEscape(inClass: false)
        case "*", "+", "?": throw RegexSyntaxError(message: "missing argument to repetition operator `\(s)`")
        default: return literal(s)
        }
    }

    func literal(_ s: Unicode.Scalar) -> RegexNode {
        guard caseInsensitive, s.properties.isAlphabetic else { return .set(ScalarSet(ranges: [s.value...s.value])) }
        let variants = Set([s] + String(s).lowercased().unicodeScalars + String(s).uppercased().unicodeScalars)
        return .set(ScalarSet(ranges: variants.map { $0.value...$0.value }))
    }

    mutating func parseGroup() throws(RegexSyntaxError) -> RegexNode {
        if peek == "?" {
            position += 1
            guard let kind = peek else { throw RegexSyntaxError(message: "missing `)` in regular expression") }
            if kind == "=" || kind == "!"
                || (kind == "<" && position + 1 < scalars.count
                    && (scalars[position + 1] == "=" || scalars[position + 1] == "!"))
            {
                throw RegexSyntaxError(message: "lookaround `(?\(kind)` is not supported")
            }
            if kind == "P" || kind == "<" {
                while let c = peek, c != ">" { position += 1 }
                guard peek == ">" else { throw RegexSyntaxError(message: "invalid named group") }
                position += 1
            } else {
                // Flags: `(?i)`, `(?s)`, `(?is:…)`.
                while let c = peek, c == "i" || c == "s" {
                    if c == "i" { caseInsensitive = true } else { dotAll = true }
                    position += 1
                }
                if peek == ")" {
                    position += 1
                    return .empty
                }
                guard peek == ":" else { throw RegexSyntaxError(message: "unsupported group syntax `(?\(kind)`") }
                position += 1
            }
        }
        let inner = try parseAlternation()
        guard peek == ")" else { throw RegexSyntaxError(message: "missing `)` in regular expression") }
        position += 1
        return inner
    }
}
