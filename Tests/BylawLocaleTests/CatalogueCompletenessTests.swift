import Bylaw
import BylawCEL
import BylawDiagnostics
import Foundation
import Testing

@testable import BylawLocale

/// Nothing bylaw says may exist in one language only: every diagnostic code found in the sources, every verdict,
/// outcome and severity word, every report heading and every help text has a Chinese and an English entry.
@Suite struct CatalogueCompletenessTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// The text of every Swift file under Sources, by path relative to it.
    static let files: [(String, String)] = {
        let root = sources.path
        let paths = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
        return paths.filter { $0.hasSuffix(".swift") }.sorted().compactMap { path in
            (try? String(contentsOfFile: root + "/" + path, encoding: .utf8)).map { (path, $0) }
        }
    }()

    /// The namespaces of diagnostic codes (`yaml.duplicate-key`, `csv.limit.record`).
    static let namespaces = [
        "calendar", "cel", "cell", "csv", "decision", "explain", "io", "json", "library", "lint", "map", "ruleset",
        "schema", "table", "test", "xlsx", "yaml",
    ]

    /// Every string literal in the sources shaped like a diagnostic code; file names (`ruleset.yaml`) excluded.
    static let codes: Set<String> = {
        let pattern = #/"((?:[a-z]+)(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+)"/#
        let fileSuffixes = [".yaml", ".yml", ".json", ".csv", ".xlsx", ".md", ".h", ".sqlite", ".html", ".xml", ".txt"]
        var found: Set<String> = []
        for (_, text) in files {
            for match in text.matches(of: pattern) {
                let code = String(match.output.1)
                guard let ns = code.split(separator: ".").first, namespaces.contains(String(ns)) else { continue }
                if fileSuffixes.contains(where: { code.hasSuffix($0) }) { continue }
                found.insert(code)
            }
        }
        // CEL's evaluation errors take their codes from an enum, not from string literals.
        for kind in CELEvalError.Kind.builtIn { found.insert(kind.code) }
        return found
    }()

    @Test func findsTheDiagnosticCodes() {
        // The scan itself works: codes of each kind are found.
        for code in ["yaml.control-character", "csv.encoding", "lint.cost-budget", "json.limit.depth", "cel.overflow"] {
            #expect(Self.codes.contains(code), "\(code) not found in the sources")
        }
        #expect(Self.codes.count > 150)
    }

    @Test func everyDiagnosticCodeHasBothLanguages() {
        let missing = Self.codes.filter { Catalogue.entry("diag." + $0) == nil }.sorted()
        #expect(missing.isEmpty, "diagnostic codes without a catalogue entry: \(missing)")
    }

    @Test func everyVerdictOutcomeAndSeverityHasBothLanguages() {
        let ids =
            Verdict.allCases.flatMap { ["verdict." + $0.rawValue, "verdict-name." + $0.rawValue] }
            + RuleOutcome.allCases.map { "outcome." + $0.rawValue }
            + RuleSeverity.allCases.map { "severity." + $0.rawValue }
            + [Severity.error, .warning, .note].map { "diag.severity." + $0.rawValue }
        for id in ids { #expect(Catalogue.entry(id) != nil, "no entry \(id)") }
        #expect(Language.chinese.text("verdict.non_compliant") == "不合规")
        #expect(Language.chinese.text("outcome.failed") == "未通过")
    }

    /// Every id the sources look up (`text("…")`, or `w("…")` through the web pages' shorthand for
    /// `Words.text(_:_:)`) is in the catalogue.
    @Test func everyIDLookedUpExists() {
        let pattern = #/(?:text|help|\bw)\(\s*"([a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)+)"\s*[,)]/#
        var missing: [String] = []
        var seen = 0
        var web = 0
        for (path, text) in Self.files where !path.hasPrefix("BylawLocale/") {
            for match in text.matches(of: pattern) {
                seen += 1
                let id = String(match.output.1)
                if path.hasPrefix("BylawWeb/") { web += 1 }
                if Catalogue.entry(id) == nil { missing.append("\(path): \(id)") }
            }
        }
        #expect(seen > 50)
        #expect(web > 150, "the scan found only \(web) look-ups in the web pages")
        #expect(missing.isEmpty, "ids not in the catalogue: \(missing)")
    }

    @Test func everyEntryHasBothLanguagesAndTheSamePlaceholders() {
        var ids: Set<String> = []
        for e in Catalogue.entries {
            #expect(ids.insert(e.id).inserted, "\(e.id) is listed twice")
            #expect(!e.chinese.isEmpty && !e.english.isEmpty, "\(e.id) lacks a language")
            // A translation may leave out a word the English quotes, never invent one.
            #expect(
                Set(Self.placeholders(e.chinese)).isSubset(of: Self.placeholders(e.english)),
                "\(e.id): placeholders differ")
            #expect(!Self.hasHan(Self.unquoted(e.english)), "\(e.id): Chinese in the English text")
            // Placeholders are numbered and filled by `Catalogue.fill`: no `%d` or `%@` left from a format string.
            #expect(
                (e.chinese + e.english).firstMatch(of: #/%[0-9a-z@]/#) == nil, "\(e.id): a printf-style placeholder")
            // Chinese text is Chinese: a word of it at least, unless it is only a placeholder or a mark.
            let letters = e.chinese.unicodeScalars.filter { $0.properties.isAlphabetic }
            #expect(letters.isEmpty || Self.hasHan(e.chinese), "\(e.id): the Chinese text has no Chinese")
        }
    }

    /// Chinese prose uses full-width punctuation: no ASCII comma, semicolon, colon or parenthesis right after a
    /// Chinese character (code, paths and `file:line:col` framing keep ASCII).
    @Test func chineseProseUsesFullWidthPunctuation() {
        for e in Catalogue.entries where !e.id.hasPrefix("diag.severity") && e.id != "diag.help" && e.id != "diag.note"
        {
            let scalars = Array(e.chinese.unicodeScalars)
            for (i, s) in scalars.enumerated().dropFirst() where ",;:(".unicodeScalars.contains(s) {
                #expect(!Self.isHan(scalars[i - 1]), "\(e.id): ASCII `\(s)` after Chinese in \(e.chinese)")
            }
        }
    }

    /// Help texts come from the catalogue: no command writes its abstract, discussion or an option's help in
    /// place (every command was converted for issue 21; there is no list of exceptions to grow).
    @Test func helpTextsComeFromTheCatalogue() {
        let literal = #/(?:help|abstract|discussion):\s*(?:ArgumentHelp\(\s*)?"/#
        var offenders: [String] = []
        var seen = 0
        for (path, text) in Self.files where path.hasPrefix("BylawCLI/") {
            if text.contains("CommandConfiguration(") { seen += 1 }
            if text.contains(literal) { offenders.append(String(path.dropFirst("BylawCLI/".count))) }
        }
        #expect(seen >= 15, "the scan found only \(seen) command files")
        #expect(offenders.isEmpty, "help text written in place of a catalogue entry: \(offenders)")
        for id in ["help.bylaw.abstract", "help.bylaw.discussion", "help.check.abstract", "help.check.discussion"] {
            #expect(Catalogue.entry(id) != nil, "no entry \(id)")
        }
    }

    /// Operational and usage errors come from the catalogue: no `bylaw: …` line or `ValidationError` of the
    /// command line is written in English in place. `bylaw serve`'s own lines (ServeCommand.swift) are not yet
    /// converted and are the only exception.
    @Test func operationalErrorsComeFromTheCatalogue() {
        let literal = #/printError\(\s*"bylaw: [a-zA-Z`]|printError\(\s*"note: |ValidationError\(\s*"/#
        var offenders: [String] = []
        for (path, text) in Self.files where path.hasPrefix("BylawCLI/") && path != "BylawCLI/ServeCommand.swift" {
            for match in text.matches(of: literal) { offenders.append("\(path): \(match.output)") }
        }
        #expect(offenders.isEmpty, "English written in place of a catalogue entry: \(offenders)")
    }

    /// The audit store's errors made with an id (`AuditStoreError(.kind, id: "store.…")`) name entries that exist,
    /// and the user-facing refusals are no longer written in English in place.
    @Test func storeErrorsComeFromTheCatalogue() {
        let built = #/AuditStoreError\(\s*[^()]*?id:\s*"([a-z0-9.-]+)"/#
        let english = #/AuditStoreError\(\s*\.(?:refused|notFound|readOnly)\s*,\s*"/#
        var sites = 0
        var missing: [String] = []
        var offenders: [String] = []
        for (path, text) in Self.files where !path.hasPrefix("BylawLocale/") {
            for match in text.matches(of: built) {
                sites += 1
                let id = String(match.output.1)
                if !id.hasPrefix("store.") || Catalogue.entry(id) == nil { missing.append("\(path): \(id)") }
            }
            for match in text.matches(of: english) { offenders.append("\(path): \(match.output)") }
        }
        #expect(sites >= 40, "the scan found only \(sites) store errors")
        #expect(missing.isEmpty, "ids not in the catalogue: \(missing)")
        #expect(offenders.isEmpty, "a refusal written in English in place: \(offenders)")
    }

    /// The HTTP API's refusals come from the catalogue: no `APIError` (nor the malformed-body errors that become
    /// one) is built with English in place, every one names an entry `api.CODE` or `api.CODE.…` of its own
    /// code, and every `api.…` id the sources name exists. There is no list of exceptions to grow.
    @Test func apiRefusalsComeFromTheCatalogue() {
        let literal = #/APIError\(\s*[^,()]+,\s*"[^"]*",\s*"|Malformed\(\s*(?:message:\s*)?"|NameError\(\s*message:/#
        let built = #/APIError\(\s*\.[a-zA-Z]+,\s*"([a-z0-9.-]+)",\s*(?:\.text\(|APIMessage\()\s*"([a-z0-9.-]+)"/#
        let named = #/"(api\.[a-z0-9-]+(?:\.[a-z0-9-]+)*)"/#
        var offenders: [String] = []
        var mismatched: [String] = []
        var missing: [String] = []
        var sites = 0
        for (path, text) in Self.files where !path.hasPrefix("BylawLocale/") {
            for match in text.matches(of: literal) { offenders.append("\(path): \(match.output)") }
            for match in text.matches(of: built) {
                sites += 1
                let (code, id) = (String(match.output.1), String(match.output.2))
                if id != "api." + code && !id.hasPrefix("api." + code + ".") { mismatched.append("\(path): \(id)") }
            }
            for match in text.matches(of: named) where Catalogue.entry(String(match.output.1)) == nil {
                missing.append("\(path): \(match.output.1)")
            }
        }
        #expect(sites >= 40, "the scan found only \(sites) refusals")
        #expect(offenders.isEmpty, "English written in place of a catalogue entry: \(offenders)")
        #expect(mismatched.isEmpty, "a refusal's message is not of its own code: \(mismatched)")
        #expect(missing.isEmpty, "ids not in the catalogue: \(missing)")
        // The ids the service makes from a code or a state.
        let made =
            ["api.audit.mapping", "api.audit.unreadable"].flatMap { [$0, $0 + ".first"] }
            + ["running", "finished", "failed", "cancelled"].map { "api.audit.state." + $0 }
        for id in made { #expect(Catalogue.entry(id) != nil, "no entry \(id)") }
    }

    static func placeholders(_ s: String) -> [String] {
        s.matches(of: #/\{[0-9]+\}/#).map { String($0.output) }.sorted()
    }

    /// `s` without its backticked spans and its example command lines (an indented line starting `bylaw `):
    /// code and examples, which may be Chinese in English text (a file or a test case's name).
    static func unquoted(_ s: String) -> String {
        let prose = s.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.drop { $0 == " " }.hasPrefix("bylaw ") || !$0.hasPrefix(" ") }.joined(separator: "\n")
        return prose.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 0 }.map { String($0.element) }.joined()
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool { (0x4E00...0x9FFF).contains(s.value) }
    static func hasHan(_ s: String) -> Bool { s.unicodeScalars.contains(where: isHan) }
}
