import Bylaw
import BylawAuthoring
import BylawCEL
import BylawDiagnostics
import BylawLocale
import BylawReports
import Foundation

/// A rule set handed over as text (by an authoring tool, over HTTP) rather than as a folder: written to a
/// scratch folder of its own so that `lint` and `test` read it exactly as they read a folder, then removed.
/// Calendars come from a library's own `calendars/`. Reports name the files as submitted (`ruleset.yaml`,
/// `tests/NAME`), never the scratch folder.
public struct SubmittedRuleSet: Sendable {
    /// The text of `ruleset.yaml`.
    public var ruleSet: [UInt8]
    /// `tests/*.yaml` and `examples/*.yaml`: file name → text.
    public var tests: [String: [UInt8]]
    public var examples: [String: [UInt8]]

    /// The most test and example files accepted together.
    public static let maxFiles = 200

    public init(ruleSet: [UInt8], tests: [String: [UInt8]] = [:], examples: [String: [UInt8]] = [:]) {
        self.ruleSet = ruleSet
        self.tests = tests
        self.examples = examples
    }

    /// A file name refused: only a plain `NAME.yaml` (or `.yml`) inside its folder is accepted.
    public struct NameError: Error, Sendable {
        /// The catalogue entry that says why, and what fills its placeholders.
        public var id: String
        public var arguments: [String]

        /// The message in English.
        public var message: String { Catalogue.fill(Language.english.text(id), arguments) }
    }

    /// Checks the names of the test and example files before anything is written.
    public func validate() throws(NameError) {
        guard tests.count + examples.count <= Self.maxFiles else {
            throw NameError(id: "api.body.bad-file-name.count", arguments: ["\(Self.maxFiles)"])
        }
        for name in tests.keys.sorted() + examples.keys.sorted() {
            let plain =
                !name.isEmpty && name.utf8.count <= 200 && !name.hasPrefix(".") && !name.contains("/")
                && !name.contains("\\") && !name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
            guard plain, name.hasSuffix(".yaml") || name.hasSuffix(".yml") else {
                throw NameError(id: "api.body.bad-file-name", arguments: [name])
            }
        }
    }

    /// Lints the rule set (as `bylaw lint FOLDER`).
    public func lint(calendarsRoot: String, asOf: CELDate?) throws -> String {
        try withFolder { folder in
            let report = Linter.lint(files: [folder + "/ruleset.yaml"], calendarsRoot: calendarsRoot, asOf: asOf)
            return Self.unscratch(LintOutput.json(report), folder: folder)
        }
    }

    /// Runs the rule set's cases (as `bylaw test FOLDER`): the report, or the load diagnostics when the rule set
    /// does not load.
    public func test(calendarsRoot: String) throws -> Result<String, LibraryDiagnostics> {
        try withFolder { folder in
            let library = RuleLibrary.load(files: [folder + "/ruleset.yaml"], calendarsRoot: calendarsRoot)
            if library.diagnostics.hasErrors {
                return .failure(LibraryDiagnostics(diagnostics: library.diagnostics.map { Self.unscratch($0, folder) }))
            }
            let suite = library.runTests(folder: folder)
            return .success(Self.unscratch(TestReport.json([suite]), folder: folder))
        }
    }

    /// Load errors of a submitted rule set, with the files named as submitted.
    public struct LibraryDiagnostics: Error, Sendable {
        public var diagnostics: [Diagnostic]
    }

    private func withFolder<T>(_ body: (String) throws -> T) throws -> T {
        try validate()
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("bylaw-submitted-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: folder) }
        try fm.createDirectory(atPath: folder + "/tests", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: folder + "/examples", withIntermediateDirectories: true)
        try Data(ruleSet).write(to: URL(fileURLWithPath: folder + "/ruleset.yaml"))
        for (name, bytes) in tests { try Data(bytes).write(to: URL(fileURLWithPath: folder + "/tests/" + name)) }
        for (name, bytes) in examples { try Data(bytes).write(to: URL(fileURLWithPath: folder + "/examples/" + name)) }
        return try body(folder)
    }

    /// The report with the scratch folder's path taken out of every file name.
    static func unscratch(_ json: String, folder: String) -> String {
        json.replacingOccurrences(of: JSONText.quote(folder + "/").dropLast().description, with: "\"")
            .replacingOccurrences(of: JSONText.quote(folder).dropLast().dropFirst().description, with: ".")
    }

    static func unscratch(_ d: Diagnostic, _ folder: String) -> Diagnostic {
        var out = d
        if let file = d.location?.file, file.hasPrefix(folder + "/") {
            out.location?.file = String(file.dropFirst(folder.count + 1))
        }
        return out
    }
}
