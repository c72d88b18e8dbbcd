import ArgumentParser
import Bylaw
import BylawAuthoring
import BylawCEL
import BylawDiagnostics
import BylawJobs
import BylawLocale
import BylawReports
import Foundation

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: Language.current.help("help.explain.abstract"),
        discussion: Language.current.help("help.explain.discussion"))

    @Argument(help: ArgumentHelp(Language.current.help("help.explain.decision")))
    var decision: String

    @Option(
        name: .customLong("case"),
        help: ArgumentHelp(Language.current.help("help.explain.case"), valueName: "name"))
    var testCase: String?

    @Option(help: ArgumentHelp(Language.current.help("help.explain.rule"), valueName: "id"))
    var rule: String?

    @OptionGroup var rules: RulesOption

    @Option(
        help: ArgumentHelp(Language.current.help("help.explain.as-of"), valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp(Language.current.help("help.check.format")))
    var format: OutputFormat = .text

    @Flag(
        help: ArgumentHelp(Language.current.help("help.explain.reveal")))
    var reveal = false

    func run() throws {
        let asOfDate = try asOf.map(parseDate)
        let x: DecisionExplanation
        if let testCase {
            let parent = (decision as NSString).deletingLastPathComponent
            let library = RuleLibrary.load(root: parent.isEmpty ? "." : parent)
            x = ExplainJob.shown(try explainCase(testCase, asOf: asOfDate), library: library, reveal: reveal)
        } else {
            x = ExplainJob.run(
                file: decision, library: try rules.loadLibrary(), asOf: asOfDate, rule: rule, reveal: reveal)
        }
        // An invalid decision, no applicable rule set or an unknown --rule: nothing to explain.
        if ExplainJob.isEmpty(x) {
            var diagnostics = x.result.diagnostics
            if !diagnostics.hasErrors {
                diagnostics.append(.error("explain.no-rules", "no rules apply to this decision", at: nil))
            }
            printDiagnostics(diagnostics)
            if format == .json { FileHandleOutput.writeAll(fd: 1, ExplainReport.json(x) + "\n") }
            throw Exit.invalid
        }
        switch format {
        case .text:
            FileHandleOutput.writeText(
                ExplainReport.text(
                    x, colour: FileHandleOutput.stdoutIsTerminal, language: Language.current))
        case .json:
            FileHandleOutput.writeAll(fd: 1, ExplainReport.json(x) + "\n")
        }
    }

    /// The explanation of test case `name` of the rule-set folder `decision`, against the folder's library.
    private func explainCase(_ name: String, asOf: CELDate?) throws -> DecisionExplanation {
        let folder = decision.count > 1 && decision.hasSuffix("/") ? String(decision.dropLast()) : decision
        guard RuleSetFiles.isRuleSetFolder(folder) else {
            printError("bylaw: " + Language.current.text("op.not-ruleset-folder", decision))
            throw Exit.invalid
        }
        let parent = (folder as NSString).deletingLastPathComponent
        let library = RuleLibrary.load(root: parent.isEmpty ? "." : parent)
        if library.diagnostics.hasErrors {
            printDiagnostics(library.diagnostics)
            throw Exit.invalid
        }
        let (cases, diagnostics) = TestCaseLoader.load(folder: folder)
        if diagnostics.hasErrors {
            printDiagnostics(diagnostics)
            throw Exit.invalid
        }
        guard let c = cases.first(where: { $0.name == name }) else {
            let names = cases.map(\.name)
            let guess = Spelling.closest(to: name, among: names)
            printError(
                "bylaw: " + Language.current.text("op.no-case", name, decision)
                    + (guess.map { Language.current.text("op.did-you-mean", $0) }
                        ?? (names.isEmpty ? "" : Language.current.text("op.list-cases", decision))))
            throw Exit.invalid
        }
        let same = cases.filter { $0.name == name }
        if same.count > 1 {
            printError(
                "bylaw: "
                    + Language.current.text(
                        "op.same-name-cases", String(same.count), name, "\(c.location.file):\(c.location.line)"))
        }
        return library.explain(c.decision, file: c.decisionFile, asOf: asOf ?? c.asOf, rule: rule)
    }
}
