import Bylaw

/// Reads one column's cells as the auditor wrote them into the text the input schema types: dates in the forms
/// Chinese offices write (`2023/11/13`, `2023年7月21日`, `2023.7.21`) as `2023-11-13`; amounts with thousands
/// separators and currency signs (`¥1,234.50`, `306,219.53元`, `(1,234.50)`) as plain decimals, by text and
/// never through a binary double; words such as 是/否, √/×, 有/无 and Excel's TRUE/FALSE as booleans; synonyms
/// as the codes they stand for; spaces (full-width ones included) around the text dropped.
///
/// What is read follows the field's type and what the mapping file declares (`ColumnFormat`). Anything that
/// could be read two ways (`01/02/2023`) is a problem unless the mapping says which.
struct CellConverter: Sendable {
    enum Reading: Sendable {
        case text
        case date(patterns: [DatePattern], serials: ColumnFormat.SerialSystem?)
        /// `shift`: places the decimal point moves right (4 for amounts in 万元).
        case amount(integer: Bool, shift: Int)
        case bool(true: Set<String>, false: Set<String>)

        var isText: Bool { if case .text = self { true } else { false } }
    }

    /// Why a cell cannot be read: a code and what is wrong, for a message that also names the cell.
    struct Problem: Error, Sendable, Equatable {
        var code: String
        var message: String
        var help: String?
    }

    let reading: Reading
    let values: [String: String]
    let trim: Bool

    static let trueWords: Set<String> = ["true", "TRUE", "True", "是", "√", "✓", "✔", "有"]
    static let falseWords: Set<String> = ["false", "FALSE", "False", "否", "×", "✗", "✘", "无"]

    /// The converter for a column filling a field of `type` (nil when unknown) with the mapping's `declared`
    /// format (nil when it declares none).
    init(type: FieldType?, declared: ColumnFormat?) {
        let declared = declared ?? ColumnFormat()
        values = declared.values
        trim = declared.trim
        if !declared.dates.isEmpty || declared.serials != nil || type == .date {
            reading = .date(patterns: declared.dates + DatePattern.defaults, serials: declared.serials)
        } else if declared.amount || declared.tenThousandYuan || type == .decimal {
            reading = .amount(integer: false, shift: declared.tenThousandYuan ? 4 : 0)
        } else if type == .int {
            reading = .amount(integer: true, shift: 0)
        } else if !declared.trueWords.isEmpty || !declared.falseWords.isEmpty || type == .bool {
            reading = .bool(
                true: Self.trueWords.union(declared.trueWords), false: Self.falseWords.union(declared.falseWords))
        } else {
            reading = .text
        }
    }

    /// The text the schema types, or why the cell cannot be read.
    func convert(_ text: String) -> Result<String, Problem> {
        var text = trim ? Self.trimmed(text) : text
        // `="ZC-0001"`: the formula some systems export so that Excel keeps a value as text.
        // The first byte is looked at before any `String` test, which compares characters: most cells are
        // plain values, and every cell of every record comes through here.
        if text.utf8.first == UInt8(ascii: "="), text.hasPrefix("=\""), text.hasSuffix("\""), text.utf8.count >= 3 {
            let inner = text.dropFirst(2).dropLast()
            if !inner.replacingOccurrences(of: "\"\"", with: "").contains("\"") {
                text = inner.replacingOccurrences(of: "\"\"", with: "\"")
            }
        }
        if !values.isEmpty, let value = values[text] { text = value }
        if !reading.isText, text.utf8.first == UInt8(ascii: "#"), Self.excelErrors.contains(text.uppercased()) {
            return .failure(Self.excelError(text))
        }
        switch reading {
        case .text: return .success(text)
        case .date(let patterns, let serials): return Self.date(text, patterns: patterns, serials: serials)
        case .amount(let integer, 0): return Self.amount(text, integer: integer)
        case .amount(let integer, let shift):
            // In a column of 万元, a cell may say so itself: `65.5万元`, `65.5万`, and so may an amount in an
            // accountant's parentheses, which make it negative: `(65.5万元)`, `（65.5万）`.
            var t = Self.trimmed(text)
            var parenthesised = false
            if (t.hasPrefix("(") && t.hasSuffix(")")) || (t.hasPrefix("（") && t.hasSuffix("）")), t.count > 2 {
                parenthesised = true
                t = Self.trimmed(String(t.dropFirst().dropLast()))
            }
            if t.hasSuffix("万元") || t.hasSuffix("万") {
                t = Self.trimmed(String(t.dropLast(t.hasSuffix("万元") ? 2 : 1)))
            } else if t.hasSuffix("元") || t.hasPrefix("¥") || t.hasPrefix("￥") || t.hasPrefix("RMB")
                || t.hasPrefix("CNY")
            {
                // A cell in yuan in a column of 万元: which it means cannot be told.
                return .failure(
                    Problem(
                        code: "cell.bad-amount", message: "`\(text)` is written in yuan in a column of `万元`",
                        help: "write the column's amounts in `万元`, or take `unit: 万元` out of the mapping"))
            }
            switch Self.amount(parenthesised ? "(" + t + ")" : t, integer: integer) {
            case .success(let plain): return .success(Self.shifted(plain, by: shift))
            // The problem quotes the cell as written, not as taken apart here.
            case .failure: return Self.amount(text, integer: integer)
            }
        case .bool(let yes, let no):
            if yes.contains(text) { return .success("true") }
            if no.contains(text) { return .success("false") }
            let words = (yes.sorted() + ["/"] + no.sorted()).joined(separator: " ")
            return .failure(
                Problem(
                    code: "cell.bad-boolean", message: "`\(text)` is not a word read as true or false",
                    help: "the words read are \(words); add others with `true:` and `false:` in the mapping file"))
        }
    }

    /// The values Excel and WPS show, and save into CSV, for a formula that failed.
    static let excelErrors: Set<String> = [
        "#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!", "#CALC!", "#GETTING_DATA",
    ]

    /// A formula's error (`#N/A`) where a value was wanted.
    static func excelError(_ text: some StringProtocol) -> Problem {
        Problem(
            code: "cell.excel-error", message: "`\(text)` is the error a spreadsheet formula gave, not a value",
            help: "correct the formula in the spreadsheet (or type the value) and export it again")
    }

    /// A header cell's name as mappings and `map init` write it: spaces trimmed, and the line breaks of a header
    /// typed on two lines (Alt+Enter: `账面原值⏎（元）`) taken out with the spaces around them.
    static func headerName(_ text: String) -> String {
        let name = trimmed(text)
        guard name.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) else { return name }
        var out = String.UnicodeScalarView()
        var pendingSpace = String.UnicodeScalarView()
        var afterBreak = false
        for c in name.unicodeScalars {
            if c == "\n" || c == "\r" {
                pendingSpace = String.UnicodeScalarView()
                afterBreak = true
            } else if c == " " || c == "\t" || c == "\u{3000}" || c == "\u{A0}" {
                if !afterBreak { pendingSpace.append(c) }
            } else {
                out.append(contentsOf: pendingSpace)
                pendingSpace = String.UnicodeScalarView()
                afterBreak = false
                out.append(c)
            }
        }
        return String(out)
    }

    /// A plain decimal (`-?[0-9]+(\.[0-9]+)?`) times 10^`places`, exactly, as plain text: `65.5` by 4 is
    /// `655000`, `0.00125` by 4 is `12.5`.
    static func shifted(_ plain: String, by places: Int) -> String {
        var digits = Substring(plain)
        let negative = digits.hasPrefix("-")
        if negative { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        var fraction = parts.count == 2 ? parts[1] : ""
        let moved = fraction.prefix(places)
        fraction = fraction.dropFirst(moved.count)
        var integer = String(whole) + moved + String(repeating: "0", count: places - moved.count)
        integer = String(integer.drop { $0 == "0" })
        if integer.isEmpty { integer = "0" }
        let text = fraction.isEmpty ? integer : integer + "." + fraction
        return negative && text.contains(where: { $0 != "0" && $0 != "." }) ? "-" + text : text
    }

    private static let spaceFirstBytes: [UInt8] = [0x20, 0x09, 0x0A, 0x0D, 0xE3, 0xC2, 0xEF, 0xE2]
    private static let spaceLastBytes: [UInt8] = [0x20, 0x09, 0x0A, 0x0D, 0x80, 0xA0, 0xBF, 0x8B]

    /// `text` without spaces, tabs, line breaks, no-break and full-width spaces around it.
    static func trimmed(_ text: String) -> String {
        // Settled without decoding for most cells: no space taken out starts with the first byte, and none ends
        // with the last (the spaces' UTF-8 forms: 20, 09, 0A, 0D, E3 80 80, C2 A0, EF BB BF, E2 80 8B).
        if let first = text.utf8.first, let last = text.utf8.last,
            !Self.spaceFirstBytes.contains(first), !Self.spaceLastBytes.contains(last)
        {
            return text
        }
        let isSpace = { (c: Unicode.Scalar) in
            // A byte-order mark or a zero-width space pasted in with the text is no part of it.
            c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{3000}" || c == "\u{A0}" || c == "\u{FEFF}"
                || c == "\u{200B}"
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else {
            return text
        }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
            let end = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[start...end])
    }
}
