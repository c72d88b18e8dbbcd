import ArgumentParser
import Bylaw
import BylawDiagnostics

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show why each rule passed or failed, value by value.",
        discussion: """
            Evaluates the decision as `check` does and, for each rule (or only --rule), prints its outcome, \
            its `when` and `require` expressions with the value of every sub-expression under it, the `let` \
            values it reads, and for each decision table it calls the inputs, the row that matched and, for \
            every earlier row, the cell that did not match.

            Reading a diagram: each `|` points at a sub-expression (an operator, a field, a function) and ends \
            at its value. Parts that were not evaluated (the right side of a false `&&`) have no value. Inside \
            a macro such as `map` or `all`, a value is the one from the last iteration.

            EXAMPLES
              bylaw explain rules/asset-management/examples/non-compliant-no-appraisal.yaml
              bylaw explain disposal.yaml --rule AD-04
              bylaw explain disposal.yaml --rule AD-04 --format json
              bylaw explain disposal.yaml --as-of 2018-01-01

            EXIT CODES
              0  the explanation was printed, whatever the rules' outcomes
              2  the decision is invalid, no rule set applies, --rule names no rule
                 that applies, the rule sets do not load, or the command line is wrong
            """)

    @Argument(help: "A decision file (YAML or JSON).")
    var decision: String

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
        let library = try rules.loadLibrary()
        let explained = library.explain(file: decision, asOf: asOfDate, rule: rule)
        let applied = Set(explained.result.ruleSets.flatMap { [$0.file] + $0.extends.map(\.file) })
        let derived = library.ruleSets.filter { applied.contains($0.file) }
            .reduce(into: Set<String>()) { $0.formUnion(SensitivePaths.derived(from: $1)) }
        let x = reveal ? explained : explained.masked(derived: derived)
        // An invalid decision, no applicable rule set or an unknown --rule: nothing to explain.
        if x.rules.isEmpty || x.result.diagnostics.hasErrors {
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
}
