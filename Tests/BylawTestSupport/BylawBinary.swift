import Foundation

/// The `bylaw` binary built beside the test bundle (or `BYLAW_BIN`), for tests that run it end to end.
public enum BylawBinary {
    public static var path: String? {
        if let explicit = ProcessInfo.processInfo.environment["BYLAW_BIN"] { return explicit }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("bylaw").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }
}
