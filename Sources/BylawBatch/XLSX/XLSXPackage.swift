import Foundation
internal import ZIPFoundation

#if canImport(Glibc)
    import Glibc
#endif

/// Why a workbook cannot be read: a stable code and a one-line message for the auditor.
struct XLSXError: Error, Sendable {
    var code: String
    var message: String

    init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }
}

/// An `.xlsx` workbook's ZIP archive: its parts inflated through ZIPFoundation with every byte counted, so that a
/// part inflating past its limit, or past `maxRatio` times its compressed size, is refused as soon as it does;
/// a part declaring a document type (where XML entities live) is refused before any XML parser sees it.
///
/// A class because it owns the archive's open file.
final class XLSXPackage: @unchecked Sendable {
    private let archive: Archive
    let limits: XLSXLimits

    /// Opens the workbook at `path` (a path the C library can open, such as `/dev/fd/3`).
    init(path: String, limits: XLSXLimits) throws(XLSXError) {
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            if Self.isCompoundFile(path) {
                throw XLSXError(
                    "xlsx.old-format",
                    "the file is an old-format workbook (Excel .xls, WPS .et) or one protected by a password, not an "
                        + ".xlsx workbook: open it in Excel or WPS and save it as an .xlsx workbook, without a password"
                )
            }
            throw XLSXError(
                "xlsx.not-a-workbook", "the file is not an .xlsx workbook (it is not a ZIP archive)")
        }
        self.limits = limits
    }

    /// The first bytes of a Compound File (OLE2): Excel 97–2003 `.xls`, WPS `.et`, and any workbook saved with a
    /// password (its encrypted package is wrapped in one).
    static let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    static func isCompoundFile(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 8)).map(Array.init) ?? []
        return head == compoundFileSignature
    }

    /// The archive's entry at `path` (without a leading `/`), if any.
    func entry(_ path: String) -> Entry? {
        archive[path.hasPrefix("/") ? String(path.dropFirst()) : path]
    }

    /// The whole inflated part at `path`, or nil when the workbook has none; throws past `limit` bytes.
    func read(_ path: String, limit: Int) throws(XLSXError) -> Data? {
        guard let entry = entry(path) else { return nil }
        var data = Data()
        try stream(entry, name: path, limit: limit) { data.append($0) }
        return data
    }

    /// Inflates `entry` chunk by chunk into `consumer`, counting bytes; a consumer that throws stops it.
    func stream(_ entry: Entry, name: String, limit: Int, consumer: (Data) throws -> Void) throws(XLSXError) {
        if entry.uncompressedSize > UInt64(limit) {
            throw tooLarge(name, limit: limit)
        }
        var inflated = 0
        var scanner = DoctypeScanner()
        var text = XMLTextCheck()
        let ratioCap = max(1, Int(clamping: entry.compressedSize)) * limits.maxRatio
        var failure: XLSXError?
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { chunk in
                inflated += chunk.count
                if inflated > limit {
                    failure = tooLarge(name, limit: limit)
                } else if inflated > limits.ratioFloor, inflated > ratioCap {
                    failure = XLSXError(
                        "xlsx.limit.ratio",
                        "the part `\(name)` inflates to more than \(limits.maxRatio) times its compressed size: "
                            + "the workbook looks like a zip bomb")
                } else if let problem = text.scan(chunk) {
                    failure = problem.error(part: name)
                } else if scanner.scan(chunk) {
                    failure = XLSXError(
                        "xlsx.doctype",
                        "the part `\(name)` declares a document type or entities, which workbooks never do")
                }
                if let failure { throw failure }
                try consumer(chunk)
            }
            if failure == nil, let problem = text.finish() { failure = problem.error(part: name) }
            if let failure { throw failure }
        } catch let error as XLSXError {
            throw error
        } catch {
            if let failure { throw failure }
            throw XLSXError("xlsx.broken", "the part `\(name)` cannot be inflated: the workbook is damaged")
        }
    }

    private func tooLarge(_ name: String, limit: Int) -> XLSXError {
        XLSXError(
            "xlsx.limit.size", "the part `\(name)` inflates to more than the limit of \(limit) bytes")
    }
}

/// Checks that a part's bytes are UTF-8, chunk by chunk, before any XML parser sees them. Workbooks are saved
/// as UTF-8 (Excel, WPS, LibreOffice and the libraries asset systems use), and FoundationXML's parser on Linux
/// stops the whole process at a byte that is not UTF-8 in an element or attribute name. A part in another
/// encoding (a UTF-16 byte-order mark, or a declaration naming one) is refused too: the document-type scan
/// below reads bytes as UTF-8 and would not see a declaration written in UTF-16.
struct XMLTextCheck {
    enum Problem: Equatable {
        case encoding(String)
        case notUTF8(offset: Int)

        func error(part: String) -> XLSXError {
            switch self {
            case .encoding(let name):
                XLSXError(
                    "xlsx.encoding",
                    "the part `\(part)` is written in \(name), not UTF-8: open the workbook in Excel or WPS and save it again"
                )
            case .notUTF8(let offset):
                XLSXError(
                    "xlsx.xml",
                    "the part `\(part)` is not well-formed XML (byte \(offset + 1) is not UTF-8)")
            }
        }
    }

    /// Bytes seen so far.
    private var offset = 0
    /// The first bytes, kept until the declaration (if any) can be read.
    private var head: [UInt8] = []
    private var headChecked = false
    /// Continuation bytes still expected, and the range the next one must fall in (`UTF8Prefix.lead`).
    private var needed = 0
    private var next: ClosedRange<UInt8> = 0x80...0xBF

    mutating func scan(_ chunk: Data) -> Problem? {
        // A part starting with a byte-order mark of UTF-16 or UTF-32, or with a zero byte, is in one of them.
        if offset == 0, let first = chunk.first, first == 0xFF || first == 0xFE || first == 0x00 {
            return .encoding("UTF-16 or UTF-32")
        }
        if !headChecked {
            head += chunk.prefix(256 - head.count)
            if head.count >= 256 || head.contains(UInt8(ascii: ">")) {
                headChecked = true
                if let problem = Self.encoding(of: head) { return problem }
            }
        }
        let problem = chunk.withUnsafeBytes { validate($0) }
        offset += chunk.count
        return problem
    }

    /// At the end of the part: a sequence cut short, or a short part whose head was never checked.
    mutating func finish() -> Problem? {
        if !headChecked, let problem = Self.encoding(of: head) { return problem }
        return needed > 0 ? .notUTF8(offset: offset - 1) : nil
    }

    private mutating func validate(_ bytes: UnsafeRawBufferPointer) -> Problem? {
        for (i, b) in bytes.enumerated() {
            if needed > 0 {
                guard next.contains(b) else { return .notUTF8(offset: offset + i) }
                needed -= 1
                next = 0x80...0xBF
            } else if b >= 0x80 {
                guard let (length, second) = UTF8Prefix.lead(b) else { return .notUTF8(offset: offset + i) }
                (needed, next) = (length - 1, second)
            }
        }
        return nil
    }

    /// The encoding a part's first bytes say it has, when it is not UTF-8.
    /// (A first byte of 0xFF, 0xFE or zero is refused by `scan` before the head is whole.)
    static func encoding(of head: [UInt8]) -> Problem? {
        if head.starts(with: [0x3C, 0x00]) { return .encoding("UTF-16 or UTF-32") }
        var text = head[...]
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
        guard text.starts(with: Array("<?xml".utf8)), let end = text.firstIndex(of: UInt8(ascii: ">")) else {
            return nil
        }
        let declaration = String(decoding: text[..<end], as: UTF8.self)
        guard let range = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let name = rest.dropFirst().prefix { $0 != quote }
        let plain = name.lowercased().filter { $0 != "-" && $0 != "_" }
        // ASCII is UTF-8's first half: such a part is read, and a byte past ASCII is then refused as not UTF-8.
        return ["utf8", "usascii", "ascii"].contains(plain) ? nil : .encoding(String(name.prefix(40)))
    }
}

/// Finds `<!DOCTYPE` or `<!ENTITY` in XML read chunk by chunk (a declaration split between chunks included).
struct DoctypeScanner {
    private var tail: [UInt8] = []
    private static let needles = [Array("<!DOCTYPE".utf8), Array("<!ENTITY".utf8)]

    /// True when the bytes so far hold a declaration.
    mutating func scan(_ chunk: Data) -> Bool {
        let window = tail + chunk.prefix(16)
        let found = window.withUnsafeBytes { Self.contains($0) } || chunk.withUnsafeBytes { Self.contains($0) }
        tail = Array(chunk.suffix(15))
        return found
    }

    static func contains(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var i = 0
        while i < bytes.count, let p = memchr(base + i, Int32(UInt8(ascii: "<")), bytes.count - i) {
            let at = UnsafeRawPointer(p) - base
            for needle in needles where at + needle.count <= bytes.count {
                if needle.indices.allSatisfy({ bytes[at + $0] == needle[$0] }) { return true }
            }
            i = at + 1
        }
        return false
    }
}
