import Bylaw
import BylawCEL
import BylawDiagnostics
import BylawYAML

/// `bylaw explain` (and `POST /v1/explain`): why each rule of a decision passed or failed, value by value, with
/// sensitive values (and every value computed from them) masked unless revealed.
public enum ExplainJob {
    /// Explains a decision file.
    public static func run(
        file: String, library: RuleLibrary, asOf: CELDate?, rule: String?, reveal: Bool
    ) -> DecisionExplanation {
        shown(library.explain(file: file, asOf: asOf, rule: rule), library: library, reveal: reveal)
    }

    /// Explains a decision handed over as bytes (a request body); `name` stands for its file in messages.
    /// - Returns: the explanation, or the diagnostics of a body that is not a readable decision document.
    public static func run(
        bytes: [UInt8], name: String, json: Bool, library: RuleLibrary, asOf: CELDate?, rule: String?, reveal: Bool
    ) -> Result<DecisionExplanation, UnreadableDecision> {
        do {
            let node = try DecisionFile.parse(bytes: bytes, name: name, json: json)
            let explained = library.explain(node, file: name, asOf: asOf, rule: rule)
            return .success(shown(explained, library: library, reveal: reveal))
        } catch {
            return .failure(UnreadableDecision(diagnostics: error.diagnostics))
        }
    }

    /// A decision that could not be read (not YAML or JSON, over a limit).
    public struct UnreadableDecision: Error, Sendable {
        public var diagnostics: [Diagnostic]
    }

    /// The explanation as shown: masked unless `reveal`, with the values derived from sensitive fields of the
    /// rule sets that applied.
    public static func shown(_ explained: DecisionExplanation, library: RuleLibrary, reveal: Bool)
        -> DecisionExplanation
    {
        guard !reveal else { return explained }
        let applied = Set(explained.result.ruleSets.flatMap { [$0.file] + $0.extends.map(\.file) })
        let derived = library.ruleSets.filter { applied.contains($0.file) }
            .reduce(into: Set<String>()) { $0.formUnion(SensitivePaths.derived(from: $1)) }
        return explained.masked(derived: derived)
    }

    /// Whether there is nothing to explain: the decision is invalid, no rule set applies, or `rule` names none
    /// that does.
    public static func isEmpty(_ x: DecisionExplanation) -> Bool {
        x.rules.isEmpty || x.result.diagnostics.hasErrors
    }
}
