import ArgumentParser
import Bylaw
import BylawAuthoring
import BylawDiagnostics
import BylawJobs
import BylawLocale
import Foundation

struct TestCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "test", abstract: Language.current.help("help.test.abstract"),
            discussion: Language.current.help("help.test.discussion"))
    }

    @Argument(help: ArgumentHelp(Language.current.help("help.test.paths")))
    var paths: [String] = []

    @OptionGroup var rules: RulesOption

    @Option(help: ArgumentHelp(Language.current.help("help.test.format")))
    var format: TestFormat = .text

    @Flag(help: ArgumentHelp(Language.current.help("help.test.require-coverage")))
    var requireCoverage = false

    @Option(
        name: .customLong("run"),
        help: ArgumentHelp(Language.current.help("help.test.run"), valueName: "regex"))
    var runPattern: String?

    @Flag(help: ArgumentHelp(Language.current.help("help.test.watch")))
    var watch = false

    func validate() throws {
        if let runPattern, (try? NSRegularExpression(pattern: runPattern)) == nil {
            throw ValidationError(Language.current.text("usage.bad-regex", runPattern))
        }
        if runPattern != nil && requireCoverage {
            throw ValidationError(Language.current.text("usage.coverage-with-run"))
        }
    }

    func run() throws {
        let targets = try Self.resolve(paths.isEmpty ? [rules.directory] : paths)
        guard watch else {
            let status = runOnce(targets)
            if status != 0 { throw ExitCode(status) }
            return
        }
        // Ctrl-C ends the watch, even when the parent started us with SIGINT ignored or blocked.
        signal(SIGINT, SIG_DFL)
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
        var watcher = FileWatcher(roots: targets.flatMap { root, folders in folders + [root + "/calendars"] })
        printError("bylaw: " + Language.current.text("op.watching", String(watcher.count)))
        _ = runOnce(targets)
        while true {
            let changed = watcher.waitForChange()
            FileHandleOutput.writeAll(fd: 1, "\nbylaw: " + Language.current.text("op.changed", changed) + "\n\n")
            _ = runOnce(targets)
        }
    }

    /// Runs every case once and prints the report; the exit status it calls for.
    private func runOnce(_ targets: [(String, [String])]) -> Int32 {
        let pattern = runPattern.flatMap { try? NSRegularExpression(pattern: $0) }
        let selecting: ((String) -> Bool)? = pattern.map { regex in
            { name in regex.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil }
        }
        var suites: [TestSuiteResult] = []
        var loadProblems: [Diagnostic] = []
        for (root, folders) in targets {
            let library = RuleLibrary.load(root: root)
            if library.diagnostics.hasErrors {
                loadProblems += library.diagnostics
                continue
            }
            for folder in folders { suites.append(library.runTests(folder: folder, selecting: selecting)) }
        }
        for s in suites { loadProblems += s.diagnostics }
        // With --run, a folder none of whose cases was chosen is left out of the report.
        if runPattern != nil { suites = suites.filter { !$0.cases.isEmpty } }
        if !loadProblems.isEmpty { printDiagnostics(loadProblems) }
        if let runPattern, !loadProblems.hasErrors, suites.allSatisfy(\.cases.isEmpty) {
            printError("bylaw: " + Language.current.text("op.no-case-matches", runPattern))
            return Exit.invalid.rawValue
        }
        switch format {
        case .text:
            FileHandleOutput.writeText(
                TestReport.text(
                    suites, colour: FileHandleOutput.stdoutIsTerminal, language: Language.current))
        case .json: FileHandleOutput.writeAll(fd: 1, TestReport.json(suites) + "\n")
        case .junit: FileHandleOutput.writeAll(fd: 1, TestReport.junit(suites))
        }
        if loadProblems.hasErrors { return Exit.invalid.rawValue }
        let failed = suites.contains { $0.cases.contains { !$0.passed } }
        let uncovered = suites.contains { !$0.uncovered.isEmpty }
        if failed || (requireCoverage && uncovered) { return Exit.notCompliant.rawValue }
        return 0
    }

    /// Groups the paths by library root: `(root, [rule-set folders])`.
    static func resolve(_ paths: [String]) throws -> [(String, [String])] {
        var out: [(String, [String])] = []
        for raw in paths {
            let path = raw.count > 1 && raw.hasSuffix("/") ? String(raw.dropLast()) : raw
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else {
                // `bylaw test union-funds` names a rule set by its folder's name: point at the folder.
                let guess = "rules/" + path
                var guessIsDir: ObjCBool = false
                if !path.contains("/"), FileManager.default.fileExists(atPath: guess, isDirectory: &guessIsDir),
                    guessIsDir.boolValue
                {
                    throw ValidationError(Language.current.text("usage.not-folder-guess", raw, guess))
                }
                throw ValidationError(Language.current.text("usage.not-folder", raw))
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
