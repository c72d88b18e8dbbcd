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
            throw XLSXError(
                "xlsx.not-a-workbook", "the file is not an .xlsx workbook (it is not a ZIP archive)")
        }
        self.limits = limits
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
                } else if scanner.scan(chunk) {
                    failure = XLSXError(
                        "xlsx.doctype",
                        "the part `\(name)` declares a document type or entities, which workbooks never do")
                }
                if let failure { throw failure }
                try consumer(chunk)
            }
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
