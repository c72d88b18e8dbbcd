/// Cells named as a spreadsheet names them: columns `A`…`Z`, `AA`…, rows from 1, so `D7` is the fourth column
/// of the seventh row.
public enum SpreadsheetName {
    /// The letters of the 1-based `column` (1 = `A`, 27 = `AA`).
    public static func column(_ column: Int) -> String {
        var n = max(1, column)
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// `D7` for the 1-based `column` 4 and `row` 7.
    public static func cell(column: Int, row: Int) -> String {
        "\(Self.column(column))\(row)"
    }

    /// The 1-based column and row of a reference such as `D7`, or nil when it is not one (or lies beyond a
    /// spreadsheet's 16,384 columns and 1,048,576 rows).
    public static func parse(_ reference: some Sequence<UInt8>) -> (column: Int, row: Int)? {
        var column = 0
        var row = 0
        var digits = false
        for c in reference {
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !digits:
                column = column * 26 + Int(c - 64)
                if column > maxColumns { return nil }
            case UInt8(ascii: "0")...UInt8(ascii: "9") where column > 0:
                digits = true
                row = row * 10 + Int(c - 48)
                if row > maxRows { return nil }
            default:
                return nil
            }
        }
        return digits && row > 0 ? (column, row) : nil
    }

    /// The largest column and row numbers a spreadsheet has (Excel's XFD and 1,048,576).
    public static let maxColumns = 16_384
    public static let maxRows = 1_048_576
}
