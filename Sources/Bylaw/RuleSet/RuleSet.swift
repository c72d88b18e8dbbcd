import BylawCEL
import BylawDiagnostics

/// One version of a rule set, loaded, validated and with every expression compiled.
///
/// A set that `extends` another is loaded once per version of its parent that is in force while it is: each
/// such piece holds everything it inherits (inputs, parameters, lets, tables, rules) merged with its own, and is
/// in force on the days both it and that parent version are.
public struct RuleSet: Sendable {
    public var id: String
    public var title: String
    /// The author's English title (`title_en`), for English readers; nil when the file gives none.
    public var titleEnglish: String?
    public var version: String
    public var description: String?
    public var source: [String: String]
    /// The first day this piece is in force: `effective.from`, later for an extending set whose parent
    /// version starts later.
    public var effectiveFrom: CELDate?
    /// The first day this piece is no longer in force (exclusive).
    public var effectiveUntil: CELDate?
    /// `effective.from` as written in the file.
    public var declaredFrom: CELDate?
    /// `effective.until` as written in the file.
    public var declaredUntil: CELDate?
    public var appliesTo: String
    /// The id of the set this one extends, as written (`extends:`); nil when it extends none.
    public var extends: String?
    /// The parent version this piece is built on, then that parent's own parents: nearest first.
    public var parents: [AppliedRuleSet] = []
    /// Unit paths this set is limited to (`scope: {units: […]}`): it applies only to decisions whose unit is one
    /// of them or lies under one. Nil: every unit.
    public var scopeUnits: [String]?
    public var calendarName: String?
    public var calendar: WorkingCalendar?
    public var sensitive: [String]
    public var parameters: [Parameter]
    public var input: ObjectSchema
    /// `input` as this file declares it, without the fields inherited from a parent: what `lint` checks for
    /// unread fields in this file. The same as `input` for a set that extends none.
    public var declaredInput = ObjectSchema()
    /// The variable slots the set's own expressions were compiled with (see `Environment.layout`); nil for a
    /// set built by hand, whose expressions then read variables by name.
    public var layout: CELLayout?
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

    /// True when the set's scope takes in decisions of `unit`; a set without a scope takes in every unit,
    /// a scoped set none when the unit is unknown.
    public func covers(unit: String?) -> Bool {
        guard let scopeUnits else { return true }
        guard let unit else { return false }
        return scopeUnits.contains { RuleSet.unit(unit, isUnder: $0) }
    }

    /// `acftu/gd/sz` is under `acftu/gd` and under itself, not under `acftu/g`.
    static func unit(_ unit: String, isUnder prefix: String) -> Bool {
        unit == prefix || unit.hasPrefix(prefix.hasSuffix("/") ? prefix : prefix + "/")
    }

    /// How reports name this piece: id, version, file and the parents it was built on.
    public var applied: AppliedRuleSet {
        AppliedRuleSet(id: id, version: version, file: file, extends: parents)
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
    /// Where the parameter is defined: in the parent's file for an inherited one.
    public var location: SourceLocation?
    /// For a parameter an extending set overrides: the parent's value it replaces.
    public var overridden: CELValue?
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
    /// The author's English title and message (`title_en`, `message_en`), shown to English readers in place of
    /// `title` and `message`; nil where the file gives none. `messageEnglish` is `title_en` when the rule has
    /// neither `message` nor `message_en`, as `message` is then its title.
    public var titleEnglish: String? = nil
    public var messageEnglish: MessageTemplate? = nil
    public var location: SourceLocation
    /// Names of tables the rule's expressions call, for evidence.
    public var tablesUsed: [String]
    /// In an extending set: the id of the parent's rule this one replaces (`tightens:`).
    public var tightens: String?
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
