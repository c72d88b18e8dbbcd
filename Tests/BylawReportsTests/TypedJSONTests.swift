import BylawTestSupport
import BylawYAML
import Testing

@testable import Bylaw
@testable import BylawBatch
@testable import BylawJSON
@testable import BylawReports

/// A JSON record read straight into typed values (`TypedJSON`, taken when no audit trail needs the tree) must
/// give exactly the result of the full path through the node tree and the typer; whatever it does not take
/// plainly it must hand to the full path.
@Suite struct TypedJSONTests {
    static let library = RuleLibrary.load(root: Paths.shippedRules)

    /// A compliant asset disposal as `scripts/gen-disposals.py` writes it.
    static let base =
        #"{"kind":"asset_disposal","id":"ZC-2023-0000004","date":"2023-03-09","unit":"acftu/shaanxi/city-ftu","#
        + #""owner_level":"省级工会","unit_type":"事业单位","action":"处置","method":"出售","#
        + #""asset":{"name":"大众帕萨特轿车（4号）","category":"车辆","book_value":214987.85,"acquired":"2009-12-22"},"#
        + #""action_date":"2023-05-01","collective_decision":"2023-03-16","#
        + #""approval":{"body":"省级工会","date":"2023-03-29"},"#
        + #""appraisal":{"value":47303.47,"date":"2023-03-04","agency":"天府资产评估有限公司"},"#
        + #""sale":{"channel":"公开拍卖","agreement_approved":false,"price":51778.86,"reapproved":false,"#
        + #""buyer":"蓉兴二手车经营有限公司","buyer_related":false},"#
        + #""proceeds":{"remitted":51778.86,"account":"工会预算账户","date":"2023-05-04"},"#
        + #""ledger_writeoff":"2023-05-12"}"#

    /// The base record with `edits` applied in order (each must match), as bytes.
    static func record(_ edits: [(String, String)]) -> [UInt8] {
        var text = base
        for (old, new) in edits {
            if !text.contains(old) { Issue.record("the base record has no `\(old)`") }
            text = text.replacingOccurrences(of: old, with: new)
        }
        return Array(text.utf8)
    }

    /// Checks `raw` both ways; returns the full path's result line, the fast path's, and whether the fast
    /// path took the record (it returns no tree when it did, where the full path read one).
    static func both(_ raw: [UInt8], kind: String? = nil, asOf: String? = nil) -> (
        full: String, fast: String, tookFast: Bool
    ) {
        let checker = BatchChecker(library: library, defaultKind: kind, asOf: asOf.flatMap(CELDateParse))
        let record = line(raw)
        let full = checker.check(record, index: 0, keepDocument: true)
        let fast = checker.check(record, index: 0, keepDocument: false)
        return (
            JSONLinesReporter.line(full.item), JSONLinesReporter.line(fast.item),
            fast.document == nil && full.document != nil
        )
    }

    static func failed(_ raw: [UInt8]) -> [String] {
        BatchChecker(library: library).check(line(raw), index: 0, keepDocument: false).item.result.ids(.failed)
    }

    /// `raw` as line 1 of a JSON Lines file.
    static func line(_ raw: [UInt8]) -> BatchRecord {
        BatchRecord(
            source: RecordSource(file: "d.jsonl", position: .line(1)),
            body: .json(YAMLMark(line: 1, column: 1, offset: 0)),
            raw: raw)
    }

    /// Plain records: the fast path takes them, and its results are the full path's to the byte.
    @Test(
        arguments: [
            ("compliant", [], []),
            ("related buyer", [(#""buyer_related":false"#, #""buyer_related":true"#)], ["AM-11"]),
            ("approved after the act", [(#""date":"2023-03-29""#, #""date":"2023-05-02""#)], ["AM-04"]),
            ("price below the ratio", [(#""price":51778.86"#, #""price":1000.00"#)], ["AM-08", "AM-09"]),
            ("spaces and a CR", [(#"":"#, #"" : "#), (#","#, ", "), ("\"2023-05-12\"}", "\"2023-05-12\" }\r")], []),
            ("optional member null", [(#""ledger_writeoff":"2023-05-12""#, #""ledger_writeoff":null"#)], ["AM-13"]),
            (
                "kind last",
                [
                    (#""kind":"asset_disposal","#, ""),
                    (#""ledger_writeoff""#, #""kind":"asset_disposal","ledger_writeoff""#),
                ], []
            ),
            (
                // The four that choose the rule sets read last: every member before them is typed from its
                // bytes once they are known.
                "kind, id, date and unit last",
                [
                    (#"{"kind":"asset_disposal","id":"ZC-2023-0000004","date":"2023-03-09","#, "{"),
                    (#""unit":"acftu/shaanxi/city-ftu","#, ""),
                    (
                        #""ledger_writeoff":"2023-05-12"}"#,
                        #""ledger_writeoff":"2023-05-12","unit":"acftu/shaanxi/city-ftu","date":"2023-03-09","#
                            + #""id":"ZC-2023-0000004","kind":"asset_disposal"}"#
                    ),
                ], []
            ),
            ("more decimal places", [(#""remitted":51778.86"#, #""remitted":51778.8600"#)], []),
            ("negative zero", [(#""remitted":51778.86"#, #""remitted":-0.00"#)], ["AM-09"]),
            ("an amount at its min", [(#""remitted":51778.86"#, #""remitted":0"#)], ["AM-09"]),
            ("whole-number decimal", [(#""remitted":51778.86"#, #""remitted":51779"#)], ["AM-09"]),
            ("another agency", [(#""agency":"天府资产评估有限公司""#, #""agency":"x""#)], []),
        ] as [(String, [(String, String)], [String])])
    func plainRecordsTakeTheFastPathWithTheSameResult(name: String, edits: [(String, String)], failed: [String]) {
        let raw = Self.record(edits)
        let (full, fast, tookFast) = Self.both(raw)
        #expect(tookFast, "\(name)")
        #expect(fast == full, "\(name)")
        #expect(Self.failed(raw) == failed, "\(name)")
    }

    /// `--kind` for a record without one, and `--as-of`, are applied as the full path applies them.
    @Test func defaultKindAndAsOfGiveTheSameResult() {
        let raw = Self.record([(#""kind":"asset_disposal","#, "")])
        let (full, fast, tookFast) = Self.both(raw, kind: "asset_disposal", asOf: "2030-01-01")
        #expect(tookFast)
        #expect(fast == full)
        #expect(full.contains(#""kind":"asset_disposal""#))
    }

    /// Anything not plain goes to the full path, which reports it; the result is the full path's. (Where the
    /// full path cannot read the record at all, the equal results are what show the fast path let it go.)
    @Test(
        arguments: [
            ("unknown member", [(#""unit_type""#, #""colour":"red","unit_type""#)]),
            ("unknown nested member", [(#""acquired""#, #""colour":"red","acquired""#)]),
            ("exponent", [("214987.85", "2.1498785e5")]),
            ("leading zero", [("214987.85", "0214987.85")]),
            ("a point with no digits after it", [("214987.85", "214987.")]),
            ("two points", [("214987.85", "214.987.85")]),
            ("a decimal too large for 128 bits", [("214987.85", "1" + String(repeating: "0", count: 39))]),
            ("quoted number", [("214987.85", #""214987.85""#)]),
            ("quoted boolean", [(#""buyer_related":false"#, #""buyer_related":"false""#)]),
            ("escape in a string", [("大众帕萨特", #"大众\"帕萨特"#)]),
            ("repeated member", [(#""unit_type""#, #""id":"again","unit_type""#)]),
            ("repeated member, the first null", [(#""unit_type""#, #""ledger_writeoff":null,"unit_type""#)]),
            ("repeated kind", [(#""unit_type""#, #""kind":"asset_disposal","unit_type""#)]),
            ("required member null", [(#""id":"ZC-2023-0000004""#, #""id":null"#)]),
            ("required member missing", [(#""unit":"acftu/shaanxi/city-ftu","#, "")]),
            ("kind not a string", [(#""kind":"asset_disposal""#, #""kind":7"#)]),
            ("repeated id before the date", [(#""date":"2023-03-09""#, #""id":"again","date":"2023-03-09""#)]),
            ("repeated id after the four", [(#""owner_level""#, #""id":"again","owner_level""#)]),
            ("unit not a string", [(#""unit":"acftu/shaanxi/city-ftu""#, #""unit":7"#)]),
            ("date not a string", [(#""date":"2023-03-09""#, #""date":20230309"#)]),
            ("unknown kind", [(#""kind":"asset_disposal""#, #""kind":"asset_dispose""#)]),
            ("bad date", [(#""date":"2023-03-09""#, #""date":"2023-02-30""#)]),
            ("text after the object", [("\"2023-05-12\"}", "\"2023-05-12\"} x")]),
            ("not closed", [("\"2023-05-12\"}", "\"2023-05-12\"")]),
            ("enum value not allowed", [(#""action":"处置""#, #""action":"出卖""#)]),
            ("a list where an object goes", [(#""approval":{"body":"省级工会","date":"2023-03-29"}"#, #""approval":[1]"#)]),
            ("byte order mark", [("{\"kind\"", "\u{FEFF}{\"kind\"")]),
            ("a member name that is not ASCII", [(#""unit_type""#, #""单位":"x","unit_type""#)]),
            ("a member name with a Kelvin sign", [(#""unit_type""#, "\"\u{212A}ind\":\"x\",\"unit_type\"")]),
            ("a date that is not ASCII", [(#""date":"2023-03-09""#, #""date":"２０２３-03-09""#)]),
            // The full path says which field and its least value (`decision.below-minimum`).
            ("an amount below its min", [(#""book_value":214987.85"#, #""book_value":-1.00"#)]),
            ("a nested amount below its min", [(#""remitted":51778.86"#, #""remitted":-0.01"#)]),
        ] as [(String, [(String, String)])])
    func otherRecordsTakeTheFullPath(name: String, edits: [(String, String)]) {
        let (full, fast, tookFast) = Self.both(Self.record(edits))
        #expect(!tookFast, "\(name)")
        #expect(fast == full, "\(name)")
    }

    /// An `int` field (`asset.service_life`) written plainly is typed on the fast path; any other number form
    /// goes to the full path, which reports it, as does a value below the field's `min: 0` (the least `int`).
    /// Either way the result is the full path's.
    @Test(arguments: [
        ("8", true), ("0", true), ("-0", true), ("9223372036854775807", true), ("-9223372036854775808", false),
        ("-1", false),
        ("00", false), ("5.0", false), ("5.", false), ("1e3", false), ("9223372036854775808", false),
        ("-9223372036854775809", false), ("-", false), ("\"8\"", false), ("８", false), ("+8", false),
    ])
    func integerFields(text: String, fast: Bool) {
        let raw = Self.record([(#""acquired":"2009-12-22"}"#, #""acquired":"2009-12-22","service_life":"# + text + "}")]
        )
        let (full, fastLine, tookFast) = Self.both(raw)
        #expect(tookFast == fast, "\(text)")
        #expect(fastLine == full, "\(text)")
    }

    /// Bytes that are not UTF-8 inside a string are the full path's to report.
    @Test func invalidUTF8GoesToTheFullPath() {
        var raw = Self.record([])
        let at = raw.firstIndex(of: UInt8(ascii: "Z")) ?? 0
        raw[at] = 0xC3
        let (full, fast, tookFast) = Self.both(raw)
        #expect(!tookFast)
        #expect(fast == full)
        #expect(full.contains("json.encoding"))
    }
}

/// Matching a document's members to the schema's fields, searched from just after the previous match.
@Suite struct SchemaIndexTests {
    let schema = ObjectSchema(
        fields: ["a", "b", "c", "d"].map { FieldSpec(name: $0, type: .string, optional: false, description: nil) })

    @Test func searchesFromAfterThePreviousMatchAndRound() {
        #expect(schema.index(of: "a", after: -1) == 0)
        #expect(schema.index(of: "c", after: 1) == 2)
        #expect(schema.index(of: "a", after: 2) == 0, "found before the starting point")
        #expect(schema.index(of: "d", after: 3) == 3, "after the last field the search starts over")
        #expect(schema.index(of: "b", after: 1) == 1, "the previous match itself is found last")
        #expect(schema.index(of: "x", after: 0) == nil)
        #expect(ObjectSchema().index(of: "a", after: -1) == nil)
    }

    /// The same search on a name's UTF-8 bytes gives the same answers, byte for byte.
    @Test func searchesUTF8BytesAlike() {
        func index(_ name: String, after previous: Int) -> Int? {
            Array(name.utf8).withUnsafeBufferPointer { schema.index(ofUTF8: $0, after: previous) }
        }
        for name in ["a", "b", "c", "d", "x", "", "ab", "A"] {
            for previous in -1...3 {
                #expect(index(name, after: previous) == schema.index(of: name, after: previous), "\(name) \(previous)")
            }
        }
    }
}

/// The UTF-8 check the JSON readers use to skip a string without building it accepts exactly what decoding
/// to a Swift string without repairs accepts.
@Suite struct UTF8ValidityTests {
    static func agree(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { UTF8Text.isValid($0) == (UTF8Text.string(validating: $0) != nil) }
    }

    @Test func edgesOfEveryForm() {
        let cases: [([UInt8], Bool)] = [
            ([], true), ([0x41], true), ([0x7F], true), ([0x80], false), ([0xBF], false),
            ([0xC0, 0x80], false), ([0xC1, 0xBF], false), ([0xC2, 0x80], true), ([0xDF, 0xBF], true), ([0xC2], false),
            ([0xE0, 0x9F, 0x80], false), ([0xE0, 0xA0, 0x80], true), ([0xED, 0x9F, 0xBF], true),
            ([0xED, 0xA0, 0x80], false), ([0xEF, 0xBF, 0xBF], true), ([0xE4, 0xB8], false),
            ([0xE4, 0xB8, 0x41], false),
            ([0xF0, 0x8F, 0xBF, 0xBF], false), ([0xF0, 0x90, 0x80, 0x80], true), ([0xF4, 0x8F, 0xBF, 0xBF], true),
            ([0xF4, 0x90, 0x80, 0x80], false), ([0xF5, 0x80, 0x80, 0x80], false), ([0xFF], false),
            ([0xF0, 0x9F, 0x98], false), (Array("工会资产".utf8), true),
        ]
        for (bytes, valid) in cases {
            #expect(bytes.withUnsafeBufferPointer(UTF8Text.isValid) == valid, "\(bytes)")
            #expect(Self.agree(bytes), "\(bytes)")
        }
    }

    @Test func agreesWithDecodingOnRandomBytes() {
        var generator = SplitMix(seed: 8)
        // Bytes drawn mostly from lead and continuation ranges, so that many are near-valid.
        let pool: [UInt8] = [
            0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xF5,
            0xFF,
        ]
        var valid = 0
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 1...6, using: &generator)).map { _ in pool.randomElement(using: &generator)!
            }
            #expect(Self.agree(bytes), "\(bytes)")
            if bytes.withUnsafeBufferPointer(UTF8Text.isValid) { valid += 1 }
        }
        #expect(valid > 500, "the sample should hold valid sequences too (\(valid))")
    }
}
