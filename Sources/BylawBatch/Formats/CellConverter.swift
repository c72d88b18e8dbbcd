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
        case amount(integer: Bool)
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
        } else if declared.amount || type == .decimal {
            reading = .amount(integer: false)
        } else if type == .int {
            reading = .amount(integer: true)
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
        if !values.isEmpty, let value = values[text] { text = value }
        if !reading.isText, Self.excelErrors.contains(text.uppercased()) {
            return .failure(
                Problem(
                    code: "cell.excel-error", message: "`\(text)` is the error a spreadsheet formula gave, not a value",
                    help: "correct the formula in the spreadsheet (or type the value) and export it again"))
        }
        switch reading {
        case .text: return .success(text)
        case .date(let patterns, let serials): return Self.date(text, patterns: patterns, serials: serials)
        case .amount(let integer): return Self.amount(text, integer: integer)
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

    /// `text` without spaces, tabs, line breaks, no-break and full-width spaces around it.
    static func trimmed(_ text: String) -> String {
        let isSpace = { (c: Unicode.Scalar) in
            c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{3000}" || c == "\u{A0}"
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
