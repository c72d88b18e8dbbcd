internal import BylawDiagnostics
import Foundation

/// The help for YAML's most common surprise in rule files: an expression written as a plain value that holds
/// `: ` (CEL's `c ? a : b`, a text such as `"a: b"`), which YAML reads as the start of a mapping.
enum QuoteHint {
    /// libyaml's message for a `: ` where no mapping may start.
    static let problem = "mapping values are not allowed in this context"

    /// `error` with a help line on each such syntax error whose line of `bytes` is `key: plain value`, and on
    /// any syntax error near a key written with the full-width colon `：` (a Chinese input method's colon).
    static func annotate(_ error: YAMLLoadError, bytes: [UInt8]) -> YAMLLoadError {
        var error = error
        for i in error.diagnostics.indices {
            let d = error.diagnostics[i]
            guard d.code == "yaml.syntax", d.help == nil, let at = d.location else { continue }
            if d.message == problem, let line = line(at.line, of: bytes) {
                error.diagnostics[i].help = help(line: line, column: at.column)
            }
            // Only where a colon was wanted: not inside a quoted or block text (an unclosed quote, say), where a
            // `：` in the words is no mistake.
            let inText = d.notes.contains {
                $0.message.contains("quoted scalar") || $0.message.contains("block scalar")
            }
            if error.diagnostics[i].help == nil, colonProblems.contains(d.message), !inText {
                // The error's line, the line where the construct began (the note), and the line above.
                let lines = [at.line] + d.notes.compactMap { $0.location?.line } + [at.line - 1]
                for number in lines {
                    guard let text = line(number, of: bytes), let key = fullWidthColonKey(text) else { continue }
                    error.diagnostics[i].help =
                        "line \(number) has the full-width colon `：` after `\(key)`: YAML needs the ASCII colon and "
                        + "a space, `\(key): `"
                    break
                }
            }
        }
        return error
    }

    /// libyaml's problems that a key written with `：` instead of `:` gives.
    static let colonProblems: Set<String> = [
        "could not find expected ':'", problem, "did not find expected key",
        "block sequence entries are not allowed in this context", "did not find expected '-' indicator",
    ]

    /// The key of a line written `key：value` (after any indentation and `- `): a key with no `:` before the
    /// full-width colon, not a comment.
    static func fullWidthColonKey(_ line: String) -> String? {
        var rest = Substring(line).drop { $0 == " " }
        while rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
        guard let colon = rest.firstIndex(of: "："), !rest.hasPrefix("#") else { return nil }
        let key = rest[..<colon].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, !key.contains(":"), !key.contains("\""), !key.contains("'") else { return nil }
        return key
    }

    /// The help for an error at 1-based `column` of `line`, when the line is `key: value` (possibly after `- `)
    /// and the error lies in a plain value.
    static func help(line: String, column: Int) -> String? {
        let chars = Array(line.unicodeScalars)
        var i = 0
        func skipSpaces() { while i < chars.count, chars[i] == " " { i += 1 } }
        skipSpaces()
        while i + 1 < chars.count, chars[i] == "-", chars[i + 1] == " " {
            i += 2
            skipSpaces()
        }
        let keyStart = i
        guard i < chars.count, !"'\"{[?#&*!|>%@`".unicodeScalars.contains(chars[i]) else { return nil }
        while i + 1 < chars.count, !(chars[i] == ":" && chars[i + 1] == " ") { i += 1 }
        guard i + 1 < chars.count else { return nil }
        let key = String(String.UnicodeScalarView(chars[keyStart..<i]))
        i += 2
        skipSpaces()
        guard i < chars.count, column - 1 > i, !"'\"{[|>&*!#".unicodeScalars.contains(chars[i]) else { return nil }
        var value = String(String.UnicodeScalarView(chars[i...]))
        if let comment = value.range(of: " #") { value = String(value[..<comment.lowerBound]) }
        while value.last == " " || value.last == "\t" { value.removeLast() }
        let quoted: String
        if !value.contains("'") {
            quoted = "'\(value)'"
        } else if !value.contains("\"") && !value.contains("\\") {
            quoted = "\"\(value)\""
        } else {
            quoted = "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
        }
        return "a plain YAML value cannot hold `: `: quote the expression, as in `\(key): \(quoted)`"
    }

    /// Line `number` (1-based) of UTF-8 `bytes`, without its line break.
    static func line(_ number: Int, of bytes: [UInt8]) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = 0
        var i = 0
        while i < bytes.count, current < number {
            if bytes[i] == UInt8(ascii: "\n") {
                current += 1
                start = i + 1
            }
            i += 1
        }
        guard current == number, start <= bytes.count else { return nil }
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
