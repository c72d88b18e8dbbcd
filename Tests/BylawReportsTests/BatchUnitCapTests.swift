import BylawTestSupport
import Foundation
import Testing

@testable import Bylaw
@testable import BylawBatch
@testable import BylawReports

/// The by-unit tally keeps at most `BatchTally.maxUnits` units by name; the records of later units are counted
/// together as `(other units)`, and every report that lists units says the list was capped. Tested with a cap
/// of 2 rather than 10,000 units.
@Suite struct BatchUnitCapTests {
    /// Eight records over four units and one record without a unit, in this input order: `u-a` and `u-b` are
    /// met first, so with a cap of 2 the records of `u-c` and `u-d` go to `(other units)`.
    static let items: [BatchItem] = {
        let plan: [(String?, Verdict)] = [
            ("u-a", .nonCompliant), ("u-b", .compliant), ("u-a", .compliant), ("u-c", .nonCompliant),
            (nil, .invalid), ("u-d", .needsReview), ("u-c", .nonCompliant), ("u-b", .nonCompliant),
        ]
        return plan.enumerated().map { k, p in
            let source = RecordSource(file: "d.jsonl", position: .line(k + 1))
            let failed = BatchFixture.rule(
                BatchFixture.am07.0, BatchFixture.am07.1, BatchFixture.am07.2, .failed, message: "未公开进行")
            let result = BatchFixture.decision(
                source, id: "R-\(k + 1)", unit: p.0, verdict: p.1, results: p.1 == .nonCompliant ? [failed] : [])
            return BatchItem(index: k, source: source, result: result)
        }
    }()

    static func render(_ format: BatchReportFormat, maxUnits: Int) -> String {
        var reporter = BatchReports.reporter(format: format, options: BatchReportOptions(maxUnits: maxUnits))
        var sink = StringSink()
        reporter.begin(BatchFixture.run, to: &sink)
        for item in items { reporter.add(item, to: &sink) }
        reporter.finish(to: &sink)
        return sink.text
    }

    @Test func theDefaultCapIsTheDocumentedConstant() {
        #expect(BatchTally.maxUnits == 10_000)
        #expect(BatchTally().unitLimit == 10_000)
        #expect(BatchReportOptions().maxUnits == 10_000)
    }

    @Test func unitsPastTheCapAreCountedTogether() {
        var tally = BatchTally(maxUnits: 2)
        for item in Self.items { tally.add(item.result) }
        #expect(tally.unitsCapped)
        #expect(tally.byUnit.map(\.label) == ["u-a", "u-b", "(other units)", "(no unit)"])
        #expect(tally.byUnit.map(\.unit) == ["u-a", "u-b", nil, nil])
        #expect(tally.byUnit.map(\.isOtherUnits) == [false, false, true, false])
        #expect(tally.byUnit.map(\.records) == [2, 2, 3, 1])
        #expect(tally.byUnit.map { $0.count(.nonCompliant) } == [1, 1, 2, 0])
        #expect(tally.byUnit.map { $0.count(.needsReview) } == [0, 0, 1, 0])
        #expect(tally.byUnit.map(\.records).reduce(0, +) == tally.records)
        #expect([nil, "u-a", "u-b"].allSatisfy(tally.countsSeparately))
        #expect(!tally.countsSeparately("u-c") && !tally.countsSeparately("u-d"))
    }

    @Test func underTheCapNothingIsCountedTogether() {
        var tally = BatchTally(maxUnits: 4)
        for item in Self.items { tally.add(item.result) }
        #expect(!tally.unitsCapped)
        #expect(tally.byUnit.map(\.label) == ["u-c", "u-a", "u-b", "u-d", "(no unit)"])
    }

    /// A stream of distinct units keeps the tally at the cap, however many there are.
    @Test func theTallyStopsGrowingAtTheCap() {
        var tally = BatchTally(maxUnits: 5)
        for k in 0..<500 {
            let source = RecordSource(file: "d.jsonl", position: .line(k + 1))
            tally.add(BatchFixture.decision(source, id: nil, unit: "unit-\(k)", verdict: .compliant, results: []))
        }
        #expect(tally.byUnit.count == 6)
        #expect(tally.byUnit.last?.label == "(other units)")
        #expect(tally.byUnit.last?.records == 495)
    }

    @Test func textSaysTheListWasCapped() {
        let text = Self.render(.text, maxUnits: 2)
        let section = text.components(separatedBy: "by unit, most non-compliant first\n").last?
            .components(separatedBy: "\n\n").first
        #expect(
            section == """
                  unit           records  non-compliant  needs review  invalid  error  share
                  u-a                  2              1             0        0      0  50.0%
                  u-b                  2              1             0        0      0  50.0%
                  (other units)        3              2             1        0      0  66.7%
                  (no unit)            1              0             0        1      0   0.0%
                  capped at 2 units, the first met in input order: the records of later units are counted under (other units)
                """)
        #expect(!Self.render(.text, maxUnits: 4).contains("capped"))
    }

    @Test func jsonMarksTheOtherUnitsElement() throws {
        let text = Self.render(.json, maxUnits: 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let units = try #require(object["by_unit"] as? [[String: Any]])
        #expect(units.map { $0["unit"] as? String } == ["u-a", "u-b", nil, nil])
        #expect(units.map { $0["other_units"] as? Bool } == [nil, nil, true, nil])
        #expect(units.map { $0["records"] as? Int } == [2, 2, 3, 1])
        #expect(
            text.contains("\n{\"unit\":null,\"other_units\":true,\"records\":3,\"compliant\":0,\"non_compliant\":2,"))
        #expect(!Self.render(.json, maxUnits: 4).contains("other_units"))
    }

    @Test func htmlFiltersTheOtherUnitsTogether() {
        let html = Self.render(.html, maxUnits: 2)
        #expect(html.contains("<option value=\"o:\" data-alt=\"（其他单位）\">(other units)</option>"))
        #expect(html.contains("<tr><td data-alt=\"（其他单位）\">(other units)</td><td class=\"num\">3</td>"))
        #expect(html.contains("capped at 2 units, the first met in input order"))
        // Listed records: R-1 (u-a), R-4 (u-c), R-5 (no unit), R-6 (u-d), R-7 (u-c), R-8 (u-b).
        let keys = html.components(separatedBy: "data-unit=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(keys == ["u:u-a", "o:", "n:", "o:", "o:", "u:u-b"])
        #expect(!Self.render(.html, maxUnits: 4).contains("\"o:\""))
    }
}
