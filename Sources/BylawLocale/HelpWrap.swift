extension Language {
    /// A help text from the catalogue, like `text(_:_:)`. Lines are not broken here: the whole screen is, once
    /// the parser has laid it out (`wrapHelpScreen`), by terminal columns and to the terminal's width.
    public func help(_ id: String, _ arguments: String...) -> String {
        guard let entry = Catalogue.entry(id) else { return id }
        return Catalogue.fill(entry.text(self), arguments)
    }

    /// A whole help screen, as the argument parser printed it without breaking any line, broken to `columns`
    /// terminal columns: a line of prose continues at its own indentation, an option's, an argument's or a
    /// subcommand's help (from column 27, after its name) continues under that help, and the usage line under
    /// the command, as the parser lays them out. The parser breaks lines by characters, which for Chinese (two
    /// columns a character) is twice too late.
    public static func wrapHelpScreen(_ text: String, columns: Int) -> String {
        let fits = max(columns, 40)
        // A line is broken before the last column, as the parser breaks its prose: a terminal moves to the next
        // line when a character lands there.
        let columns = fits - 1
        let listHeadings = Set(
            ["help.chrome.arguments", "help.chrome.options", "help.chrome.subcommands"].flatMap { id in
                [Language.english, .chinese].map { $0.text(id) }
            })
        var inList = false
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [String] = []
        var k = 0
        while k < lines.count {
            let line = lines[k]
            // A line after one ending in a backslash is the rest of that command.
            let continuesCommand = k > 0 && lines[k - 1].hasSuffix("\\")
            k += 1
            if let first = line.first, first != " " { inList = listHeadings.contains(line) }
            guard width(line) > fits else {
                out.append(line)
                continue
            }
            let indent = line.prefix { $0 == " " }.count
            // `USAGE: bylaw check <decisions> ... [--rules <dir>] …`: continued under the command.
            if let heading = ["USAGE: ", "用法："].first(where: { line.hasPrefix($0) }) {
                out.append(usage(String(line.dropFirst(heading.count)), heading: heading, columns: columns))
                continue
            }
            let chars = Array(line)
            // `  --name <value>          help`: the help starts at column 27, after the name and a space.
            if inList, indent == 2, chars.count > helpColumn, chars[helpColumn - 1] == " ", chars[helpColumn] != " " {
                out.append(
                    broken(
                        String(chars[helpColumn...]), first: String(chars[..<helpColumn]),
                        hanging: String(repeating: " ", count: helpColumn), columns: columns))
                continue
            }
            // An example command is left whole: broken, its second half would read as another command.
            if indent > 0, continuesCommand || isCommand(line) {
                out.append(line)
                continue
            }
            // Prose, continued at its indentation; or `  a.csv     the header row…`, `  0  the run is compliant`
            // (a term, two spaces or more, its text), continued under the text.
            let start = indent > 0 ? termText(chars, from: indent) ?? indent : indent
            let lead = String(chars[..<start])
            let column = width(lead)
            // Laid out by hand for 80 columns: the rest of the paragraph (the following lines at the same
            // indentation) is joined to it and the whole broken again, so that no stub of a line is left between.
            var text = String(chars[start...])
            while k < lines.count, isProse(lines[k], indent: column) {
                text = joined(text, String(lines[k].dropFirst(column)))
                k += 1
            }
            out.append(broken(text, first: lead, hanging: String(repeating: " ", count: column), columns: columns))
        }
        return out.joined(separator: "\n")
    }

    /// Two lines of one paragraph as one: two wide characters, or a full-width mark and anything, meet with
    /// nothing between; anything else with a space.
    private static func joined(_ a: String, _ b: String) -> String {
        let wide = { (c: Character?) in c.map { width(String($0)) == 2 } ?? false }
        let mark = { (c: Character?) in
            c.map { closingMarks.contains(String($0)) || openingMarks.contains(String($0)) } ?? false
        }
        let close = (wide(a.last) && wide(b.first)) || mark(a.last) || mark(b.first)
        return a + (close ? "" : " ") + b
    }

    /// Whether `line` is an example command: `bylaw …`, `$ …`, or one continued with a backslash.
    private static func isCommand(_ line: String) -> Bool {
        let text = line.drop { $0 == " " }
        // `bylaw check …`, not a sentence that begins with the program's name (`bylaw 说明原因…`).
        let bylawCommand = text.hasPrefix("bylaw ") && text.dropFirst(6).first.map { $0.isASCII && $0 != " " } == true
        return bylawCommand || text.hasPrefix("$ ") || text.hasPrefix("r=") || line.hasSuffix("\\")
    }

    /// Whether `line` continues a paragraph of prose at `indent`: the same indentation, not blank, not a term
    /// line, not a command, not a heading.
    private static func isProse(_ line: String, indent: Int) -> Bool {
        let own = line.prefix { $0 == " " }.count
        guard own == indent, line.count > indent, !isCommand(line) else { return false }
        if indent > 0, termText(Array(line), from: indent) != nil { return false }
        if indent == 0, line.hasSuffix(":") || line.hasSuffix("：") { return false }
        return true
    }

    /// Where the text of a `term  text` line starts: after a term of at most 24 characters with no two spaces
    /// in it, and two spaces or more; nil for a line that is not one.
    private static func termText(_ chars: [Character], from start: Int) -> Int? {
        var i = start
        while i < chars.count, i - start <= 24 {
            if chars[i] == " ", i + 1 < chars.count, chars[i + 1] == " " {
                var j = i
                while j < chars.count, chars[j] == " " { j += 1 }
                return i > start && j < chars.count ? j : nil
            }
            i += 1
        }
        return nil
    }

    /// A usage line broken between its parts (`[--format <format>]` stays whole), continued under the command.
    private static func usage(_ text: String, heading: String, columns: Int) -> String {
        var parts: [String] = []
        var depth = 0
        var part = ""
        for c in text {
            if c == " ", depth == 0 {
                if !part.isEmpty { parts.append(part) }
                part = ""
                continue
            }
            if c == "[" || c == "<" { depth += 1 }
            if c == "]" || c == ">" { depth = max(depth - 1, 0) }
            part.append(c)
        }
        if !part.isEmpty { parts.append(part) }
        let pad = String(repeating: " ", count: width(heading))
        var lines: [String] = []
        var current = heading
        var fresh = true
        for part in parts {
            if !fresh, width(current) + 1 + width(part) > columns {
                lines.append(current)
                current = pad
                fresh = true
            }
            current += (fresh ? "" : " ") + part
            fresh = false
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }

    /// Where the argument parser starts an option's help: two spaces, the name padded to 24 columns.
    static let helpColumn = 26

    /// `text` in lines of at most `columns`, the first after `first`, the others after `hanging`. A break falls
    /// at a space or between two wide characters, never inside a run of ASCII letters, digits or punctuation;
    /// a closing mark (`，` `。` `）`) never starts a line, an opening one (`（`) never ends one: the character
    /// it would be parted from goes to the next line with it.
    private static func broken(_ text: String, first: String, hanging: String, columns: Int) -> String {
        // Words: a run of ASCII non-space characters stays together; every other character stands alone.
        var words: [String] = []
        for c in text {
            if c.isASCII, c != " ", let last = words.last, last.last?.isASCII == true, last.last != " " {
                words[words.count - 1].append(c)
            } else {
                words.append(String(c))
            }
        }
        var lines: [String] = []
        var prefix = first
        var current: [String] = []
        var currentWidth = 0
        func flush(keeping carried: [String]) {
            lines.append(prefix + trimmed(current.joined()))
            prefix = hanging
            current = carried
            currentWidth = carried.reduce(0) { $0 + width($1) }
        }
        for word in words {
            let w = width(word)
            if currentWidth + w > columns - width(prefix), word != " ", current.contains(where: { $0 != " " }) {
                var carried: [String] = []
                if closingMarks.contains(word) {
                    // The marks before it (`）。`) and the character they close go along with it.
                    while current.count > 1, let last = current.last, closingMarks.contains(last) {
                        carried.insert(current.removeLast(), at: 0)
                    }
                    if current.count > 1, let last = current.last, last != " " {
                        carried.insert(current.removeLast(), at: 0)
                    }
                }
                while current.count > 1, let last = current.last, openingMarks.contains(last) {
                    carried.insert(current.removeLast(), at: 0)
                }
                flush(keeping: carried)
            }
            current.append(word)
            currentWidth += w
        }
        if !current.isEmpty { lines.append(prefix + trimmed(current.joined())) }
        return lines.joined(separator: "\n")
    }

    private static let closingMarks: Set<String> = [
        "，", "。", "；", "：", "）", "、", "」", "』", "！", "？", "》", "】", "\u{201D}", "\u{2019}",
    ]
    private static let openingMarks: Set<String> = ["（", "「", "『", "《", "【", "\u{201C}", "\u{2018}"]

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
