import BylawYAML
import Foundation

/// `bylaw fmt`: one layout for rule sets and test files, comments kept.
///
/// A line-based rewrite guided by the YAML node tree (with positions), not a re-serialisation: every byte that is
/// not layout stays as written (scalars, quotes, flow collections, comments), so reviews of a formatted file show
/// only what its author meant. The layout: LF line ends; block collections indented by two spaces per level, a
/// sequence indented under its key, one space after `- `; comment lines indented like the line they precede; no
/// trailing white space (outside block scalars); no blank line at the start, at most one in a row, one line end at
/// the end. The result is parsed again and must give the same tree, or the file is left alone.
public enum RuleFileFormatter {
    /// Why a file was left as it is.
    public struct Failure: Error, Sendable {
        public var message: String
    }

    /// `text` in the canonical layout.
    public static func format(_ text: String, file: String) -> Result<String, Failure> {
        let unix = text.replacingOccurrences(of: "\r\n", with: "\n")
        let original: YAMLNode
        do {
            original = try YAMLLoader.load(bytes: Array(unix.utf8), file: file, limits: .ruleSet)
        } catch {
            return .failure(Failure(message: error.diagnostics.first?.message ?? "the file does not parse"))
        }
        var layout = Layout(
            lines: unix.split(separator: "\n", omittingEmptySubsequences: false).map {
                Array($0.unicodeScalars)
            })
        guard layout.plan(original, indent: 0) else {
            return .failure(
                Failure(
                    message:
                        "a layout `bylaw fmt` does not rewrite (a complex key, `- - x`, or an alias as a list item)"))
        }
        let output = layout.render()
        guard let again = try? YAMLLoader.load(bytes: Array(output.utf8), file: file, limits: .ruleSet),
            same(original, again)
        else { return .failure(Failure(message: "formatting would change what the file says; it is left alone")) }
        return .success(output)
    }

    /// Whether two trees hold the same structure, keys and scalars (text, style and type).
    static func same(_ a: YAMLNode, _ b: YAMLNode) -> Bool {
        switch (a.content, b.content) {
        case (.scalar(let x), .scalar(let y)):
            return x.text == y.text && x.coreType == y.coreType && (x.style == .plain) == (y.style == .plain)
        case (.sequence(let x), .sequence(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.mapping(let x), .mapping(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { same($0.key, $1.key) && same($0.value, $1.value) }
        default:
            return false
        }
    }
}

/// The lines of a file and how each moves.
private struct Layout {
    var lines: [[Unicode.Scalar]]
    /// For a line where a block entry starts: how far it moves (new indentation minus old).
    var delta: [Int: Int] = [:]
    /// For a line `-   item`: the column of the item, to be put one space after the dash.
    var item: [Int: Int] = [:]
    /// For a line `key:   value`: the columns of the colon and of the value, to be one space apart.
    var gap: [Int: (colon: Int, value: Int)] = [:]
    /// Lines inside a scalar written over several lines: blank lines there are content.
    var inside: Set<Int> = []
    /// Lines inside a block scalar (`|`, `>`): trailing white space there is content too.
    var block: Set<Int> = []

    /// Plans the move of every entry of `node`, a collection that should start at column `indent` (0-based).
    mutating func plan(_ node: YAMLNode, indent: Int) -> Bool {
        switch node.content {
        case .scalar(let s):
            let first = node.start.line - 1
            let last = node.end.line - 1 - (node.end.column == 1 ? 1 : 0)
            if last > first {
                for l in (first + 1)...last { inside.insert(l) }
                if s.style == .literal || s.style == .folded { for l in (first + 1)...last { block.insert(l) } }
            }
            return true
        case .mapping(let pairs):
            if isFlow(node) { return markFlow(node) }
            for pair in pairs {
                guard pair.key.scalar != nil, pair.key.start.line == pair.key.end.line else { return false }
                let line = pair.key.start.line - 1
                if delta[line] == nil { delta[line] = indent - (pair.key.start.column - 1) }
                let value = pair.value
                // An alias's value is a copy of the anchored node, with the anchored node's positions.
                if value.start.offset < pair.key.end.offset { continue }
                if value.start.line == pair.key.end.line, pair.key.end.line == pair.key.start.line {
                    let colon = pair.key.end.column - 1
                    let at = value.start.column - 1
                    if lines[line].indices.contains(colon), lines[line][colon] == ":", at > colon + 2,
                        lines[line][(colon + 1)..<at].allSatisfy({ $0 == " " })
                    {
                        gap[line] = (colon, at)
                    }
                }
                if value.sequence != nil || value.mapping != nil, !isFlow(value) {
                    guard value.start.line > pair.key.start.line || onlyProperties(value) else { return false }
                    guard plan(value, indent: indent + 2) else { return false }
                } else {
                    guard plan(value, indent: indent) else { return false }
                }
            }
            return true
        case .sequence(let items):
            if isFlow(node) { return markFlow(node) }
            var previous = node.start.offset
            for element in items {
                let line = element.start.line - 1
                // The dash before the item, with only spaces before it (an anchor or tag may start the node).
                var dash = element.start.column - 2
                while dash >= 0, lines.indices.contains(line), lines[line].indices.contains(dash),
                    lines[line][dash] == " "
                {
                    dash -= 1
                }
                guard element.start.offset >= previous, lines.indices.contains(line),
                    lines[line].indices.contains(dash),
                    dash >= 0, lines[line][dash] == "-", lines[line][..<dash].allSatisfy({ $0 == " " }),
                    element.sequence == nil || isFlow(element)
                else { return false }
                previous = element.end.offset
                delta[line] = indent - dash
                item[line] = element.start.column - 1
                if element.mapping != nil, !isFlow(element) {
                    guard plan(element, indent: indent + 2) else { return false }
                } else {
                    guard plan(element, indent: indent + 2) else { return false }
                }
            }
            return true
        }
    }

    /// Whether the node's first line holds only its anchor or tag (`vice_chairs: &id001`), its content below.
    func onlyProperties(_ node: YAMLNode) -> Bool {
        let line = node.start.line - 1
        guard lines.indices.contains(line) else { return false }
        let text = lines[line]
        var column = node.start.column - 1
        while text.indices.contains(column), text[column] == "&" || text[column] == "!" {
            while text.indices.contains(column), text[column] != " " { column += 1 }
            while text.indices.contains(column), text[column] == " " { column += 1 }
        }
        return column >= text.count && column > node.start.column - 1
    }

    /// Whether the node is written `{…}` or `[…]` (after any anchor or tag).
    func isFlow(_ node: YAMLNode) -> Bool {
        let line = node.start.line - 1
        var column = node.start.column - 1
        guard lines.indices.contains(line) else { return false }
        let text = lines[line]
        while text.indices.contains(column), text[column] == "&" || text[column] == "!" {
            while text.indices.contains(column), text[column] != " " { column += 1 }
            while text.indices.contains(column), text[column] == " " { column += 1 }
        }
        guard text.indices.contains(column) else { return false }
        return text[column] == "{" || text[column] == "["
    }

    /// A flow collection over several lines: its inner lines move with the line it starts on.
    mutating func markFlow(_ node: YAMLNode) -> Bool {
        let first = node.start.line - 1
        let last = node.end.line - 1
        if last > first { for l in (first + 1)...last { inside.insert(l) } }
        return true
    }

    func render() -> String {
        var out: [String] = []
        var current = 0
        for (i, raw) in lines.enumerated() {
            var line = raw
            if let g = gap[i] { line.removeSubrange((g.colon + 2)..<g.value) }
            let isBlock = block.contains(i)
            if !isBlock { while let last = line.last, last == " " || last == "\t" { line.removeLast() } }
            let spaces = line.prefix { $0 == " " }.count
            if let d = delta[i] {
                current = d
            } else if !inside.contains(i), line.dropFirst(spaces).first == "#" {
                // A comment line: indented like the next line with content.
                let target = nextIndent(after: i)
                out.append(String(repeating: " ", count: target) + String(String.UnicodeScalarView(line[spaces...])))
                continue
            } else if line.count == spaces, !inside.contains(i) {
                out.append("")
                continue
            }
            if let column = item[i] {
                let newDash = spaces + current
                let rest = line[column...]
                out.append(
                    String(repeating: " ", count: max(0, newDash)) + "- " + String(String.UnicodeScalarView(rest)))
                continue
            }
            let moved = max(0, spaces + current)
            out.append(String(repeating: " ", count: moved) + String(String.UnicodeScalarView(line[spaces...])))
        }
        // Blank lines: none at the start or the end, at most one in a row (except inside scalars).
        var kept: [String] = []
        for (i, l) in out.enumerated() {
            if l.isEmpty, !inside.contains(i), kept.last?.isEmpty ?? true { continue }
            kept.append(l)
        }
        while kept.last?.isEmpty == true { kept.removeLast() }
        return kept.joined(separator: "\n") + "\n"
    }

    /// The new indentation of the first line after `i` that has content and is not a comment; 0 at the end.
    func nextIndent(after i: Int) -> Int {
        var current = 0
        for j in 0..<lines.count {
            if let d = delta[j] { current = d }
            guard j > i else { continue }
            let line = lines[j]
            let spaces = line.prefix { $0 == " " }.count
            guard line.count > spaces, line[spaces] != "#" || inside.contains(j) else { continue }
            return max(0, spaces + current)
        }
        return 0
    }
}
