import BylawDiagnostics
import Testing

/// `JSONText.quote` tests eight bytes at a time; these tests hold it to the byte-by-byte definition at every
/// position of a word and for every ASCII character, next to multi-byte text.
@Suite struct JSONTextTests {
    /// The definition, one scalar at a time.
    static func reference(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x08: out += "\\b"
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0C: out += "\\f"
            case 0x0D: out += "\\r"
            case 0..<0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    @Test func everyASCIICharacterAtEveryPositionOfAWord() {
        for code in 0..<0x80 {
            let c = String(UnicodeScalar(UInt8(code)))
            for length in 0..<19 {
                for position in 0...length {
                    let s =
                        String(repeating: "a", count: position) + c + String(repeating: "b", count: length - position)
                    #expect(JSONText.quote(s) == Self.reference(s), "code \(code) at \(position) of \(length)")
                }
            }
        }
    }

    @Test(arguments: [
        "", "公示期仅 3 个工作日", "😀\"\u{1}\u{7F}é\u{2028}\\", "保定市职工疗休养中心3号楼\n第二行", String(repeating: "账", count: 40),
        "\u{1F}\u{20}\u{21}\u{5B}\u{5D}\u{22}", "tab\tend", "¥\u{A0}\u{FF}\u{100}",
    ])
    func mixedText(_ s: String) {
        #expect(JSONText.quote(s) == Self.reference(s))
    }
}
