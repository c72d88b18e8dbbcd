import Foundation

/// Record ids: RFC 9562 version 7 UUIDs, time-ordered so the store's unique index on `record_id` grows at
/// its right edge instead of taking a random page for every record.
///
/// The 48-bit field is the Unix time in milliseconds; the 74 bits after it start at a random value drawn
/// once per generator and count up by one per id. Ids from one generator therefore rise strictly (when the
/// clock steps back, the timestamp is held at the last one used), and two processes writing in the same
/// millisecond differ in their random start. One `getrandom` per generator replaces the read of
/// `/dev/urandom` that `UUID()` makes for every id.
struct RecordIDGenerator {
    private var millis: UInt64 = 0
    /// The low 74 bits: 12 bits (`rand_a`) above 62 bits (`rand_b`).
    private var high: UInt16
    private var low: UInt64

    init() {
        var rng = SystemRandomNumberGenerator()
        high = UInt16.random(in: 0...0x0FFF, using: &rng)
        low = UInt64.random(in: 0...(1 << 62 - 1), using: &rng)
    }

    /// Moves the generator past `id` (a record already in the store, written by any process): the next id is
    /// then greater than it whatever the clock says, so ids keep the order of sequence numbers even across
    /// processes and a clock set back.
    mutating func follow(_ id: String) {
        let hex = Array(id.utf8.filter { $0 != UInt8(ascii: "-") })
        guard hex.count == 32, let bytes = AuditHex.decode(String(decoding: hex, as: UTF8.self)) else { return }
        var m: UInt64 = 0
        for i in 0..<6 { m = m << 8 | UInt64(bytes[i]) }
        let h = UInt16(bytes[6] & 0x0F) << 8 | UInt16(bytes[7])
        var l = UInt64(bytes[8] & 0x3F)
        for i in 9..<16 { l = l << 8 | UInt64(bytes[i]) }
        if (m, h, l) > (millis, high, low) { (millis, high, low) = (m, h, l) }
    }

    /// The next id, for a record written at `date`.
    mutating func next(at date: Date) -> String {
        let now = UInt64(max(0, (date.timeIntervalSince1970 * 1000).rounded(.down)))
        millis = max(millis, min(now, 1 << 48 - 1))
        low += 1
        if low == 1 << 62 {
            low = 0
            high = (high + 1) & 0x0FFF
            if high == 0 { millis += 1 }  // 2^74 ids in one millisecond: move the clock on instead of wrapping
        }
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<6 { bytes[i] = UInt8(truncatingIfNeeded: millis >> (40 - 8 * UInt64(i))) }
        bytes[6] = 0x70 | UInt8(high >> 8)
        bytes[7] = UInt8(truncatingIfNeeded: high)
        bytes[8] = 0x80 | UInt8(truncatingIfNeeded: low >> 56)
        for i in 9..<16 { bytes[i] = UInt8(truncatingIfNeeded: low >> (8 * UInt64(15 - i))) }
        return Self.text(bytes)
    }

    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in lowercase hex.
    static func text(_ bytes: [UInt8]) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(36)
        for (i, b) in bytes.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { out.append(UInt8(ascii: "-")) }
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
