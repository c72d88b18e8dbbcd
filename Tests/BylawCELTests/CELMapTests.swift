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
