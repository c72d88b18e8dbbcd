import Foundation

/// YAML 1.2.2 core schema resolution of plain scalars, and the identity used to compare keys.
enum CoreSchema {
    /// The core type of a plain scalar's text.
    static func resolve(_ text: String) -> YAMLCoreType {
        // Most scalars of a decision are names and prose: no core form but string begins with another byte.
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
            UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            break
        default: return .string
        }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "false", "False", "FALSE": return .bool
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF": return .float
        case ".nan", ".NaN", ".NAN": return .float
        default: break
        }
        let u = Array(text.utf8)
        if isInt(u) { return .int }
        if isFloat(u) { return .float }
        return .string
    }

    static func boolValue(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    private static func isHex(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`.
    private static func isInt(_ u: [UInt8]) -> Bool {
        if u.count > 2, u[0] == 0x30, u[1] == 0x6F {  // 0o
            return u.dropFirst(2).allSatisfy { $0 >= 0x30 && $0 <= 0x37 }
        }
        if u.count > 2, u[0] == 0x30, u[1] == 0x78 {  // 0x
            return u.dropFirst(2).allSatisfy(isHex)
        }
        var digits = u[...]
        if let f = digits.first, f == 0x2B || f == 0x2D { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy(isDigit)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    private static func isFloat(_ u: [UInt8]) -> Bool {
        var i = 0
        if i < u.count, u[i] == 0x2B || u[i] == 0x2D { i += 1 }
        var intDigits = 0
        while i < u.count, isDigit(u[i]) {
            i += 1
            intDigits += 1
        }
        var fracDigits = 0
        if i < u.count, u[i] == 0x2E {
            i += 1
            while i < u.count, isDigit(u[i]) {
                i += 1
                fracDigits += 1
            }
        }
        guard intDigits > 0 || fracDigits > 0 else { return false }
        if i < u.count, u[i] == 0x65 || u[i] == 0x45 {
            i += 1
            if i < u.count, u[i] == 0x2B || u[i] == 0x2D { i += 1 }
            var expDigits = 0
            while i < u.count, isDigit(u[i]) {
                i += 1
                expDigits += 1
            }
            guard expDigits > 0 else { return false }
        }
        return i == u.count
    }

    /// The integer value of a core int, when it fits in Int64.
    static func intValue(_ text: String) -> Int64? {
        if text.hasPrefix("0o") { return Int64(text.dropFirst(2), radix: 8) }
        if text.hasPrefix("0x") { return Int64(text.dropFirst(2), radix: 16) }
        return Int64(text.hasPrefix("+") ? String(text.dropFirst()) : text)
    }

    /// What makes two keys the same key: the core type and a canonical spelling.
    ///
    /// Strings compare by canonical equivalence (as NFC would); ints by value (`0x1F` equals `31`); bools and nulls
    /// by value; `1` (int) and `"1"` (string) differ.
    struct KeyIdentity: Hashable {
        var type: YAMLCoreType
        var canonical: String
    }

    static func keyIdentity(_ s: YAMLScalar) -> KeyIdentity {
        switch s.coreType {
        case .null: KeyIdentity(type: .null, canonical: "")
        case .bool: KeyIdentity(type: .bool, canonical: boolValue(s.text) == true ? "true" : "false")
        case .int: KeyIdentity(type: .int, canonical: intValue(s.text).map { String($0) } ?? s.text)
        case .float: KeyIdentity(type: .float, canonical: s.text.lowercased())
        // Swift compares and hashes strings by canonical equivalence, so the text itself already makes `é` and
        // `e` + U+0301 one key; normalising each key through Foundation cost a tenth of a `/v1/check`.
        case .string: KeyIdentity(type: .string, canonical: s.text)
        }
    }
}
