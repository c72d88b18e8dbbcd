/// A rule set that was applied, for reports and the audit trail.
public struct AppliedRuleSet: Sendable, Equatable {
    public var id: String
    public var version: String
    public var file: String
    /// For a set that extends another: the parent version it was applied with, then that parent's parents,
    /// nearest first (each with an empty `extends`). Their rules were evaluated as part of this set.
    public var extends: [AppliedRuleSet] = []

    public init(id: String, version: String, file: String, extends: [AppliedRuleSet] = []) {
        self.id = id
        self.version = version
        self.file = file
        self.extends = extends
    }

    /// `gd 1.0.0 (extends national 2.0.0)`, for text reports.
    public var label: String {
        "\(id) \(version)"
            + (extends.isEmpty
                ? "" : " (extends " + extends.map { "\($0.id) \($0.version)" }.joined(separator: ", ") + ")")
    }
}
