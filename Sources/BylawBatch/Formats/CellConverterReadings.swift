import BylawCEL

extension CellConverter {
    /// A date in one of `patterns` (a time of day after it is dropped), or an Excel serial when `serials` says
    /// so, as `yyyy-MM-dd`.
    static func date(_ text: String, patterns: [DatePattern], serials: ColumnFormat.SerialSystem?) -> Result<
        String, Problem
    > {
        if isISODate(text) { return .success(text) }
        let day = withoutTime(Substring(text))
        for pattern in patterns {
            if let date = pattern.date(day) { return .success(date.description) }
        }
        if let serials, let iso = XLSXDate.iso(serial: text, date1904: serials == .excel1904) {
            return .success(iso)
        }
        // A column whose mapping names a day-first or month-first form keeps to it: `1/13/2025` under
        // `d/M/yyyy` is a mistake to show, not a day to guess.
        let ordered = patterns.contains { $0.startsWithDayOrMonth }
        switch ordered ? .none : dayMonthReadings(day) {
        case .one(let date): return .success(date.description)
        case .two(let dayFirst, let monthFirst):
            return .failure(
                Problem(
                    code: "cell.ambiguous-date",
                    message: "`\(text)` could be read day first (`\(dayFirst)`) or month first (`\(monthFirst)`)",
                    help: "say which in the mapping file: `date: d/M/yyyy` or `date: M/d/yyyy`"))
        case .none: break
        }
        let forms = patterns.map(\.description).joined(separator: ", ")
        return .failure(
            Problem(
                code: "cell.bad-date", message: "`\(text)` is not a calendar date in a form read here",
                help: "the forms read are \(forms)\(serials == nil ? "" : " and Excel serial numbers"); "
                    + "name another with `date:` in the mapping file"))
    }

    /// The date part of `2023/11/13 0:00:00` (as Excel writes a date cell with a time into CSV), `2023/11/13 下午
    /// 3:00:00`, `2023/11/13 3:00 PM` or `2023-11-13 00:00:00+08:00`: only a time of day goes, so
    /// `2023-08-07 9:00 至 2023-09-30` (a span) stays whole and is refused.
    static func withoutTime(_ text: Substring) -> Substring {
        guard let space = text.firstIndex(of: " ") else { return text }
        var time = text[text.index(after: space)...]
        var twelve = false
        for mark in ["上午", "下午"] where time.hasPrefix(mark) {
            time = time.dropFirst(mark.count).drop { $0 == " " }
            twelve = true
        }
        for mark in [" AM", " PM", " am", " pm", "AM", "PM"] where !twelve && time.hasSuffix(mark) {
            time = time.dropLast(mark.count)
            twelve = true
            break
        }
        if !twelve, let zone = time.lastIndex(where: { $0 == "+" || $0 == "-" }), isZone(time[zone...]) {
            time = time[..<zone]
        } else if !twelve, time.hasSuffix("Z") {
            time = time.dropLast()
        }
        return isTimeOfDay(time, twelveHour: twelve) ? text[..<space] : text
    }

    /// `+08:00`, `-0500`.
    private static func isZone(_ text: Substring) -> Bool {
        let digits = text.dropFirst().filter { $0 != ":" }
        return digits.count == 4 && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `9:00`, `0:00:00`, `13:45:07.250`: hours (1–12 on a twelve-hour clock), minutes, and seconds with a
    /// fraction.
    static func isTimeOfDay(_ text: Substring, twelveHour: Bool = false) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return false }
        let digits = { (s: Substring) in !s.isEmpty && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        guard parts[0].count <= 2, digits(parts[0]), parts[1].count == 2, digits(parts[1]),
            let hour = Int(parts[0]), let minute = Int(parts[1]), minute <= 59,
            twelveHour ? (1...12).contains(hour) : hour <= 23
        else { return false }
        guard parts.count == 3 else { return true }
        let seconds = parts[2].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return seconds[0].count == 2 && digits(seconds[0]) && Int(seconds[0]) ?? 60 <= 59
            && (seconds.count == 1 || digits(seconds[1]))
    }

    /// `yyyy-MM-dd` exactly: the text needs no reading (the schema still checks the day exists).
    static func isISODate(_ text: String) -> Bool {
        // Byte by byte, with nothing allocated: every date cell of a ledger comes through here.
        var i = 0
        for c in text.utf8 {
            if i == 10 { return false }
            if i == 4 || i == 7 {
                if c != UInt8(ascii: "-") { return false }
            } else if c < 0x30 || c > 0x39 {
                return false
            }
            i += 1
        }
        return i == 10
    }

    /// How `01/02/2023`, `1.2.2023` or `01-02-2023` (two short numbers before a year) reads as a calendar day.
    enum DayMonthReading: Equatable {
        /// Not that shape, or no real day either way (`31/31/2023`).
        case none
        /// One day: the other order names no day (`26/08/2023`, `1/13/2025`), or both orders name the same
        /// one (`05/05/2023`).
        case one(CELDate)
        /// Two different days: the mapping file must say which order the column uses.
        case two(dayFirst: CELDate, monthFirst: CELDate)
    }

    static func dayMonthReadings(_ text: Substring) -> DayMonthReading {
        let parts = text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" })
        guard parts.count == 3, parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2,
            parts.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.allSatisfy { (0x30...0x39).contains($0.value) } }),
            let a = Int(parts[0]), let b = Int(parts[1]), let year = Int(parts[2])
        else { return .none }
        let dayFirst = CELDate(year: year, month: b, day: a)
        let monthFirst = CELDate(year: year, month: a, day: b)
        switch (dayFirst, monthFirst) {
        case (let d?, let m?): return d == m ? .one(d) : .two(dayFirst: d, monthFirst: m)
        case (let d?, nil): return .one(d)
        case (nil, let m?): return .one(m)
        case (nil, nil): return .none
        }
    }

    /// An amount as a plain decimal: `¥1,234.50`, `￥1,234.50`, `1,234.50元`, `RMB 1,234.50`, full-width digits,
    /// `(1,234.50)` and `−1,234.50` for negatives. Thousands separators must group by three. Spaces may stand
    /// around the number and its signs (`RMB 1,234.50`, `1,234.50 元`), never between its digits: `1 2` is not
    /// taken for 12. `$` is no sign read here: a dollar amount is not yuan.
    static func amount(_ text: String, integer: Bool) -> Result<String, Problem> {
        if isPlain(text, integer: integer) { return .success(text) }
        var s = ""
        // Full-width digits and the marks an amount is written with; the minus sign U+2212 too.
        for c in text.unicodeScalars {
            if c == "\u{2212}" {
                s.append("-")
            } else if let a = FullWidth.ascii(c), "0123456789,.-()".unicodeScalars.contains(a) {
                s.unicodeScalars.append(a)
            } else {
                s.unicodeScalars.append(c)
            }
        }
        var negative = false
        func trimmed(_ text: Substring) -> Substring {
            let space: (Character) -> Bool = { $0 == " " || $0 == "\u{3000}" || $0 == "\u{A0}" }
            var t = text.drop(while: space)
            while let last = t.last, space(last) { t = t.dropLast() }
            return t
        }
        var body = trimmed(Substring(s))
        if body.hasPrefix("("), body.hasSuffix(")") {
            negative = true
            body = trimmed(body.dropFirst().dropLast())
        }
        if body.hasPrefix("-") {
            negative.toggle()
            body = trimmed(body.dropFirst())
        }
        for sign in ["RMB", "CNY", "¥", "￥"] where body.hasPrefix(sign) {
            body = trimmed(body.dropFirst(sign.count))
            break
        }
        if body.hasSuffix("元") { body = trimmed(body.dropLast()) }
        if body.hasPrefix("-"), !negative {
            negative = true
            body = trimmed(body.dropFirst())
        }
        let halves = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = halves.first ?? ""
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        let grouped =
            groups.count == 1
            || (groups[0].count >= 1 && groups[0].count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 })
        let digits = groups.joined()
        let plain = (negative ? "-" : "") + digits + (halves.count == 2 ? "." + halves[1] : "")
        guard grouped, !digits.isEmpty, isPlain(plain, integer: integer) else {
            return .failure(
                Problem(
                    code: "cell.bad-amount",
                    message: "`\(text)` is not \(integer ? "a whole number" : "an amount") in a form read here",
                    help: "amounts are read with thousands separators grouping by three and a currency sign "
                        + "(`¥1,234.50`, `306,219.53元`); a comma as the decimal mark is not read"))
        }
        return .success(plain)
    }

    /// `-?[0-9]+(\.[0-9]+)?` (no fraction when `integer`).
    static func isPlain(_ text: String, integer: Bool) -> Bool {
        var u = Substring(text).utf8[...]
        if u.first == UInt8(ascii: "-") { u = u.dropFirst() }
        let isDigit = { (c: UInt8) in c >= 0x30 && c <= 0x39 }
        let whole = u.prefix(while: isDigit)
        guard !whole.isEmpty else { return false }
        let rest = u.dropFirst(whole.count)
        if rest.isEmpty { return true }
        guard !integer, rest.first == UInt8(ascii: "."), rest.count > 1 else { return false }
        return rest.dropFirst().allSatisfy(isDigit)
    }
}
