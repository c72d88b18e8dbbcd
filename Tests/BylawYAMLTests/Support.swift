import BylawDiagnostics
import Testing

@testable import BylawYAML

/// Loads a YAML text as rule-set input (or with the given limits).
func load(_ text: String, limits: YAMLLimits = .ruleSet, file: String = "t.yaml") throws(YAMLLoadError) -> YAMLNode {
    try YAMLLoader.load(bytes: Array(text.utf8), file: file, limits: limits)
}

/// The first diagnostic of a load that must fail, or `nil` (recorded as a test issue) when it loads.
func firstError(
    _ bytes: [UInt8], limits: YAMLLimits = .ruleSet, sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Diagnostic? {
    do {
        _ = try YAMLLoader.load(bytes: bytes, file: "t.yaml", limits: limits)
        Issue.record("expected the input to be rejected", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error.diagnostics.first
    }
}

/// Asserts a load fails with `code` at `line`:`column`.
func expectRejected(
    _ bytes: [UInt8], code: String, line: Int, column: Int, limits: YAMLLimits = .ruleSet,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    guard let d = firstError(bytes, limits: limits, sourceLocation: sourceLocation) else { return }
    #expect(d.code == code, "\(d)", sourceLocation: sourceLocation)
    #expect(d.location?.line == line, "\(d)", sourceLocation: sourceLocation)
    #expect(d.location?.column == column, "\(d)", sourceLocation: sourceLocation)
}

func expectRejected(
    _ text: String, code: String, line: Int, column: Int, limits: YAMLLimits = .ruleSet,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    expectRejected(
        Array(text.utf8), code: code, line: line, column: column, limits: limits, sourceLocation: sourceLocation)
}

/// The directory of this test file, for fixtures next to it.
let testsDirectory: String = {
    let path = #filePath
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return String(path[..<slash])
}()
