import Bylaw

/// `bylaw map init FILE --kind KIND`: a mapping file proposed from a sheet's header row, each header matched to
/// the kind's fields by the labels and aliases rule sets give them, with the value formats the first rows need
/// (day-first dates, Excel serials, words for booleans and values outside an enumeration) declared or noted.
/// The auditor reviews and edits it. Documented in docs/audit.md.
public enum MappingProposal {
    /// The words of a proposal: the catalogue's text for an id (`proposal.…`) with its arguments, in the
    /// reader's language. The caller gives them (this module holds no user text of its own).
    public typealias Words = (_ id: String, _ arguments: [String]) -> String

    /// The proposed mapping file's text for `sample`, whose file is `file`, its comments in `words`.
    public static func propose(
        _ sample: SheetSample, file: String, kind: String, library: RuleLibrary, words: Words
    ) -> String {
        let catalog = FieldCatalog(library: library, kind: kind)
        var used: [String: String] = [:]
        var lines: [String] = []
        var matched = 0
        for (column, header) in sample.header where !header.isEmpty {
            let key = yamlKey(header)
            let cells = sample.rows.compactMap { column - 1 < $0.count ? $0[column - 1] : nil }
                .map(CellConverter.trimmed).filter { !$0.isEmpty }
            guard let (field, how) = catalog.match(header) else {
                lines.append("  \(key): ~   # " + words("proposal.no-field", [kind]))
                continue
            }
            if let other = used[field.path] {
                lines.append("  \(key): ~   # " + words("proposal.also-names", [field.path, other]))
                continue
            }
            used[field.path] = header
            matched += 1
            var (format, notes) = ValueSurvey.format(field.type, cells: cells)
            // `账面原值（万元）`: the amounts are in ten thousands of yuan, and fields hold yuan.
            if field.type == .decimal, header.contains("万元") {
                format = format.isEmpty ? "unit: 万元" : format + ", unit: 万元"
                notes.append(ValueSurvey.Note(id: "ten-thousand-yuan"))
            }
            // `date: excel` follows a workbook's date system: the note says which one the dates count in.
            if sample.date1904 {
                notes = notes.map { $0.id == "excel-dates" ? ValueSurvey.Note(id: "excel-dates-1904") : $0 }
            }
            let value = format.isEmpty ? field.path : "{field: \(field.path), \(format)}"
            let comment =
                [words("proposal.matched-by", [words("proposal.how." + how, [])])]
                + notes.map { words("proposal.note." + $0.id, $0.arguments) }
            lines.append("  \(key): \(value)   # " + comment.joined(separator: words("proposal.separator", [])))
        }
        let missing = catalog.fields.filter { used[$0.path] == nil && required($0.path, kind: kind, library: library) }
        var out =
            "# "
            + (sample.headerRows == 2
                ? words(
                    "proposal.head-two-rows",
                    [file, kind, String(sample.headerRow), String(sample.headerRow + 1), String(sample.rows.count)])
                : words("proposal.head", [file, kind, String(sample.headerRow), String(sample.rows.count)]))
        if let encoding = sample.encoding { out += words("proposal.encoding", [encoding]) }
        out += words("proposal.head-end", []) + "\n# "
        out += words(
            "proposal.matched", [String(matched), String(sample.header.filter { !$0.text.isEmpty }.count)])
        out += "\n#   " + words("proposal.command", [file, kind]) + "\n"
        if !missing.isEmpty {
            out += "# " + words("proposal.missing", []) + "\n"
            out += "#   " + missing.map(\.path).joined(separator: ", ") + "\n"
        }
        return out + "columns:\n" + lines.joined(separator: "\n") + "\n"
    }

    /// Whether `path` is required by a rule set for `kind` (its own field and every group above it required).
    static func required(_ path: String, kind: String, library: RuleLibrary) -> Bool {
        if ["id", "date", "unit"].contains(path) { return false }
        let parts = path.split(separator: ".").map(String.init)
        return library.ruleSets.contains { set in
            guard set.appliesTo == kind else { return false }
            var schema = set.input
            for (k, part) in parts.enumerated() {
                guard let spec = schema.field(part), !spec.optional else { return false }
                if k == parts.count - 1 { return true }
                guard case .object(let inner) = spec.type else { return false }
                schema = inner
            }
            return false
        }
    }

    /// A header as a YAML key: plain when it is safe, else double-quoted.
    static func yamlKey(_ text: String) -> String {
        let special = Set(":#{}[],&*!|>'\"%@`?-\\")
        let plain =
            !text.isEmpty && text.first.map { !special.contains($0) && !$0.isWhitespace } == true
            && !text.contains(where: { $0 == ":" || $0 == "#" || $0.isNewline || $0 == "\"" || $0 == "'" })
            && text.last.map { !$0.isWhitespace } == true
            && !["~", "null", "true", "false", "yes", "no"].contains(text.lowercased())
            && Double(text) == nil
        if plain { return text }
        var out = "\""
        for c in text.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }
}
