import BylawCEL
import BylawDiagnostics

/// The outcome of one rule for one decision.
public enum RuleOutcome: String, Sendable, Codable, CaseIterable {
    case passed
    case failed
    case notApplicable = "not_applicable"
    case error
}

/// The verdict on one decision, worst first.
public enum Verdict: String, Sendable, Codable, CaseIterable, Comparable {
    case invalid
    case error
    case nonCompliant = "non_compliant"
    case needsReview = "needs_review"
    case compliant

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: Verdict, b: Verdict) -> Bool { a.rank < b.rank }

    /// The process exit code for this verdict (DESIGN §7).
    public var exitCode: Int32 {
        switch self {
        case .compliant: 0
        case .needsReview, .nonCompliant: 1
        case .error, .invalid: 2
        }
    }
}

/// One value a rule read, shown as evidence: `asset.book_value = 650000.00`.
public struct Evidence: Sendable, Equatable {
    public var path: String
    public var value: CELValue
    /// Whether the value is, holds, or is computed from a field the rule set marks sensitive.
    public var sensitive = false

    public init(path: String, value: CELValue, sensitive: Bool = false) {
        self.path = path
        self.value = value
        self.sensitive = sensitive
    }
}

/// Why a rule's result is not settled: it counted working days over a part of the calendar whose make-up
/// working days are not yet announced.
public struct ProvisionalCalendarNote: Sendable, Equatable {
    /// The calendar's name (`cn-mainland`) and the file it was read from.
    public var calendar: String
    public var file: String
    /// The first provisional day the rule's working-day count consulted.
    public var day: CELDate

    public init(calendar: String, file: String, day: CELDate) {
        self.calendar = calendar
        self.file = file
        self.day = day
    }

    /// One line for reports: what is provisional and how to settle it.
    public var message: String {
        "counts working days over \(day.year), which the calendar `\(calendar)` holds only provisionally (make-up "
            + "working days not yet announced): the result may change; once the State Council publishes the "
            + "\(day.year) holiday arrangement, add its make-up working days to `\(file)` and remove "
            + "`provisional: true` from that year"
    }
}

/// Which rule a result is for: the same for every decision, so shared by all of that rule's results.
final class RuleIdentity: Sendable {
    let ruleSet: String
    let ruleID: String
    let title: String
    let cite: String
    let severity: RuleSeverity
    let titleEnglish: String?
    /// The same rule named by its English title; nil when it has none. Made once, so a report in English
    /// swaps one reference per result instead of building one.
    let english: RuleIdentity?
    /// `"rule_set":…,"rule":…,"title":…,"cite":…,"severity":…` as JSON, written once: every result of the rule
    /// in a JSON report begins with it.
    let jsonHead: [UInt8]
    /// The whole JSON object of a result that passed, and of one that did not apply, when it carries nothing
    /// of its own (no message, error, evidence or calendar note): most results of a batch, written as one copy.
    let jsonPassed: [UInt8]
    let jsonNotApplicable: [UInt8]

    init(
        ruleSet: String, ruleID: String, title: String, cite: String, severity: RuleSeverity,
        titleEnglish: String? = nil
    ) {
        self.ruleSet = ruleSet
        self.ruleID = ruleID
        self.title = title
        self.cite = cite
        self.severity = severity
        self.titleEnglish = titleEnglish
        english = titleEnglish.map {
            RuleIdentity(ruleSet: ruleSet, ruleID: ruleID, title: $0, cite: cite, severity: severity)
        }
        var head: [UInt8] = []
        for (k, (name, value)) in [
            ("rule_set", ruleSet), ("rule", ruleID), ("title", title), ("cite", cite), ("severity", severity.rawValue),
        ].enumerated() {
            head += Array(((k == 0 ? "\"" : ",\"") + name + "\":").utf8)
            var v = value
            v.withUTF8 { JSONText.appendQuoted(utf8: $0, to: &head) }
        }
        jsonHead = head
        func quiet(_ outcome: RuleOutcome) -> [UInt8] {
            Array("{".utf8) + head
                + Array(",\"outcome\":\"\(outcome.rawValue)\",\"message\":null,\"error\":null,\"evidence\":[]}".utf8)
        }
        jsonPassed = quiet(.passed)
        jsonNotApplicable = quiet(.notApplicable)
    }
}

/// A failed rule's message in its author's English (`message_en`), and that message masked; one reference, so
/// a result of a rule without English carries only a nil.
public final class EnglishMessage: Sendable {
    public let text: String
    /// The message with every part computed from a sensitive field masked; nil when no part is.
    public let masked: String?

    public init(text: String, masked: String?) {
        self.text = text
        self.masked = masked
    }
}

/// One rule's result.
public struct RuleResult: Sendable {
    /// One reference to the rule's set, id, title, citation and severity instead of four strings and a
    /// severity: a batch makes and copies one result per rule per record, and each string copied was counted.
    var identity: RuleIdentity
    public var ruleSet: String { identity.ruleSet }
    public var ruleID: String { identity.ruleID }
    public var title: String { identity.title }
    public var cite: String { identity.cite }
    public var severity: RuleSeverity { identity.severity }
    /// The author's English title (`title_en`); nil when the rule set gives none.
    public var titleEnglish: String? { identity.titleEnglish }
    /// The members a JSON report of this result begins with, up to `severity`, already written.
    public var jsonHead: [UInt8] { identity.jsonHead }
    /// This result's whole JSON object, already written, when it passed or did not apply and carries nothing
    /// of its own; nil otherwise.
    public var jsonWhole: [UInt8]? {
        if let d = details, d.message != nil || d.error != nil || !d.evidence.isEmpty || d.provisional != nil {
            return nil
        }
        switch outcome {
        case .passed: return identity.jsonPassed
        case .notApplicable: return identity.jsonNotApplicable
        case .failed, .error: return nil
        }
    }

    /// This result with the author's English title and message (`title_en`, `message_en`) in place of the
    /// originals, where the rule set gives them.
    public func inEnglish() -> RuleResult {
        var out = self
        if let english = identity.english { out.identity = english }
        if let m = englishMessage {
            out.message = m.text
            out.maskedMessage = m.masked
            out.englishMessage = nil
        }
        return out
    }

    /// Whether `other` is a result of the very same loaded rule (its set, id, title, citation and severity
    /// then agree without comparing them).
    public func isSameLoadedRule(as other: RuleResult) -> Bool { identity === other.identity }
    public var outcome: RuleOutcome
    /// What a result that failed, erred or rests on a provisional calendar day carries besides its outcome;
    /// nil for the rest (most results), so that copying a result is one or two reference counts, not eight.
    private var details: RuleResultDetails?

    /// The interpolated message, for failed rules.
    public var message: String? {
        get { details?.message }
        set { change(\.message, to: newValue, empty: newValue == nil) }
    }
    /// The message with every part computed from a sensitive field masked; nil when no part is.
    public var maskedMessage: String? {
        get { details?.maskedMessage }
        set { change(\.maskedMessage, to: newValue, empty: newValue == nil) }
    }
    /// The message in the author's English (`message_en`); nil when the rule gives none or did not fail.
    public var englishMessage: EnglishMessage? {
        get { details?.englishMessage }
        set { change(\.englishMessage, to: newValue, empty: newValue == nil) }
    }
    /// What went wrong, for rules in error.
    public var error: String? {
        get { details?.error }
        set { change(\.error, to: newValue, empty: newValue == nil) }
    }
    public var evidence: [Evidence] {
        get { details?.evidence ?? [] }
        set { change(\.evidence, to: newValue, empty: newValue.isEmpty) }
    }
    /// Set when the result depended on a provisional part of the working-day calendar: the decision then needs
    /// review, whatever the outcome.
    public var provisional: ProvisionalCalendarNote? {
        get { details?.provisional }
        set { change(\.provisional, to: newValue, empty: newValue == nil) }
    }

    /// Sets one detail; an empty value on a result without details leaves it without.
    private mutating func change<T>(_ detail: ReferenceWritableKeyPath<RuleResultDetails, T>, to value: T, empty: Bool)
    {
        if !empty || details != nil { detailsForWriting()[keyPath: detail] = value }
    }

    /// The details to change: made on the first change, copied first when another result shares them.
    private mutating func detailsForWriting() -> RuleResultDetails {
        guard var d = details.take() else {
            let fresh = RuleResultDetails()
            details = fresh
            return fresh
        }
        if !isKnownUniquelyReferenced(&d) { d = d.copy() }
        details = d
        return d
    }

    init(
        identity: RuleIdentity, outcome: RuleOutcome, message: String? = nil, error: String? = nil,
        evidence: [Evidence] = []
    ) {
        self.identity = identity
        self.outcome = outcome
        self.message = message
        self.error = error
        self.evidence = evidence
    }

    public init(
        ruleSet: String, ruleID: String, title: String, cite: String, severity: RuleSeverity, outcome: RuleOutcome,
        message: String?, error: String?, evidence: [Evidence]
    ) {
        self.init(
            identity: RuleIdentity(ruleSet: ruleSet, ruleID: ruleID, title: title, cite: cite, severity: severity),
            outcome: outcome, message: message, error: error, evidence: evidence)
    }
}

/// A rule result's message, error, evidence and calendar note, held apart (`RuleResult.details`).
final class RuleResultDetails: @unchecked Sendable {
    // INVARIANT: changed only through `RuleResult.detailsForWriting`, which copies details another result
    // shares before changing them; shared details are only read, from any thread.
    var message: String?
    var maskedMessage: String?
    var englishMessage: EnglishMessage?
    var error: String?
    var evidence: [Evidence] = []
    var provisional: ProvisionalCalendarNote?

    func copy() -> RuleResultDetails {
        let c = RuleResultDetails()
        c.message = message
        c.maskedMessage = maskedMessage
        c.englishMessage = englishMessage
        c.error = error
        c.evidence = evidence
        c.provisional = provisional
        return c
    }
}

/// Everything bylaw found about one decision.
public struct DecisionResult: Sendable {
    public var file: String
    public var kind: String?
    public var id: String?
    public var date: String?
    public var unit: String?
    public var verdict: Verdict
    public var ruleSets: [AppliedRuleSet]
    public var results: [RuleResult]
    /// Why the decision is invalid, and warnings such as unknown fields.
    public var diagnostics: [Diagnostic]
    /// The paths the applied rule sets mark sensitive, for showing the result masked.
    public var sensitivePaths: [String] = []
    /// How many of the decision's expressions the CEL interpreter settled because their fast plan could not
    /// (a missing value, an error): the same results, more slowly. `bylaw audit` counts such records.
    public var interpretedExpressions = 0
    /// The rules (`set/id`) and `let`s (`set: name`) whose expressions the interpreter settled, in order.
    public var interpretedBy: [String] = []

    public init(
        file: String, kind: String? = nil, id: String? = nil, date: String? = nil, unit: String? = nil,
        verdict: Verdict,
        ruleSets: [AppliedRuleSet], results: [RuleResult], diagnostics: [Diagnostic]
    ) {
        self.file = file
        self.kind = kind
        self.id = id
        self.date = date
        self.unit = unit
        self.verdict = verdict
        self.ruleSets = ruleSets
        self.results = results
        self.diagnostics = diagnostics
    }

    /// The result as an English reader sees it: each rule's title and message in its author's English where the
    /// rule set gives one (`title_en`, `message_en`), the original otherwise. Unchanged when no rule has English.
    public func inEnglish() -> DecisionResult {
        guard results.contains(where: { $0.identity.english != nil || $0.englishMessage != nil }) else { return self }
        var out = self
        out.results = results.map { $0.inEnglish() }
        return out
    }

    /// The result as reports show it to someone who may not see sensitive values: evidence computed from them
    /// and the parts of messages that are read `[masked]`, and diagnostics about them without their values or
    /// source line. Unchanged when no rule set marks anything sensitive.
    public func masked() -> DecisionResult {
        guard !sensitivePaths.isEmpty else { return self }
        var out = self
        for i in out.results.indices {
            if let m = out.results[i].maskedMessage { out.results[i].message = m }
            if let m = out.results[i].englishMessage?.masked {
                out.results[i].englishMessage = EnglishMessage(text: m, masked: nil)
            }
            for k in out.results[i].evidence.indices where out.results[i].evidence[k].sensitive {
                out.results[i].evidence[k].value = .string(SensitivePaths.mask)
            }
        }
        out.diagnostics = diagnostics.map { SensitivePaths.masked($0, sensitivePaths) }
        return out
    }

    /// Results with a given outcome, in rule order.
    public func results(_ outcome: RuleOutcome) -> [RuleResult] { results.filter { $0.outcome == outcome } }

    /// The verdict the rule outcomes add up to. A result that rests on a provisional calendar period counts as
    /// needing review whatever its outcome (a pass may not hold, nor a failure), unless it is an error or a notice.
    static func verdict(of results: [RuleResult]) -> Verdict {
        var verdict = Verdict.compliant
        for i in results.indices {
            if results[i].provisional != nil, results[i].outcome != .error, results[i].severity != .notice {
                if verdict == .compliant { verdict = .needsReview }
                continue
            }
            switch (results[i].outcome, results[i].severity) {
            case (.error, _): return .error
            case (.failed, .violation): verdict = .nonCompliant
            case (.failed, .warning) where verdict == .compliant: verdict = .needsReview
            default: break
            }
        }
        return verdict
    }
}
