import Bylaw
import BylawJSON

/// RFC 8785 canonical bytes of audit records, through `JCS`.
enum Canonical {
    /// Records hold no floating point (decimals are strings), so canonicalisation cannot fail for them;
    /// a value JCS refuses becomes the canonical form of a string saying so, never a crash.
    static func bytes(_ value: JSONValue) -> [UInt8] {
        (try? JCS.canonicalize(value)) ?? Array("\"unrepresentable value\"".utf8)
    }

    /// A value's canonical text, for masking.
    static func string(_ value: JSONValue) -> String {
        if case .string(let s) = value { return s }
        return String(decoding: bytes(value), as: UTF8.self)
    }
}

extension JSONValue {
    /// A JSON integer.
    static func integer(_ n: Int64) -> JSONValue { .number(JSONNumber(n)) }

    /// The value as an integer, when it is a JSON number without fraction or exponent.
    var integerValue: Int64? {
        guard case .number(let n) = self else { return nil }
        return n.int64
    }
}
