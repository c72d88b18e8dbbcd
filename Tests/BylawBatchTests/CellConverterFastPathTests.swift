import BylawTestSupport
import Testing

@testable import BylawBatch

/// The converter's byte-level shortcuts against their definitions, on random texts built from the characters
/// where a shortcut could go wrong: every space it trims, and characters whose UTF-8 starts or ends with the
/// same bytes as one (`〇` starts E3 like U+3000; `耀` ends 80 like it).
@Suite struct CellConverterFastPathTests {
    static let spaces: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r", "\u{3000}", "\u{A0}", "\u{FEFF}", "\u{200B}"]

    /// Trimming by its definition: the scalars in `spaces` taken off both ends.
    static func trimmedByDefinition(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        while let first = scalars.first, spaces.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, spaces.contains(last) { scalars.removeLast() }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    static func randomText(_ rng: inout SplitMix, from pieces: [String], upTo n: Int) -> String {
        var text = ""
        for _ in 0..<rng.int(n + 1) { text += rng.pick(pieces) }
        return text
    }

    @Test func trimmingAgreesWithItsDefinition() {
        var rng = SplitMix(seed: 27)
        let pieces = [
            " ", "\t", "\n", "\r", "\u{3000}", "\u{A0}", "\u{FEFF}", "\u{200B}", "a", "9", "中", "〇", "耀", "Â", "€",
            "\u{200C}", "￥", "元",
        ]
        for _ in 0..<20_000 {
            let text = Self.randomText(&rng, from: pieces, upTo: 5)
            #expect(CellConverter.trimmed(text) == Self.trimmedByDefinition(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func isoDatesAgreeWithTheirDefinition() {
        var rng = SplitMix(seed: 8785)
        let pieces = ["2", "0", "9", "-", "/", "年", " ", "1", "x"]
        func byDefinition(_ text: String) -> Bool {
            let u = Array(text.utf8)
            guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return false }
            return [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { u[$0] >= 0x30 && u[$0] <= 0x39 }
        }
        var seenTrue = 0
        for _ in 0..<40_000 {
            // Mostly ten characters with the dashes in place, so that both answers come up often.
            var text = Self.randomText(&rng, from: pieces, upTo: 12)
            if rng.int(2) == 0 {
                var chars = (0..<10).map { _ in rng.pick(["2", "0", "9", "1"]) }
                chars[4] = "-"
                chars[7] = "-"
                if rng.int(4) == 0 { chars[rng.int(10)] = rng.pick(pieces) }
                text = chars.joined()
            }
            let fast = CellConverter.isISODate(text)
            #expect(fast == byDefinition(text), "\(text)")
            if fast { seenTrue += 1 }
        }
        #expect(seenTrue > 1000)
        #expect(CellConverter.isISODate("2023-11-13") && !CellConverter.isISODate("2023-11-133"))
        #expect(!CellConverter.isISODate("2023-11-1") && !CellConverter.isISODate("２023-11-13"))
    }
}

/// A CSV cell's bytes are text exactly when `String(validating:as:)` says they are UTF-8, and then the same text.
@Suite struct CSVCellTextTests {
    @Test func cellTextAgreesWithValidation() {
        var rng = SplitMix(seed: 4180)
        // Whole characters, lone and truncated sequences, overlong forms, surrogates and bytes never in UTF-8.
        let pieces: [[UInt8]] = [
            [0x61], [0x00], [0x7F], [0xE4, 0xB8, 0xAD], [0xC2, 0xA0], [0xF0, 0x9F, 0x98, 0x80], [0x80], [0xBF],
            [0xC0, 0x80], [0xE4, 0xB8], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xFE],
            [0xEF, 0xBF, 0xBD],
            [0xF0, 0x9F], [0xE0, 0x80, 0x80], [0xE0, 0xA0, 0x80], [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x90, 0x80, 0x80],
            [0xF4, 0x8F, 0xBF, 0xBF], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80], [0xC1, 0xBF], [0xF5, 0x80, 0x80, 0x80],
        ]
        var invalid = 0
        for _ in 0..<30_000 {
            var bytes: [UInt8] = []
            for _ in 0..<rng.int(6) { bytes += rng.pick(pieces) }
            let expected = String(validating: bytes, as: UTF8.self)
            #expect(CSVReader.text(bytes) == expected, "\(bytes)")
            if expected == nil { invalid += 1 }
        }
        #expect(invalid > 5_000)
    }
}
