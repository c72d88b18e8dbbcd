/// A row of a ledger that is not a record: a totals row (`合计`, `本页小计`), the signature lines under a table
/// (`制表人：张三`), a note (`注：…`) or an end mark (`以下空白`). Offices' exports and hand-kept ledgers have
/// them; read as records they would each be an invalid record with the auditor's real problems hidden among
/// them. Such a row is known by its first cell that is not blank, and only by words no record's first cell
/// holds. It is not checked, and the run says which rows it left out and why (`SkippedRow`), so nothing is
/// lost from sight.
public enum SummaryRow: Sendable, Equatable {
    case totals
    case signature
    case note
    case endMark

    /// What `cells` is, when it is not a record: judged by the first cell that is not blank.
    public static func kind(of cells: some Sequence<String>) -> SummaryRow? {
        guard let first = cells.first(where: { !$0.allSatisfy(\.isWhitespace) }) else { return nil }
        let trimmed = Substring(first).drop(while: \.isWhitespace)
        // Every row of a ledger comes here: a first cell that starts as none of the words can is a record, known
        // without building the texts below.
        guard let initial = trimmed.first, initials.contains(initial) else { return nil }
        // Spaces inside (`合  计`, as forms space out short words) do not count.
        let squeezed = String(trimmed.filter { !$0.isWhitespace })
        let word = squeezed.lowercased()
        if let bare = stripped(word), totalsWords.contains(bare) { return .totals }
        if endMarks.contains(bracketless(word)) { return .endMark }
        for (prefixes, kind) in [(signatures, SummaryRow.signature), (notes, .note)] {
            for prefix in prefixes where squeezed.hasPrefix(prefix) {
                guard let next = squeezed.dropFirst(prefix.count).first else {
                    // A bare `注` or `说明` is too short to tell from a value; a bare `制表人` is a signature line.
                    if kind == .signature { return kind }
                    continue
                }
                if next == "：" || next == ":" { return kind }
                // `制表人 张三`: a name after a space.
                if kind == .signature, trimmed.hasPrefix(prefix),
                    trimmed.dropFirst(prefix.count).first?.isWhitespace == true
                {
                    return kind
                }
            }
        }
        return nil
    }

    /// `word` up to a colon (`合计：791,911.79` in one cell) and without a unit in brackets after it (`合计(元)`,
    /// `合计（万元）：`); nil when what follows the word is anything else.
    private static func stripped(_ word: String) -> String? {
        var w = Substring(word)
        if let colon = w.firstIndex(where: { $0 == ":" || $0 == "：" }) { w = w[..<colon] }
        if let open = w.firstIndex(where: { $0 == "(" || $0 == "（" }), w.last == ")" || w.last == "）" {
            let unit = w[w.index(after: open)..<w.index(before: w.endIndex)]
            guard unit.count <= 4, !unit.contains(where: { "0123456789０１２３４５６７８９".contains($0) }) else { return nil }
            w = w[..<open]
        }
        return String(w)
    }

    /// `word` without the brackets an end mark is often written in (`（以下空白）`, `-以下空白-`).
    private static func bracketless(_ word: String) -> String {
        String(word.filter { !endMarkBrackets.contains($0) })
    }

    private static let totalsWords: Set<String> = [
        "合计", "总计", "小计", "累计", "共计", "总合计", "合计数", "合计金额", "总计金额", "本页合计", "本页小计",
        "本页累计", "本月合计", "本月累计", "本季合计", "本年合计", "本年累计", "本期合计", "全年合计", "全部合计",
        "以上合计", "总额", "total", "totals", "subtotal", "sub-total", "grandtotal", "sum",
    ]

    private static let endMarks: Set<String> = ["以下空白", "以下无内容", "以下无数据", "以下为空", "此页空白", "endoftable"]

    /// Words that begin the signature lines under a form, before a colon or a space and a name.
    private static let signatures = [
        "单位负责人", "部门负责人", "财务负责人", "分管领导", "主管领导", "负责人", "制表人", "编表人", "编制人", "填表人",
        "填报人", "审核人", "复核人", "经办人", "联系人", "联系电话", "填报单位", "制表日期", "填表日期", "填报日期",
        "报送日期", "制表", "审核", "复核",
    ]

    /// Words that begin a note under a table, before a colon.
    private static let notes = ["填表说明", "填报说明", "备注", "说明", "注"]

    /// The characters a row that is not a record can start with: each word's first, in either case, and the
    /// brackets an end mark is written in.
    private static let initials: Set<Character> = {
        let words = Array(totalsWords) + Array(endMarks) + signatures + notes
        let firsts = words.compactMap(\.first)
        return Set(firsts + firsts.flatMap { $0.uppercased() } + endMarkBrackets)
    }()

    /// What an end mark is written inside (`（以下空白）`, `-以下空白-`).
    private static let endMarkBrackets = "()（）-—*＊【】[]"
}

/// A row that was read but not checked, because it is not a record (`SummaryRow`).
public struct SkippedRow: Sendable, Equatable {
    /// Where it is, as a record there would be named (`ledger.csv:row 41`).
    public var source: RecordSource
    /// Its first cell that is not blank, as written (at most 40 characters).
    public var text: String
    public var kind: SummaryRow

    public init(source: RecordSource, text: String, kind: SummaryRow) {
        self.source = source
        self.text = text
        self.kind = kind
    }
}

/// The rows a run did not check because they are not records: how many in all, and the first `kept` of them,
/// each with its place, its first cell and why.
public struct SkippedRows: Sendable, Equatable {
    public private(set) var first: [SkippedRow] = []
    public private(set) var count = 0
    /// How many rows are kept to be named; the rest are only counted.
    public static let kept = 20

    public init() {}

    /// The rows counted but not kept.
    public var rest: Int { count - first.count }

    /// Counts a row, and keeps it while fewer than `kept` are (`row` is made only then).
    mutating func add(_ row: @autoclosure () -> SkippedRow) {
        count += 1
        if first.count < Self.kept { first.append(row()) }
    }
}
