import BylawCEL

/// The text of a workbook cell's number: Excel keeps numbers as binary doubles and writes up to 17 significant
/// digits (`0.30000000000000004`); it shows at most 15, and so does bylaw, rounding the decimal text (never
/// through a double), so an amount typed as `306219.53` reads as exactly that.
enum XLSXNumber {
    /// Excel's display precision.
    static let significantDigits = 15

    /// `text` (`306219.53`, `1.5E-3`, `-2`) as a plain decimal of at most 15 significant digits, or nil when it is
    /// not a number.
    static func text(_ text: some StringProtocol) -> String? {
        let bytes = Array(text.utf8)
        var i = 0
        var negative = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var digits: [UInt8] = []
        var fraction = 0
        var seenPoint = false
        while i < bytes.count {
            let c = bytes[i]
            if c >= 0x30, c <= 0x39 {
                digits.append(c - 0x30)
                if seenPoint { fraction += 1 }
            } else if c == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                break
            }
            i += 1
        }
        var exponent = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            var expNegative = false
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
                expNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            let start = i
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39, exponent < 1000 {
                exponent = exponent * 10 + Int(bytes[i] - 0x30)
                i += 1
            }
            guard i > start else { return nil }
            if expNegative { exponent = -exponent }
        }
        guard i == bytes.count, !digits.isEmpty, abs(exponent) <= 400 else { return nil }
        // value = digits × 10^scale
        var scale = exponent - fraction
        while digits.count > 1, digits.first == 0 { digits.removeFirst() }
        if digits.count > significantDigits {
            let roundUp = digits[significantDigits] >= 5
            scale += digits.count - significantDigits
            digits.removeLast(digits.count - significantDigits)
            if roundUp { scale += carry(&digits) }
        }
        while digits.count > 1, digits.last == 0 {
            digits.removeLast()
            scale += 1
        }
        let zero = digits == [0]
        var out = negative && !zero ? "-" : ""
        let text = String(decoding: digits.map { $0 + 0x30 }, as: UTF8.self)
        if zero {
            out += "0"
        } else if scale >= 0 {
            out += text + String(repeating: "0", count: scale)
        } else if digits.count + scale > 0 {
            let point = text.index(text.startIndex, offsetBy: digits.count + scale)
            out += text[..<point] + "." + text[point...]
        } else {
            out += "0." + String(repeating: "0", count: -(digits.count + scale)) + text
        }
        return out
    }

    /// Adds one to the last digit; the change in scale when `99…9` became `100…0` and was cut back.
    private static func carry(_ digits: inout [UInt8]) -> Int {
        var k = digits.count - 1
        while k >= 0 {
            if digits[k] < 9 {
                digits[k] += 1
                return 0
            }
            digits[k] = 0
            k -= 1
        }
        digits.insert(1, at: 0)
        digits.removeLast()
        return 1
    }
}

/// Excel's serial dates: days counted from the workbook's epoch, in the 1900 date system (where Excel keeps
/// Lotus 1-2-3's 29 February 1900, serial 60) or the 1904 one.
enum XLSXDate {
    /// The calendar date of a serial (its time of day dropped), as `yyyy-MM-dd`; nil for serial 60 in the 1900
    /// system (a day that never was), below 1, or beyond 9999-12-31.
    static func iso(serial text: some StringProtocol, date1904: Bool) -> String? {
        guard let number = XLSXNumber.text(text), !number.hasPrefix("-") else { return nil }
        let whole = number.split(separator: ".", maxSplits: 1).first.map(String.init) ?? number
        guard whole.count <= 7, let serial = Int64(whole) else { return nil }
        let days: Int64
        if date1904 {
            days = serial - 24_107  // serial 0 is 1904-01-01; 24107 is 1970-01-01
        } else {
            guard serial >= 1, serial != 60 else { return nil }
            days = serial < 60 ? serial - 25_568 : serial - 25_569  // 25569 is 1970-01-01
        }
        return CELDate(daysSinceEpoch: days)?.description
    }
}
