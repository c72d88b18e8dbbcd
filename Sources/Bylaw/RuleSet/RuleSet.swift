import BylawCEL
import BylawDiagnostics

/// One version of a rule set, loaded, validated and with every expression compiled.
public struct RuleSet: Sendable {
    public var id: String
    public var title: String
    public var version: String
    public var description: String?
    public var source: [String: String]
    public var effectiveFrom: CELDate?
    public var effectiveUntil: CELDate?
    public var appliesTo: String
    public var calendarName: String?
    public var calendar: WorkingCalendar?
    public var sensitive: [String]
    public var parameters: [Parameter]
    public var input: ObjectSchema
    public var lets: [LetBinding]
    public var tables: [DecisionTable]
    public var rules: [Rule]
    /// The `ruleset*.yaml` file this version was read from.
    public var file: String

    /// True when the version is in force on `day` (`from` inclusive, `until` exclusive).
    public func isInForce(on day: CELDate) -> Bool {
        if let from = effectiveFrom, day < from { return false }
        if let until = effectiveUntil, day >= until { return false }
        return true
    }
}

/// A named constant of a rule set, read in expressions as `params.<name>`.
public struct Parameter: Sendable {
    public var name: String
    public var value: CELValue
    public var description: String?
    /// The figure's source is not certain; the rule book says so.
    public var uncertain: Bool
    public var source: String?
}

/// A named value computed once per decision.
public struct LetBinding: Sendable {
    public var name: String
    public var expression: Expression
}

/// How serious a failed rule is.
public enum RuleSeverity: String, Sendable, CaseIterable {
    case violation
    case warning
    case notice
}

/// One checkable requirement of a regulation.
public struct Rule: Sendable {
    public var id: String
    public var title: String
    public var cite: String
    public var severity: RuleSeverity
    public var description: String?
    public var when: Expression?
    public var require: Expression
    public var message: MessageTemplate
    public var location: SourceLocation
    /// Names of tables the rule's expressions call, for evidence.
    public var tablesUsed: [String]
}

/// A compiled CEL expression with the text and position it came from.
public struct Expression: Sendable {
    public var source: String
    public var program: CELProgram
    public var location: SourceLocation
}

/// A message with `{expr}` placeholders.
public struct MessageTemplate: Sendable {
    public enum Part: Sendable {
        case text(String)
        case expression(Expression)
    }
    public var parts: [Part]
    public var source: String
}
