import ArgumentParser

/// Exit codes, as documented in `bylaw --help`.
enum Exit {
    static let compliant = ExitCode(0)
    static let notCompliant = ExitCode(1)
    static let invalid = ExitCode(2)
}

/// Writes one line to standard error.
func printError(_ line: String) {
    var stderr = StandardError()
    print(line, to: &stderr)
}

/// Standard error as a `TextOutputStream`.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandleOutput.writeStderr(string)
    }
}
