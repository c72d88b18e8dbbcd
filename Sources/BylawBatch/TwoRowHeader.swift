import BylawDiagnostics

/// A header written on two rows, as offices lay out a ledger: a group title (`价值信息`, merged across its
/// columns) over the columns it groups (`账面原值`, `评估价值`), beside headers that stand alone and are merged down
/// over both rows (`资产编号`). Exported as CSV, or read cell by cell from a workbook, the upper row has gaps under
/// each group title and the lower row gaps under each standing header, and neither row is a header alone.
///
/// The two rows make one header: a column's name is its lower cell where it has one, else its upper cell. When
/// two columns would get the same name (`日期` under `购置信息` and under `处置信息`), each of them is named
/// `group/name` (`购置信息/日期`); a mapping may also name any grouped column that way.
enum TwoRowHeader {
    /// One column of a joined header: its name, the name with its group (`购置信息/日期`) where it has one, and
    /// whether the name is the lower row's.
    struct Column: Equatable {
        var name: String
        var qualified: String
        var fromLower = false
        /// Whether the lower cell lies under a gap of the upper row: the sign of a group spanning columns.
        var underGap = false
    }

    /// The columns `upper` and `lower` (header names by 0-based column, "" for an empty cell) make as one header,
    /// or nil when their shape is not that of a two-row header. The shape: at least one column stands alone (an
    /// upper cell with nothing below it) and at least one is grouped (a lower cell under an upper one, the group's
    /// title, or under a gap to the right of a group's first column). A complete header under a note
    /// (`制表单位：…`) has no column standing alone. A record under a one-row header can have the shape by chance;
    /// `accepts` then decides by the names it would give.
    ///
    /// Exports that unmerge cells and fill them in write a standing header in both rows (`处置编号` over
    /// `处置编号`) and a group's title over each of its columns (`资产信息`, `资产信息`, …): both are read as merged.
    static func columns(upper: [String], lower: [String]) -> [Column]? {
        let width = max(upper.count, lower.count)
        func at(_ texts: [String], _ k: Int) -> String { k >= 0 && k < texts.count ? texts[k] : "" }
        var columns: [Column] = []
        var group = ""
        var grouped = false
        var standing = false
        for k in 0..<width {
            var u = at(upper, k)
            var l = at(lower, k)
            if !l.isEmpty, l == u { l = "" }
            if !u.isEmpty, u == at(upper, k - 1), !l.isEmpty, !at(lower, k - 1).isEmpty, at(lower, k - 1) != u {
                u = ""
            }
            switch (u.isEmpty, l.isEmpty) {
            case (false, true):
                standing = true
                group = ""
                columns.append(Column(name: u, qualified: u))
            case (false, false):
                grouped = true
                group = u
                columns.append(Column(name: l, qualified: u + "/" + l, fromLower: true))
            case (true, false):
                guard !group.isEmpty else { return nil }
                columns.append(Column(name: l, qualified: group + "/" + l, fromLower: true, underGap: true))
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

    /// Whether a run that reads headers through `mapping` can use the joined `names` in place of the `upper`
    /// row alone: the upper row is no header by itself (one of its names, a group's title, is neither mapped nor
    /// a field path), no joined name repeats, every name from the lower row is one the mapping names, and every
    /// other a mapped header or a field path. Without a mapping no join is made: a record's words (`ok`, `A1`)
    /// can be field paths, and a record taken for half a header would be lost without a word; nor is one made
    /// under a header that reads by itself, whatever the record below it holds.
    static func accepts(_ columns: [Column], _ names: [String], upper: [String], mapping: CSVMapping?) -> Bool {
        guard let mapping, hasTitle(upper, mapping: mapping) else { return false }
        let filled = names.filter { !$0.isEmpty }
        guard Set(filled).count == filled.count else { return false }
        for (column, name) in zip(columns, names) where !name.isEmpty {
            if column.fromLower {
                guard mapping.columns[name] != nil else { return false }
            } else {
                guard mapping.columns[name] != nil || FieldPath(name) != nil else { return false }
            }
        }
        return true
    }

    /// When rows `upper` and `upper + 1` have the shape of a header on two rows but were not joined, and the
    /// header then could not be read: a warning saying so, beside the header's errors, naming the lower row's
    /// headers the mapping does not name (or that there is no mapping). Nil when the names repeat.
    static func hint(
        _ columns: [Column], _ names: [String], upperNames: [String], mapping: CSVMapping?, rows upper: Int,
        at location: SourceLocation
    ) -> Diagnostic? {
        // Only a group spanning columns, under a title that is no header by itself, is telling: a complete header
        // over a record with empty cells is not.
        let filled = names.filter { !$0.isEmpty }
        guard columns.contains(where: \.underGap), Set(filled).count == filled.count,
            hasTitle(upperNames, mapping: mapping)
        else { return nil }
        let help =
            "map each header of the lower row (a repeated one as `group/header`), and the two rows are read as one"
        guard let mapping else {
            return .warning(
                "csv.two-row-header",
                "the header looks written on rows \(upper) and \(upper + 1): two header rows are read as one only with --map",
                at: location, help: help)
        }
        let refused = zip(columns, names).filter { column, name in
            !name.isEmpty && mapping.columns[name] == nil && (column.fromLower || FieldPath(name) == nil)
        }.map { "`\($0.1)`" }
        guard !refused.isEmpty else { return nil }
        return .warning(
            "csv.two-row-header",
            "the header looks written on rows \(upper) and \(upper + 1), but the mapping does not name "
                + refused.joined(separator: ", "),
            at: location, help: help)
    }

    /// Whether `upper` holds a name that is no header by itself (a group's title): neither one `mapping` names
    /// nor a field path.
    static func hasTitle(_ upper: [String], mapping: CSVMapping?) -> Bool {
        upper.contains { !$0.isEmpty && mapping?.columns[$0] == nil && FieldPath($0) == nil }
    }

    /// The two rows of `rows` around `index` that make one header: the row at `index` and the one below it, else
    /// the one above it and it, adjacent on the sheet. `rows` holds each row's sheet number and header texts, nil
    /// for a row that cannot be half a header (a problem, a blank row); `join` gives the names for a pair with the
    /// shape (`columns`), by the upper row's index, or nil. The names, and the index of the upper row.
    static func find(
        _ rows: [(number: Int, texts: [String])?], at index: Int, join: (_ columns: [Column], _ upper: Int) -> [String]?
    ) -> (names: [String], upper: Int)? {
        for upper in [index, index - 1] where upper >= 0 && upper + 1 < rows.count {
            guard let u = rows[upper], let l = rows[upper + 1], l.number == u.number + 1,
                let columns = columns(upper: u.texts, lower: l.texts), let names = join(columns, upper)
            else { continue }
            return (names, upper)
        }
        return nil
    }

    /// The names a run reading through `mapping` takes for rows with the shape (`columns`, `upper` the upper
    /// row's texts), or nil when it does not join them (`accepts`); then `hint`, if it has none yet, says why
    /// (`hint(...)`), for rows `row` and `row + 1` at `location`.
    static func mapped(
        _ columns: [Column], upper: [String], mapping: CSVMapping?, row: Int, at location: SourceLocation,
        hint: inout Diagnostic?
    ) -> [String]? {
        let names = names(columns, known: Set(mapping?.columns.keys.map { $0 } ?? []))
        if accepts(columns, names, upper: upper, mapping: mapping) { return names }
        hint = hint ?? Self.hint(columns, names, upperNames: upper, mapping: mapping, rows: row, at: location)
        return nil
    }

    /// Whether `map init`, which has no mapping yet, may join: the upper row has a name the rule sets do not know
    /// (a group's title), at least half of the lower row's names, and at least one, are headers they know
    /// (`known`: their fields' labels and aliases), and none of its cells is a number or starts like a date.
    static func looksLikeHeader(_ lower: [String], under upper: [String], known: (String) -> Bool) -> Bool {
        // The upper row holds a group's title, which is no field's label; a header of labels reads by itself.
        guard upper.contains(where: { !$0.isEmpty && !known($0) }) else { return false }
        let filled = lower.filter { !$0.isEmpty }
        let matched = filled.filter(known).count
        guard matched > 0, matched * 2 >= filled.count else { return false }
        return filled.allSatisfy { text in
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
