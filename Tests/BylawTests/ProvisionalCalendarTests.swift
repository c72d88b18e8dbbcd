import Bylaw
import BylawCEL
import BylawTestSupport
import BylawYAML
import Foundation
import Testing

/// A working-day count over a provisional calendar year never passes silently: the rule's result carries a
/// note and the decision needs review, whatever the outcome; counts over confirmed years are unaffected.
@Suite struct ProvisionalCalendarTests {
    /// A library in a scratch folder: a calendar confirmed for 2026 and provisional for 2027, and a set whose
    /// notice rule counts working days directly, through a `let`, and in a notice-severity rule.
    static let library: RuleLibrary = {
        let root = Scratch.root.appendingPathComponent("provisional-\(UUID().uuidString)")
        let fm = FileManager.default
        try? fm.createDirectory(at: root.appendingPathComponent("calendars"), withIntermediateDirectories: true)
        try? fm.createDirectory(at: root.appendingPathComponent("notice"), withIntermediateDirectories: true)
        let calendar = """
            calendar: cal
            covers: {from: 2026-01-01, until: 2027-12-31}
            years:
              - year: 2026
                holidays: [{name: 春节, from: 2026-02-15, to: 2026-02-23}]
                workdays: [{date: 2026-02-14, for: 春节}, {date: 2026-02-28, for: 春节}]
              - year: 2027
                provisional: true
                holidays: [{name: 春节, from: 2027-02-05, to: 2027-02-10}]
            """
        let ruleSet = """
            ruleset: notice
            title: 公示
            version: 1.0.0
            source: {title: 测试, issuer: 测试}
            effective: {from: 2020-01-01}
            applies_to: promotion
            calendar: cal
            input:
              notice: {start: date, end: date}
              approved: bool
            let:
              notice_days: working_days_in(notice.start, notice.end)
            rules:
              - id: N-01
                title: 公示不少于五个工作日
                cite: 第一条
                require: working_days_in(notice.start, notice.end) >= 5
                message: 公示不足五个工作日
              - id: N-02
                title: 公示天数（经 let）
                cite: 第二条
                require: notice_days >= 5
                message: 公示不足五个工作日
              - id: N-03
                title: 已批准
                cite: 第三条
                require: approved
                message: 未批准
              - id: N-04
                title: 公示提示
                cite: 第四条
                severity: notice
                require: working_days_between(notice.start, notice.end) >= 0
                message: 提示
            """
        _ = fm.createFile(atPath: root.appendingPathComponent("calendars/cal.yaml").path, contents: Data(calendar.utf8))
        _ = fm.createFile(atPath: root.appendingPathComponent("notice/ruleset.yaml").path, contents: Data(ruleSet.utf8))
        return RuleLibrary.load(root: root.path)
    }()

    static func check(start: String, end: String, approved: Bool = true) throws -> DecisionResult {
        let yaml = """
            kind: promotion
            id: P-1
            date: 2025-12-01
            unit: acftu/x
            notice: {start: \(start), end: \(end)}
            approved: \(approved)
            """
        let node = try YAMLLoader.load(bytes: Array(yaml.utf8), file: "d.yaml", limits: .decision)
        return library.check(node, file: "d.yaml", asOf: nil)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let start: String
        let end: String
        let approved: Bool
        let verdict: Verdict
        let failed: [String]
        let provisional: [String]
        var testDescription: String { name }
    }

    @Test(arguments: [
        // 2026-02-13 Fri, 02-14 make-up Sat, 02-24..27 Tue–Fri: six working days in a confirmed year.
        Case(
            name: "confirmed span over Spring Festival 2026 passes", start: "2026-02-13", end: "2026-02-27",
            approved: true, verdict: .compliant, failed: [], provisional: []),
        Case(
            name: "confirmed span too short fails", start: "2026-02-13", end: "2026-02-25", approved: true,
            verdict: .nonCompliant, failed: ["N-01", "N-02"], provisional: []),
        Case(
            name: "a long enough count in 2027 is not a silent pass", start: "2027-03-01", end: "2027-03-12",
            approved: true, verdict: .needsReview, failed: [], provisional: ["N-01", "N-02", "N-04"]),
        Case(
            name: "a short count in 2027 needs review, it is not a settled violation", start: "2027-02-04",
            end: "2027-02-11", approved: true, verdict: .needsReview, failed: ["N-01", "N-02"],
            provisional: ["N-01", "N-02", "N-04"]),
        Case(
            name: "a settled violation elsewhere still makes it non-compliant", start: "2027-03-01",
            end: "2027-03-12", approved: false, verdict: .nonCompliant, failed: ["N-03"],
            provisional: ["N-01", "N-02", "N-04"]),
        Case(
            name: "a span ending on the last confirmed day is settled", start: "2026-12-21", end: "2026-12-31",
            approved: true, verdict: .compliant, failed: [], provisional: []),
    ])
    func verdicts(_ c: Case) throws {
        let r = try Self.check(start: c.start, end: c.end, approved: c.approved)
        #expect(r.verdict == c.verdict)
        #expect(r.ids(.failed) == c.failed)
        #expect(r.results.filter { $0.provisional != nil }.map(\.ruleID) == c.provisional)
    }

    @Test func theNoteSaysWhatIsProvisionalAndHowToSettleIt() throws {
        let r = try Self.check(start: "2027-03-01", end: "2027-03-12")
        let note = try #require(r.results.first?.provisional)
        #expect(note.calendar == "cal")
        #expect(note.day == CELDate(iso: "2027-03-01"))
        #expect(note.file.hasSuffix("calendars/cal.yaml"))
        #expect(note.message.contains("2027"))
        #expect(note.message.contains("provisional: true"))
    }
}
