import Bylaw

/// `bylaw map init FILE --kind KIND`: a mapping file proposed from a sheet's header row, each header matched to
/// the kind's fields by the labels and aliases rule sets give them, with the value formats the first rows need
/// (day-first dates, Excel serials, words for booleans and values outside an enumeration) declared or noted.
/// The auditor reviews and edits it. Documented in docs/audit.md.
public enum MappingProposal {
    /// The proposed mapping file's text for `sample`, whose file is `file`.
    public static func propose(_ sample: SheetSample, file: String, kind: String, library: RuleLibrary) -> String {
        let catalog = FieldCatalog(library: library, kind: kind)
        var used: [String: String] = [:]
        var lines: [String] = []
        var matched = 0
        for (column, header) in sample.header where !header.isEmpty {
            let key = yamlKey(header)
            let cells = sample.rows.compactMap { column - 1 < $0.count ? $0[column - 1] : nil }
                .map(CellConverter.trimmed).filter { !$0.isEmpty }
            guard let (field, how) = catalog.match(header) else {
                lines.append(
                    "  \(key): ~   # no field of `\(kind)` has this name: ignored; write a field path to read it")
                continue
            }
            if let other = used[field.path] {
                lines.append("  \(key): ~   # also names `\(field.path)`, already given by `\(other)`")
                continue
            }
            used[field.path] = header
            matched += 1
            let (format, note) = ValueSurvey.format(field.type, cells: cells)
            let value = format.isEmpty ? field.path : "{field: \(field.path), \(format)}"
            var comment = "matched by \(how)"
            if let note { comment += "; " + note }
            lines.append("  \(key): \(value)   # \(comment)")
        }
        let missing = catalog.fields.filter { used[$0.path] == nil && required($0.path, kind: kind, library: library) }
        var out = "# Proposed by `bylaw map init` for \(file), kind \(kind): the header in row \(sample.headerRow)"
        out += ", \(sample.rows.count) rows sampled"
        if let encoding = sample.encoding { out += ", read as \(encoding)" }
        out += ".\n# \(matched) of \(sample.header.filter { !$0.text.isEmpty }.count) headers matched a field "
        out += "by the labels the rule sets give their input fields. Review before use:\n"
        out += "#   bylaw audit \(file) --kind \(kind) --map THIS-FILE\n"
        if !missing.isEmpty {
            out += "# Required fields no header matched (map a header to each, or the records will be invalid):\n"
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
