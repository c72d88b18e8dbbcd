import BylawLocale

/// The rule book as GitHub-flavoured Markdown: explicit anchors, tables, CEL in fenced blocks.
enum RuleBookMarkdown {
    static func render(_ blocks: [Block]) -> String {
        blocks.map(block).joined(separator: "\n") + ""
    }

    static func block(_ b: Block) -> String {
        switch b {
        case .heading(let level, let text, let anchor):
            return (anchor.map { "<a id=\"\($0)\"></a>\n\n" } ?? "") + String(repeating: "#", count: level) + " "
                + inline(text) + "\n"
        case .paragraph(let text): return inline(text) + "\n"
        case .fields(let lines):
            return lines.map { "- **\(escape($0.label))**: " + inline($0.value) }.joined(separator: "\n") + "\n"
        case .bullets(let items): return items.map { "- " + inline($0) }.joined(separator: "\n") + "\n"
        case .table(let header, let rows):
            let head = "| " + header.map { cell([.text($0)]) }.joined(separator: " | ") + " |"
            let rule = "|" + header.map { _ in " --- |" }.joined()
            return ([head, rule] + rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }).joined(
                separator: "\n") + "\n"
        case .expression(let label, let source):
            let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: source) + 1))
            return "**\(escape(label))**\n\n\(fence)cel\n\(source)\n\(fence)\n"
        }
    }

    static func inline(_ parts: [Inline]) -> String {
        parts.map { p in
            switch p {
            case .text(let t): escape(t)
            case .code(let c): code(c)
            case .strong(let t): "**" + escape(t) + "**"
            case .link(let t, let anchor): "[" + escape(t) + "](#" + anchor + ")"
            }
        }.joined()
    }

    /// A table cell: one line, `|` escaped even inside code (GitHub reads `\|` there as `|`).
    static func cell(_ parts: [Inline]) -> String {
        inline(parts).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\\\\|", with: "\\|")
            .replacingOccurrences(of: "\n", with: " ")
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\`*_[]<>#|~".contains(c) { out.append("\\") }
            out.append(c == "\n" ? " " : c)
        }
        return out
    }

    /// A code span whose fence is longer than any run of backticks inside it.
    static func code(_ s: String) -> String {
        let text = s.replacingOccurrences(of: "\n", with: " ")
        let fence = String(repeating: "`", count: longestRun(of: "`", in: text) + 1)
        let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + pad + text + pad + fence
    }

    static func longestRun(of c: Character, in s: String) -> Int {
        var best = 0
        var run = 0
        for x in s {
            run = x == c ? run + 1 : 0
            best = max(best, run)
        }
        return best
    }
}

/// The rule book as one self-contained HTML page: inline CSS, no scripts, fonts that cover Chinese,
/// print-friendly; every piece of text escaped.
enum RuleBookHTML {
    /// The page; `lang` is the book's language, Chinese for a book of both (most of its text is the rules').
    static func render(_ blocks: [Block], title: String, language: Language? = nil) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language == .english ? "en" : "zh-CN")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        <main>

        """ + blocks.map(block).joined() + "</main>\n</body>\n</html>\n"
    }

    static let css = """
        :root { color-scheme: light; }
        body { margin: 0; background: #fff; color: #1f2328; font: 15px/1.6 -apple-system, "Segoe UI", "Noto Sans", \
        "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; }
        main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
        h1, h2, h3, h4 { line-height: 1.3; margin: 1.6em 0 0.5em; }
        h2 { border-bottom: 2px solid #d0d7de; padding-bottom: 0.2em; }
        h4 { background: #f6f8fa; border-left: 4px solid #0969da; padding: 0.3em 0.6em; }
        code, pre { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; \
        font-size: 0.92em; }
        code { background: #f2f4f7; border-radius: 4px; padding: 0.05em 0.3em; }
        pre { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: 0.6em 0.8em; \
        white-space: pre-wrap; overflow-wrap: anywhere; }
        pre code { background: none; padding: 0; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; margin: 0.5em 0; }
        dt { font-weight: 600; color: #57606a; }
        dd { margin: 0; }
        table { border-collapse: collapse; margin: 0.6em 0; }
        th, td { border: 1px solid #d0d7de; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; }
        .label { font-weight: 600; margin: 0.6em 0 0.2em; }
        a { color: #0969da; }
        @media print {
          body { font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          a { color: inherit; text-decoration: none; }
          h2 { break-before: page; }
          h2, h3, h4 { break-after: avoid; }
          table, pre, dl { break-inside: avoid; }
        }
        """

    static func block(_ b: Block) -> String {
        switch b {
        case .heading(let level, let text, let anchor):
            return "<h\(level)\(anchor.map { " id=\"\(escape($0))\"" } ?? "")>\(inline(text))</h\(level)>\n"
        case .paragraph(let text): return "<p>\(inline(text))</p>\n"
        case .fields(let lines):
            return "<dl>\n" + lines.map { "<dt>\(escape($0.label))</dt><dd>\(inline($0.value))</dd>\n" }.joined()
                + "</dl>\n"
        case .bullets(let items): return "<ul>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</ul>\n"
        case .table(let header, let rows):
            return "<table>\n<thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined()
                + "</tr></thead>\n<tbody>\n"
                + rows.map { "<tr>" + $0.map { "<td>\(inline($0))</td>" }.joined() + "</tr>\n" }.joined()
                + "</tbody>\n</table>\n"
        case .expression(let label, let source):
            return "<p class=\"label\">\(escape(label))</p>\n<pre><code>\(escape(source))</code></pre>\n"
        }
    }

    static func inline(_ parts: [Inline]) -> String {
        parts.map { p in
            switch p {
            case .text(let t): escape(t)
            case .code(let c): "<code>" + escape(c) + "</code>"
            case .strong(let t): "<strong>" + escape(t) + "</strong>"
            case .link(let t, let anchor): "<a href=\"#" + escape(anchor) + "\">" + escape(t) + "</a>"
            }
        }.joined()
    }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
