import Bylaw
import BylawAuthoring
import BylawDiagnostics
import BylawJSON
import BylawLocale

/// `bylaw lint --format json` and `--format sarif` (documented in docs/lint.md).
public enum LintOutput {
    /// Each finding as `check` renders load errors (`file:line:col: severity: message [code]`, the source
    /// line with a caret, `help:` and `note:` lines), then `linted N rule-set files: …`.
    public static func text(_ report: LintReport, renderer: DiagnosticRenderer, language: Language = .english) -> String
    {
        if language != .english {
            let counts = [Severity.error, .warning, .note].map { String(report.count($0)) }
            return renderer.render(report.diagnostics)
                + language.text("lint-output.summary", String(report.files.count), counts[0], counts[1], counts[2])
                + "\n"
        }
        let files = report.files.count == 1 ? "1 rule-set file" : "\(report.files.count) rule-set files"
        return renderer.render(report.diagnostics) + "linted \(files): \(report.summary)\n"
    }

    /// `{"bylaw_version", "files", "summary", "diagnostics"}` on one line; diagnostics as in `check`'s JSON.
    public static func json(_ report: LintReport) -> String {
        let summary =
            "{\"errors\":\(report.count(.error)),\"warnings\":\(report.count(.warning)),\"notes\":\(report.count(.note))}"
        return "{\"bylaw_version\":\(JSONText.quote(BylawVersion.current)),"
            + "\"files\":[\(report.files.map(JSONText.quote).joined(separator: ","))],"
            + "\"summary\":\(summary),"
            + "\"diagnostics\":[\(report.diagnostics.map(\.json).joined(separator: ","))]}"
    }

    /// A SARIF 2.1.0 log with one run: the checks as `tool.driver.rules`, each finding as a result.
    /// Paths under `base` (the working folder) become relative URIs; columns count Unicode code points,
    /// as bylaw's do.
    public static func sarif(_ report: LintReport, checks: [LintCheck], base: String? = nil) -> String {
        var rules = checks
        let known = Set(checks.map(\.code))
        let loaderCodes = Set(report.diagnostics.map(\.code)).subtracting(known).sorted()
        for code in loaderCodes {
            let d = report.diagnostics.first { $0.code == code }
            rules.append(
                LintCheck(
                    code: code, severity: d?.severity ?? .error,
                    summary: "reported while loading the rule set: a rule set with an error does not load",
                    help: "see the message; docs/ruleset-format.md describes the format"))
        }
        let index = Dictionary(rules.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let driver: OrderedJSON = .object([
            ("name", .string("bylaw")),
            ("semanticVersion", .string(BylawVersion.current)),
            ("rules", .array(rules.map(rule))),
        ])
        let run: OrderedJSON = .object([
            ("tool", .object([("driver", driver)])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(report.diagnostics.map { result($0, rules: rules, index: index, base: base) })),
        ])
        return OrderedJSON.object([
            (
                "$schema",
                .string("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
            ),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ]).text
    }

    private static func rule(_ c: LintCheck) -> OrderedJSON {
        .object([
            ("id", .string(c.code)),
            ("shortDescription", .object([("text", .string(c.summary))])),
            ("help", .object([("text", .string(c.help))])),
            ("defaultConfiguration", .object([("level", .string(level(c.severity)))])),
        ])
    }

    private static func result(_ d: Diagnostic, rules: [LintCheck], index: [String: Int], base: String?)
        -> OrderedJSON
    {
        var text = d.message
        let ruleIndex = index[d.code]
        if let help = d.help, help != ruleIndex.map({ rules[$0].help }) { text += "\nhelp: " + help }
        for note in d.notes where note.location == nil { text += "\nnote: " + note.message }
        var members: [(String, OrderedJSON)] = [("ruleId", .string(d.code))]
        if let ruleIndex { members.append(("ruleIndex", .int(ruleIndex))) }
        members.append(("level", .string(level(d.severity))))
        members.append(("message", .object([("text", .string(text))])))
        if let loc = d.location {
            members.append(("locations", .array([.object([("physicalLocation", physical(loc, d.length, base))])])))
        }
        let related = d.notes.compactMap { n in n.location.map { (n.message, $0) } }
        if !related.isEmpty {
            members.append(
                (
                    "relatedLocations",
                    .array(
                        related.enumerated().map { i, r in
                            .object([
                                ("id", .int(i + 1)),
                                ("physicalLocation", physical(r.1, 1, base)),
                                ("message", .object([("text", .string(r.0))])),
                            ])
                        })
                ))
        }
        return .object(members)
    }

    private static func physical(_ loc: SourceLocation, _ length: Int, _ base: String?) -> OrderedJSON {
        .object([
            ("artifactLocation", .object([("uri", .string(uri(loc.file, base: base)))])),
            (
                "region",
                .object([
                    ("startLine", .int(loc.line)), ("startColumn", .int(loc.column)),
                    ("endColumn", .int(loc.column + max(1, length))),
                ])
            ),
        ])
    }

    private static func level(_ s: Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// A relative URI reference for a path under `base` (or already relative), else a `file` URI;
    /// bytes other than unreserved characters and `/` are percent-encoded.
    public static func uri(_ path: String, base: String?) -> String {
        var p = path
        if let base, p.hasPrefix(base + "/") { p = String(p.dropFirst(base.count + 1)) }
        while p.hasPrefix("./") { p = String(p.dropFirst(2)) }
        var out = p.hasPrefix("/") ? "file://" : ""
        for byte in p.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
