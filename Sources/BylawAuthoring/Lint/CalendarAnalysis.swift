import BylawCEL
import BylawDiagnostics
import Foundation

/// Working-day calendars about to run out. A calendar is confirmed up to its first provisional year (or its
/// end); past that a working-day rule gives `needs_review`, and past the end `error`. Lint warns 90 days ahead,
/// judged on `--as-of` (default today): the State Council publishes the next year's notice in November or
/// December, so the warning comes when there is something to add.
public struct CalendarAnalysis: LintAnalysis {
    /// How many days ahead of the end of confirmed coverage lint warns.
    public static let warningDays: Int64 = 90

    public init() {}

    public var checks: [LintCheck] { [LintChecks.calendarEnding] }

    public func run(_ input: LintInput) -> [Diagnostic] {
        guard let asOf = input.asOf else { return [] }
        var seen: Set<String> = []
        var out: [Diagnostic] = []
        for set in input.ruleSets {
            guard let calendar = set.calendar, seen.insert(calendar.file).inserted,
                let confirmed = calendar.confirmedUntil
            else { continue }
            let left = confirmed.daysSinceEpoch - asOf.daysSinceEpoch
            guard left < Self.warningDays else { continue }
            let when =
                left >= 0
                ? "\(left) day\(left == 1 ? "" : "s") after \(asOf)"
                : "\(-left) day\(left == -1 ? "" : "s") before \(asOf)"
            let after =
                calendar.hasProvisionalDays
                ? "after that, working-day counts are provisional (`needs_review`)"
                    + (calendar.lastDay.map { " until \($0), then an error" } ?? "")
                : "after that, every working-day rule gives `error`"
            out.append(
                LintChecks.calendarEnding.diagnostic(
                    "the working-day calendar `\(calendar.name)` is confirmed only until \(confirmed), \(when); "
                        + after,
                    at: Self.coversLocation(calendar.file)))
        }
        return out
    }

    /// The `covers:` line of a calendar file, else its first line.
    static func coversLocation(_ file: String) -> SourceLocation {
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.hasPrefix("covers:") {
            return SourceLocation(file: file, line: n + 1, column: 1)
        }
        return SourceLocation(file: file, line: 1, column: 1)
    }
}
