/// A CEL runtime value.
///
/// Equality (`==`) is CEL equality: numbers compare by value across `int`, `uint`, `double`
/// and `decimal` (`1 == 1u == 1.0`), NaN equals nothing, lists and maps compare element-wise.
/// Use ``isIdentical(to:)`` for exact, type-sensitive comparison.
public enum CELValue: Sendable, Equatable, CustomStringConvertible {
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case null
    case list([CELValue])
    case map(CELMap)
    case decimal(CELDecimal)
    case date(CELDate)
    /// A span of days, the value of `days(n)`.
    case days(Int64)
    case type(CELType)
    case timestamp(CELTimestamp)
    case duration(CELDuration)

    /// The runtime type of the value (`list(dyn)` and `map(dyn, dyn)` for containers).
    public var type: CELType {
        switch self {
        case .bool: .bool
        case .int: .int
        case .uint: .uint
        case .double: .double
        case .string: .string
        case .bytes: .bytes
        case .null: .null
        case .list: .list(.dyn)
        case .map: .map(.dyn, .dyn)
        case .decimal: .decimal
        case .date: .date
        case .days: .days
        case .type: .type
        case .timestamp: .timestamp
        case .duration: .duration
        }
    }

    public static func == (lhs: CELValue, rhs: CELValue) -> Bool { celEquals(lhs, rhs) ?? false }

    /// Type-sensitive identity: `1` and `1u` differ, NaN is identical to NaN, map order is ignored.
    public func isIdentical(to other: CELValue) -> Bool {
        switch (self, other) {
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.uint(let a), .uint(let b)): a == b
        case (.double(let a), .double(let b)): a == b || (a.isNaN && b.isNaN)
        case (.string(let a), .string(let b)): a == b
        case (.bytes(let a), .bytes(let b)): a == b
        case (.null, .null): true
        case (.decimal(let a), .decimal(let b)): a == b && a.scale == b.scale
        case (.date(let a), .date(let b)): a == b
        case (.days(let a), .days(let b)): a == b
        case (.timestamp(let a), .timestamp(let b)): a == b
        case (.duration(let a), .duration(let b)): a == b
        case (.type(let a), .type(let b)): a.erased == b.erased
        case (.list(let a), .list(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.isIdentical(to: $1) }
        case (.map(let a), .map(let b)):
            a.count == b.count
                && a.entries.allSatisfy { entry in
                    b.entries.contains { $0.key.isIdentical(to: entry.key) && $0.value.isIdentical(to: entry.value) }
                }
        default: false
        }
    }

    public var description: String {
        switch self {
        case .bool(let value): String(value)
        case .int(let value): String(value)
        case .uint(let value): "\(value)u"
        case .double(let value): Self.render(value)
        case .string(let value): CELValue.quote(value)
        case .bytes(let value): "b\"" + value.map { Self.byteEscape($0) }.joined() + "\""
        case .null: "null"
        case .list(let values): "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .map(let map):
            "{" + map.entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        case .decimal(let value): "decimal(\"\(value)\")"
        case .date(let value): "date(\"\(value)\")"
        case .days(let value): "days(\(value))"
        case .type(let value): value.runtimeName
        case .timestamp(let value): "timestamp(\"\(value)\")"
        case .duration(let value): "duration(\"\(value)\")"
        }
    }

    /// CEL's `string(double)` form: `1.5`, `1e+100`, `inf`, `NaN`.
    static func render(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return "\(value)"
    }

    /// `text` as a CEL string literal (control characters as `\xNN`).
    static func quote(_ text: String) -> String {
        QuotedText.quote(text) { "\\x" + String($0, radix: 16).leftPadded(2) }
    }

    static func byteEscape(_ byte: UInt8) -> String {
        if byte >= 0x20, byte < 0x7f, byte != 0x22, byte != 0x5c {
            return String(UnicodeScalar(byte))
        }
        return "\\x" + String(byte, radix: 16).leftPadded(2)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
