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
        var out: [UInt8] = []
        appendJSON(v, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `json(v)` appended to `out` as UTF-8, building no `String` for a list, a map or a quoted text: a
    /// failed rule's evidence is written this way into every report line.
    public static func appendJSON(_ v: CELValue, to out: inout [UInt8]) {
        func quoted(_ text: String) {
            var t = text
            t.withUTF8 { JSONText.appendQuoted(utf8: $0, to: &out) }
        }
        switch v {
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .uint(let u): out.append(contentsOf: String(u).utf8)
        case .double(let d):
            if d.isFinite { out.append(contentsOf: String(d).utf8) } else { quoted(String(d)) }
        case .string(let s): quoted(s)
        case .bytes(let b):
            out.append(UInt8(ascii: "["))
            for (k, byte) in b.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: String(byte).utf8)
            }
            out.append(UInt8(ascii: "]"))
        case .null: out.append(contentsOf: "null".utf8)
        case .decimal(let d): quoted(d.description)
        case .date(let d): quoted(d.description)
        case .days(let n): out.append(contentsOf: String(n).utf8)
        case .type(let t): quoted(t.description)
        case .timestamp(let t): quoted(t.description)
        case .duration(let d): quoted(d.description)
        case .list(let items):
            out.append(UInt8(ascii: "["))
            for k in items.indices {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                appendJSON(items[k], to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .map(let m):
            out.append(UInt8(ascii: "{"))
            for (k, e) in m.entries.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                if case .string(let s) = e.key { quoted(s) } else { quoted(literal(e.key)) }
                out.append(UInt8(ascii: ":"))
                appendJSON(e.value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}
