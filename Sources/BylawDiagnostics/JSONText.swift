/// Minimal JSON text writing for the few places that emit JSON by hand (diagnostics),
/// so that output is byte-for-byte deterministic.
public enum JSONText {
    /// `s` as a JSON string literal, escaping what RFC 8259 requires.
    public static func quote(_ s: String) -> String {
        // Most text needs no escape: copy it whole instead of scalar by scalar.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + s + "\"" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension Diagnostic {
    /// This diagnostic as one JSON object with keys in a fixed order:
    /// `severity, code, message, file, line, column, help, notes`.
    public var json: String {
        var fields = [
            "\"severity\":\(JSONText.quote(severity.rawValue))",
            "\"code\":\(JSONText.quote(code))",
            "\"message\":\(JSONText.quote(message))",
        ]
        if let loc = location {
            fields.append("\"file\":\(JSONText.quote(loc.file))")
            fields.append("\"line\":\(loc.line)")
            fields.append("\"column\":\(loc.column)")
        }
        if let help { fields.append("\"help\":\(JSONText.quote(help))") }
        if !notes.isEmpty {
            let ns = notes.map { n -> String in
                var f = ["\"message\":\(JSONText.quote(n.message))"]
                if let l = n.location {
                    f += ["\"file\":\(JSONText.quote(l.file))", "\"line\":\(l.line)", "\"column\":\(l.column)"]
                }
                return "{" + f.joined(separator: ",") + "}"
            }
            fields.append("\"notes\":[\(ns.joined(separator: ","))]")
        }
        return "{" + fields.joined(separator: ",") + "}"
    }
}
