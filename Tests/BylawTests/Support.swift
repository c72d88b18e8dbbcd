import Bylaw
import BylawCEL
import BylawYAML
import Foundation
import Testing

/// Paths of the test fixtures and the repository.
enum Paths {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = here.appendingPathComponent("Fixtures").path
    static let repository = here.deletingLastPathComponent().deletingLastPathComponent().path
    static let shippedRules = repository + "/rules"
}

/// The fixture library, loaded once.
let fixtureLibrary = RuleLibrary.load(root: Paths.fixtures + "/rules")

/// Checks a decision given as YAML text against a library.
func check(_ yaml: String, library: RuleLibrary = fixtureLibrary, asOf: String? = nil) throws -> DecisionResult {
    let node = try YAMLLoader.load(bytes: Array(yaml.utf8), file: "decision.yaml", limits: .decision)
    return library.check(node, file: "decision.yaml", asOf: asOf.flatMap { CELDateParse($0) })
}

/// A date from its ISO text, for tests.
func CELDateParse(_ s: String) -> BylawCEL.CELDate? { BylawCEL.CELDate(iso: s) }

/// The fixture's compliant disposal, with lines replaced: `edit(["price:": "price: 1"])` replaces the line
/// starting with `price:`; a nil replacement removes it.
func disposal(_ edits: [String: String?] = [:]) throws -> String {
    let base = try String(contentsOfFile: Paths.fixtures + "/ok.yaml", encoding: .utf8)
    var lines = base.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for (prefix, replacement) in edits {
        guard let i = lines.firstIndex(where: { $0.hasPrefix(prefix) }) else {
            Issue.record("no line starts with \(prefix)")
            continue
        }
        if let replacement { lines[i] = replacement } else { lines.remove(at: i) }
    }
    return lines.joined(separator: "\n")
}

extension DecisionResult {
    func ids(_ outcome: RuleOutcome) -> [String] { results(outcome).map(\.ruleID) }
}
