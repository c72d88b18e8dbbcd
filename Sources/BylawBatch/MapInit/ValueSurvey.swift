import Bylaw

/// What the first rows of a column say about how to read it, for `bylaw map init`: the format to declare (as
/// the inside of a `{field: …, …}` entry), and a note for the auditor when the rows leave something to decide.
enum ValueSurvey {
    /// A note for the auditor: the catalogue id after `proposal.note.`, and its arguments.
    struct Note: Equatable {
        var id: String
        var arguments: [String] = []
    }

    static func format(_ type: FieldType, cells: [String]) -> (format: String, notes: [Note]) {
        switch type {
        case .date: return date(cells)
        case .bool:
            let unknown = distinct(
                cells.filter { !CellConverter.trueWords.contains($0) && !CellConverter.falseWords.contains($0) })
            guard !unknown.isEmpty else { return ("", []) }
            return ("", [Note(id: "bool-words", arguments: [unknown])])
        case .enumeration(let values):
            var unknown: [String] = []
            for cell in cells where !values.contains(cell) && !unknown.contains(cell) { unknown.append(cell) }
            guard !unknown.isEmpty else { return ("", []) }
            // A value one character off an allowed one (`市总工会` for `市级工会`) is proposed as its synonym, when
            // both are three characters or more and begin alike: in a short word or a first character, one
            // character is the meaning (`出售` is not `出借`, `企业单位` not `事业单位`).
            let guesses = unknown.compactMap { u in
                Spelling.closest(to: u, among: values).flatMap { v in
                    u.count >= 3 && v.count >= 3 && u.first == v.first ? (u, v) : nil
                }
            }
            let rest = unknown.filter { u in !guesses.contains { $0.0 == u } }
            let format =
                guesses.isEmpty
                ? ""
                : "values: {" + guesses.map { "\(MappingProposal.yamlKey($0.0)): \($0.1)" }.joined(separator: ", ")
                    + "}"
            var notes: [Note] = []
            if !guesses.isEmpty { notes.append(Note(id: "synonyms")) }
            if !rest.isEmpty { notes.append(Note(id: "other-values", arguments: [distinct(rest)])) }
            return (format, notes)
        case .decimal, .int:
            let converter = CellConverter(type: type, declared: nil)
            let bad = distinct(cells.filter { if case .failure = converter.convert($0) { true } else { false } })
            return ("", bad.isEmpty ? [] : [Note(id: "not-numbers", arguments: [bad])])
        default:
            return ("", [])
        }
    }

    /// Dates: day first or month first when the rows show which (a first number over 12 is a day), Excel serial
    /// numbers when the rows are plain numbers.
    static func date(_ cells: [String]) -> (format: String, notes: [Note]) {
        let converter = CellConverter(type: .date, declared: nil)
        // A cell read only because one order of its numbers names no day (`26/08/2023`) still shows the
        // column's order: the mapping declares it, so that the column's `05/08/2023` is read the same way.
        let unread = cells.filter {
            if case .failure = converter.convert($0) {
                true
            } else {
                CellConverter.dayMonthReadings(CellConverter.withoutTime($0[...])) != .none
            }
        }
        guard !unread.isEmpty else { return ("", []) }
        if unread.allSatisfy({ $0.allSatisfy(\.isNumber) && (4...5).contains($0.count) }) {
            return ("date: excel", [Note(id: "excel-dates")])
        }
        let split = unread.compactMap { whole -> (Int, Int, Character)? in
            let cell = CellConverter.withoutTime(whole[...])
            guard let sep = cell.first(where: { $0 == "/" || $0 == "." || $0 == "-" }) else { return nil }
            let parts = cell.split(separator: sep)
            guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), parts[2].count == 4 else {
                return nil
            }
            return (a, b, sep)
        }
        guard split.count == unread.count, let sep = split.first?.2 else {
            return ("", [Note(id: "date-form", arguments: [distinct(unread)])])
        }
        if split.contains(where: { $0.0 > 12 }), !split.contains(where: { $0.1 > 12 }) {
            return ("date: d\(sep)M\(sep)yyyy", [Note(id: "day-first")])
        }
        if split.contains(where: { $0.1 > 12 }), !split.contains(where: { $0.0 > 12 }) {
            return ("date: M\(sep)d\(sep)yyyy", [Note(id: "month-first")])
        }
        // `26/08/2023` and `1/13/2025` in one column: no order reads them all as one.
        if let d = split.firstIndex(where: { $0.0 > 12 }), let m = split.firstIndex(where: { $0.1 > 12 }) {
            return ("", [Note(id: "mixed-order", arguments: ["`\(unread[d])`", "`\(unread[m])`"])])
        }
        // Only cells that read the same either way (`05/05/2023`): nothing to ask.
        guard
            let example = unread.first(where: {
                if case .two = CellConverter.dayMonthReadings(CellConverter.withoutTime($0[...])) {
                    true
                } else {
                    false
                }
            })
        else { return ("", []) }
        return ("", [Note(id: "either-order", arguments: [example, "d\(sep)M\(sep)yyyy", "M\(sep)d\(sep)yyyy"])])
    }

    /// Up to five distinct values, in backticks.
    static func distinct(_ values: [String]) -> String {
        var seen: [String] = []
        for v in values where !seen.contains(v) {
            seen.append(v)
            if seen.count == 5 { break }
        }
        return seen.map { "`\($0)`" }.joined(separator: ", ")
    }
}
