import BylawDiagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Raw writes to the standard streams, unbuffered on stderr.
enum FileHandleOutput {
    /// Everything bylaw says on stderr is text for people: made harmless on a terminal (`TerminalText`), keeping
    /// only the colour sequences bylaw paints with when stderr is one.
    static func writeStderr(_ s: String) {
        writeAll(fd: 2, TerminalText.lines(s, keepingColour: stderrIsTerminal))
    }

    /// A report for people on stdout (text, Markdown): every control character from input or a rule set made
    /// harmless, line breaks, tabs and bylaw's own colours kept. Machine formats (JSON, CSV, XML) use `writeAll`.
    static func writeText(_ s: String) {
        writeAll(fd: 1, TerminalText.lines(s, keepingColour: stdoutIsTerminal))
    }

    /// Writes all of `s` to a file descriptor, retrying short writes.
    static func writeAll(fd: Int32, _ s: String) {
        let bytes = Array(s.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            offset += n
        }
    }

    /// True when standard output is a terminal (colours, alignment for people).
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
    /// True when standard error is a terminal (progress lines).
    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}
