import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The element name without its namespace prefix (`x:row` is `row`).
func localName(_ name: String) -> Substring {
    guard let colon = name.lastIndex(of: ":") else { return name[...] }
    return name[name.index(after: colon)...]
}

/// An attribute by its local name (`r:id` is `id`).
func attribute(_ attributes: [String: String], _ name: String) -> String? {
    if let value = attributes[name] { return value }
    return attributes.first { localName($0.key) == name }?.value
}

/// One XML parse at a time in the process: FoundationXML's parser on Linux is libxml2, whose global state is
/// not safe for parsers running at once on several threads (and the parser is not reentrant).
enum XMLParsing {
    static let lock = NSLock()

    /// Runs `parser.parse()` alone.
    static func parse(_ parser: XMLParser) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return parser.parse()
    }
}

/// Parses a small part held whole, calling `start` for every element (local name and attributes), `text` for
/// character data and `end` at every end of an element.
final class XMLWalker: NSObject, XMLParserDelegate {
    var start: (Substring, [String: String]) -> Void = { _, _ in }
    var text: (String) -> Void = { _ in }
    var end: (Substring) -> Void = { _ in }
    /// The elements open, and whether any was: a part cut short ends with its root still open.
    private var ends = XMLEnds()

    /// Walks `data` (from the part `name`); throws when it is not well-formed XML, or when it ends before its
    /// root element does. The parser reads it as a stream: given the data whole, FoundationXML's parser on
    /// Linux refuses a part past about 10 MB.
    func walk(_ data: Data, name: String) throws(XLSXError) {
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        guard XMLParsing.parse(parser) else {
            throw XLSXError(
                "xlsx.xml", "the part `\(name)` is not well-formed XML (line \(parser.lineNumber))")
        }
        if let cut = ends.cutShort(part: name, line: parser.lineNumber) { throw cut }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        ends.opened()
        start(localName(elementName), attributes)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }

    /// `<![CDATA[…]]>` is text like any other; some exporters write cells that way. The part's bytes were
    /// checked as UTF-8 before parsing.
    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { text(String(decoding: CDATABlock, as: UTF8.self)) }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        ends.closed()
        end(localName(elementName))
    }
}

/// Whether a part's XML ended where its root element ends. FoundationXML's parser, reading a stream, takes the
/// end of the input for the end of the document: a part cut short (a workbook saved half-way, or a damaged
/// copy) parses without error, its last rows missing. Counting the elements still open shows it.
struct XMLEnds {
    private var open = 0
    private var seen = false

    mutating func opened() {
        open += 1
        seen = true
    }

    mutating func closed() { open -= 1 }

    /// The error for a part that ended with an element open, or with no element at all; nil for a whole part.
    func cutShort(part: String, line: Int) -> XLSXError? {
        guard !seen || open > 0 else { return nil }
        return XLSXError(
            "xlsx.truncated",
            "the part `\(part)` ends at line \(line) before its last element is closed: the workbook is cut short "
                + "or damaged, and what follows is missing")
    }
}

/// What a workbook says about itself: its sheets in order, where their parts are, the date system, and the
/// parts holding shared strings and styles.
struct XLSXWorkbook {
    struct Sheet {
        var name: String
        var part: String
        /// Hidden in Excel (`state="hidden"` or `"veryHidden"`): an old copy or a lookup list, not the table.
        var hidden = false
    }

    var sheets: [Sheet] = []
    /// Whether serial dates count from 1904-01-01 (old Excel for Mac) rather than 1900-01-00.
    var date1904 = false
    var sharedStrings: String?
    var styles: String?

    static func read(_ package: XLSXPackage) throws(XLSXError) -> XLSXWorkbook {
        let limit = package.limits.maxPartBytes
        // The package's relationships name the workbook part; xl/workbook.xml when they do not say.
        var workbookPart = "xl/workbook.xml"
        if let rels = try package.read("_rels/.rels", limit: limit) {
            let found = try relationships(rels, name: "_rels/.rels", base: "")
            if let main = found.first(where: { $0.type.hasSuffix("/officeDocument") }) { workbookPart = main.target }
        }
        guard let workbook = try package.read(workbookPart, limit: limit) else {
            throw XLSXError("xlsx.not-a-workbook", "the file is a ZIP archive but not an .xlsx workbook")
        }
        let folder = (workbookPart as NSString).deletingLastPathComponent
        let relsPart = folder + "/_rels/" + (workbookPart as NSString).lastPathComponent + ".rels"
        let rels = try package.read(relsPart, limit: limit).map { d throws(XLSXError) in
            try relationships(d, name: relsPart, base: folder)
        }
        var book = XLSXWorkbook()
        var sheetIDs: [(name: String, id: String, hidden: Bool)] = []
        let walker = XMLWalker()
        walker.start = { name, attributes in
            if name == "workbookPr", let v = attribute(attributes, "date1904") {
                book.date1904 = v == "1" || v == "true"
            } else if name == "sheet", let sheet = attribute(attributes, "name"), let id = attribute(attributes, "id") {
                let state = attribute(attributes, "state")
                sheetIDs.append((sheet, id, state == "hidden" || state == "veryHidden"))
            }
        }
        try walker.walk(workbook, name: workbookPart)
        let byID = Dictionary((rels ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        book.sheets = sheetIDs.compactMap { s in
            byID[s.id].map { Sheet(name: s.name, part: $0.target, hidden: s.hidden) }
        }
        book.sharedStrings = rels?.first { $0.type.hasSuffix("/sharedStrings") }?.target
        book.styles = rels?.first { $0.type.hasSuffix("/styles") }?.target
        return book
    }

    struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    /// The relationships of a `.rels` part, targets resolved against `base` (the folder of the part they
    /// belong to).
    static func relationships(_ data: Data, name: String, base: String) throws(XLSXError) -> [Relationship] {
        var out: [Relationship] = []
        let walker = XMLWalker()
        walker.start = { element, attributes in
            guard element == "Relationship", let id = attribute(attributes, "Id"),
                let target = attribute(attributes, "Target")
            else { return }
            out.append(Relationship(id: id, type: attribute(attributes, "Type") ?? "", target: resolve(target, base)))
        }
        try walker.walk(data, name: name)
        return out
    }

    /// A relationship target as a path inside the archive: absolute (`/xl/x.xml`) or relative to `base`, with
    /// `..` steps taken.
    static func resolve(_ target: String, _ base: String) -> String {
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : (base.isEmpty ? target : base + "/" + target)
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == ".." {
                _ = parts.popLast()
            } else if part != "." {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
