/// A header written on two rows, as offices lay out a ledger: a group title (`价值信息`, merged across its
/// columns) over the columns it groups (`账面原值`, `评估价值`), beside headers that stand alone and are merged down
/// over both rows (`资产编号`). Exported as CSV, or read cell by cell from a workbook, the upper row has gaps under
/// each group title and the lower row gaps under each standing header, and neither row is a header alone.
///
/// The two rows make one header: a column's name is its lower cell where it has one, else its upper cell. When
/// two columns would get the same name (`日期` under `购置信息` and under `处置信息`), each of them is named
/// `group/name` (`购置信息/日期`); a mapping may also name any grouped column that way.
enum TwoRowHeader {
    /// One column of a joined header: its name, and the name with its group (`购置信息/日期`) where it has one.
    struct Column: Equatable {
        var name: String
        var qualified: String
    }

    /// The columns `upper` and `lower` (header names by 0-based column, "" for an empty cell) make as one header,
    /// or nil when their shape is not that of a two-row header. The shape: at least one column stands alone
    /// (an upper cell with nothing below it), at least one has a lower cell under an upper gap, and every such
    /// column lies in a group, that is to the right of an upper cell that itself has a lower cell below it,
    /// with only upper gaps between. A complete header under a note (`制表单位：…`) has no column standing alone,
    /// and a data row under a one-row header with an empty column has that shape only when its cells line up
    /// by chance; `accepts` then decides.
    static func columns(upper: [String], lower: [String]) -> [Column]? {
        let width = max(upper.count, lower.count)
        var columns: [Column] = []
        var group = ""
        var grouped = false
        var standing = false
        for k in 0..<width {
            let u = k < upper.count ? upper[k] : ""
            let l = k < lower.count ? lower[k] : ""
            switch (u.isEmpty, l.isEmpty) {
            case (false, true):
                standing = true
                group = ""
                columns.append(Column(name: u, qualified: u))
            case (false, false):
                group = u
                columns.append(Column(name: l, qualified: u + "/" + l))
            case (true, false):
                guard !group.isEmpty else { return nil }
                grouped = true
                columns.append(Column(name: l, qualified: group + "/" + l))
            case (true, true):
                group = ""
                columns.append(Column(name: "", qualified: ""))
            }
        }
        return grouped && standing ? columns : nil
    }

    /// The joined header's names: each column's plain name, its qualified name where the mapping names that
    /// (`known`) or where the plain name is not unique.
    static func names(_ columns: [Column], known: Set<String>) -> [String] {
        var seen: [String: Int] = [:]
        for c in columns where !c.name.isEmpty { seen[c.name, default: 0] += 1 }
        return columns.map { c in
            if c.name.isEmpty { return "" }
            if known.contains(c.qualified) || seen[c.name, default: 0] > 1 { return c.qualified }
            return c.name
        }
    }

    /// Whether a run that reads headers through `mapping` (nil: headers are field paths) can use `names`: every
    /// one is a mapped header or a field path, and none repeats. A data row taken by chance for a header's lower
    /// half fails this (its values are neither), so no record is lost to a join.
    static func accepts(_ names: [String], mapping: CSVMapping?) -> Bool {
        let filled = names.filter { !$0.isEmpty }
        guard Set(filled).count == filled.count else { return false }
        return filled.allSatisfy { name in mapping?.columns[name] != nil || FieldPath(name) != nil }
    }

    /// Whether `lower` reads as a header's cells rather than a record's, for `map init`, which has no mapping to
    /// test the names against: none of its cells is a number or starts like a date.
    static func looksLikeHeader(_ lower: [String]) -> Bool {
        lower.allSatisfy { text in
            let t = text.filter { $0 != "," && $0 != " " }
            guard let first = t.unicodeScalars.first else { return true }
            if Double(t) != nil { return false }
            // `2023-06-24`, `2023/6/24`, `2023年6月`, `2023.06`: a date, not a header.
            let digits = t.unicodeScalars.prefix { $0.properties.numericType != nil && $0.isASCII }
            if digits.count == 4, first.isASCII {
                let next = t.unicodeScalars.dropFirst(4).first
                return !(next == "-" || next == "/" || next == "." || next == "年")
            }
            return true
        }
    }

    /// Texts by 0-based column, header names, from a sheet row's sparse cells (1-based columns).
    static func texts(_ cells: [(column: Int, text: String)]) -> [String] {
        let width = cells.map(\.column).max() ?? 0
        var texts = Array(repeating: "", count: width)
        for cell in cells where cell.column >= 1 { texts[cell.column - 1] = CellConverter.headerName(cell.text) }
        return texts
    }
}
