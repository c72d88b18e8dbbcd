import BylawDiagnostics

/// bylaw's version, recorded in every audit record and printed by `bylaw --version`.
public enum BylawVersion {
    public static let current = "0.1.0"
}

/// Something could not be loaded; the diagnostics say what and where.
public struct LoadFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
