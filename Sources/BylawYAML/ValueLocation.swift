public import BylawDiagnostics

extension YAMLScalar {
    /// The file position of the Unicode scalar at `offset` in `text`, to point inside a value
    /// (a CEL expression written in a YAML scalar, say).
    ///
    /// Exact for plain, single-quoted and literal (`|`) scalars and for double-quoted scalars
    /// without escapes; best effort for escapes and folded (`>`) scalars. An offset at or past the
    /// end maps just past the last character.
    public func location(ofValueOffset offset: Int) -> SourceLocation {
        var map: [ValueMap.Position]?
        return ValueMap.location(of: offset, in: self, map: &map)
    }
}

extension YAMLNode {
    /// For a scalar, the position of a value offset (see `YAMLScalar.location(ofValueOffset:)`);
    /// for a collection, its start.
    public func location(ofValueOffset offset: Int) -> SourceLocation {
        scalar?.location(ofValueOffset: offset) ?? location
    }
}

/// `YAMLNode.location(ofValueOffset:)` for many offsets in one value (the placeholders of a message): the value's
/// map of positions is rebuilt from its raw source once, on the first offset that needs it, not once per offset.
public final class ValueLocator {
    private let node: YAMLNode
    private var map: [ValueMap.Position]?

    public init(_ node: YAMLNode) { self.node = node }

    public func location(ofValueOffset offset: Int) -> SourceLocation {
        guard let scalar = node.scalar else { return node.location }
        return ValueMap.location(of: offset, in: scalar, map: &map)
    }
}

/// Rebuilds where each Unicode scalar of a value came from by replaying the scalar's raw source.
enum ValueMap {
    struct Position: Sendable {
        var line: Int
        var column: Int
    }

    /// A raw source line: its characters and the position of each.
    private struct Line {
        var chars: [Unicode.Scalar] = []
        var columns: [Int] = []
        var number: Int
        var firstColumn: Int
    }

    /// The location of `offset` in `scalar`'s value, building the value's `map` of positions into the caller's
    /// keeping when it is needed and not yet built.
    static func location(of offset: Int, in scalar: YAMLScalar, map: inout [Position]?) -> SourceLocation {
        let start = Position(line: scalar.source.start.line, column: scalar.source.start.column)
        let at: Position
        if scalar.source.raw == nil || offset < 0 {
            at = Position(line: start.line, column: start.column + max(0, offset))
        } else if offset == 0, scalar.style == .plain {
            // A plain scalar's first character is where the scalar starts: no map needed for a whole expression.
            at = start
        } else {
            if map == nil { map = Self.map(of: scalar) }
            at = position(of: offset, in: map ?? [], start: start)
        }
        return SourceLocation(file: scalar.source.file, line: at.line, column: at.column)
    }

    /// The position of `offset` in a value whose positions are `map`; past the end, just past the last one.
    static func position(of offset: Int, in map: [Position], start: Position) -> Position {
        if offset < map.count { return map[offset] }
        guard let last = map.last else { return start }
        return Position(line: last.line, column: last.column + 1)
    }

    /// The position of every Unicode scalar of the value, replayed from its raw source (empty without one).
    static func map(of scalar: YAMLScalar) -> [Position] {
        guard let raw = scalar.source.raw else { return [] }
        let lines = split(raw, from: Position(line: scalar.source.start.line, column: scalar.source.start.column))
        switch scalar.style {
        case .plain: return flow(lines, quote: nil)
        case .singleQuoted: return flow(lines, quote: "'")
        case .doubleQuoted: return flow(lines, quote: "\"")
        case .literal: return literal(lines, value: scalar.text)
        case .folded: return folded(lines, value: scalar.text)
        }
    }

    /// Splits raw text into lines (LF, CRLF or CR), each character with its column.
    private static func split(_ raw: String, from start: Position) -> [Line] {
        var lines = [Line(number: start.line, firstColumn: start.column)]
        var column = start.column
        var previousCR = false
        for c in raw.unicodeScalars {
            if c == "\n" && previousCR {
                previousCR = false
                continue
            }
            previousCR = c == "\r"
            if c == "\n" || c == "\r" {
                lines.append(Line(number: lines.count + start.line, firstColumn: 1))
                column = 1
                continue
            }
            lines[lines.count - 1].chars.append(c)
            lines[lines.count - 1].columns.append(column)
            column += 1
        }
        return lines
    }

    private static func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" }

    /// Plain and quoted scalars: line folding, `''` in single quotes, escapes in double quotes.
    private static func flow(_ input: [Line], quote: Unicode.Scalar?) -> [Position] {
        var lines = input
        if quote != nil, !lines.isEmpty {  // drop the quotes themselves
            lines[0].chars.removeFirst(min(1, lines[0].chars.count))
            lines[0].columns.removeFirst(min(1, lines[0].columns.count))
            let last = lines.count - 1
            if lines[last].chars.last == quote {
                lines[last].chars.removeLast()
                lines[last].columns.removeLast()
            }
        }
        var out: [Position] = []
        var blanks: [Position] = []
        var escapedBreak = false
        var previousEnd = Position(line: lines.first?.number ?? 1, column: lines.first?.firstColumn ?? 1)
        for (i, line) in lines.enumerated() {
            var lo = 0
            var hi = line.chars.count
            if i > 0 { while lo < hi, isBlank(line.chars[lo]) { lo += 1 } }
            let endsEscaped = quote == "\"" && endsWithEscape(line.chars[lo..<hi])
            if i < lines.count - 1, !endsEscaped { while hi > lo, isBlank(line.chars[hi - 1]) { hi -= 1 } }
            if i > 0 {
                if lo == hi, i < lines.count - 1 {
                    blanks.append(Position(line: line.number, column: 1))
                    continue
                }
                if !escapedBreak {
                    out += blanks.isEmpty ? [previousEnd] : blanks
                }
                blanks = []
            }
            var j = lo
            while j < (endsEscaped ? hi - 1 : hi) {
                let here = Position(line: line.number, column: line.columns[j])
                out.append(here)
                j += step(line.chars, at: j, quote: quote)
            }
            escapedBreak = endsEscaped
            previousEnd = Position(line: line.number, column: (line.columns.last ?? line.firstColumn - 1) + 1)
        }
        return out
    }

    /// True when the text ends with an odd number of backslashes (an escaped line break).
    private static func endsWithEscape(_ chars: ArraySlice<Unicode.Scalar>) -> Bool {
        var n = 0
        var i = chars.endIndex
        while i > chars.startIndex, chars[i - 1] == "\\" {
            n += 1
            i -= 1
        }
        return n % 2 == 1
    }

    /// How many source characters make the value character at `j`.
    private static func step(_ chars: [Unicode.Scalar], at j: Int, quote: Unicode.Scalar?) -> Int {
        if quote == "'", chars[j] == "'", j + 1 < chars.count, chars[j + 1] == "'" { return 2 }
        guard quote == "\"", chars[j] == "\\", j + 1 < chars.count else { return 1 }
        switch chars[j + 1] {
        case "x": return 4
        case "u": return 6
        case "U": return 10
        default: return 2
        }
    }

    /// Literal scalars: value line k is source line k + 1 after the header, at the block indentation.
    private static func literal(_ lines: [Line], value: String) -> [Position] {
        let valueLines = value.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = blockIndent(lines, valueLines: valueLines)
        var out: [Position] = []
        let headerLine = lines.first?.number ?? 1
        for (k, text) in valueLines.enumerated() {
            for j in 0..<text.unicodeScalars.count {
                out.append(Position(line: headerLine + 1 + k, column: indent + j + 1))
            }
            if k < valueLines.count - 1 {
                out.append(Position(line: headerLine + 1 + k, column: indent + text.unicodeScalars.count + 1))
            }
        }
        return out
    }

    /// The indentation of a block scalar's content, from its first non-empty line.
    private static func blockIndent(_ lines: [Line], valueLines: [Substring]) -> Int {
        for (k, text) in valueLines.enumerated() where !text.isEmpty {
            guard k + 1 < lines.count else { break }
            return max(0, lines[k + 1].chars.count - text.unicodeScalars.count)
        }
        for line in lines.dropFirst() {
            if let first = line.chars.firstIndex(where: { !isBlank($0) }) { return first }
        }
        return 0
    }

    /// Folded scalars, best effort: value characters are matched to the content lines in order.
    private static func folded(_ input: [Line], value: String) -> [Position] {
        let lines = Array(input.dropFirst())
        let indent = lines.lazy.compactMap { $0.chars.firstIndex(where: { !isBlank($0) }) }.first ?? 0
        var out: [Position] = []
        var li = 0
        var ci = indent
        for v in value.unicodeScalars {
            while li < lines.count {
                let line = lines[li]
                if ci < line.chars.count {
                    out.append(Position(line: line.number, column: ci + 1))
                    ci += 1
                    break
                }
                if v == " " || v == "\n" {
                    out.append(Position(line: line.number, column: ci + 1))
                    li += 1
                    ci = indent
                    break
                }
                li += 1
                ci = indent
            }
        }
        return out
    }
}
