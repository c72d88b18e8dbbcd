import Bylaw
import BylawTestSupport
import BylawYAML
import Foundation
import Testing

@testable import BylawBatch

/// The CSV reader on RFC 4180's edge cases, and the header layout that turns rows into decisions.
@Suite struct CSVReaderTests {
    /// Every record of `text` as `line:cells` (cells joined by `|`) or `line:!code@line:column` for a problem.
    static func read(_ bytes: [UInt8]) -> [String] {
        let reader = CSVReader(stream: ByteStream(bytes: bytes), file: "t.csv")
        var out: [String] = []
        while let r = reader.next() {
            switch r {
            case .record(let rec): out.append("\(rec.line):" + rec.cells.map(\.text).joined(separator: "|"))
            case .problem(let d, let line, _):
                out.append("\(line):!\(d.code)@\(d.location?.line ?? 0):\(d.location?.column ?? 0)")
            }
        }
        return out
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let records: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "plain LF", text: "a,b\n1,2\n", records: ["1:a|b", "2:1|2"]),
        Case(name: "CRLF", text: "a,b\r\n1,2\r\n", records: ["1:a|b", "2:1|2"]),
        Case(name: "no final newline", text: "a,b\n1,2", records: ["1:a|b", "2:1|2"]),
        Case(name: "final CR only", text: "a,b\r", records: ["1:a|b"]),
        Case(name: "quoted comma", text: "\"a,b\",c\n", records: ["1:a,b|c"]),
        Case(name: "doubled quotes", text: "\"say \"\"hi\"\"\",x\n", records: ["1:say \"hi\"|x"]),
        Case(name: "empty quoted cell", text: "\"\",x\n", records: ["1:|x"]),
        Case(name: "newline in quotes", text: "\"l1\nl2\",x\ny,z\n", records: ["1:l1\nl2|x", "3:y|z"]),
        Case(name: "CRLF in quotes becomes LF", text: "\"l1\r\nl2\",x\r\ny,z\r\n", records: ["1:l1\nl2|x", "3:y|z"]),
        Case(name: "empty cells", text: ",,\n", records: ["1:||"]),
        Case(name: "empty lines skipped", text: "a\n\n\nb\n", records: ["1:a", "4:b"]),
        Case(name: "quote inside an unquoted cell is text", text: "5\" pipe,x\n", records: ["1:5\" pipe|x"]),
        Case(
            name: "Chinese text", text: "账面原值,资产名称\n650000.00,\"办公楼,一层\"\n",
            records: ["1:账面原值|资产名称", "2:650000.00|办公楼,一层"]),
        Case(
            name: "text after a closing quote", text: "\"ab\"c,d\nx,y\n",
            records: ["1:!csv.text-after-quote@1:5", "2:x|y"]),
        Case(
            name: "unterminated quote ends the file", text: "a,b\n1,\"open\n2,3\n",
            records: ["1:a|b", "2:!csv.unterminated-quote@2:3"]),
        Case(name: "CR only (old Mac)", text: "a,b\r1,2\r", records: ["1:a|b", "2:1|2"]),
        Case(name: "CR only, no final line end", text: "a,b\r1,2", records: ["1:a|b", "2:1|2"]),
        Case(name: "CR, LF and CRLF mixed", text: "a\rb\nc\r\nd\r", records: ["1:a", "2:b", "3:c", "4:d"]),
        Case(name: "empty CR lines skipped", text: "a\r\r\rb\r", records: ["1:a", "4:b"]),
        Case(name: "CR inside quotes stays", text: "\"l1\rl2\",x\ry,z\r", records: ["1:l1\rl2|x", "3:y|z"]),
        Case(
            name: "positions after CR line ends", text: "a\r\"p\rq\",b\r\"x\"y,z\r",
            records: ["1:a", "2:p\rq|b", "4:!csv.text-after-quote@4:4"]),
        Case(name: "column counts Unicode scalars", text: "甲乙,\"x\"y\n", records: ["1:!csv.text-after-quote@1:7"]),
        Case(
            // One stray quote takes in every line up to the next quote: the problem is placed at the stray quote,
            // not at the far quote after which text happens to follow, and reading goes on after it.
            name: "a stray quote over lines", text: "a,b\n1,\"urgent\n2,3\n4,\"x\",5\n6,7\n",
            records: ["1:a|b", "2:!csv.stray-quote@2:3", "5:6|7"]),
    ]

    /// The stray quote's message names the lines it took in, so none is lost without a word.
    @Test func aStrayQuoteNamesTheLinesItTookIn() {
        let reader = CSVReader(stream: ByteStream(bytes: Array("a\n\"x\ny\nz\"q\nlast\n".utf8)), file: "t.csv")
        _ = reader.next()
        guard case .problem(let d, _, _)? = reader.next() else {
            Issue.record("no problem")
            return
        }
        #expect(d.code == "csv.stray-quote")
        #expect(d.message.contains("lines `2`–`4`"), "\(d.message)")
        guard case .record(let r)? = reader.next() else {
            Issue.record("reading stopped")
            return
        }
        #expect(r.cells.map(\.text) == ["last"])
    }

    @Test(arguments: cases) func reads(_ c: Case) {
        #expect(Self.read(Array(c.text.utf8)) == c.records)
    }

    @Test func byteOrderMarkIsSkipped() {
        #expect(Self.read([0xEF, 0xBB, 0xBF] + Array("a,b\n1,2\n".utf8)) == ["1:a|b", "2:1|2"])
    }

    @Test func invalidUTF8IsAProblemAndReadingGoesOn() {
        #expect(
            Self.read(Array("a,b\n1,".utf8) + [0xFF] + Array("\nc,d\n".utf8)) == [
                "1:a|b", "2:!csv.encoding@2:3", "3:c|d",
            ])
    }

    @Test func cellPositions() {
        let reader = CSVReader(stream: ByteStream(bytes: Array("x\n\"多\nline\",甲,\"q\"\n".utf8)), file: "t.csv")
        _ = reader.next()
        guard case .record(let r)? = reader.next() else {
            Issue.record("no record")
            return
        }
        #expect(r.cells.map { "\($0.line):\($0.column)" } == ["2:1", "3:7", "3:9"])
        #expect(r.raw == Array("\"多\nline\",甲,\"q\"".utf8))
    }

    /// A quoted cell with a line break that straddles the reader's 256 KiB block boundary, read from a file.
    @Test func recordsAcrossBlockBoundaries() throws {
        var text = "a,b\n"
        while text.utf8.count < (1 << 18) - 3 { text += "xxxxxxx,yyyyyyy\n" }
        text = String(text.prefix((1 << 18) - 3)) + "\n\"p\r\nq\",\"r,s\"\r\nlast,row\n"
        let path = Scratch.root.appendingPathComponent("csv-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let fd = open(path, O_RDONLY)
        #expect(fd >= 0)
        let reader = CSVReader(stream: ByteStream(fileDescriptor: fd, closes: true), file: path)
        var records: [String] = []
        while case .record(let r)? = reader.next() { records.append(r.cells.map(\.text).joined(separator: "|")) }
        #expect(records.suffix(2) == ["p\nq|r,s", "last|row"])
        #expect(records.dropFirst().dropLast(2).allSatisfy { $0 == "xxxxxxx|yyyyyyy" || $0.hasPrefix("x") })
    }

    // MARK: layout

    static func layout(_ header: String, mapping: CSVMapping? = nil) -> Result<CSVLayout, LoadFailure> {
        let reader = CSVReader(stream: ByteStream(bytes: Array((header + "\n").utf8)), file: "t.csv")
        guard case .record(let h)? = reader.next() else { return .failure(LoadFailure(diagnostics: [])) }
        return CSVLayout.make(header: h, mapping: mapping, file: "t.csv")
    }

    @Test(arguments: [
        ("asset.name,asset", "csv.path-conflict"),
        ("asset,asset.name", "csv.path-conflict"),
        ("a.0.b,a.x", "csv.path-conflict"),
        ("a.b,a.b", "csv.duplicate-column"),
        ("a,,b", "csv.bad-header"),
        ("账面原值", "csv.bad-header"),
        ("a.01", "csv.bad-header"),
    ])
    func badHeaders(header: String, code: String) {
        guard case .failure(let f) = Self.layout(header) else {
            Issue.record("`\(header)` was accepted")
            return
        }
        #expect(f.diagnostics.map(\.code) == [code])
    }

    /// A row as the tree the checker gets, in a compact YAML-like form.
    static func tree(_ header: String, _ row: String, mapping: CSVMapping? = nil) throws -> String {
        let layout = try Self.layout(header, mapping: mapping).get()
        let reader = CSVReader(stream: ByteStream(bytes: Array((row + "\n").utf8)), file: "t.csv")
        guard case .record(let r)? = reader.next() else { return "?" }
        return show(try layout.node(r, number: 1, file: "t.csv"))
    }

    /// A JSON cell over a JSON limit is an error at the cell naming the row, the column and the limit, not text;
    /// JSON that is merely broken stays text.
    @Test(arguments: [
        (
            String(repeating: "[", count: 65) + String(repeating: "]", count: 65), "json.limit.depth",
            "collections are nested deeper than the limit of 64"
        ),
        (
            "\"{\"\"" + String(repeating: "k", count: 1025) + "\"\": 1}\"", "json.limit.key-length",
            "the member name is longer than the limit of 1024 bytes"
        ),
    ])
    func jsonCellOverALimit(cell: String, code: String, limit: String) throws {
        let layout = try Self.layout("id,list").get()
        let reader = CSVReader(stream: ByteStream(bytes: Array(("a,b\nx,y\nR-3," + cell + "\n").utf8)), file: "t.csv")
        _ = reader.next()
        _ = reader.next()
        guard case .record(let r)? = reader.next() else {
            Issue.record("no record")
            return
        }
        do {
            _ = try layout.node(r, number: 2, file: "t.csv")
            Issue.record("the cell was accepted")
        } catch {
            #expect(error.diagnostics.map(\.code) == [code])
            #expect(error.diagnostics.first?.message == "the JSON in row 2, column 2 is over a limit: " + limit)
            #expect(error.diagnostics.first.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" } == "3:5")
        }
        #expect(try Self.tree("id,list", "R-3,\"[1, 2\"") == "{id: R-3, list: [1, 2}", "broken JSON stays text")
    }

    static func show(_ n: YAMLNode) -> String {
        switch n.content {
        case .scalar(let s): return s.text
        case .sequence(let items): return "[" + items.map(show).joined(separator: ", ") + "]"
        case .mapping(let pairs):
            return "{" + pairs.map { "\($0.key.scalar?.text ?? "?"): \(show($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    @Test func rowsBecomeTrees() throws {
        #expect(try Self.tree("id,asset.name,asset.book_value", "0012,车,") == "{id: 0012, asset: {name: 车}}")
        #expect(
            try Self.tree("a.1.x,a.0.x,a.0.y,a.2.x", "1x,0x,0y,") == "{a: [{x: 0x, y: 0y}, {x: 1x}]}",
            "items in index order; an all-empty item is skipped")
        #expect(try Self.tree("a.0.x,a.1.x", ",") == "{}")
        #expect(
            try Self.tree("list,obj,text", "\"[\"\"a\"\", 1]\",\"{\"\"k\"\": true}\",[2023]第5号")
                == "{list: [a, 1], obj: {k: true}, text: [2023]第5号}",
            "JSON cells become structure; text that is not JSON stays text")
        var columns: [String: FieldPath?] = [:]
        columns["账面原值"] = FieldPath("asset.book_value")
        columns["备注"] = .some(nil)
        let mapping = CSVMapping(columns: columns)
        #expect(try Self.tree("账面原值,备注,id", "1.00,随便,x", mapping: mapping) == "{asset: {book_value: 1.00}, id: x}")
    }

    @Test func fieldPaths() {
        #expect(FieldPath("approvals.0.body")?.segments == [.field("approvals"), .index(0), .field("body")])
        #expect(FieldPath("a_b.c9")?.description == "a_b.c9")
        for bad in ["", ".a", "a.", "a..b", "0.a", "a.01", "a b", "资产"] { #expect(FieldPath(bad) == nil, "\(bad)") }
    }
}
