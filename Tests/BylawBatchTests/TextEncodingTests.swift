import BylawTestSupport
import BylawYAML
import Foundation
import Testing

@testable import Bylaw
@testable import BylawBatch

/// CSV in the encodings offices save it in: which encoding the first bytes say, decoding block by block, and
/// cells named as a spreadsheet names them.
@Suite struct TextEncodingTests {
    /// Every record of `bytes` read as CSV through the encoding detected (or `chosen`), as `cells|joined`.
    static func read(_ bytes: [UInt8], chosen: TextEncoding? = nil) throws -> [String] {
        let stream = ByteStream(bytes: bytes)
        let detected = TextEncoding.detect(stream, chosen: chosen)
        if let name = detected.iconvName {
            let transcoder = try #require(Transcoder(from: name, unit: detected.unit))
            var bom = 0
            if case .utf16(_, let length) = detected { bom = length }
            stream.decode(with: transcoder, skipping: bom)
        }
        let reader = CSVReader(stream: stream, file: "t.csv")
        var out: [String] = []
        while let r = reader.next() {
            switch r {
            case .record(let rec): out.append(rec.cells.map(\.text).joined(separator: "|"))
            case .problem(let d, _, _): out.append("!\(d.code)@\(reader.encodingProblemCell ?? -1)")
            }
        }
        return out
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let detected: TextEncoding.Detected
        var testDescription: String { name }
    }

    static let utf8Text = Array("资产名称,账面原值\r\n办公楼,650000.00\r\n".utf8)
    /// The same text in GB18030, written out byte by byte (资 D7CA 产 B2FA 名 C3FB 称 B3C6 …).
    static let gbkText: [UInt8] =
        [0xD7, 0xCA, 0xB2, 0xFA, 0xC3, 0xFB, 0xB3, 0xC6, 0x2C, 0xD5, 0xCB, 0xC3, 0xE6, 0xD4, 0xAD, 0xD6, 0xB5]
        + Array("\r\n".utf8) + [0xB0, 0xEC, 0xB9, 0xAB, 0xC2, 0xA5] + Array(",650000.00\r\n".utf8)

    static let cases: [Case] = [
        Case(name: "ASCII is UTF-8", bytes: Array("a,b\n".utf8), detected: .utf8),
        Case(name: "UTF-8 without a byte-order mark", bytes: utf8Text, detected: .utf8),
        Case(name: "UTF-8 with a byte-order mark", bytes: [0xEF, 0xBB, 0xBF] + utf8Text, detected: .utf8),
        Case(name: "GBK bytes", bytes: gbkText, detected: .gb18030),
        Case(
            name: "UTF-16 LE with its mark", bytes: [0xFF, 0xFE, 0x61, 0x00],
            detected: .utf16(littleEndian: true, bomLength: 2)),
        Case(
            name: "UTF-16 BE with its mark", bytes: [0xFE, 0xFF, 0x00, 0x61],
            detected: .utf16(littleEndian: false, bomLength: 2)),
        Case(
            name: "UTF-8 with one stray GBK cell stays UTF-8",
            bytes: Array(String(repeating: "办公楼,650000.00\n", count: 30).utf8) + [0xD5, 0xCB, 0x0A],
            detected: .utf8),
    ]

    @Test(arguments: cases) func detects(_ c: Case) {
        #expect(TextEncoding.detect(ByteStream(bytes: c.bytes), chosen: nil) == c.detected)
    }

    @Test func gbkIsDecodedToTheSameRecordsAsUTF8() throws {
        let expected = ["资产名称|账面原值", "办公楼|650000.00"]
        #expect(try Self.read(Self.utf8Text) == expected)
        #expect(try Self.read(Self.gbkText) == expected)
        let utf16 = "资产名称,账面原值\r\n办公楼,650000.00\r\n".utf16
        #expect(try Self.read([0xFF, 0xFE] + utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) == expected)
        #expect(try Self.read([0xFE, 0xFF] + utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }) == expected)
    }

    @Test func anUndecodableByteIsAProblemAtItsCell() throws {
        // A lead byte followed by a space is no GB18030 character; 0xFF starts none.
        let bytes = Self.gbkText + Array("x,".utf8) + [0xD7, 0x20, 0xFF] + Array("\r\n".utf8)
        let got = try Self.read(bytes)
        #expect(got == ["资产名称|账面原值", "办公楼|650000.00", "!csv.encoding@1"], "\(got)")
    }

    @Test func encodingNamedOnTheCommandLineWins() throws {
        // GBK read as UTF-8: the header's first cell is the first bad one.
        #expect(try Self.read(Self.gbkText, chosen: .utf8).first == "!csv.encoding@0")
        #expect(TextEncoding(name: "GBK") == .gb18030)
        #expect(TextEncoding(name: "utf8") == .utf8)
        #expect(TextEncoding(name: "latin1") == nil)
    }

    /// A character split across two 256 KiB blocks of a file is decoded whole.
    @Test func aCharacterSplitAcrossBlocksIsDecodedWhole() throws {
        let path = Scratch.root.appendingPathComponent("split-\(UUID().uuidString).csv").path
        // A 3-byte header line, then 办 (B0 EC) repeated: the pairs start at odd offsets, so one straddles the
        // block boundary at 2^18.
        var bytes = Array("ab\n".utf8)
        while bytes.count < (1 << 18) + 1000 { bytes += [0xB0, 0xEC] }
        bytes += [0x0A]
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let fd = open(path, O_RDONLY)
        #expect(fd >= 0)
        let stream = ByteStream(fileDescriptor: fd, closes: true)
        let transcoder = try #require(Transcoder(from: "GB18030", unit: 1))
        stream.decode(with: transcoder, skipping: 0)
        let reader = CSVReader(stream: stream, file: "t.csv")
        var cells: [String] = []
        while let r = reader.next() {
            if case .record(let rec) = r { cells.append(rec.cells[0].text) }
        }
        #expect(cells.count == 2)
        let body = try #require(cells.last)
        #expect(body.unicodeScalars.count == (bytes.count - 4) / 2)
        #expect(body.unicodeScalars.allSatisfy { $0 == "办" })
    }

    struct Name: CustomTestStringConvertible, Sendable {
        let column: Int
        let row: Int
        let name: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        Name(column: 1, row: 1, name: "A1"), Name(column: 4, row: 7, name: "D7"), Name(column: 26, row: 2, name: "Z2"),
        Name(column: 27, row: 3, name: "AA3"), Name(column: 52, row: 1, name: "AZ1"),
        Name(column: 16_384, row: 1_048_576, name: "XFD1048576"),
    ])
    func cellNames(_ n: Name) {
        #expect(SpreadsheetName.cell(column: n.column, row: n.row) == n.name)
        #expect(SpreadsheetName.parse(Array(n.name.utf8)).map { "\($0.column):\($0.row)" } == "\(n.column):\(n.row)")
    }

    @Test func referencesOutsideASheetAreNotCells() {
        #expect(SpreadsheetName.parse(Array("XFE1".utf8)) == nil)
        #expect(SpreadsheetName.parse(Array("A1048577".utf8)) == nil)
        #expect(SpreadsheetName.parse(Array("A0".utf8)) == nil)
        #expect(SpreadsheetName.parse(Array("1A".utf8)) == nil)
    }
}
