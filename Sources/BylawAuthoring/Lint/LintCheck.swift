import Bylaw
import BylawCEL
import BylawDiagnostics

/// One kind of finding `bylaw lint` can report: a stable code, its severity, what it means and what to do.
public struct LintCheck: Sendable, Hashable {
    /// Stable across releases: `lint.table-gap`.
    public var code: String
    public var severity: Severity
    /// One line: what the finding means.
    public var summary: String
    /// One line: what to do about it (the diagnostic's `help:` unless a finding gives a sharper one).
    public var help: String

    public init(code: String, severity: Severity, summary: String, help: String) {
        self.code = code
        self.severity = severity
        self.summary = summary
        self.help = help
    }

    /// A finding of this check.
    func diagnostic(
        _ message: String, at location: SourceLocation?, length: Int = 1, help: String? = nil,
        notes: [Diagnostic.Note] = []
    ) -> Diagnostic {
        Diagnostic(
            severity, code: code, message: message, at: location, length: length, help: help ?? self.help,
            notes: notes)
    }
}

/// One static analysis of loaded rule sets. `bylaw lint` runs a list of them (``Linter/standardAnalyses``);
/// a new check is one more value in that list.
public protocol LintAnalysis: Sendable {
    /// Every check this analysis may report, for `--help`, the docs and SARIF's rule list.
    var checks: [LintCheck] { get }
    /// The findings on rule sets that loaded without errors.
    func run(_ input: LintInput) -> [Diagnostic]
}

/// What an analysis sees: the rule sets that loaded cleanly, and their YAML for exact positions.
public struct LintInput: Sendable {
    /// Every version that loaded without errors, in file order.
    public var ruleSets: [RuleSet]
    /// The YAML tree of each rule-set file, to point at the exact node of a finding.
    public var sources: LintSources
    /// The day lint judges time-bound facts against (a calendar about to run out); nil skips those checks.
    public var asOf: CELDate? = nil
}

/// The catalogue of lint checks, in the order `--help` and the docs list them.
public enum LintChecks {
    public static let tableOverlap = LintCheck(
        code: "lint.table-overlap", severity: .error,
        summary: "two rows of a `hit: unique` table match the same input",
        help: "under `unique` an input that two rows match is an evaluation error: narrow a row, "
            + "or use `hit: first` if the earlier row should win")
    public static let tableConflict = LintCheck(
        code: "lint.table-conflict", severity: .error,
        summary: "two rows of a `hit: any` table match the same input but give different outputs",
        help:
            "under `any` rows that match one input must agree, or evaluation fails: narrow a row or make the outputs agree"
    )
    public static let tableGap = LintCheck(
        code: "lint.table-gap", severity: .warning,
        summary: "some inputs match no row of a table that has no default",
        help: "such an input makes every rule that calls the table an error: add a row or a `default:` "
            + "(if the input cannot occur, a default says so)")
    public static let tableShadowed = LintCheck(
        code: "lint.table-shadowed", severity: .warning,
        summary: "a row of a `hit: first` table is never chosen: earlier rows match every input it matches",
        help: "move the row above the rows that cover it if it is the more specific one, or delete it")
    public static let tableDeadRow = LintCheck(
        code: "lint.table-dead-row", severity: .warning,
        summary: "a row can never match: one of its cells matches no value",
        help: "fix the cell (an empty range such as `(5..5)`, or values outside the input's enum) or delete the row")
    public static let tableUnknownValue = LintCheck(
        code: "lint.table-unknown-value", severity: .error,
        summary: "a cell names a value that is not in its input's enum",
        help: "a value outside the enum never equals the input: check the spelling")
    public static let unknownEnumValue = LintCheck(
        code: "lint.unknown-enum-value", severity: .error,
        summary: "an expression compares an `enum` field with a text that is not one of its values",
        help: "a value outside the enum never equals the field: check the spelling")
    public static let costBudget = LintCheck(
        code: "lint.cost-budget", severity: .warning,
        summary: "an expression's worst-case cost on a decision of moderate size exceeds the evaluation budget",
        help: "such a decision makes the rule an `error` (`cel.cost-limit`): avoid a comprehension inside another "
            + "over decision lists (`l.all(m, m in k)`), repeated string growth and long regex scans")
    public static let tableNotAnalysed = LintCheck(
        code: "lint.table-not-analysed", severity: .note,
        summary: "a cell written as CEL is not analysed; table findings hold whatever it gives",
        help: "lint analyses `{expr: it <op> value}` and `{expr: it in list}` with literal or `params` values; "
            + "other CEL cells are treated as unknown")
    public static let whenNeverTrue = LintCheck(
        code: "lint.when-never-true", severity: .error,
        summary: "a rule's `when` can never be true, so the rule never applies and checks nothing",
        help: "fix the condition, or delete the rule")
    public static let requireAlwaysTrue = LintCheck(
        code: "lint.require-always-true", severity: .error,
        summary: "a rule's `require` is true whatever the decision, so the rule can never fail",
        help: "a rule that cannot fail checks nothing: make `require` read the decision")
    public static let requireAlwaysFalse = LintCheck(
        code: "lint.require-always-false", severity: .error,
        summary: "a rule's `require` can never be true, so every decision it applies to fails it",
        help: "fix the condition; to forbid a case outright, write the case in `when` and `require: false`")
    public static let alwaysError = LintCheck(
        code: "lint.always-error", severity: .error,
        summary: "an expression fails on every decision, so the rule always ends in `error`",
        help: "the expression reads only constants, so lint evaluated it: fix what the message names")
    public static let unusedLet = LintCheck(
        code: "lint.unused-let", severity: .warning,
        summary: "a `let` name no expression reads",
        help: "delete it, or use it where it was meant to be used")
    public static let unusedTable = LintCheck(
        code: "lint.unused-table", severity: .warning,
        summary: "a decision table no expression calls",
        help: "call it as `name()` in a rule, or delete it")
    public static let unusedInput = LintCheck(
        code: "lint.unused-input", severity: .warning,
        summary: "an `input` field no expression, table or message reads",
        help: "a rule was probably meant to read it; otherwise delete it (decisions may still carry it)")
    public static let unusedParameter = LintCheck(
        code: "lint.unused-parameter", severity: .warning,
        summary: "a parameter no expression reads as `params.<name>`",
        help: "a rule was probably meant to read it; otherwise delete it")
    public static let blankCite = LintCheck(
        code: "lint.blank-cite", severity: .error,
        summary: "a rule's `cite` is blank, so its findings cite no article",
        help: "cite the article the rule comes from, such as `第十二条`")
    public static let versionGap = LintCheck(
        code: "lint.version-gap", severity: .warning,
        summary: "no version of a rule set is in force between one version's `until` and the next one's `from`",
        help: "`until` is exclusive: set it to the next version's `from` so the versions meet, "
            + "unless the regulation really lapsed")
    public static let calendarEnding = LintCheck(
        code: "lint.calendar-ending", severity: .warning,
        summary: "a working-day calendar a rule set uses is confirmed for less than 90 days after the lint date "
            + "(`--as-of`, default today)",
        help: "add the next year from the State Council's holiday notice (its holidays and make-up working days); "
            + "a year not yet announced can be added with `provisional: true` and its statutory holidays, so that "
            + "counts over it give `needs_review` rather than `error`")
    public static let loosensThreshold = LintCheck(
        code: "lint.loosens-threshold", severity: .error,
        summary: "a set that extends another lowers a minimum or raises a maximum that its parent's rules set, "
            + "in a rule that `tightens` it or through a parameter it gives a new value",
        help: "a set that extends another may only make its rules stricter: keep the parent's limit or a stricter one")
    public static let removesApproval = LintCheck(
        code: "lint.removes-approval", severity: .error,
        summary: "a rule that `tightens` a parent's rule no longer requires an approval (`\"body\" in list`) "
            + "that the parent's `require` joins with `&&`",
        help: "a set that extends another may only make its rules stricter: keep the approval")
    public static let removesCondition = LintCheck(
        code: "lint.removes-condition", severity: .error,
        summary: "a rule that `tightens` a parent's rule drops a condition that the parent's `require` joins with `&&`",
        help: "a set that extends another may only make its rules stricter: keep the condition")
    public static let narrowsWhen = LintCheck(
        code: "lint.narrows-when", severity: .warning,
        summary: "a rule that `tightens` a parent's rule applies to fewer decisions: its `when` leaves out some "
            + "that the parent's takes in",
        help: "decisions outside the narrower `when` are no longer checked against this rule")
    public static let cannotCompare = LintCheck(
        code: "lint.cannot-compare", severity: .note,
        summary: "lint cannot tell whether a rule that `tightens` a parent's rule, or a parameter given a new "
            + "value, keeps every limit and condition of the parent's",
        help: "lint compares conditions written as `x >= n` (any comparison, either order) and `\"body\" in list`, "
            + "joined by `&&`; write the child's that way to have it checked")
}
