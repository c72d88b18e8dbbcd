import ArgumentParser
import Bylaw
import BylawAuthoring
import BylawCEL
import BylawDiagnostics
import BylawLocale
import BylawReports
import Foundation

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: Language.current.help("help.lint.abstract"),
        usage: "bylaw lint [<paths> ...] [--rules <dir>] [--format <format>] [--strict]\n"
            + "           [--as-of <date>]",
        discussion: """
            Loads each rule set as `check` would and reports every load error (YAML, format, CEL types), then \
            analyses the rule sets that load. Each finding has a stable code, a severity, the file, line and \
            column of the exact node, and a help line.

            A PATH is a rule-set folder, one ruleset*.yaml file, or a rule library holding rule-set folders; \
            the default is the --rules folder (./rules). Versions of one rule set are compared among the files \
            linted together.

            Decision tables are analysed input by input: enum and bool inputs value by value; int, decimal and \
            date inputs as bands cut at the values the cells name, exactly (`[`/`]` include an end, `(`/`)` \
            exclude it). A gap is shown with an example input no row matches. A CEL cell is read when it is \
            `it <op> value` or `it in list` with literal or params values; other CEL cells are unknown, and a \
            finding is reported only when it holds whatever they give.

            A `when` or `require` that reads only constants (params, literals, `let` names that read only \
            constants) is evaluated at lint time; comparisons of one field joined by && that cannot all hold \
            (`x > 5 && x < 3`) make a condition that is never true.

            A set that extends another is compared with each parent version: a rule that `tightens` a parent's \
            rule, or a new parameter value, must not lower a minimum, raise a maximum, drop an approval or a \
            condition, or narrow `when`. Lint it with its parent (the library, or both folders). Each finding \
            is reported once, in the file that declares what it is about: an inherited rule's or table's in \
            the parent, unless only the child's parameter values cause it (then at the child's parameter).

            CHECKS
            \(LintHelp.checks)
            A working-day calendar whose confirmed years end within 90 days of --as-of (default: today, the \
            only check that reads the clock) is reported, so that a new year is added before rules need it.

            A missing `cite`, a duplicate rule id, a message placeholder naming an unknown name and versions \
            in force on the same day stop a rule set from loading: lint shows the loader's error.

            SEVERITIES
              error    the rule set does not load, or a rule or table certainly misbehaves
              warning  probably a mistake, but it may be intended; fails only with --strict
              note     something lint could not analyse

            A FINDING
              rules/x/ruleset.yaml:21:3: warning: no row of table `batch` matches
                `quantity = 11`, and the table has no default [lint.table-gap]
                 |
              21 |   batch:
                 |   ^~~~~
                help: such an input makes every rule that calls the table an error:
                add a row or a `default:` (if the input cannot occur, a default says so)

            EXAMPLES
              bylaw lint
              bylaw lint rules/asset-management
              bylaw lint rules/asset-management/ruleset.yaml --strict
              bylaw lint --format sarif > bylaw.sarif
              bylaw lint --strict --as-of 2026-12-06

            EXIT CODES
              0  no errors (with --strict: no warnings either)
              1  an error was found (with --strict: or a warning)
              2  a PATH does not exist or holds no rule set, or the command line is wrong
            """)

    @Argument(help: "Rule-set folders, ruleset*.yaml files or rule libraries (default: the --rules folder).")
    var paths: [String] = []

    @OptionGroup var rules: RulesOption

    @Option(help: "Output format: text, json or sarif.")
    var format: LintFormat = .text

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Option(
        help: ArgumentHelp(
            "Judge time-bound checks (a working-day calendar running out) as of this date (YYYY-MM-DD); "
                + "default: today.", valueName: "date"))
    var asOf: String?

    func run() throws {
        let groups: [LintTargets.Group]
        switch LintTargets.resolve(paths.isEmpty ? [rules.directory] : paths) {
        case .success(let g): groups = g
        case .failure(let e): throw ValidationError(e.message)
        }
        let day = try asOf.map(parseDate) ?? LocalDay.today()
        let report = Linter.lint(groups, asOf: day)
        switch format {
        case .text:
            let renderer = DiagnosticRenderer(
                colour: FileHandleOutput.stdoutIsTerminal, language: Language.current,
                source: DiagnosticRenderer.fileSource)
            FileHandleOutput.writeText(LintOutput.text(report, renderer: renderer, language: Language.current))
        case .json:
            FileHandleOutput.writeAll(fd: 1, LintOutput.json(report) + "\n")
        case .sarif:
            let base = FileManager.default.currentDirectoryPath
            FileHandleOutput.writeAll(fd: 1, LintOutput.sarif(report, checks: Linter.checks, base: base))
        }
        if report.count(.error) > 0 || (strict && report.count(.warning) > 0) { throw Exit.notCompliant }
    }
}

/// `--format text|json|sarif` for lint.
enum LintFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif
}

/// The checks list of `bylaw lint --help`, kept within 80 columns.
enum LintHelp {
    static var checks: String {
        Linter.checks.map { c in
            "  \(c.code) (\(c.severity.rawValue))\n" + wrap(c.summary, width: 72).map { "      " + $0 + "\n" }.joined()
        }.joined()
    }

    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

/// Today's date where the user is, for the commands that default to it (`lint --as-of`). Rules never read it.
enum LocalDay {
    static func today() -> CELDate? {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        guard let y = c.year, let m = c.month, let d = c.day else { return nil }
        return CELDate(year: y, month: m, day: d)
    }
}
