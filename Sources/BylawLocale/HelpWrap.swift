extension Language {
    /// The widest help line in terminal columns (a closing mark may add two): help is read in 80 columns.
    public static let helpColumns = 78
    /// The widest line of an option's or argument's help, which the parser prints from column 27.
    public static let optionHelpColumns = 52

    /// A help text from the catalogue, like `text(_:_:)`, with Chinese lines broken to `helpColumns` terminal
    /// columns. The argument parser wraps help by characters, so a Chinese line (two columns a character)
    /// would run to twice the width; broken here, no line is long enough for it to wrap.
    public func help(_ id: String, _ arguments: String...) -> String {
        guard let entry = Catalogue.entry(id) else { return id }
        let text = Catalogue.fill(entry.text(self), arguments)
        guard self == .chinese else { return text }
        let prose = id.hasSuffix(".abstract") || id.hasSuffix(".discussion")
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { Self.wrap(String($0), columns: prose ? Self.helpColumns : Self.optionHelpColumns) }
            .joined(separator: "\n")
    }

    /// `line` broken into lines of at most `columns` terminal columns, continuation lines indented as the
    /// first; a break falls after a character, never inside a run of ASCII letters, digits or punctuation.
    static func wrap(_ line: String, columns: Int) -> String {
        // A line of single-width characters only (an example command) is left as the English help has it.
        guard width(line) > columns, width(line) != line.unicodeScalars.count else { return line }
        let indent = String(line.prefix { $0 == " " })
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        // Words: a run of ASCII non-space characters stays together; every other character stands alone.
        var words: [String] = []
        for c in line.dropFirst(indent.count) {
            if c.isASCII, c != " ", let last = words.last, last.last?.isASCII == true, last.last != " " {
                words[words.count - 1].append(c)
            } else {
                words.append(String(c))
            }
        }
        for word in words {
            let w = width(word)
            // A full-width closing mark stays on the line it closes, two columns past the limit at most.
            if currentWidth + w > columns - indent.count, !current.isEmpty, !"，。；：）、」！？".contains(word) {
                lines.append(indent + trimmed(current))
                current = ""
                currentWidth = 0
            }
            current += word
            currentWidth += w
        }
        if !current.isEmpty { lines.append(indent + trimmed(current)) }
        return lines.joined(separator: "\n")
    }

    private static func trimmed(_ s: String) -> String {
        String(s.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    /// Terminal columns of `s`: two for East Asian wide characters, one otherwise.
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { n, u in
            let v = u.value
            let wide =
                (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v)
            return n + (wide ? 2 : 1)
        }
    }
}
