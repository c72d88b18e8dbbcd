import BylawDiagnostics
import BylawYAML

/// Reads one JSON text (RFC 8259) straight into the node tree the checker takes, without libyaml: strings are
/// double-quoted scalars, numbers plain `int` or `float` scalars keeping their exact text, `true`/`false` plain
/// `bool`, `null` plain `null` — the same tree `YAMLLoader` gives for JSON, so a decision types the same way.
///
/// Strict: no duplicate member names (compared as Swift strings, so canonically equivalent names such as a
/// precomposed and a decomposed `é` collide, as they do in `YAMLLoader`), no control characters in strings, valid
/// UTF-8. It enforces the same `YAMLLimits` as `YAMLLoader` (by default `.decision`), each where it is crossed and
/// under a `json.limit.*` code: nesting depth, keys per object, items per array, nodes in the value (member names
/// count, as keys do in YAML), scalar bytes and member-name bytes. Every check is constant time, so a hostile line
/// costs time linear in its length. Positions are 1-based lines and columns in Unicode scalars, counted from `start`.
public struct JSONNodeReader {
    /// The deepest nesting accepted, as for decision documents.
    public static let maxDepth = YAMLLimits.decision.maxDepth

    private let file: String
    private let start: YAMLMark
    /// When set, every node gets `start` as its position (a JSON cell inside a CSV row).
    private let flat: Bool
    private let limits: YAMLLimits

    public init(file: String, start: YAMLMark, flatPositions: Bool = false, limits: YAMLLimits = .decision) {
        self.file = file
        self.start = start
        self.flat = flatPositions
        self.limits = limits
    }

    /// Parses `bytes` as exactly one JSON value, surrounded by optional whitespace.
    public func read(_ bytes: [UInt8]) throws(YAMLLoadError) -> YAMLNode {
        var p = JSONNodeParser(file: file, start: start, flat: flat, limits: limits)
        let result = bytes.withUnsafeBufferPointer { buffer in p.document(buffer) }
        switch result {
        case .success(let node): return node
        case .failure(let error): throw error
        }
    }
}

/// The parser: a cursor over the bytes with a lazily advanced line and column.
private struct JSONNodeParser {
    let file: String
    let start: YAMLMark
    let flat: Bool
    let limits: YAMLLimits
    var b = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    var i = 0
    /// Nodes started so far, member names included.
    var nodes = 0
    // Line and column of byte `colByte`, advanced only forward.
    var position: TextPosition
    var lineStartByte = 0
    var colByte = 0

    init(file: String, start: YAMLMark, flat: Bool, limits: YAMLLimits) {
        self.file = file
        self.start = start
        self.flat = flat
        self.limits = limits
        position = TextPosition(line: start.line, column: start.column)
    }

    mutating func document(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<YAMLNode, YAMLLoadError> {
        b = bytes
        do throws(YAMLLoadError) {
            skipSpace()
            let node = try value(depth: 1)
            skipSpace()
            if i < b.count { throw fail("json.syntax", "unexpected text after the JSON value") }
            return .success(node)
        } catch {
            return .failure(error)
        }
    }

    /// The mark of byte `at` (which must not be before the last mark asked for, except on the same line).
    mutating func mark(_ at: Int) -> YAMLMark {
        if flat { return start }
        if at < colByte {
            colByte = lineStartByte
            position.column = lineStartByte == 0 ? start.column : 1
        }
        while colByte < at, colByte < b.count {
            let c = b[colByte]
            position.advance(past: c)
            if c == 0x0A { lineStartByte = colByte + 1 }
            colByte += 1
        }
        return YAMLMark(line: position.line, column: position.column, offset: start.offset + at)
    }

    /// An error at byte `at` (by default the cursor), which must be on the cursor's line or after it.
    mutating func fail(
        _ code: String, _ message: String, at: Int? = nil, notes: [Diagnostic.Note] = []
    ) -> YAMLLoadError {
        let position = min(at ?? i, b.count)
        let m = mark(position)
        return YAMLLoadError(
            diagnostics: [
                .error(code, message, at: location(m), help: fullWidthHelp(at: position), notes: notes)
            ])
    }

    /// The help for a syntax error at a full-width mark a Chinese input method types (`：`, `，`, `“`, `”`,
    /// `｛`…), naming the ASCII mark JSON needs.
    func fullWidthHelp(at position: Int) -> String? {
        let marks: [([UInt8], String, String)] = [
            ([0xEF, 0xBC, 0x9A], "：", ":"), ([0xEF, 0xBC, 0x8C], "，", ","), ([0xE2, 0x80, 0x9C], "“", "\""),
            ([0xE2, 0x80, 0x9D], "”", "\""), ([0xEF, 0xBD, 0x9B], "｛", "{"), ([0xEF, 0xBD, 0x9D], "｝", "}"),
            ([0xEF, 0xBC, 0xBB], "［", "["), ([0xEF, 0xBC, 0xBD], "］", "]"),
        ]
        for (bytes, mark, ascii) in marks where position + bytes.count <= b.count {
            if bytes.indices.allSatisfy({ b[position + $0] == bytes[$0] }) {
                return "`\(mark)` is a full-width mark: JSON needs the ASCII `\(ascii)`"
            }
        }
        return nil
    }

    func location(_ m: YAMLMark) -> SourceLocation {
        SourceLocation(file: file, line: m.line, column: m.column)
    }

    /// Counts the node starting at the cursor against `maxNodes`.
    mutating func countNode() throws(YAMLLoadError) {
        guard nodes < limits.maxNodes else {
            throw fail("json.limit.nodes", "the JSON value has more than \(limits.maxNodes) nodes")
        }
        nodes += 1
    }

    /// Rejects a scalar of `length` UTF-8 bytes that started at byte `from`.
    mutating func checkScalar(length: Int, from: Int) throws(YAMLLoadError) {
        guard length <= limits.maxScalarBytes else {
            throw fail(
                "json.limit.scalar", "scalar of \(length) bytes is longer than the limit of \(limits.maxScalarBytes)",
                at: from)
        }
    }

    /// Rejects a collection opening at the cursor at nesting `depth` when it is too deep.
    mutating func checkDepth(_ depth: Int) throws(YAMLLoadError) {
        guard depth <= limits.maxDepth else {
            throw fail(
                "json.limit.depth", "collections are nested deeper than the limit of \(limits.maxDepth)")
        }
    }

    mutating func skipSpace() {
        while i < b.count, JSONSpace.contains(b[i]) { i += 1 }
    }

    mutating func value(depth: Int) throws(YAMLLoadError) -> YAMLNode {
        guard i < b.count else { throw fail("json.syntax", "expected a JSON value, found the end of the text") }
        let c = b[i]
        if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") { try checkDepth(depth) }
        try countNode()
        switch c {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""):
            let from = i
            let text = try string()
            return scalar(text, .doubleQuoted, .string, from: from)
        case UInt8(ascii: "t"): return try word("true", .bool)
        case UInt8(ascii: "f"): return try word("false", .bool)
        case UInt8(ascii: "n"): return try word("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default:
            throw fail("json.syntax", "expected a JSON value (object, array, string, number, true, false or null)")
        }
    }

    mutating func scalar(_ text: String, _ style: YAMLScalarStyle, _ type: YAMLCoreType, from: Int) -> YAMLNode {
        let s = mark(from)
        let e = mark(i)
        return YAMLNode(
            content: .scalar(YAMLScalar(text: text, style: style, coreType: type)), file: file, start: s, end: e)
    }

    mutating func word(_ w: StaticString, _ type: YAMLCoreType) throws(YAMLLoadError) -> YAMLNode {
        let from = i
        let n = w.utf8CodeUnitCount
        guard i + n <= b.count else { throw fail("json.syntax", "expected `\(w)`") }
        for k in 0..<n where b[i + k] != w.utf8Start[k] { throw fail("json.syntax", "expected `\(w)`") }
        i += n
        return scalar(w.description, .plain, type, from: from)
    }

    mutating func number() throws(YAMLLoadError) -> YAMLNode {
        let from = i
        func digit(_ k: Int) -> Bool { k < b.count && b[k] >= 0x30 && b[k] <= 0x39 }
        if b[i] == UInt8(ascii: "-") { i += 1 }
        guard digit(i) else { throw fail("json.syntax", "a number needs digits") }
        if b[i] == UInt8(ascii: "0") {
            i += 1
            if digit(i) { throw fail("json.syntax", "a JSON number cannot have a leading zero") }
        } else {
            while digit(i) { i += 1 }
        }
        var type = YAMLCoreType.int
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            guard digit(i) else { throw fail("json.syntax", "a decimal point must be followed by digits") }
            while digit(i) { i += 1 }
            type = .float
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard digit(i) else { throw fail("json.syntax", "an exponent must have digits") }
            while digit(i) { i += 1 }
            type = .float
        }
        try checkScalar(length: i - from, from: from)
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[from..<i]), as: UTF8.self)
        return scalar(text, .plain, type, from: from)
    }

    mutating func array(depth: Int) throws(YAMLLoadError) -> YAMLNode {
        let s = mark(i)
        i += 1
        var items: [YAMLNode] = []
        skipSpace()
        if i < b.count, b[i] == UInt8(ascii: "]") {
            i += 1
        } else {
            while true {
                guard items.count < limits.maxItemsPerSequence else {
                    throw fail(
                        "json.limit.items", "the array has more than \(limits.maxItemsPerSequence) items")
                }
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard i < b.count else { throw fail("json.syntax", "the array is not closed with `]`") }
                if b[i] == UInt8(ascii: ",") {
                    i += 1
                    skipSpace()
                } else if b[i] == UInt8(ascii: "]") {
                    i += 1
                    break
                } else {
                    throw fail("json.syntax", "expected `,` or `]` after an array item")
                }
            }
        }
        let e = mark(i)
        return YAMLNode(content: .sequence(items), file: file, start: s, end: e)
    }

    static let linearMembers = 16

    mutating func object(depth: Int) throws(YAMLLoadError) -> YAMLNode {
        let s = mark(i)
        i += 1
        var pairs: [YAMLPair] = []
        // Each member name seen so far and where it starts; `String` equality is canonical equivalence.
        // Small objects (nearly all of a decision) compare names directly; hashing starts only past
        // `linearMembers`, so an object of many members stays linear.
        var names: [String] = []
        var seen: [String: YAMLMark] = [:]
        skipSpace()
        if i < b.count, b[i] == UInt8(ascii: "}") {
            i += 1
        } else {
            while true {
                guard i < b.count, b[i] == UInt8(ascii: "\"") else {
                    throw fail("json.syntax", "expected a member name in double quotes")
                }
                guard pairs.count < limits.maxKeysPerMapping else {
                    throw fail("json.limit.keys", "the object has more than \(limits.maxKeysPerMapping) members")
                }
                try countNode()
                let keyStart = i
                let name = try string()
                let key = scalar(name, .doubleQuoted, .string, from: keyStart)
                guard name.utf8.count <= limits.maxKeyBytes else {
                    throw fail(
                        "json.limit.key-length",
                        "the member name is longer than the limit of \(limits.maxKeyBytes) bytes", at: keyStart)
                }
                let first: YAMLMark?
                if pairs.count < Self.linearMembers {
                    first = names.firstIndex(of: name).map { pairs[$0].key.start }
                    names.append(name)
                } else {
                    if seen.isEmpty {
                        for (k, n) in names.enumerated() { seen[n] = pairs[k].key.start }
                    }
                    first = seen.updateValue(key.start, forKey: name)
                }
                if let first {
                    throw fail(
                        "json.duplicate-key", "the member `\(name)` appears twice in one object", at: keyStart,
                        notes: [.init(message: "the first is here", location: location(first))])
                }
                skipSpace()
                guard i < b.count, b[i] == UInt8(ascii: ":") else {
                    throw fail("json.syntax", "expected `:` after a member name")
                }
                i += 1
                skipSpace()
                pairs.append(YAMLPair(key: key, value: try value(depth: depth + 1)))
                skipSpace()
                guard i < b.count else { throw fail("json.syntax", "the object is not closed with `}`") }
                if b[i] == UInt8(ascii: ",") {
                    i += 1
                    skipSpace()
                } else if b[i] == UInt8(ascii: "}") {
                    i += 1
                    break
                } else {
                    throw fail("json.syntax", "expected `,` or `}` after an object member")
                }
            }
        }
        let e = mark(i)
        return YAMLNode(content: .mapping(pairs), file: file, start: s, end: e)
    }

    /// A string at the opening quote; leaves `i` just past the closing quote.
    mutating func string() throws(YAMLLoadError) -> String {
        i += 1
        let from = i
        // Fast path: no escapes.
        let (end, ascii) = PlainJSONScan.plainRun(b, from: from)
        i = end
        if i < b.count, b[i] == UInt8(ascii: "\"") {
            try checkScalar(length: i - from, from: from - 1)
            let slice = UnsafeBufferPointer(rebasing: b[from..<i])
            if ascii {
                // ASCII is valid UTF-8 as it stands.
                i += 1
                return String(decoding: slice, as: UTF8.self)
            }
            guard let s = UTF8Text.string(validating: slice) else {
                i = from
                throw fail("json.encoding", "the string is not valid UTF-8")
            }
            i += 1
            return s
        }
        var out = Array(UnsafeBufferPointer(rebasing: b[from..<i]))
        while true {
            guard i < b.count else { throw fail("json.syntax", "the string is not closed with `\"`") }
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                break
            }
            if c < 0x20 {
                throw fail("json.syntax", "a control character must be escaped inside a JSON string")
            }
            if c != UInt8(ascii: "\\") {
                out.append(c)
                i += 1
                continue
            }
            i += 1
            guard i < b.count else { throw fail("json.syntax", "the string is not closed with `\"`") }
            switch b[i] {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                i += 1
                let scalar = try unicodeEscape()
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                continue
            default: throw fail("json.syntax", "unknown escape in a JSON string")
            }
            i += 1
        }
        try checkScalar(length: out.count, from: from - 1)
        guard let s = out.withUnsafeBufferPointer(UTF8Text.string(validating:)) else {
            i = from
            throw fail("json.encoding", "the string is not valid UTF-8")
        }
        return s
    }

    /// After `\u`: four hex digits, and a low surrogate escape when the first is a high surrogate.
    mutating func unicodeEscape() throws(YAMLLoadError) -> Unicode.Scalar {
        let first = try hex4()
        if (0xD800...0xDBFF).contains(first) {
            guard i + 1 < b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") else {
                throw fail("json.syntax", "a high surrogate escape must be followed by a low one")
            }
            i += 2
            let second = try hex4()
            guard (0xDC00...0xDFFF).contains(second),
                let s = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
            else { throw fail("json.syntax", "a high surrogate escape must be followed by a low one") }
            return s
        }
        guard let s = Unicode.Scalar(first) else {
            throw fail("json.syntax", "a lone low surrogate escape is not a character")
        }
        return s
    }

    mutating func hex4() throws(YAMLLoadError) -> UInt32 {
        guard i + 4 <= b.count else { throw fail("json.syntax", "`\\u` needs four hex digits") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[i]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x61...0x66: d = UInt32(c - 0x57)
            case 0x41...0x46: d = UInt32(c - 0x37)
            default: throw fail("json.syntax", "`\\u` needs four hex digits")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }
}
