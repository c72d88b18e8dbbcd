import Testing

@testable import BylawCEL

/// `CELDecimal.compare` orders values whatever their scales; it takes shortcuts (equal scales, differing
/// signs) that the definition, both sides raised to the larger scale, must agree with.
@Suite struct DecimalOrderTests {
    /// The definition: both sides at the larger scale; a side that overflows there is larger in magnitude than
    /// anything representable.
    static func reference(_ lhs: CELDecimal, _ rhs: CELDecimal) -> Int {
        let target = max(lhs.scale, rhs.scale)
        guard let left = lhs.rescaled(to: target) else { return lhs.significand < 0 ? -1 : 1 }
        guard let right = rhs.rescaled(to: target) else { return rhs.significand < 0 ? 1 : -1 }
        return left.significand < right.significand ? -1 : (left.significand == right.significand ? 0 : 1)
    }

    static func decimal(_ text: String) -> CELDecimal {
        guard let d = CELDecimal(text) else { fatalError("not a decimal: \(text)") }
        return d
    }

    @Test func valuesNotScalesAreCompared() {
        let cases: [(String, String, Int)] = [
            ("1.0", "1.00", 0), ("650000.00", "650000", 0), ("0.00", "0", 0), ("-0.5", "0", -1), ("0", "-0.001", 1),
            ("199999.99", "200000", -1), ("200000.00", "200000", 0), ("200000.01", "200000", 1),
            ("-1.5", "-1.50", 0), ("-1.51", "-1.5", -1), ("-2", "-1.999", -1),
        ]
        for (a, b, expected) in cases {
            #expect(CELDecimal.compare(Self.decimal(a), Self.decimal(b)) == expected, "\(a) vs \(b)")
            #expect(CELDecimal.compare(Self.decimal(b), Self.decimal(a)) == -expected, "\(b) vs \(a)")
        }
    }

    @Test func agreesWithTheDefinitionOnRandomAndExtremeValues() throws {
        var rng = SystemRandomNumberGenerator()
        let extremes: [Int128] = [0, 1, -1, 10, -10, .max, .min + 1, .max / 10, .min / 10 + 1, 999_999, -999_999]
        var samples: [CELDecimal] = []
        for significand in extremes {
            for scale in [0, 1, 2, 18, 36] {
                samples.append(try #require(CELDecimal(significand: significand, scale: scale)))
            }
        }
        for _ in 0..<400 {
            let high = Int64.random(in: .min ... .max, using: &rng)
            let low = UInt64.random(in: .min ... .max, using: &rng)
            let significand = Int128(high) << Int.random(in: 0...63, using: &rng) | Int128(low >> 8)
            samples.append(
                try #require(CELDecimal(significand: significand, scale: Int.random(in: 0...36, using: &rng))))
        }
        for a in samples {
            for b in samples {
                #expect(CELDecimal.compare(a, b) == Self.reference(a, b), "\(a) vs \(b)")
            }
        }
    }
}
