#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// CEL string equality and order: by Unicode code points, with no normalisation (`"é"` and `"e\u{301}"`
/// differ). Swift's own `==` and `<` on `String` follow canonical equivalence instead, so CEL never uses them on
/// strings.
///
/// Both work on the UTF-8 bytes: a string has one UTF-8 encoding, and UTF-8 byte order is code point order.
/// Comparing bytes is also far cheaper than Swift's comparison, which for non-ASCII text (most of what a rule
/// compares: `method == "出售"`) takes its slow, normalising path.
public enum CodePoints {
    /// Whether `a` and `b` are the same sequence of code points.
    @inline(__always)
    public static func equal(_ a: String, _ b: String) -> Bool {
        let count = a.utf8.count
        guard count == b.utf8.count else { return false }
        let same = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in sameBytes(x, y) }
        }
        if let same, let same { return same }
        return a.utf8.elementsEqual(b.utf8)
    }

    /// -1, 0 or 1 as `a` comes before, equals or follows `b` in code point order.
    public static func compare(_ a: String, _ b: String) -> Int {
        let order = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                let common = min(x.count, y.count)
                if let p = x.baseAddress, let q = y.baseAddress, common > 0 {
                    let c = memcmp(p, q, common)
                    if c != 0 { return c < 0 ? -1 : 1 }
                }
                return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
            }
        }
        if let order, let order { return order }
        if a.utf8.elementsEqual(b.utf8) { return 0 }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
    }

    /// Whether two byte buffers hold the same bytes (`memcmp`, not a generic element-by-element loop).
    @inlinable @inline(__always)
    public static func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let p = a.baseAddress, let q = b.baseAddress else { return true }  // both empty
        return memcmp(p, q, a.count) == 0
    }

    /// Whether `list` holds `text`, by `equal`.
    public static func contains(_ list: [String], _ text: String) -> Bool {
        list.contains { equal($0, text) }
    }

    /// Whether `text` is encoded by exactly `bytes`. Inlinable: schema lookups call it for every member of
    /// every record.
    @inlinable
    public static func equal(_ text: String, utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.utf8.count == bytes.count else { return false }
        let same = text.utf8.withContiguousStorageIfAvailable { sameBytes($0, bytes) }
        return same ?? text.utf8.elementsEqual(bytes)
    }

    /// The string of `list` whose UTF-8 bytes are `bytes`, or nil. Bytes that match are valid UTF-8, since
    /// the list's strings are, so a caller reading text from a buffer need not check it first.
    public static func member(of list: [String], utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        list.first { equal($0, utf8: bytes) }
    }

    /// Feeds the UTF-8 bytes of `text` to `hasher`: the hash that goes with `equal`.
    static func hash(_ text: String, into hasher: inout Hasher) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable {
            hasher.combine(bytes: UnsafeRawBufferPointer($0))
        }
        if done == nil {
            for byte in text.utf8 { hasher.combine(byte) }
        }
        hasher.combine(text.utf8.count)
    }
}
