import BylawCEL
import BylawDiagnostics

/// How values are written for people and in JSON output.
public enum ValueText {
    /// For messages: strings as they are, everything else as a literal.
    public static func plain(_ v: CELValue) -> String {
        if case .string(let s) = v { return s }
        return literal(v)
    }

    /// For evidence: `650000.00`, `"unit_head"`, `2017-09-15`, `["a", "b"]`.
    public static func literal(_ v: CELValue) -> String {
        switch v {
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .uint(let u): return "\(u)u"
        case .double(let d): return String(d)
        case .string(let s): return JSONText.quote(s)
        case .bytes(let b): return "b\"\(b.count) bytes\""
        case .null: return "null"
        case .decimal(let d): return d.description
        case .date(let d): return d.description
        case .days(let n): return "days(\(n))"
        case .type(let t): return t.description
        case .timestamp(let t): return t.description
        case .duration(let d): return d.description
        case .list, .map:
            var out: [UInt8] = []
            appendLiteral(v, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Appends `literal(v)` as UTF-8, building lists and maps without intermediate strings.
    public static func appendLiteral(_ v: CELValue, to out: inout [UInt8]) {
        switch v {
        case .string(let s):
            var s = s
            s.withUTF8 { JSONText.appendQuoted(utf8: $0, to: &out) }
        case .list(let items):
            out.append(UInt8(ascii: "["))
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: " ")]) }
                appendLiteral(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .map(let m):
            out.append(UInt8(ascii: "{"))
            for (k, e) in m.entries.enumerated() {
                if k > 0 { out.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: " ")]) }
                appendLiteral(e.key, to: &out)
                out.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
                appendLiteral(e.value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        default:
            out.append(contentsOf: literal(v).utf8)
        }
    }

    /// As JSON: decimals and dates as strings (exact, no floating point), maps as objects when keys are strings.
    public static func json(_ v: CELValue) -> String {
        switch v {
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .uint(let u): return String(u)
        case .double(let d): return d.isFinite ? String(d) : JSONText.quote(String(d))
        case .string(let s): return JSONText.quote(s)
        case .bytes(let b): return "[" + b.map(String.init).joined(separator: ",") + "]"
        case .null: return "null"
        case .decimal(let d): return JSONText.quote(d.description)
        case .date(let d): return JSONText.quote(d.description)
        case .days(let n): return String(n)
        case .type(let t): return JSONText.quote(t.description)
        case .timestamp(let t): return JSONText.quote(t.description)
        case .duration(let d): return JSONText.quote(d.description)
        case .list(let items): return "[" + items.map(json).joined(separator: ",") + "]"
        case .map(let m):
            return "{"
                + m.entries.map { e -> String in
                    let key: String
                    if case .string(let s) = e.key { key = s } else { key = literal(e.key) }
                    return JSONText.quote(key) + ":" + json(e.value)
                }.joined(separator: ",") + "}"
        }
    }
}
