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
        discussion: """
            Evaluates the decision as `check` does and, for each rule (or only --rule), prints its outcome, \
            its `when` and `require` expressions with the value of every sub-expression under it, the `let` \
            values it reads, and for each decision table it calls the inputs, the row that matched and, for \
            every earlier row, the cell that did not match.

            Reading a diagram: each `|` points at a sub-expression (an operator, a field, a function) and ends \
            at its value. Parts that were not evaluated (the right side of a false `&&`) have no value. Inside \
            a macro such as `map` or `all`, a value is the one from the last iteration.

            With --case NAME, the argument is a rule-set folder and the decision is that of its test case NAME \
            (from tests/*.yaml, with its `base`, `patch` and `as_of`; an example file is the case \
            `example FILE`), checked against the folder's rule library.

            EXAMPLES
              bylaw explain rules/asset-management/examples/compliant-vehicle-auction.yaml
              bylaw explain rules/asset-management --case 出借期限六年
              bylaw explain rules/asset-management --case 出借期限六年 --rule AM-16
              bylaw explain rules/asset-management --case 出借期限六年 --format json

            EXIT CODES
              0  the explanation was printed, whatever the rules' outcomes
              2  the decision is invalid, no rule set applies, --rule names no rule
                 that applies, the rule sets do not load, or the command line is wrong
            """)

    @Argument(help: "A decision file (YAML or JSON), or with --case a rule-set folder.")
    var decision: String

    @Option(
        name: .customLong("case"),
        help: ArgumentHelp("Explain this test case of the rule-set folder given as the argument.", valueName: "name"))
    var testCase: String?

    @Option(help: ArgumentHelp("Explain only this rule.", valueName: "id"))
    var rule: String?

    @OptionGroup var rules: RulesOption

    @Option(
        help: ArgumentHelp(
            "Evaluate as of this date (YYYY-MM-DD) instead of the decision's own date.", valueName: "date"))
    var asOf: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(
        help: ArgumentHelp(
            "Show values the rule sets mark sensitive, and every value computed from them (default: masked as "
                + "[masked])."))
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
            FileHandleOutput.writeText(ExplainReport.text(x, colour: FileHandleOutput.stdoutIsTerminal))
        case .json:
            FileHandleOutput.writeAll(fd: 1, ExplainReport.json(x) + "\n")
        }
    }

    /// The explanation of test case `name` of the rule-set folder `decision`, against the folder's library.
    private func explainCase(_ name: String, asOf: CELDate?) throws -> DecisionExplanation {
        let folder = decision.count > 1 && decision.hasSuffix("/") ? String(decision.dropLast()) : decision
        guard RuleSetFiles.isRuleSetFolder(folder) else {
            printError("bylaw: `\(decision)` is not a rule-set folder (one holding ruleset.yaml), as --case needs")
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
                "bylaw: no test case `\(name)` in `\(decision)`"
                    + (guess.map { "; did you mean `\($0)`?" }
                        ?? (names.isEmpty ? "" : "; run `bylaw test \(decision)` to list them")))
            throw Exit.invalid
        }
        let same = cases.filter { $0.name == name }
        if same.count > 1 {
            printError(
                "bylaw: \(same.count) cases are called `\(name)`; explaining the first, at \(c.location.file):\(c.location.line)"
            )
        }
        return library.explain(c.decision, file: c.decisionFile, asOf: asOf ?? c.asOf, rule: rule)
    }
}
