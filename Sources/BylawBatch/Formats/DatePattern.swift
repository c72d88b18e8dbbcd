import BylawCEL

/// A date layout as a mapping file writes it: `yyyy` a four-digit year, `M` a month of one or two digits (`MM`
/// exactly two), `d` a day likewise, anything else literal text (`yyyy年M月d日`, `yyyy/M/d`, `d.M.yyyy`).
public struct DatePattern: Sendable, Equatable, CustomStringConvertible {
    enum Part: Sendable, Equatable {
        case year
        case month(exact: Bool)
        case day(exact: Bool)
        case literal(Unicode.Scalar)
    }

    let parts: [Part]
    public let description: String

    /// The pattern `text`, or nil when it lacks a year, a month or a day, or has one twice.
    public init?(_ text: String) {
        var parts: [Part] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        var seen = (year: 0, month: 0, day: 0)
        while i < scalars.count {
            let c = scalars[i]
            var run = 1
            while i + run < scalars.count, scalars[i + run] == c, c == "y" || c == "M" || c == "d" { run += 1 }
            switch c {
            case "y":
                guard run == 4 else { return nil }
                parts.append(.year)
                seen.year += 1
            case "M":
                guard run <= 2 else { return nil }
                parts.append(.month(exact: run == 2))
                seen.month += 1
            case "d":
                guard run <= 2 else { return nil }
                parts.append(.day(exact: run == 2))
                seen.day += 1
            default:
                parts.append(.literal(c))
            }
            i += run
        }
        guard seen == (1, 1, 1) else { return nil }
        self.parts = parts
        description = text
    }

    /// Whether the layout puts the day or the month first (`d/M/yyyy`, `MM-dd-yyyy`), so it says which of the
    /// two a column's `01/02/2023` means.
    var startsWithDayOrMonth: Bool {
        switch parts.first {
        case .day, .month: true
        default: false
        }
    }

    /// The date `text` holds in this layout, or nil.
    func date(_ text: Substring) -> CELDate? {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        var year = 0
        var month = 0
        var day = 0
        for (k, part) in parts.enumerated() {
            switch part {
            case .literal(let c):
                // A separator typed full-width (`２０２５－０１－１３`, `２０２５／１／１３`) is the same separator.
                guard i < scalars.count, scalars[i] == c || FullWidth.ascii(scalars[i]) == c else { return nil }
                i += 1
            case .year:
                guard let n = Self.digits(scalars, &i, min: 4, max: 4) else { return nil }
                year = n
            case .month(let exact), .day(let exact):
                // A one-or-two-digit field followed directly by another number needs the exact form.
                let greedy =
                    exact || k + 1 == parts.count || { if case .literal = parts[k + 1] { true } else { false } }()
                guard let n = Self.digits(scalars, &i, min: exact ? 2 : 1, max: greedy ? 2 : 1) else { return nil }
                if case .month = part { month = n } else { day = n }
            }
        }
        guard i == scalars.count else { return nil }
        return CELDate(year: year, month: month, day: day)
    }

    private static func digits(_ s: [Unicode.Scalar], _ i: inout Int, min: Int, max: Int) -> Int? {
        var n = 0
        var count = 0
        while count < max, i < s.count, let v = digitValue(s[i]) {
            n = n * 10 + v
            count += 1
            i += 1
        }
        return count >= min ? n : nil
    }

    /// ASCII and full-width digits (`２０２３`).
    static func digitValue(_ c: Unicode.Scalar) -> Int? {
        let ascii = FullWidth.ascii(c) ?? c
        return (0x30...0x39).contains(ascii.value) ? Int(ascii.value - 0x30) : nil
    }

    /// The layouts read in a date column when the mapping names none: ISO with or without leading zeros, and
    /// the forms Chinese offices write. Day-first and month-first layouts (`01/02/2023`) are not among them:
    /// which is meant cannot be told, so the mapping must say.
    static let defaults: [DatePattern] = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"].compactMap {
        DatePattern($0)
    }
}
