import BylawTestSupport
import Foundation
import Testing

@testable import Bylaw
@testable import BylawBatch
@testable import BylawReports

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Each report read back by an independent parser: the JSON parses and adds up, the CSV splits into the
/// rows and cells written, the JUnit XML is well-formed with the right totals, and the HTML has no markup
/// that came from a record. Then real decisions checked with the shipped asset-management rules.
@Suite struct BatchReportStructureTests {
    @Test func jsonParsesAndAddsUp() throws {
        let text = BatchFixture.render(.json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(
            summary == ["records": 8, "compliant": 2, "non_compliant": 3, "needs_review": 1, "invalid": 1, "error": 1])
        let records = try #require(object["records"] as? [[String: Any]])
        #expect(records.map { $0["index"] as? Int } == [1, 2, 3, 4, 5, 6])
        let failed = records.map { r in ((r["results"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String }
        }
        #expect(failed == [["AM-07", "AM-08", "AM-11"], ["AM-08"], ["AM-07"], ["AM-13"], [], ["AM-06", "AM-07"]])
        let source = try #require(records[5]["source"] as? [String: Any])
        #expect(source["file"] as? String == "more.jsonl" && source["line"] as? Int == 1 && source["row"] is NSNull)
        let units = try #require(object["by_unit"] as? [[String: Any]])
        #expect(units.first?["non_compliant_share"] as? Double == 0.3333)
        #expect(units.last?["unit"] is NSNull)
    }

    /// A small RFC 4180 reader: rows of cells, quotes doubled inside quoted cells.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" {
                        cell.unicodeScalars.append(c)
                        chars.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    cell.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(cell)
                cell = ""
            } else if c == "\r" && chars.first == "\n" {
                chars.removeFirst()
                rows.append(row + [cell])
                row = []
                cell = ""
            } else {
                cell.unicodeScalars.append(c)
            }
        }
        return rows
    }

    @Test func csvReadsBackAsTheRowsWritten() throws {
        let text = BatchFixture.render(.csv)
        #expect(text.unicodeScalars.first == "\u{FEFF}")
        let rows = Self.parseCSV(String(text.unicodeScalars.dropFirst()))
        #expect(rows.first == CSVBatchReporter.columns)
        #expect(rows.allSatisfy { $0.count == CSVBatchReporter.columns.count })
        let body = rows.dropFirst()
        #expect(
            body.map { $0[7] } == ["AM-07", "AM-08", "AM-11", "AM-08", "AM-07", "AM-13", "", "AM-06", "AM-07", "AM-12"])
        // No cell a spreadsheet would run, except plain signed numbers.
        for cell in body.joined() {
            guard let first = cell.unicodeScalars.first(where: { $0 != " " }) else { continue }
            #expect(!"=+-@\t\r\n".unicodeScalars.contains(first) || CSVCell.isSignedDecimal(cell), "cell \(cell)")
        }
        let invalid = try #require(body.first { $0[5] == "invalid" })
        #expect(invalid[0] == "disposals.csv:row 6" && invalid[7] == "")
        #expect(invalid[12] == "disposals.csv:8:1: error: row has 9 cells but the header has 12 [csv.ragged-row]")
        #expect(body.contains { $0[1] == "-1250" })
        #expect(body.contains { $0[13].contains("第一行\\n第二行") })
    }

    #if canImport(FoundationXML)
        final class JUnitCounter: NSObject, XMLParserDelegate {
            var counts: [String: Int] = [:]
            var roots: [String: String] = [:]
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                counts[name, default: 0] += 1
                if name == "testsuites" { roots = attributes }
            }
        }

        @Test func junitIsWellFormedXMLWithTotals() throws {
            let parser = XMLParser(data: Data(BatchFixture.render(.junit).utf8))
            let counter = JUnitCounter()
            parser.delegate = counter
            #expect(parser.parse(), "\(String(describing: parser.parserError))")
            #expect(counter.counts["testsuite"] == 2)
            #expect(counter.counts["testcase"] == 8)
            #expect(counter.counts["failure"] == 7)
            #expect(counter.counts["error"] == 2)
            #expect(counter.roots["tests"] == "8" && counter.roots["failures"] == "4" && counter.roots["errors"] == "2")
        }
    #endif

    @Test func htmlCarriesNoMarkupFromRecords() {
        let html = BatchFixture.render(.html)
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>4"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        #expect(!html.contains("http-equiv") && !html.contains("src=\"http") && !html.contains("href=\"http"))
        #expect(html.components(separatedBy: "<tr data-verdict=").count - 1 == 6)
    }

    @Test func textHasNoTerminalEscapesUnlessColoured() {
        let plain = BatchFixture.render(.text)
        #expect(!plain.unicodeScalars.contains("\u{1B}"))
        var reporter = TextBatchReporter(options: BatchReportOptions(colour: true))
        var sink = StringSink()
        reporter.begin(BatchFixture.run, to: &sink)
        for item in BatchFixture.items { reporter.add(item, to: &sink) }
        reporter.finish(to: &sink)
        #expect(sink.text.contains("\u{1B}[1;31m✗ non_compliant\u{1B}[0m"))
        // The escape sequence inside the record's evidence is still neutralised.
        #expect(!sink.text.contains("\u{1B}[2J"))
    }

    @Test func shippedExamplesThroughEveryFormat() throws {
        let library = RuleLibrary.load(root: Paths.shippedRules)
        #expect(!library.diagnostics.hasErrors)
        let folder = Paths.shippedRules + "/asset-management/examples"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }
            .sorted()
        let items = names.enumerated().map { i, name in
            BatchItem(
                index: i, source: RecordSource(file: name, position: .wholeFile),
                result: library.check(file: folder + "/" + name))
        }
        let failedRows = items.flatMap { item in
            item.result.results(.failed).map { [item.source.description, item.result.id ?? "", $0.ruleID] }
        }
        let listed = items.filter { $0.result.verdict != .compliant }.count
        #expect(names.count >= 3)
        #expect(items.map(\.result.verdict) == names.map { $0.hasPrefix("compliant") ? .compliant : .nonCompliant })
        let csv = Self.parseCSV(String(BatchFixture.render(.csv, items: items).unicodeScalars.dropFirst()))
        #expect(csv.dropFirst().map { [$0[0], $0[1], $0[7]] } == failedRows)
        let json = BatchFixture.render(.json, items: items)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["records"] as? [Any])?.count == listed)
        let html = BatchFixture.render(.html, items: items)
        #expect(html.components(separatedBy: "<tr data-verdict=").count - 1 == listed)
        let text = BatchFixture.render(.text, items: items)
        #expect(text.contains("records not compliant (\(listed))"))
    }
}
