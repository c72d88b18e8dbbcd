import Bylaw
import BylawCEL
import BylawYAML
import Foundation
import Testing

/// Paths of the test fixtures and the repository.
public enum Paths {
    /// The repository's root.
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    /// `Tests/BylawTests`, where the engine's fixtures and every library test's golden corpus live.
    public static let here = URL(fileURLWithPath: repository).appendingPathComponent("Tests/BylawTests")
    public static let fixtures = here.appendingPathComponent("Fixtures").path
    public static let shippedRules = repository + "/rules"
}

/// The fixture library, loaded once.
public let fixtureLibrary = RuleLibrary.load(root: Paths.fixtures + "/rules")

/// Checks a decision given as YAML text against a library.
public func check(_ yaml: String, library: RuleLibrary = fixtureLibrary, asOf: String? = nil) throws -> DecisionResult {
    let node = try YAMLLoader.load(bytes: Array(yaml.utf8), file: "decision.yaml", limits: .decision)
    return library.check(node, file: "decision.yaml", asOf: asOf.flatMap { CELDateParse($0) })
}

/// A date from its ISO text, for tests.
public func CELDateParse(_ s: String) -> BylawCEL.CELDate? { BylawCEL.CELDate(iso: s) }

/// The fixture's compliant disposal, with lines replaced: `edit(["price:": "price: 1"])` replaces the line
/// starting with `price:`; a nil replacement removes it.
public func disposal(_ edits: [String: String?] = [:]) throws -> String {
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
    /// The ids of the rules with this outcome, in order.
    public func ids(_ outcome: RuleOutcome) -> [String] { results(outcome).map(\.ruleID) }
}

/// Golden files: `BYLAW_RECORD=1` rewrites them and fails, so every re-record is a reviewed diff.
public enum Golden {
    public static func compare(
        _ rendered: String, _ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        if ProcessInfo.processInfo.environment["BYLAW_RECORD"] != nil {
            try rendered.write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record(
                "recorded \(path); review the diff and run again without BYLAW_RECORD", sourceLocation: sourceLocation)
            return
        }
        let expected = (try? String(contentsOfFile: path, encoding: .utf8)) ?? "(missing \(path))"
        #expect(rendered == expected, "differs from \(path)", sourceLocation: sourceLocation)
    }
}

/// A library of one rule-set folder (`notice`) written to a scratch folder from file names and texts.
public func scratchLibrary(_ files: [String: String]) throws -> RuleLibrary {
    let dir = Scratch.root.appendingPathComponent("bylaw-eff-\(UUID().uuidString)/notice")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for (name, text) in files {
        try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return RuleLibrary.load(root: dir.deletingLastPathComponent().path)
}
