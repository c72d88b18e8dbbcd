import BylawBatch
import BylawDiagnostics
import BylawLocale

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How many records that are not compliant the HTML report lists in its page, and where the others go.
///
/// A browser draws a page of a few thousand table rows at once; at a million records the whole list would be
/// hundreds of megabytes that no browser opens. So the page lists the first `limit` records in input order
/// and the others go to `companion`, a file the page links to, as the CSV report writes them (one row per
/// failed rule, `CSVBatchReporter`): the file an auditor opens in a spreadsheet, and a tenth of the size of
/// the same records as JSON Lines. Without a companion (the report goes to standard output) the page says how
/// to get the others.
public struct HTMLPaging {
    /// Records listed in the page unless the caller says otherwise.
    public static let defaultLimit = 1000

    /// The most records the page lists.
    public var limit: Int
    /// Where the records after the first `limit` go; nil to leave them out of the report.
    public var companion: CompanionFile?

    public init(limit: Int = HTMLPaging.defaultLimit, companion: CompanionFile? = nil) {
        self.limit = max(0, limit)
        self.companion = companion
    }

    /// The companion file's path for a report written to `report`: `audit.html` → `audit.records.csv`, in the
    /// same folder.
    public static func companionPath(forReport report: String) -> String {
        let slash = report.lastIndex(of: "/")
        let name = slash.map { report[report.index(after: $0)...] } ?? report[...]
        let base = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : name[..<$0] } ?? name
        let folder = slash.map { String(report[...$0]) } ?? ""
        return folder + base + ".records.csv"
    }

    /// The page's paragraph that says how many records are in the page and where the others are, in `l`, each
    /// piece of its prose with the other language beside it for the page's switch.
    static func note(inPage: Int, beyond: Int, companion: CompanionFile?, _ l: Language = .english) -> String {
        func say(_ id: String, _ n: Int? = nil) -> String {
            HTMLParts.label("span", l) { $0.text(id, n.map(HTMLParts.grouped) ?? "") }
        }
        func code(_ s: String) -> String { "<code>" + HTMLParts.text(s) + "</code>" }
        var out = "<p class=\"note\" id=\"rest\" data-in-page=\"\(inPage)\" data-beyond=\"\(beyond)\">"
        out += say("html.rest.first", inPage)
        if let companion {
            out += say("html.rest.in", beyond)
            out += "<a href=\(HTMLParts.attr(companion.href)) download>\(HTMLParts.text(companion.href))</a>"
            out += say("html.rest.in-what") + code("bylaw audit --format csv --columns machine")
            out += say("html.rest.in-end") + "</p>\n"
        } else {
            out += say("html.rest.stdout", beyond) + code("--report FILE.html") + say("html.rest.stdout-report")
            out += code("--html-records") + say("html.rest.stdout-run") + code("bylaw audit --format csv")
            out += say("html.rest.stdout-end") + "</p>\n"
        }
        return out
    }
}

/// A file a report writes beside itself, opened when the first text arrives (so a run that needs none makes
/// none), written in 64 KiB blocks. A failed write is kept in `failure` and later writes are dropped.
public final class CompanionFile: ReportSink {
    /// Where the file is written.
    public let path: String
    /// How the page links to it: its name, percent-encoded, relative to the page's folder.
    public let href: String
    /// Records written so far (counted by the reporter that writes them).
    public internal(set) var records = 0
    /// The reason writing failed, when it did.
    public private(set) var failure: String?
    private var fd: Int32 = -1
    private var buffer: [UInt8] = []

    public init(path: String) {
        self.path = path
        let name = path.split(separator: "/").last.map(String.init) ?? path
        href = Self.percentEncoded(name)
    }

    deinit { if fd >= 0 { _ = closeDescriptor(fd) } }

    public func write(_ text: String) {
        guard failure == nil else { return }
        if fd < 0 {
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                failure = "cannot write `\(path)`: " + String(cString: strerror(errno)).lowercased()
                return
            }
        }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes out what is buffered and closes the file; true when every byte was written.
    @discardableResult
    public func close() -> Bool {
        flush()
        if fd >= 0 {
            if closeDescriptor(fd) != 0, failure == nil {
                failure = "cannot write `\(path)`: " + String(cString: strerror(errno)).lowercased()
            }
            fd = -1
        }
        return failure == nil
    }

    private func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil, fd >= 0 else { return }
        var offset = 0
        while offset < buffer.count {
            let n = buffer[offset...].withUnsafeBytes { writeDescriptor(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                failure = "cannot write `\(path)`: " + String(cString: strerror(errno)).lowercased()
                return
            }
            offset += n
        }
    }

    /// `name` with every byte outside the unreserved URL characters written `%XX`, so any file name is a safe
    /// relative link.
    static func percentEncoded(_ name: String) -> String {
        var out = ""
        for b in name.utf8 {
            let c = Character(Unicode.Scalar(b))
            if b < 0x80, c.isLetter || c.isNumber || "-._~".contains(c) {
                out.append(c)
            } else {
                out += "%" + String(b, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

/// `close(2)` and `write(2)`, named apart from `CompanionFile`'s own methods.
private func closeDescriptor(_ fd: Int32) -> Int32 { close(fd) }
private func writeDescriptor(_ fd: Int32, _ p: UnsafeRawPointer?, _ n: Int) -> Int { write(fd, p, n) }

extension String {
    fileprivate func leftPadded(to n: Int) -> String {
        count >= n ? self : String(repeating: "0", count: n - count) + self
    }
}
