import BylawCEL
import Foundation

/// The trail's timestamps, `2026-11-24T19:05:03.123Z`: UTC, milliseconds, written and read by hand. A
/// Foundation ISO 8601 formatter built for each transaction cost a twentieth of a recorded check.
enum UTCStamp {
    /// The stamp of `date`, milliseconds truncated.
    static func format(_ date: Date) -> String {
        // To the microsecond first, so that a whole millisecond held as a binary fraction is not cut to the one
        // before it.
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let millis = micros >= 0 ? micros / 1000 : (micros - 999) / 1000
        let (days, dayMillis) = millis.quotientAndRemainder(dividingBy: 86_400_000)
        let (d, ms) = dayMillis < 0 ? (days - 1, dayMillis + 86_400_000) : (days, dayMillis)
        let (year, month, day) = CELDate(daysSinceEpoch: d)?.components ?? (1970, 1, 1)
        let seconds = ms / 1000
        var out = [UInt8]()
        out.reserveCapacity(24)
        func put(_ value: Int64, _ width: Int) {
            var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
            var v = value
            for k in stride(from: width - 1, through: 0, by: -1) {
                digits[k] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
            }
            out += digits
        }
        put(Int64(year), 4)
        out.append(UInt8(ascii: "-"))
        put(Int64(month), 2)
        out.append(UInt8(ascii: "-"))
        put(Int64(day), 2)
        out.append(UInt8(ascii: "T"))
        put(seconds / 3600, 2)
        out.append(UInt8(ascii: ":"))
        put(seconds / 60 % 60, 2)
        out.append(UInt8(ascii: ":"))
        put(seconds % 60, 2)
        out.append(UInt8(ascii: "."))
        put(ms % 1000, 3)
        out.append(UInt8(ascii: "Z"))
        return String(decoding: out, as: UTF8.self)
    }

    /// The instant a stamp names (`YYYY-MM-DDTHH:MM:SS`, an optional fraction, `Z`); nil for anything else.
    static func parse(_ text: String) -> Date? {
        let u = Array(text.utf8)
        guard u.count >= 20, u.last == UInt8(ascii: "Z") else { return nil }
        func number(_ from: Int, _ width: Int) -> Int64? {
            var v: Int64 = 0
            for k in from..<from + width {
                let c = u[k]
                guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
                v = v * 10 + Int64(c - UInt8(ascii: "0"))
            }
            return v
        }
        guard u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"), u[10] == UInt8(ascii: "T"),
            u[13] == UInt8(ascii: ":"), u[16] == UInt8(ascii: ":"),
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let date = CELDate(year: Int(year), month: Int(month), day: Int(day)),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var fraction = 0.0
        if u.count > 20 {
            guard u[19] == UInt8(ascii: "."), u.count > 21, u.count - 21 <= 9, let f = number(20, u.count - 21)
            else { return nil }
            fraction = Double(f) / pow(10, Double(u.count - 21))
        }
        let seconds = date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }
}
