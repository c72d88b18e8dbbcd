/// A dotted path naming where a CSV column's value goes in a decision: `asset.book_value`, `approvals.0.body`.
/// Each segment is a field name (`[A-Za-z_][A-Za-z0-9_]*`) or, for an item of a list, a 0-based index.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    public enum Segment: Sendable, Hashable {
        case field(String)
        case index(Int)
    }

    public var segments: [Segment]

    /// Parses `text`; nil when it is not a valid path.
    public init?(_ text: String) {
        var segments: [Segment] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            if !part.isEmpty, part.utf8.count <= 9, part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                guard part == "0" || part.first != "0", let n = Int(part) else { return nil }
                segments.append(.index(n))
            } else if Self.isName(part) {
                segments.append(.field(String(part)))
            } else {
                return nil
            }
        }
        guard case .field? = segments.first else { return nil }
        self.segments = segments
    }

    private static func isName(_ s: Substring) -> Bool {
        guard let first = s.utf8.first else { return false }
        func letter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || c == 0x5F }
        return letter(first) && s.utf8.allSatisfy { letter($0) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    public var description: String {
        segments.map {
            switch $0 {
            case .field(let name): name
            case .index(let n): String(n)
            }
        }.joined(separator: ".")
    }
}
