import BylawDiagnostics

/// bylaw's version, recorded in every audit record and printed by `bylaw --version`.
public enum BylawVersion {
    public static let current = "0.1.0"
}
