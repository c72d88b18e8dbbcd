/// How a mapping file says to read one column's cells, beyond what the field's type gives by default (see
/// `CellConverter`). Documented in docs/audit.md.
///
/// ```yaml
/// columns:
///   决策日期: {field: date, date: d/M/yyyy}
///   账面原值（元）: {field: asset.book_value, amount: true}
///   协议转让已批准: {field: sale.agreement_approved, true: [是, 已批准], false: [否, 未批准]}
///   产权单位层级: {field: owner_level, values: {县总工会: 县级工会}}
/// ```
public struct ColumnFormat: Sendable, Equatable {
    /// Date layouts to read, tried before the built-in ones.
    public var dates: [DatePattern] = []
    /// Whether plain numbers are Excel serial dates, and in which date system.
    public var serials: SerialSystem?
    /// Whether cells are amounts (thousands separators, currency signs) whatever the field's type.
    public var amount = false
    /// Words read as true and as false, besides the built-in ones.
    public var trueWords: [String] = []
    public var falseWords: [String] = []
    /// Texts read as other texts (`县总工会` as the code `县级工会`), before any other reading.
    public var values: [String: String] = [:]
    /// Whether spaces (full-width ones included) around a cell's text are dropped.
    public var trim = true
    /// Whether the column's amounts are in 万元 (ten thousand yuan), read as yuan: `65.5` is 655000.
    public var tenThousandYuan = false

    public init() {}

    /// Excel's two date systems.
    public enum SerialSystem: String, Sendable {
        case excel, excel1904
    }
}
