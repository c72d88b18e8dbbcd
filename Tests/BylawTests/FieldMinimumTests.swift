import BylawCEL
import Testing

@testable import Bylaw

/// A field's `min`: which values it admits, and how two rule sets' bounds on one field combine.
@Suite struct FieldMinimumTests {
    static func spec(_ minimum: String?, _ type: FieldType = .decimal) -> FieldSpec {
        var f = FieldSpec(name: "amount", type: type, optional: false, description: nil)
        f.minimum = minimum.flatMap(CELDecimal.init)
        return f
    }

    @Test func admitsValuesAtOrAboveItsLeast() throws {
        let zero = Self.spec("0")
        #expect(zero.admits(.decimal(try #require(CELDecimal("0.00")))))
        #expect(zero.admits(.decimal(try #require(CELDecimal("-0.00")))))
        #expect(!zero.admits(.decimal(try #require(CELDecimal("-0.01")))))
        #expect(zero.admits(.int(0)))
        #expect(!zero.admits(.int(-1)))
        let one = Self.spec("1", .int)
        #expect(one.admits(.int(1)) && !one.admits(.int(0)))
        #expect(Self.spec("0.5").admits(.decimal(try #require(CELDecimal("0.50")))))
        #expect(!Self.spec("0.5").admits(.decimal(try #require(CELDecimal("0.49")))))
        #expect(Self.spec(nil).admits(.int(Int64.min)))
    }

    @Test func twoSetsBoundingOneFieldKeepTheHigherLeast() throws {
        for (a, b, kept) in [("0", "1", "1"), ("1", "0", "1"), (nil, "1", "1"), ("1", nil, "1"), (nil, nil, nil)] {
            let merged = try ObjectSchema(fields: [Self.spec(a)]).merged(with: ObjectSchema(fields: [Self.spec(b)]))
                .get()
            #expect(
                merged.fields.first?.minimum?.description == kept, "\(String(describing: a)) \(String(describing: b))")
        }
    }
}

extension FieldSpec {
    /// This field's bound applied to `value`, as the typers apply it.
    fileprivate func admits(_ value: CELValue) -> Bool { FieldSpec.admits(value, minimum: minimum) }
}
