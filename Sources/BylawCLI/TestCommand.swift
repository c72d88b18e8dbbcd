import ArgumentParser
import Bylaw
import BylawDiagnostics
import Foundation

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the test cases of rule sets.",
        discussion: """
            A PATH is a rule-set folder (it holds ruleset.yaml) or a rule library holding such folders; \
            the default is ./rules. Each folder's cases come from tests/*.yaml (see docs/ruleset-format.md) \
            and from examples/*.yaml, whose names say the verdict they must get: compliant-*, \
            non-compliant-*, needs-review-*.

            Coverage: every rule that no case makes fail is listed; --require-coverage makes that a failure.

            EXIT CODES
              0  every case passed
              1  a case failed (or coverage is incomplete with --require-coverage)
              2  a rule set or a test file does not load, or the command line is wrong
            """)

    @Argument(help: "Rule-set folders or rule libraries.")
    var paths: [String] = ["rules"]

    @Option(help: "Output format: text, json or junit.")
    var format: TestFormat = .text

    @Flag(help: "Fail when some rule is never made to fail by any case.")
    var requireCoverage = false

    func run() throws {
        var suites: [TestSuiteResult] = []
        var loadProblems: [Diagnostic] = []
        for (root, folders) in try Self.resolve(paths) {
            let library = RuleLibrary.load(root: root)
            if library.diagnostics.hasErrors {
                loadProblems += library.diagnostics
                continue
            }
            for folder in folders { suites.append(library.runTests(folder: folder)) }
        }
        for s in suites { loadProblems += s.diagnostics }
        if !loadProblems.isEmpty { printDiagnostics(loadProblems) }
        switch format {
        case .text: FileHandleOutput.writeText(TestReport.text(suites, colour: FileHandleOutput.stdoutIsTerminal))
        case .json: FileHandleOutput.writeAll(fd: 1, TestReport.json(suites) + "\n")
        case .junit: FileHandleOutput.writeAll(fd: 1, TestReport.junit(suites))
        }
        if loadProblems.hasErrors { throw Exit.invalid }
        let failed = suites.contains { $0.cases.contains { !$0.passed } }
        let uncovered = suites.contains { !$0.uncovered.isEmpty }
        if failed || (requireCoverage && uncovered) { throw Exit.notCompliant }
    }

    /// Groups the paths by library root: `(root, [rule-set folders])`.
    static func resolve(_ paths: [String]) throws -> [(String, [String])] {
        var out: [(String, [String])] = []
        for raw in paths {
            let path = raw.count > 1 && raw.hasSuffix("/") ? String(raw.dropLast()) : raw
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else {
                throw ValidationError("`\(raw)` is not a folder")
            }
            if RuleSetFiles.isRuleSetFolder(path) {
                let root = (path as NSString).deletingLastPathComponent
                out.append((root.isEmpty ? "." : root, [path]))
            } else {
                out.append((path, RuleSetFiles.folders(root: path)))
            }
        }
        return out
    }
}

enum TestFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, junit
}
