/// A JSON document that keeps numbers as their source text, so 64-bit integers stay exact.
public indirect enum CELJSON: Sendable {
    case null
    case bool(Bool)
    /// A number exactly as written.
    case number(String)
    case string(String)
    case array([CELJSON])
    /// Members in document order.
    case object([(key: String, value: CELJSON)])

    /// The member named `key` of an object, or nil.
    public subscript(key: String) -> CELJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// Parses JSON text (nesting is limited to 512 levels).
    public static func parse(_ text: String) throws(CELCodecError) -> CELJSON {
        var reader = JSONReader(scalars: Array(text.unicodeScalars))
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.position == reader.scalars.count else { throw reader.failure("trailing characters") }
        return value
    }

    /// Compact JSON text.
    public var text: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .number(let text): text
        case .string(let value): Self.quote(value)
        case .array(let items): "[" + items.map(\.text).joined(separator: ",") + "]"
        case .object(let members):
            "{" + members.map { Self.quote($0.key) + ":" + $0.value.text }.joined(separator: ",") + "}"
        }
    }

    /// `text` as a JSON string (control characters as `\uNNNN`).
    static func quote(_ text: String) -> String {
        QuotedText.quote(text) { "\\u" + String($0, radix: 16).leftPadded(4) }
    }
}

/// A JSON or Value-encoding error.
public struct CELCodecError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

struct JSONReader {
    let scalars: [Unicode.Scalar]
    var position = 0

    func failure(_ message: String) -> CELCodecError {
        CELCodecError(message: "invalid JSON at \(position): \(message)")
    }

    mutating func skipSpace() {
        while position < scalars.count, [" ", "\n", "\r", "\t"].contains(scalars[position]) { position += 1 }
    }

    mutating func literal(_ word: String, _ value: CELJSON) throws(CELCodecError) -> CELJSON {
        for expected in word.unicodeScalars {
            guard position < scalars.count, scalars[position] == expected else { throw failure("expected `\(word)`") }
            position += 1
        }
        return value
    }

    mutating func value(depth: Int) throws(CELCodecError) -> CELJSON {
        guard depth < 512 else { throw failure("nesting too deep") }
        skipSpace()
        guard position < scalars.count else { throw failure("unexpected end") }
        switch scalars[position] {
        case "n": return try literal("null", .null)
        case "t": return try literal("true", .bool(true))
        case "f": return try literal("false", .bool(false))
        case "\"": return .string(try string())
        case "[":
            position += 1
            var items: [CELJSON] = []
            skipSpace()
            if position < scalars.count, scalars[position] == "]" {
                position += 1
                return .array(items)
            }
            while true {
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard position < scalars.count else { throw failure("unterminated array") }
                position += 1
                if scalars[position - 1] == "]" { return .array(items) }
                guard scalars[position - 1] == "," else { throw failure("expected `,` or `]`") }
            }
        case "{":
            position += 1
            var members: [(key: String, value: CELJSON)] = []
            skipSpace()
            if position < scalars.count, scalars[position] == "}" {
                position += 1
                return .object(members)
            }
            while true {
                skipSpace()
                guard position < scalars.count, scalars[position] == "\"" else {
                    throw failure("expected a member name")
                }
                let key = try string()
                skipSpace()
                guard position < scalars.count, scalars[position] == ":" else { throw failure("expected `:`") }
                position += 1
                members.append((key, try value(depth: depth + 1)))
                skipSpace()
                guard position < scalars.count else { throw failure("unterminated object") }
                position += 1
                if scalars[position - 1] == "}" { return .object(members) }
                guard scalars[position - 1] == "," else { throw failure("expected `,` or `}`") }
            }
        default:
            let start = position
            while position < scalars.count, "+-.0123456789eE".unicodeScalars.contains(scalars[position]) {
                position += 1
            }
            guard position > start else { throw failure("unexpected character") }
            return .number(String(String.UnicodeScalarView(scalars[start..<position])))
        }
    }

    mutating func string() throws(CELCodecError) -> String {
        position += 1
        var out = String.UnicodeScalarView()
        while true {
            guard position < scalars.count else { throw failure("unterminated string") }
            let s = scalars[position]
            position += 1
            if s == "\"" { return String(out) }
            guard s == "\\" else {
                out.append(s)
                continue
            }
            guard position < scalars.count else { throw failure("unterminated escape") }
            let e = scalars[position]
            position += 1
            switch e {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "u":
                var code = try hex4()
                if (0xD800...0xDBFF).contains(code), position + 1 < scalars.count, scalars[position] == "\\",
                    scalars[position + 1] == "u"
                {
                    position += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw failure("invalid surrogate pair") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw failure("invalid code point") }
                out.append(scalar)
            default: out.append(e)
            }
        }
    }

    mutating func hex4() throws(CELCodecError) -> UInt32 {
        guard position + 4 <= scalars.count,
            let code = UInt32(String(String.UnicodeScalarView(scalars[position..<position + 4])), radix: 16)
        else {
            throw failure("invalid `\\u` escape")
        }
        position += 4
        return code
    }
}
