import Foundation
import Testing

@testable import BylawAudit

@Suite struct RecordIDTests {
    /// Version 7 layout: 48-bit milliseconds, version nibble 7, variant bits 10.
    @Test func idsAreVersionSevenUUIDsCarryingTheTime() throws {
        var ids = RecordIDGenerator()
        let date = Date(timeIntervalSince1970: 1_764_000_000.123)
        let id = ids.next(at: date)
        let parts = id.split(separator: "-").map(String.init)
        #expect(parts.map(\.count) == [8, 4, 4, 4, 12])
        #expect(id.allSatisfy { "0123456789abcdef-".contains($0) })
        #expect(parts[2].first == "7")
        #expect("89ab".contains(try #require(parts[3].first)))
        let millis = try #require(UInt64(parts[0] + parts[1], radix: 16))
        #expect(millis == 1_764_000_000_123)
        #expect(UUID(uuidString: id) != nil)
    }

    /// Ids rise strictly in text order (so the unique index only grows at its end), within one millisecond,
    /// across milliseconds, and when the clock steps back.
    @Test func idsRiseStrictly() {
        var ids = RecordIDGenerator()
        let t0 = Date(timeIntervalSince1970: 1_764_000_000)
        var seen: [String] = []
        for step in 0..<3000 {
            let jitter = step % 7 == 3 ? -5.0 : Double(step / 1000)  // a clock stepping back now and then
            seen.append(ids.next(at: t0.addingTimeInterval(jitter)))
        }
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0 < $1 })
        #expect(Set(seen).count == seen.count)
    }

    /// Two generators (two processes) in the same millisecond start from different random points.
    @Test func generatorsDiffer() {
        var a = RecordIDGenerator()
        var b = RecordIDGenerator()
        let t = Date(timeIntervalSince1970: 1_764_000_000)
        #expect(a.next(at: t) != b.next(at: t))
    }
}
