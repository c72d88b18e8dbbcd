import BylawDiagnostics

/// Sets that extend others and make their parent's rules less strict: ``Loosening``, as a lint analysis. Each
/// finding points at the child's node (its rule's `require` or `when`, or the parameter it gives a new value)
/// and names the parent versions it holds against.
public struct LooseningAnalysis: LintAnalysis {
    public init() {}

    public var checks: [LintCheck] {
        [
            LintChecks.loosensThreshold, LintChecks.removesApproval, LintChecks.removesCondition,
            LintChecks.narrowsWhen, LintChecks.cannotCompare,
        ]
    }

    public func run(_ input: LintInput) -> [Diagnostic] { Loosening.diagnostics(input.ruleSets) }
}
