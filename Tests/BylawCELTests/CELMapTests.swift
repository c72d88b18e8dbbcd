import Testing

@testable import BylawCEL

/// Lookups agree whether a map compares its keys one by one or through its hash index, for maps built
/// entry by entry and for decoded objects, on both sides of each threshold.
@Suite struct CELMapTests {
    @Test(arguments: [0, 1, 8, 9, 20, 32, 33, 60])
    func decodedObjectsFindEveryKey(size: Int) throws {
        let entries = (0..<size).map { (key: "field_\($0)", value: CELValue.int(Int64($0))) }
        var map = CELMap(distinctStringKeys: entries)
        for (i, e) in entries.enumerated() { #expect(map[.string(e.key)] == .int(Int64(i))) }
        #expect(map[.string("missing")] == nil)
        #expect(map[.int(0)] == nil)
        // A decoded map keeps its keys in its entries only; it equals the map built entry by entry.
        #expect(map == (try CELMap(entries.map { (key: CELValue.string($0.key), value: $0.value) })))
        // Growing a decoded map keeps every key findable and still refuses a repeated one.
        try map.insert(.string("extra"), .bool(true))
        #expect(map[.string("extra")] == .bool(true))
        if let first = entries.first { #expect(map[.string(first.key)] == first.value) }
        #expect(throws: CELEvalError.self) { try map.insert(.string("extra"), .null) }
        #expect(map.count == size + 1)
    }

    @Test(arguments: [3, 9, 40])
    func numericKeysMatchAcrossTypes(size: Int) throws {
        let map = try CELMap((0..<size).map { (key: CELValue.int(Int64($0)), value: CELValue.int(Int64($0 * 10))) })
        let last = Int64(size - 1)
        #expect(map[.uint(UInt64(last))] == .int(last * 10))
        #expect(map[.double(Double(last))] == .int(last * 10))
        #expect(map[.double(0.5)] == nil)
        #expect(throws: CELEvalError.self) { _ = try CELMap([(.int(1), .null), (.uint(1), .null)]) }
    }
}

/// CEL compares strings by code points, with no Unicode normalisation (Swift's own `==` on `String` would say
/// that a precomposed `é` and `e` followed by a combining accent are equal): in `==`, in ordering, and in map keys.
@Suite struct CodePointTests {
    static let composed = "\u{E9}"  // é as one code point
    static let decomposed = "e\u{301}"  // e + combining acute accent

    @Test func canonicallyEquivalentStringsAreNotEqual() {
        #expect(Self.composed == Self.decomposed, "Swift's own equality normalises: the premise of this test")
        #expect(celEquals(.string(Self.composed), .string(Self.decomposed)) == false)
        #expect(celEquals(.string("出售"), .string("出售")) == true)
        #expect(celEquals(.string(""), .string("")) == true)
        #expect(celEquals(.string("出售"), .string("出让")) == false)
    }

    @Test func orderIsCodePointOrder() {
        // U+0065 `e` comes before U+00E9 `é`.
        #expect(celCompare(.string(Self.decomposed), .string(Self.composed)) == -1)
        // U+FF21 comes before U+1F600, though its UTF-16 unit (FF21) is above the surrogate (D83D).
        #expect(celCompare(.string("\u{FF21}"), .string("\u{1F600}")) == -1)
        #expect(celCompare(.string("ab"), .string("a")) == 1)
        #expect(celCompare(.string("a"), .string("ab")) == -1)
        #expect(celCompare(.string("工会"), .string("工会")) == 0)
        #expect(celCompare(.string(""), .string("a")) == -1)
    }

    /// An enumeration's value read from raw bytes: the list's own string when the bytes are exactly its UTF-8,
    /// never a canonically equivalent one, and nothing for bytes that are not UTF-8 at all.
    @Test func memberIsFoundByItsExactBytes() {
        let list = ["出售", Self.composed, "报废报损"]
        func member(_ bytes: [UInt8]) -> String? {
            bytes.withUnsafeBufferPointer { CodePoints.member(of: list, utf8: $0) }
        }
        #expect(member(Array("出售".utf8)) == "出售")
        #expect(member(Array("报废报损".utf8)) == "报废报损")
        #expect(member(Array(Self.composed.utf8)).map { Array($0.utf8) } == Array(Self.composed.utf8))
        #expect(member(Array(Self.decomposed.utf8)) == nil)
        #expect(member(Array("出".utf8)) == nil)
        #expect(member([0xE5, 0x87]) == nil)
        #expect(member([]) == nil)
        #expect(CodePoints.member(of: [""], utf8: UnsafeBufferPointer(start: nil, count: 0)) == "")
    }

    @Test(arguments: [2, 20])
    func equivalentKeysAreDistinctKeys(padding: Int) throws {
        // Below and above the size at which a map builds its hash index.
        var entries: [(key: CELValue, value: CELValue)] = (0..<padding).map { (.string("k\($0)"), .int(Int64($0))) }
        entries += [(.string(Self.composed), .int(-1)), (.string(Self.decomposed), .int(-2))]
        let map = try CELMap(entries)
        #expect(map[.string(Self.composed)] == .int(-1))
        #expect(map[.string(Self.decomposed)] == .int(-2))
        let decoded = CELMap(distinctStringKeys: [(Self.composed, .int(1))])
        #expect(decoded[.string(Self.decomposed)] == nil)
        #expect(decoded[.string(Self.composed)] == .int(1))
    }
}
