import ArgumentParser
import Bylaw
import BylawLocale

#if canImport(Glibc)
    import Glibc
#endif

/// `bylaw audit --format`.
enum AuditFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl, csv, junit, html

    /// The report for this format: the one place a format is turned into a reporter.
    /// - Parameter terminal: the report goes to a terminal, so the text report may use colour.
    func output(terminal: Bool) -> AuditOutput {
        let options = BatchReportOptions(colour: terminal, language: Language.current)
        switch self {
        case .jsonl: return AuditOutput(reporter: JSONLinesReporter(), perRecord: JSONLinesReporter.line)
        case .text: return AuditOutput(reporter: BatchReports.reporter(format: .text, options: options))
        case .json: return AuditOutput(reporter: BatchReports.reporter(format: .json, options: options))
        case .csv: return AuditOutput(reporter: BatchReports.reporter(format: .csv, options: options))
        case .junit: return AuditOutput(reporter: BatchReports.reporter(format: .junit, options: options))
        case .html: return AuditOutput(reporter: BatchReports.reporter(format: .html, options: options))
        }
    }
}

/// What `--format` writes.
struct AuditOutput {
    var reporter: any BatchReporter
    /// For a report whose text for one record needs nothing from the records before it (JSON Lines): that
    /// text, rendered on the worker threads and written in order in place of calling the reporter's `add`.
    var perRecord: (@Sendable (BatchItem) -> String)? = nil
}

extension InputFormat: ExpressibleByArgument {}

extension TextEncoding: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// Where a report goes: standard output or `--report FILE`, written in 64 KiB blocks as it is produced.
struct FileReportSink: ReportSink {
    let fd: Int32
    private var buffer: [UInt8] = []
    /// `errno` of the first failed write (a full disk, a closed pipe); later writes are dropped.
    private(set) var failure: Int32?

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(1 << 17)
    }

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes out what is buffered.
    mutating func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil else { return }
        var offset = 0
        while offset < buffer.count {
            let n = buffer[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                failure = errno
                return
            }
            offset += n
        }
    }
}
