/// Where a reader is in UTF-8 text: a 1-based line, and a 1-based column counted in Unicode scalars (so `甲`
/// is one column, as an editor shows it). The one place the batch readers (CSV, JSON arrays, JSON values)
/// count lines and columns.
package struct TextPosition: Sendable, Equatable {
    package var line: Int
    package var column: Int

    package init(line: Int = 1, column: Int = 1) {
        self.line = line
        self.column = column
    }

    /// Moves past byte `c`: a line feed starts the next line; a UTF-8 continuation byte adds no column. A
    /// carriage return is one column (JSON: whitespace inside a line).
    @inline(__always)
    package mutating func advance(past c: UInt8) {
        if c == 0x0A {
            newLine()
        } else if c & 0xC0 != 0x80 {
            column += 1
        }
    }

    /// Moves past byte `c` where every line end counts (CSV): LF, CRLF (the CR adds a column, the LF ends the
    /// line), or a lone CR, one not followed by LF. `next` is the byte after `c`, nil at the end of the input.
    @inline(__always)
    package mutating func advance(past c: UInt8, next: UInt8?) {
        if c == 0x0D, next != 0x0A {
            newLine()
        } else {
            advance(past: c)
        }
    }

    /// Starts the next line.
    @inline(__always)
    package mutating func newLine() {
        line += 1
        column = 1
    }
}
