/// A JSON value as RFC 8259 defines it, kept exactly enough to be canonicalised with RFC 8785 (JCS).
///
/// Object members stay in insertion (source) order; `JCS` sorts them. Numbers keep their source text
/// (`JSONNumber`), so a 64-bit integer is never rounded through `Double` until JCS asks for it.
public indirect enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
}

extension JSONValue: Equatable {
    /// Structural equality: strings and member names compare by their exact Unicode scalars (not Swift's
    /// canonical equivalence, which would call `"\u{e1}"` and `"a\u{301}"` equal), numbers by their text,
    /// arrays in order, and objects as sets of members (member order does not matter, as in JSON).
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a.utf8.elementsEqual(b.utf8)
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            return a.allSatisfy { name, value in
                b.contains { $0.0.utf8.elementsEqual(name.utf8) && $0.1 == value }
            }
        default: return false
        }
    }
}

/// A JSON number, kept as its RFC 8259 source text.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number's text, valid RFC 8259 `number` grammar (e.g. `-12`, `4.50`, `1E30`).
    public let text: String

    /// A number from its JSON text; nil unless `text` matches the RFC 8259 `number` grammar exactly.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard JSONNumber.grammarLength(bytes, from: 0) == bytes.count else { return nil }
        self.text = text
    }

    /// An integer, exactly.
    public init<I: BinaryInteger>(_ value: I) { text = String(value) }

    /// A finite double, written the way JCS (ES6 `Number.prototype.toString`) writes it; nil for NaN and
    /// infinities, which JSON cannot express.
    public init?(_ value: Double) {
        guard let text = JCS.numberText(value) else { return nil }
        self.text = text
    }

    init(validatedText: String) { text = validatedText }

    /// The IEEE-754 double nearest to the text (correctly rounded). Too large a magnitude gives ±infinity.
    public var double: Double {
        // The grammar was checked, so this parse cannot fail; keep the fallback total anyway.
        Double(text) ?? .nan
    }

    /// The exact integer value, when the text is an integer literal (no fraction or exponent) in range.
    public var int64: Int64? { Int64(text) }

    public var description: String { text }

    /// How many bytes from `start` form an RFC 8259 number, or nil if none starts there:
    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    static func grammarLength(_ b: [UInt8], from start: Int) -> Int? {
        var i = start
        func isDigit(_ i: Int) -> Bool { i < b.count && b[i] >= 0x30 && b[i] <= 0x39 }
        if i < b.count && b[i] == UInt8(ascii: "-") { i += 1 }
        guard isDigit(i) else { return nil }
        if b[i] == UInt8(ascii: "0") {
            i += 1
        } else {
            while isDigit(i) { i += 1 }
        }
        if i < b.count && b[i] == UInt8(ascii: ".") {
            i += 1
            guard isDigit(i) else { return nil }
            while isDigit(i) { i += 1 }
        }
        if i < b.count && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            i += 1
            if i < b.count && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) { i += 1 }
            guard isDigit(i) else { return nil }
            while isDigit(i) { i += 1 }
        }
        return i - start
    }
}

/// Why JSON text could not be parsed, or a value could not be canonicalised. Offsets are byte offsets.
public enum JSONError: Error, Equatable, Sendable {
    /// The bytes are not well-formed UTF-8 (first bad byte at `offset`).
    case invalidUTF8(offset: Int)
    /// The text breaks the RFC 8259 grammar.
    case syntax(offset: Int, reason: String)
    /// An object has two members with the same name (compared by exact code units).
    case duplicateName(String, offset: Int)
    /// Arrays and objects nest deeper than `JSONValue.maximumDepth`.
    case tooDeep(offset: Int)
    /// A `\u` escape leaves a UTF-16 surrogate unpaired, which I-JSON and JCS forbid.
    case unpairedSurrogate(offset: Int)
    /// A number is NaN or too large for a double (e.g. `1e400`); JCS has no form for it.
    case nonFiniteNumber(String)
}

extension JSONValue {
    /// The deepest nesting of arrays and objects `parse` accepts (the outermost array or object is depth 1).
    public static let maximumDepth = 256

    /// Parses one JSON text strictly: RFC 8259 grammar with insignificant whitespace only, UTF-8 only
    /// (no byte-order mark), no duplicate member names, no unpaired surrogate escapes, and nesting no
    /// deeper than `maximumDepth`.
    public static func parse(_ bytes: [UInt8]) throws(JSONError) -> JSONValue {
        if let bad = firstInvalidUTF8(bytes) { throw .invalidUTF8(offset: bad) }
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.i == bytes.count else { throw .syntax(offset: parser.i, reason: "text after the value") }
        return value
    }

    /// The offset of the first byte that is not part of well-formed UTF-8, or nil if all are.
    static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 {
                i += 1
                continue
            }
            // Lead byte: sequence length and the allowed range of the first continuation byte (which
            // excludes overlong forms, UTF-16 surrogates and code points above U+10FFFF).
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: length = 2
            case 0xE0: (length, low) = (3, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: (length, high) = (3, 0x9F)
            case 0xF0: (length, low) = (4, 0x90)
            case 0xF1...0xF3: length = 4
            case 0xF4: (length, high) = (4, 0x8F)
            default: return i
            }
            guard i + length <= b.count else { return i }
            guard b[i + 1] >= low && b[i + 1] <= high else { return i }
            for k in 2..<length where b[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}

/// A recursive-descent parser over already-validated UTF-8.
private struct JSONParser {
    let b: [UInt8]
    var i = 0

    init(bytes: [UInt8]) { b = bytes }

    mutating func skipWhitespace() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    /// A value starting at `i` (whitespace already skipped). `depth` counts the containers around it.
    mutating func value(depth: Int) throws(JSONError) -> JSONValue {
        guard i < b.count else { throw .syntax(offset: i, reason: "expected a value, found the end") }
        switch b[i] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default:
            guard let length = JSONNumber.grammarLength(b, from: i) else {
                throw .syntax(offset: i, reason: "expected a value")
            }
            let text = String(decoding: b[i..<i + length], as: UTF8.self)
            i += length
            return .number(JSONNumber(validatedText: text))
        }
    }

    mutating func literal(_ word: String) throws(JSONError) {
        let n = word.utf8.count
        guard i + n <= b.count, b[i..<i + n].elementsEqual(word.utf8) else {
            throw .syntax(offset: i, reason: "expected \(word)")
        }
        i += n
    }

    mutating func array(depth: Int) throws(JSONError) -> JSONValue {
        guard depth <= JSONValue.maximumDepth else { throw .tooDeep(offset: i) }
        i += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if i < b.count && b[i] == UInt8(ascii: "]") {
            i += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try value(depth: depth))
            skipWhitespace()
            guard i < b.count else { throw .syntax(offset: i, reason: "unterminated array") }
            if b[i] == UInt8(ascii: ",") {
                i += 1
            } else if b[i] == UInt8(ascii: "]") {
                i += 1
                return .array(items)
            } else {
                throw .syntax(offset: i, reason: "expected ',' or ']'")
            }
        }
    }

    mutating func object(depth: Int) throws(JSONError) -> JSONValue {
        guard depth <= JSONValue.maximumDepth else { throw .tooDeep(offset: i) }
        i += 1
        var members: [(String, JSONValue)] = []
        // Names compared by exact UTF-8 bytes: Swift `String` hashing would merge canonically equivalent
        // names, which JSON and JCS keep apart.
        var seen = Set<[UInt8]>()
        /// Small objects are checked by a linear scan, which allocates nothing; larger ones by `seen`.
        func isDuplicate(_ name: String) -> Bool {
            if members.count < 16 { return members.contains { $0.0.utf8.elementsEqual(name.utf8) } }
            if seen.isEmpty { seen = Set(members.map { Array($0.0.utf8) }) }
            return !seen.insert(Array(name.utf8)).inserted
        }
        skipWhitespace()
        if i < b.count && b[i] == UInt8(ascii: "}") {
            i += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard i < b.count && b[i] == UInt8(ascii: "\"") else {
                throw .syntax(offset: i, reason: "expected a member name")
            }
            let nameOffset = i
            let name = try string()
            if isDuplicate(name) { throw .duplicateName(name, offset: nameOffset) }
            skipWhitespace()
            guard i < b.count && b[i] == UInt8(ascii: ":") else { throw .syntax(offset: i, reason: "expected ':'") }
            i += 1
            skipWhitespace()
            members.append((name, try value(depth: depth)))
            skipWhitespace()
            guard i < b.count else { throw .syntax(offset: i, reason: "unterminated object") }
            if b[i] == UInt8(ascii: ",") {
                i += 1
            } else if b[i] == UInt8(ascii: "}") {
                i += 1
                return .object(members)
            } else {
                throw .syntax(offset: i, reason: "expected ',' or '}'")
            }
        }
    }

    /// A string starting at the opening quote; the bytes are valid UTF-8 already.
    mutating func string() throws(JSONError) -> String {
        i += 1
        // Fast path: no escapes, so the string is the bytes up to the closing quote.
        let start = i
        while i < b.count && b[i] != UInt8(ascii: "\"") && b[i] != UInt8(ascii: "\\") && b[i] >= 0x20 { i += 1 }
        if i < b.count && b[i] == UInt8(ascii: "\"") {
            i += 1
            return String(decoding: b[start..<i - 1], as: UTF8.self)
        }
        var out = Array(b[start..<i])
        while true {
            guard i < b.count else { throw .syntax(offset: i, reason: "unterminated string") }
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if c < 0x20 { throw .syntax(offset: i, reason: "unescaped control character in a string") }
            if c != UInt8(ascii: "\\") {
                out.append(c)
                i += 1
                continue
            }
            let escapeOffset = i
            i += 1
            guard i < b.count else { throw .syntax(offset: i, reason: "unterminated string") }
            let e = b[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var unit = try hex4()
                if (0xDC00...0xDFFF).contains(unit) { throw .unpairedSurrogate(offset: escapeOffset) }
                if (0xD800...0xDBFF).contains(unit) {
                    guard i + 1 < b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") else {
                        throw .unpairedSurrogate(offset: escapeOffset)
                    }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw .unpairedSurrogate(offset: escapeOffset) }
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                }
                // Not a surrogate here, so always a valid scalar; the guard only satisfies the type.
                guard let scalar = Unicode.Scalar(unit) else { throw .unpairedSurrogate(offset: escapeOffset) }
                out.append(contentsOf: String(scalar).utf8)
            default:
                throw .syntax(offset: escapeOffset, reason: "invalid escape")
            }
        }
    }

    mutating func hex4() throws(JSONError) -> UInt32 {
        guard i + 4 <= b.count else { throw .syntax(offset: i, reason: "expected four hex digits") }
        var v: UInt32 = 0
        for k in 0..<4 {
            let c = b[i + k]
            let d: UInt8
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x41...0x46: d = c - 0x41 + 10
            case 0x61...0x66: d = c - 0x61 + 10
            default: throw .syntax(offset: i + k, reason: "expected a hex digit")
            }
            v = v << 4 | UInt32(d)
        }
        i += 4
        return v
    }
}
