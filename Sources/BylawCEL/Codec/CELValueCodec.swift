import Foundation

/// The conformance Value encoding, shared by the conformance runner and `bylaw eval --format json`:
/// `{"int64_value": 1}`, `{"uint64_value": 2}`, `{"double_value": 1.5}` (non-finite:
/// `{"double_value": {"double": "inf"}}`), `{"string_value": "x"}`,
/// `{"bytes_value": {"base64": "..."}}`, `{"bool_value": true}`, `{"null_value": "NULL_VALUE"}`,
/// `{"list_value": {"values": [...]}}`, `{"map_value": {"entries": [{"key": V, "value": V}]}}`,
/// `{"type_value": "int"}`, and bylaw's `{"decimal_value": "650000.00"}`,
/// `{"date_value": "2017-09-15"}`, `{"days_value": 5}`, `{"timestamp_value": "2009-02-13T23:31:30Z"}`,
/// `{"duration_value": "1.5s"}`. Integers accept a number or a string
/// and are read exactly (never through `Double`).
public enum CELValueCodec {
    /// Encodes a value.
    public static func encode(_ value: CELValue) -> CELJSON {
        switch value {
        case .bool(let b): .object([("bool_value", .bool(b))])
        case .int(let i): .object([("int64_value", .number(String(i)))])
        case .uint(let u): .object([("uint64_value", .number(String(u)))])
        case .double(let d):
            if d.isFinite {
                .object([("double_value", .number("\(d)"))])
            } else {
                .object([("double_value", .object([("double", .string(d.isNaN ? "nan" : (d > 0 ? "inf" : "-inf")))]))])
            }
        case .string(let s): .object([("string_value", .string(s))])
        case .bytes(let b): .object([("bytes_value", .object([("base64", .string(Data(b).base64EncodedString()))]))])
        case .null: .object([("null_value", .string("NULL_VALUE"))])
        case .list(let items): .object([("list_value", .object([("values", .array(items.map(encode)))]))])
        case .map(let map):
            .object([
                (
                    "map_value",
                    .object([
                        (
                            "entries",
                            .array(map.entries.map { .object([("key", encode($0.key)), ("value", encode($0.value))]) })
                        )
                    ])
                )
            ])
        case .decimal(let d): .object([("decimal_value", .string(d.description))])
        case .date(let d): .object([("date_value", .string(d.description))])
        case .days(let n): .object([("days_value", .number(String(n)))])
        case .type(let t): .object([("type_value", .string(t.runtimeName))])
        case .timestamp(let t): .object([("timestamp_value", .string(t.description))])
        case .duration(let d): .object([("duration_value", .string(d.description))])
        }
    }

    /// Decodes a value; throws on anything that is not a Value.
    public static func decode(_ json: CELJSON) throws(CELCodecError) -> CELValue {
        guard case .object(let members) = json, let (kind, payload) = members.first.map({ ($0.key, $0.value) }) else {
            throw CELCodecError(message: "expected a value object such as {\"int64_value\": 1}")
        }
        switch kind {
        case "bool_value":
            guard case .bool(let b) = payload else { throw mismatch(kind) }
            return .bool(b)
        case "int64_value":
            guard let i = Int64(try scalarText(payload, kind)) else { throw mismatch(kind) }
            return .int(i)
        case "uint64_value":
            guard let u = UInt64(try scalarText(payload, kind)) else { throw mismatch(kind) }
            return .uint(u)
        case "days_value":
            guard let n = Int64(try scalarText(payload, kind)) else { throw mismatch(kind) }
            return .days(n)
        case "double_value":
            if case .object = payload, case .string(let special)? = payload["double"] {
                switch special.lowercased() {
                case "inf", "+inf", "infinity": return .double(.infinity)
                case "-inf", "-infinity": return .double(-.infinity)
                case "nan": return .double(.nan)
                default: throw mismatch(kind)
                }
            }
            guard let d = Double(try scalarText(payload, kind)) else { throw mismatch(kind) }
            return .double(d)
        case "string_value":
            guard case .string(let s) = payload else { throw mismatch(kind) }
            return .string(s)
        case "bytes_value":
            var text = ""
            switch payload["base64"] {
            case .string(let s)?: text = s
            case .array(let parts)?:
                for part in parts { if case .string(let s) = part { text += s } else { throw mismatch(kind) } }
            default: throw mismatch(kind)
            }
            guard let data = Data(base64Encoded: text) else { throw mismatch(kind) }
            return .bytes(Array(data))
        case "null_value": return .null
        case "list_value":
            guard case .array(let items)? = payload["values"] ?? .array([]) else { throw mismatch(kind) }
            var values: [CELValue] = []
            for item in items { values.append(try decode(item)) }
            return .list(values)
        case "map_value":
            guard case .array(let entries)? = payload["entries"] ?? .array([]) else { throw mismatch(kind) }
            var map = CELMap()
            for entry in entries {
                guard let key = entry["key"], let value = entry["value"] else { throw mismatch(kind) }
                let k = try decode(key)
                let v = try decode(value)
                do throws(CELEvalError) { try map.insert(k, v) } catch { throw CELCodecError(message: error.message) }
            }
            return .map(map)
        case "decimal_value":
            guard let d = CELDecimal(try scalarText(payload, kind)) else { throw mismatch(kind) }
            return .decimal(d)
        case "date_value":
            guard case .string(let s) = payload, let d = CELDate(iso: s) else { throw mismatch(kind) }
            return .date(d)
        case "timestamp_value":
            guard case .string(let s) = payload, let t = CELTimestamp(rfc3339: s) else { throw mismatch(kind) }
            return .timestamp(t)
        case "duration_value":
            guard case .string(let s) = payload, let d = CELDuration(text: s) else { throw mismatch(kind) }
            return .duration(d)
        case "type_value":
            guard case .string(let name) = payload, let type = CELType.namedTypes[name] else { throw mismatch(kind) }
            return .type(type)
        default:
            throw CELCodecError(message: "unsupported value kind `\(kind)`")
        }
    }

    /// Encodes to compact JSON text.
    public static func encodeText(_ value: CELValue) -> String { encode(value).text }

    /// Decodes from JSON text.
    public static func decodeText(_ text: String) throws(CELCodecError) -> CELValue {
        try decode(try CELJSON.parse(text))
    }

    private static func scalarText(_ json: CELJSON, _ kind: String) throws(CELCodecError) -> String {
        switch json {
        case .number(let text), .string(let text): return text
        default: throw mismatch(kind)
        }
    }

    private static func mismatch(_ kind: String) -> CELCodecError {
        CELCodecError(message: "invalid payload for `\(kind)`")
    }
}
