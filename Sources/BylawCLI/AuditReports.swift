import ArgumentParser
import Bylaw

#if canImport(Glibc)
    import Glibc
#endif

/// `bylaw audit --format`.
enum AuditFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl, csv, junit, html

    /// The reporter for this format: the one place a format is turned into a report. A format whose reporter
    /// is not part of this build falls back to JSON Lines, and `notice` says so on stderr.
    func reporter() -> (reporter: any BatchReporter, notice: String?) {
        switch self {
        case .jsonl:
            return (JSONLinesReporter(), nil)
        case .text, .json, .csv, .junit, .html:
            return (
                JSONLinesReporter(),
                "bylaw: the `\(rawValue)` report is not built on this branch; writing JSON Lines (--format jsonl) instead"
            )
        }
    }
}

extension InputFormat: ExpressibleByArgument {}

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
