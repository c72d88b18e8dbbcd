import ArgumentParser
import Bylaw
import BylawBatch
import BylawJobs
import BylawLocale

#if canImport(Glibc)
    import Glibc
#endif

/// `bylaw audit --format`: the library's report formats, by their names.
extension AuditReportFormat: ExpressibleByArgument {}

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

    mutating func write(utf8 bytes: [UInt8]) {
        // A chunk of JSON Lines (a megabyte or so) goes out as it is, after what is buffered, not copied first.
        guard bytes.count >= 1 << 16 else {
            buffer.append(contentsOf: bytes)
            if buffer.count >= 1 << 16 { flush() }
            return
        }
        flush()
        put(bytes)
    }

    /// Writes out what is buffered.
    mutating func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        put(buffer)
    }

    /// Writes `bytes` whole, unless a write has failed.
    private mutating func put(_ bytes: [UInt8]) {
        guard failure == nil else { return }
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                failure = errno
                return
            }
            offset += n
        }
    }
}
