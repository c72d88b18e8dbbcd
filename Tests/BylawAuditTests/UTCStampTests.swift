import BylawTestSupport
import Foundation
import Testing

@testable import BylawAudit

@Suite("the trail's UTC timestamps")
struct UTCStampTests {
    static func reference() -> ISO8601DateFormatter {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        f.timeZone = TimeZone(identifier: "UTC")
        return f
    }

    /// Whole milliseconds from 1900 to 2200, leap days and year ends included: the same text as Foundation's
    /// ISO 8601 formatter, and read back to the same instant.
    @Test func sameAsFoundationAndReadBack() {
        let reference = Self.reference()
        var random = SplitMix(seed: 2026)
        var instants: [Int64] = [0, 951_782_400_000, 951_868_799_999, 4_107_542_399_999, -2_208_988_800_000]
        for _ in 0..<20_000 {
            instants.append(Int64.random(in: -2_208_988_800_000...7_258_118_400_000, using: &random))
        }
        for ms in instants {
            let date = Date(timeIntervalSince1970: Double(ms) / 1000)
            let ours = UTCStamp.format(date)
            #expect(ours == reference.string(from: date), "\(ms)")
            #expect(UTCStamp.parse(ours).map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) } == ms, "\(ours)")
        }
    }

    @Test(arguments: [
        "", "2026-11-24T19:05:03.123", "2026-11-24 19:05:03.123Z", "2026-02-30T00:00:00.000Z",
        "2026-11-24T24:00:00.000Z", "2026-11-24T19:60:03Z", "2026-11-24T19:05:03.Z", "2026-11-24T19:05:03.1234567890Z",
        "2026-1a-24T19:05:03.123Z", "２０２６-11-24T19:05:03.123Z",
    ])
    func malformedStampsAreRefused(_ text: String) {
        #expect(UTCStamp.parse(text) == nil)
    }

    @Test func secondsWithoutFractionAreRead() {
        #expect(UTCStamp.parse("2025-07-11T08:00:00Z") == Self.reference().date(from: "2025-07-11T08:00:00.000Z"))
    }
}
