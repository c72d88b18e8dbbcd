import Bylaw
import BylawDiagnostics

/// Titles and messages without the author's English (`title_en`, `message_en`): what an English reader of
/// the rule set would see in the original language. Opt-in (`bylaw lint --translations`), never in
/// `Linter.standardAnalyses`: a rule set written for Chinese readers only is not a mistake.
public struct TranslationAnalysis: LintAnalysis {
    public init() {}

    public var checks: [LintCheck] { [Self.missing] }

    public static let missing = LintCheck(
        code: "lint.missing-translation", severity: .note,
        summary: "a title or message has no English translation, so English readers see the original",
        help: "add `title_en` (and `message_en` beside a `message`) in English")

    public func run(_ input: LintInput) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var seenFiles: Set<String> = []
        for set in input.ruleSets where seenFiles.insert(set.file).inserted {
            if set.titleEnglish == nil {
                let at = input.sources.declaration(set.file, [.key("title")])?.location
                out.append(Self.missing.diagnostic("rule set `\(set.id)` has no `title_en`", at: at))
            }
            // Each rule once, in the file that declares it (an extending set holds its parent's rules too).
            for rule in set.rules where rule.location.file == set.file {
                var lacking: [String] = []
                if rule.titleEnglish == nil { lacking.append("`title_en`") }
                if input.sources.rule(rule, "message") != nil, input.sources.rule(rule, "message_en") == nil {
                    lacking.append("`message_en`")
                }
                guard !lacking.isEmpty else { continue }
                let at = input.sources.rule(rule, "title")?.location ?? rule.location
                out.append(
                    Self.missing.diagnostic(
                        "rule `\(rule.id)` has no " + lacking.joined(separator: " or "), at: at))
            }
        }
        return out
    }
}
