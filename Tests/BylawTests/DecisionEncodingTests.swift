import Bylaw
import BylawYAML
import Testing

/// Decision files as Chinese offices' editors save them: UTF-16 with its byte order mark and GB18030/GBK are
/// read as the text they hold; UTF-8 is left as it is; bytes that are none of these are left for the reader to
/// refuse at the first bad byte.
@Suite struct DecisionEncodingTests {
    static let text = "kind: asset_disposal\nid: 处置-1\n"

    @Test func utf16AndGBKAreReadAsTheirText() throws {
        let utf8 = Array(Self.text.utf8)
        #expect(DecisionFile.utf8(utf8) == utf8)
        let le: [UInt8] =
            [0xFF, 0xFE] + Self.text.utf16.flatMap { (u: UInt16) -> [UInt8] in [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let be: [UInt8] =
            [0xFE, 0xFF] + Self.text.utf16.flatMap { (u: UInt16) -> [UInt8] in [UInt8(u >> 8), UInt8(u & 0xFF)] }
        #expect(DecisionFile.utf8(le) == utf8)
        #expect(DecisionFile.utf8(be) == utf8)
        // `id: 处置-1` in GBK (处 B4A6, 置 D6C3).
        let gbk: [UInt8] =
            Array("kind: asset_disposal\n".utf8) + [0x69, 0x64, 0x3A, 0x20, 0xB4, 0xA6, 0xD6, 0xC3, 0x2D, 0x31, 0x0A]
        #expect(DecisionFile.utf8(gbk) == utf8)
        let node = try DecisionFile.parse(bytes: gbk, name: "gbk.yaml", json: false)
        #expect(node["id"]?.scalar?.text == "处置-1")
        // A UTF-8 byte order mark stays for the reader, which accepts it at the start.
        #expect(DecisionFile.utf8([0xEF, 0xBB, 0xBF] + utf8) == [0xEF, 0xBB, 0xBF] + utf8)
    }

    /// Windows Notepad saves UTF-8 with a byte order mark; a JSON decision saved so reads as one without.
    @Test func aJSONDecisionWithAByteOrderMarkIsRead() throws {
        let json = Array(#"{"kind": "asset_disposal", "id": "处置-1"}"#.utf8)
        let node = try DecisionFile.parse(bytes: [0xEF, 0xBB, 0xBF] + json, name: "bom.json", json: true)
        #expect(node["id"]?.scalar?.text == "处置-1")
        #expect(node["kind"]?.start.column == 10, "the mark takes no column")
        // Only at the start: a mark inside is not JSON.
        #expect(throws: YAMLLoadError.self) {
            try DecisionFile.parse(
                bytes: Array("[".utf8) + [0xEF, 0xBB, 0xBF] + Array("1]".utf8), name: "x.json", json: true)
        }
    }

    /// UTF-8 with one stray byte is UTF-8 gone wrong: read as GB18030 its Chinese would turn into other
    /// characters (`财务部` into `殍储鍔…`) and be judged; it is left for the reader to refuse at the bad byte.
    @Test func utf8WithAStrayByteIsNotReadAsGBK() throws {
        let stray: [UInt8] = Array("unit: ".utf8) + [0xE9] + Array("财务部\nreason: 违反规定\n".utf8)
        #expect(DecisionFile.utf8(stray) == stray)
        do {
            _ = try DecisionFile.parse(bytes: stray, name: "stray.yaml", json: false)
            Issue.record("a stray byte was accepted")
        } catch {
            #expect(error.diagnostics.first?.code == "yaml.encoding")
            #expect(error.diagnostics.first?.location?.line == 1)
        }
    }

    @Test func bytesOfNoEncodingAreLeftForTheReaderToRefuse() {
        // 0xFF is never a GB18030 lead byte: the bytes are kept, and the reader names the first bad one.
        let bad = Array("a: 1\nb: ".utf8) + [0xFF, 0xFF] + Array("\n".utf8)
        #expect(DecisionFile.utf8(bad) == bad)
        #expect(throws: YAMLLoadError.self) { try DecisionFile.parse(bytes: bad, name: "bad.yaml", json: false) }
        do {
            _ = try DecisionFile.parse(bytes: bad, name: "bad.yaml", json: false)
        } catch {
            #expect(error.diagnostics.first?.code == "yaml.encoding")
            #expect(error.diagnostics.first?.location?.line == 2)
        }
    }
}
