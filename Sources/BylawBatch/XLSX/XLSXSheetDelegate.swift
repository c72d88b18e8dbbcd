import Bylaw
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Builds rows from a worksheet's XML events: `<row r="7">`, `<c r="D7" t="s" s="3"><v>12</v></c>`, inline
/// strings `<c t="inlineStr"><is><t>…</t></is></c>`, and hands each finished row to `emit` (false: stop).
final class SheetDelegate: NSObject, XMLParserDelegate {
    private let context: XLSXCellContext
    private let emit: (XLSXRow) -> Bool
    private(set) var stopped = false
    /// The elements open: the sheet must end where its root element does (`XMLEnds`).
    private(set) var ends = XMLEnds()

    private var row = XLSXRow(number: 0, cells: [])
    private var inRow = false
    private var column = 0
    private var type = ""
    private var style = 0
    private var text = ""
    private var collecting = false
    private var inInline = false
    private var phonetic = 0
    private var tooLong = false
    /// Whether the cell holds a formula (`<f>`), and a value (`<v>` or an inline string): a formula without a
    /// saved value is what a program that does not calculate writes, and the cell is not empty but unknown.
    private var formula = false
    private var valued = false

    init(context: XLSXCellContext, emit: @escaping (XLSXRow) -> Bool) {
        self.context = context
        self.emit = emit
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        ends.opened()
        switch localName(elementName) {
        case "row":
            // Rows come in order, each numbered past the last (Excel refuses a sheet that does otherwise); a
            // row that does not is read where it stands and refused, rather than judged as another row.
            let given = attribute(attributes, "r")
            let number = given.flatMap(Int.init)
            row = XLSXRow(
                number: min(max(number ?? row.number + 1, row.number + 1), SpreadsheetName.maxRows), cells: [])
            inRow = true
            column = 0
            if let given, number != row.number {
                problem(
                    "xlsx.cell-ref",
                    "the row numbered `\(given.prefix(24))` comes where row \(row.number) is: rows must be numbered "
                        + "in order", column: 1)
            }
        case "c":
            type = attribute(attributes, "t") ?? "n"
            if let reference = attribute(attributes, "r") {
                // A cell names its own place: in this row, right of the cell before it.
                let at = SpreadsheetName.parse(reference.utf8) ?? SpreadsheetName.parse(reference.uppercased().utf8)
                let previous = column
                column = at?.column ?? column + 1
                if at == nil || at?.row != row.number || at?.column ?? 0 <= previous {
                    problem(
                        "xlsx.cell-ref",
                        at == nil
                            ? "a cell of row \(row.number) is named `\(reference.prefix(24))`, which is no cell's name"
                            : at?.row != row.number
                                ? "cell `\(reference)` is written inside row \(row.number)"
                                : "cell `\(reference)` is written twice, or after a cell to its right")
                }
            } else {
                column += 1
            }
            if !Self.cellTypes.contains(type) {
                problem(
                    "xlsx.cell-ref",
                    "cell \(SpreadsheetName.cell(column: column, row: row.number)) has the unknown type `\(type.prefix(24))`"
                )
            }
            style = attribute(attributes, "s").flatMap(Int.init) ?? 0
            text = ""
            tooLong = false
            formula = false
            valued = false
        case "f":
            formula = true
        case "v":
            collecting = inRow
            valued = true
        case "is":
            inInline = true
            valued = true
        case "rPh":
            phonetic += 1
        case "t":
            collecting = inInline && phonetic == 0
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard collecting else { return }
        if text.utf8.count + string.utf8.count > context.maxCellBytes {
            tooLong = true
            return
        }
        text += string
    }

    /// `<![CDATA[12]]>` in a `<v>` or an inline string is the cell's text, as if written plainly.
    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        ends.closed()
        switch localName(elementName) {
        case "v", "t":
            collecting = false
        case "is":
            inInline = false
        case "rPh":
            phonetic -= 1
        case "c":
            endCell()
        case "row":
            inRow = false
            if !row.cells.isEmpty || row.problem != nil || !row.unvalued.isEmpty || !row.errors.isEmpty {
                if !emit(row) {
                    stopped = true
                    parser.abortParsing()
                }
            }
        default:
            break
        }
    }

    private func endCell() {
        guard inRow, column >= 1, column <= SpreadsheetName.maxColumns else { return }
        if formula, !valued {
            row.unvalued.append(column)
            return
        }
        if tooLong {
            problem(
                "xlsx.limit.cell",
                "cell \(SpreadsheetName.cell(column: column, row: row.number)) holds more than the limit of "
                    + "\(context.maxCellBytes) bytes")
            return
        }
        let value: String
        switch type {
        case "s":
            guard let k = Int(text), k >= 0, k < context.sharedStrings.count else {
                problem(
                    "xlsx.shared-string",
                    "cell \(SpreadsheetName.cell(column: column, row: row.number)) refers to shared string "
                        + "`\(text)`, which the workbook does not have")
                return
            }
            value = context.sharedStrings[k]
        case "b":
            value = text == "1" ? "true" : text == "0" ? "false" : text
        case "d":
            value = String(text.prefix(10))
        case "n":
            if context.styles.isDate(style: style), let iso = XLSXDate.iso(serial: text, date1904: context.date1904) {
                value = iso
            } else {
                value = XLSXNumber.text(text) ?? text
            }
        case "e":
            // A formula's error (`#N/A`, `#REF!`) is no value in any column: which columns the run reads is
            // known only when the row becomes a record.
            row.errors.append(XLSXRow.ErrorCell(column: column, text: text))
            return
        case "inlineStr", "str":
            value = XLSXEscapes.decoded(text)
        default:
            value = text
        }
        if !value.isEmpty { row.cells.append(XLSXRow.Cell(column: column, text: value)) }
    }

    /// The cell types a worksheet may give (`t=`): shared string, number, boolean, ISO date, error, a
    /// formula's text, inline string.
    static let cellTypes: Set<String> = ["s", "n", "b", "d", "e", "str", "inlineStr"]

    private func problem(_ code: String, _ message: String, column: Int? = nil) {
        if row.problem == nil { row.problem = (column ?? self.column, code, message) }
    }
}
