/// A small document model for the rule book, so that Markdown and HTML say exactly the same things.
enum Inline: Sendable {
    /// Plain text, escaped by each renderer.
    case text(String)
    /// Text shown exactly as written: identifiers, values, CEL.
    case code(String)
    case strong(String)
    /// A link to an anchor in the same document.
    case link(String, anchor: String)
}

enum Block: Sendable {
    case heading(level: Int, text: [Inline], anchor: String?)
    case paragraph([Inline])
    /// Label → value lines.
    case fields([(label: String, value: [Inline])])
    case bullets([[Inline]])
    /// A header row and rows of cells.
    case table(header: [String], rows: [[[Inline]]])
    /// A CEL expression as written, labelled.
    case expression(label: String, source: String)
}

/// Anchors: lowercase ASCII letters, digits and `-`; anything else becomes its code point in hex, so that
/// Chinese ids stay unique and links work in every Markdown renderer that keeps explicit anchors.
enum Anchor {
    static func make(_ parts: String...) -> String {
        parts.map { part in
            part.unicodeScalars.map { s -> String in
                switch s {
                case "a"..."z", "0"..."9": String(s)
                case "A"..."Z": String(s).lowercased()
                case "-", ".", "_", " ", "/": "-"
                default: "u" + String(s.value, radix: 16)
                }
            }.joined()
        }.joined(separator: "--")
    }
}
