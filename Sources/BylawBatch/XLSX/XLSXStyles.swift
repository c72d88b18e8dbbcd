import Foundation

/// Which cell styles show a number as a date: a cell's `s` attribute indexes the styles part's `cellXfs`, whose
/// `numFmtId` is a built-in format or one the part defines by its format code.
struct XLSXStyles: Sendable {
    /// For each cell style index, whether its number format is a date format.
    var dateStyles: [Bool] = []

    func isDate(style: Int) -> Bool {
        style >= 0 && style < dateStyles.count && dateStyles[style]
    }

    /// The built-in formats that show a date: 14–17 and 22 everywhere, and those of Chinese (and other East
    /// Asian) Excel, such as 31 `yyyy"年"m"月"d"日"`; the time-only ones (18–21, 32–35, 45–47, 55, 56) are not.
    static let builtInDates: Set<Int> = [14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]

    static func read(_ package: XLSXPackage, part: String?) throws(XLSXError) -> XLSXStyles {
        guard let part, let data = try package.read(part, limit: package.limits.maxPartBytes) else {
            return XLSXStyles()
        }
        var custom: [Int: String] = [:]
        var formats: [Int] = []
        var inCellXfs = false
        let walker = XMLWalker()
        walker.start = { name, attributes in
            switch name {
            case "numFmt":
                if let id = attribute(attributes, "numFmtId").flatMap(Int.init),
                    let code = attribute(attributes, "formatCode")
                {
                    custom[id] = code
                }
            case "cellXfs": inCellXfs = true
            case "xf" where inCellXfs:
                formats.append(attribute(attributes, "numFmtId").flatMap(Int.init) ?? 0)
            default: break
            }
        }
        walker.end = { name in
            if name == "cellXfs" { inCellXfs = false }
        }
        try walker.walk(data, name: part)
        return XLSXStyles(
            dateStyles: formats.map { id in custom[id].map(isDateFormat) ?? builtInDates.contains(id) })
    }

    /// Whether a format code shows a date: after dropping quoted text, `[…]` sections (colours, locales, elapsed
    /// time), escaped characters and padding, it has a year or day token (`yyyy"年"m"月"d"日"`, `yyyy/m/d`).
    /// A month `m` alone could be minutes, so it does not count.
    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false
        var bracket = false
        var skipNext = false
        // Only the first section (positive numbers) matters.
        for c in code {
            if skipNext {
                skipNext = false
                continue
            }
            if quoted {
                if c == "\"" { quoted = false }
                continue
            }
            if bracket {
                if c == "]" { bracket = false }
                continue
            }
            switch c {
            case "\"": quoted = true
            case "[": bracket = true
            case "\\", "_", "*": skipNext = true
            case ";": return false
            case "y", "Y", "d", "D": return true
            default: break
            }
        }
        return false
    }
}

/// The workbook's shared-string table, held whole (cells refer to it by index), within the limits.
struct XLSXSharedStrings: Sendable {
    var strings: [String] = []

    static func read(_ package: XLSXPackage, part: String?) throws(XLSXError) -> XLSXSharedStrings {
        let limits = package.limits
        guard let part, let data = try package.read(part, limit: limits.maxSharedStringBytes) else {
            return XLSXSharedStrings()
        }
        var table = XLSXSharedStrings()
        var current = ""
        var inText = false
        var phonetic = 0
        var tooMany = false
        let walker = XMLWalker()
        walker.start = { name, _ in
            switch name {
            case "si": current = ""
            case "rPh": phonetic += 1
            case "t": inText = phonetic == 0
            default: break
            }
        }
        walker.text = { text in
            if inText { current += text }
        }
        walker.end = { name in
            switch name {
            case "t": inText = false
            case "rPh": phonetic -= 1
            case "si":
                if table.strings.count < limits.maxSharedStrings {
                    table.strings.append(XLSXEscapes.decoded(current))
                } else {
                    tooMany = true
                }
            default: break
            }
        }
        try walker.walk(data, name: part)
        if tooMany {
            throw XLSXError(
                "xlsx.limit.shared-strings",
                "the shared-string table holds more than the limit of \(limits.maxSharedStrings) strings")
        }
        return table
    }
}
