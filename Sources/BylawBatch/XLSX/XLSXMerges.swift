import Foundation

/// The merged ranges of a worksheet. Excel writes `<mergeCells>` after the rows, so they are found by a first pass
/// over the inflated sheet that looks only for `mergeCell` elements' `ref` attributes (no XML parsing: the pass
/// costs little more than inflating), which also checks the sheet against the limits before any row is read.
struct XLSXMerges: Sendable {
    /// A range whose value, kept in its top-left cell, is copied down to the cells below it in that column.
    struct Range: Sendable, Equatable {
        var column: Int
        var top: Int
        var bottom: Int
    }

    /// Ranges spanning more than one row, by their top row.
    var byTop: [Int: [Range]] = [:]

    static func scan(_ package: XLSXPackage, part: String) throws(XLSXError) -> XLSXMerges {
        guard let entry = package.entry(part) else {
            throw XLSXError("xlsx.not-a-workbook", "the workbook has no part `\(part)` for its sheet")
        }
        var merges = XLSXMerges()
        var scanner = RefScanner()
        var count = 0
        let limit = package.limits.maxMergedRanges
        try package.stream(entry, name: part, limit: package.limits.maxSheetBytes) { chunk in
            for ref in scanner.scan(chunk) {
                count += 1
                if count > limit {
                    throw XLSXError(
                        "xlsx.limit.merged", "the sheet has more than the limit of \(limit) merged ranges")
                }
                let halves = ref.split(separator: UInt8(ascii: ":"))
                guard halves.count == 2, let a = SpreadsheetName.parse(halves[0]),
                    let b = SpreadsheetName.parse(halves[1]), b.row > a.row
                else { continue }
                merges.byTop[a.row, default: []].append(Range(column: a.column, top: a.row, bottom: b.row))
            }
        }
        return merges
    }

    /// Finds `mergeCell … ref="A1:D3"` in chunks of XML, a match split between chunks included.
    private struct RefScanner {
        private var carry: [UInt8] = []
        private static let element = Array("mergeCell".utf8)
        private static let ref = Array("ref=\"".utf8)

        mutating func scan(_ chunk: Data) -> [[UInt8]] {
            let bytes = carry + chunk
            var found: [[UInt8]] = []
            var i = 0
            var keepFrom = max(0, bytes.count - Self.element.count)
            search: while let at = Self.find(Self.element, in: bytes, from: i) {
                let after = at + Self.element.count
                guard after < bytes.count else {
                    keepFrom = at
                    break
                }
                // `mergeCells` (the list) and text that merely mentions the name are not a range.
                guard bytes[after] == 0x20 || bytes[after] == 0x09 || bytes[after] == 0x0A || bytes[after] == 0x0D
                else {
                    i = after
                    continue
                }
                guard let close = bytes[after...].firstIndex(of: UInt8(ascii: ">")) else {
                    keepFrom = at
                    break search
                }
                if let r = Self.find(Self.ref, in: bytes, from: after), r < close,
                    let end = bytes[(r + Self.ref.count)..<close].firstIndex(of: UInt8(ascii: "\""))
                {
                    found.append(Array(bytes[(r + Self.ref.count)..<end]))
                }
                i = close
                keepFrom = max(close, bytes.count - Self.element.count)
            }
            carry = bytes.count - keepFrom > 4096 ? [] : Array(bytes[keepFrom...])
            return found
        }

        private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
            guard let first = needle.first, from < bytes.count else { return nil }
            var i = from
            while i + needle.count <= bytes.count {
                if bytes[i] == first, bytes[i..<i + needle.count].elementsEqual(needle) { return i }
                i += 1
            }
            return nil
        }
    }
}
