import BylawTestSupport
import Foundation
import Testing

@testable import BylawBatch

/// The reader takes a run of plain bytes whole rather than byte by byte. Random well-formed files, written from
/// known cells, are read back: every cell's text and its line and column must be what was written, through the
/// 256 KiB block boundary of a file read from disk too.
@Suite struct CSVReaderRunTests {
    /// What a written file should read as: each record's cells, with where each starts.
    struct Written {
        var bytes: [UInt8] = []
        var records: [[(text: String, line: Int, column: Int)]] = []
    }

    /// Writes `count` random records. A cell is quoted when it must be (a comma, quote or line break in it) and
    /// sometimes when it need not be; quotes inside are doubled; records end in LF or CRLF.
    static func write(count: Int, seed: UInt64) -> Written {
        var rng = SplitMix(seed: seed)
        let pieces = ["a", "Z9", "中", "资产", "é", " ", "\u{3000}", ",", "\"", "\n", "\r\n", "x\"y", "￥1,234.50"]
        var out = Written()
        var line = 1
        var column = 1
        func emit(_ s: String) {
            let u = Array(s.utf8)
            for (k, c) in u.enumerated() {
                if c == 0x0A {
                    line += 1
                    column = 1
                } else if c == 0x0D, k + 1 < u.count, u[k + 1] == 0x0A {
                    column += 1
                } else if c & 0xC0 != 0x80 {
                    column += 1
                }
            }
            out.bytes += u
        }
        for _ in 0..<count {
            var record: [(text: String, line: Int, column: Int)] = []
            let cells = 1 + rng.int(6)
            for k in 0..<cells {
                if k > 0 { emit(",") }
                var text = ""
                for _ in 0..<rng.int(6) { text += rng.pick(pieces) }
                let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r\n" }
                // A cell that starts with a quote is read as quoted: such a cell is always written quoted.
                let quoted = needsQuotes || text.hasPrefix("\"") || rng.int(2) == 0
                // An empty record (one empty cell) is skipped by the reader: give it text.
                if cells == 1, text.isEmpty { text = "a" }
                record.append((text.replacingOccurrences(of: "\r\n", with: "\n"), line, column))
                emit(quoted ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text)
            }
            out.records.append(record)
            emit(rng.int(2) == 0 ? "\n" : "\r\n")
        }
        return out
    }

    static func check(_ reader: CSVReader, against written: Written) {
        var n = 0
        while let result = reader.next() {
            guard case .record(let r) = result else {
                Issue.record("record \(n + 1) was a problem: \(result)")
                return
            }
            guard n < written.records.count else {
                Issue.record("more records read than written")
                return
            }
            let expected = written.records[n]
            #expect(r.cells.map(\.text) == expected.map(\.text), "record \(n + 1)")
            #expect(r.cells.map(\.line) == expected.map(\.line), "record \(n + 1)")
            #expect(r.cells.map(\.column) == expected.map(\.column), "record \(n + 1)")
            n += 1
        }
        #expect(n == written.records.count)
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64]) func cellsAndPlacesAsWritten(seed: UInt64) {
        let written = Self.write(count: 400, seed: seed)
        Self.check(CSVReader(stream: ByteStream(bytes: written.bytes), file: "t.csv"), against: written)
    }

    @Test func cellsAndPlacesAcrossBlocks() throws {
        let written = Self.write(count: 12_000, seed: 99)
        #expect(written.bytes.count > 1 << 18)
        let path = Scratch.root.appendingPathComponent("csv-runs-\(UUID().uuidString).csv").path
        try Data(written.bytes).write(to: URL(fileURLWithPath: path))
        let fd = open(path, O_RDONLY)
        try #require(fd >= 0)
        Self.check(CSVReader(stream: ByteStream(fileDescriptor: fd, closes: true), file: path), against: written)
    }
}
