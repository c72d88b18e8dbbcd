import BylawTestSupport
import Foundation
import Testing

/// `bylaw lint` run as a user would: exit codes, --strict, the three formats, usage errors and help.
@Suite struct LintCommandTests {
    static let corpus = "Tests/BylawTests/Corpus/lint"

    /// Every `ruleset*.yaml` of the shipped library: lint counts each version.
    static var shippedFiles: Int {
        let fm = FileManager.default
        let folders = (try? fm.contentsOfDirectory(atPath: "rules")) ?? []
        return folders.reduce(0) { n, folder in
            n
                + ((try? fm.contentsOfDirectory(atPath: "rules/" + folder)) ?? []).filter {
                    $0.hasPrefix("ruleset") && $0.hasSuffix(".yaml")
                }.count
        }
    }

    /// Judged on a day when the calendar has more than 90 confirmed days left, so the run does not depend on
    /// the clock.
    /// The only findings are the two quadratic rules issue 25 names (`related_members.all(m, m in recused)`, in both
    /// versions of cadre-selection): their rewrite is the rule authors' call, not lint's.
    @Test func shippedLibraryIsCleanButForTwoQuadraticRules() throws {
        let r = try Run.bylaw(["lint", "--as-of", "2026-09-01"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.hasSuffix("linted \(Self.shippedFiles) rule-set files: 0 errors, 2 warnings, 0 notes\n"))
        let findings = r.stdout.split(separator: "\n").filter { $0.hasPrefix("rules/") }
        #expect(
            findings.map { String($0.prefix { $0 != " " }) } == [
                "rules/cadre-selection/ruleset-2019.yaml:473:14:", "rules/cadre-selection/ruleset.yaml:240:14:",
            ])
        #expect(findings.allSatisfy { $0.hasSuffix("[lint.cost-budget]") })
        let viaRules = try Run.bylaw(["lint", "--rules", "rules", "--as-of", "2026-09-01"])
        #expect(viaRules.stdout == r.stdout)
        let strict = try Run.bylaw(["lint", "--strict", "--as-of", "2026-09-01"])
        #expect(strict.status == 1)
    }

    /// The calendar's confirmed years end on 2026-12-31; 2027 is provisional. 90 days before, lint says so.
    @Test func aCalendarAboutToRunOutIsAWarning() throws {
        let r = try Run.bylaw(["lint", "rules/proposal-handling/ruleset.yaml", "--as-of", "2026-12-06"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(
            r.stdout.hasPrefix(
                "rules/calendars/cn-mainland.yaml:37:1: warning: the working-day calendar `cn-mainland` is confirmed "
                    + "only until 2026-12-31, 25 days after 2026-12-06; after that, working-day counts are "
                    + "provisional (`needs_review`) until 2027-12-31, then an error [lint.calendar-ending]\n"))
        #expect(r.stdout.hasSuffix("linted 1 rule-set file: 0 errors, 1 warning, 0 notes\n"))
        let strict = try Run.bylaw([
            "lint", "rules/proposal-handling/ruleset.yaml", "--as-of", "2026-12-06", "--strict",
        ])
        #expect(strict.status == 1)
        let early = try Run.bylaw(["lint", "rules/proposal-handling/ruleset.yaml", "--as-of", "2026-10-02"])
        #expect(early.stdout == "linted 1 rule-set file: 0 errors, 0 warnings, 0 notes\n")
        let late = try Run.bylaw(["lint", "rules/proposal-handling/ruleset.yaml", "--as-of", "2027-02-01"])
        #expect(late.stdout.contains("confirmed only until 2026-12-31, 32 days before 2027-02-01"))
        let bad = try Run.bylaw(["lint", "--as-of", "2026-13-01"])
        #expect(bad.status == 2)
    }

    @Test func oneFileOrOneFolder() throws {
        let file = try Run.bylaw(["lint", "rules/asset-management/ruleset.yaml", "--as-of", "2026-09-01"])
        #expect(file.status == 0, "\(file.stdout)\(file.stderr)")
        #expect(file.stdout == "linted 1 rule-set file: 0 errors, 0 warnings, 0 notes\n")
        let folder = try Run.bylaw(["lint", "rules/proposal-handling/", "--as-of", "2026-09-01"])
        #expect(folder.status == 0)
        #expect(folder.stdout.hasPrefix("linted "))
        #expect(!folder.stdout.contains("warning:"))
    }

    @Test func warningsFailOnlyWithStrict() throws {
        let path = Self.corpus + "/table-gap-band"
        let plain = try Run.bylaw(["lint", path])
        #expect(plain.status == 0, "\(plain.stdout)\(plain.stderr)")
        #expect(plain.stdout.contains("warning: no row of table `batch` matches `quantity = 11`"))
        #expect(plain.stdout.hasSuffix("linted 1 rule-set file: 0 errors, 2 warnings, 0 notes\n"))
        let strict = try Run.bylaw(["lint", "--strict", path])
        #expect(strict.status == 1)
        #expect(strict.stdout == plain.stdout)
    }

    @Test func errorsFail() throws {
        for name in ["table-overlap", "loader-errors", "version-overlap", "when-never-true"] {
            let r = try Run.bylaw(["lint", Self.corpus + "/" + name])
            #expect(r.status == 1, "\(name): \(r.stdout)\(r.stderr)")
            #expect(r.stdout.contains(": error: "), "\(name)")
        }
        // Notes never fail, not even with --strict.
        let notes = try Run.bylaw([
            "lint", "--strict", Self.corpus + "/table-dead-row", Self.corpus + "/table-cel-cell",
        ])
        #expect(notes.status == 1)
        #expect(notes.stdout.hasSuffix("linted 2 rule-set files: 1 error, 1 warning, 1 note\n"))
    }

    @Test func usageErrorsExitTwo() throws {
        let missing = try Run.bylaw(["lint", "no/such/rules"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("`no/such/rules` does not exist"))
        #expect(missing.stdout.isEmpty)
        let empty = try Run.bylaw(["lint", "docs"])
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("holds no rule set"))
        let format = try Run.bylaw(["lint", "--format", "xml"])
        #expect(format.status == 2)
    }

    @Test func json() throws {
        let r = try Run.bylaw(["lint", "--format", "json", Self.corpus + "/unused", Self.corpus + "/blank-cite"])
        #expect(r.status == 1)
        let doc = try r.json()
        #expect(doc["bylaw_version"] as? String != nil)
        // Files in the order named; diagnostics sorted by file, line and column.
        #expect(
            doc["files"] as? [String] == [
                Self.corpus + "/unused/ruleset.yaml", Self.corpus + "/blank-cite/ruleset.yaml",
            ])
        let summary = try #require(doc["summary"] as? [String: Int])
        #expect(summary == ["errors": 2, "warnings": 6, "notes": 0])
        let diagnostics = try #require(doc["diagnostics"] as? [[String: Any]])
        #expect(
            diagnostics.compactMap { $0["code"] as? String } == [
                "lint.blank-cite", "lint.blank-cite", "lint.unused-parameter", "lint.unused-input", "lint.unused-input",
                "lint.unused-input", "lint.unused-let", "lint.unused-table",
            ])
        let first = try #require(diagnostics.first)
        #expect(first["file"] as? String == Self.corpus + "/blank-cite/ruleset.yaml")
        #expect(first["line"] as? Int == 12)
        #expect(first["column"] as? Int == 11)
        #expect(first["help"] as? String != nil)
    }

    @Test func sarifHasTheShapeCodeScanningNeeds() throws {
        let cases = ["loader-errors", "table-shadowed", "version-gap", "table-gap-band"]
        let r = try Run.bylaw(["lint", "--format", "sarif"] + cases.map { Self.corpus + "/" + $0 })
        #expect(r.status == 1)
        let doc = try r.json()
        #expect(doc["version"] as? String == "2.1.0")
        let run = try #require((doc["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "bylaw")
        let ruleIDs = try #require(driver["rules"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ruleIDs.contains("lint.table-gap") && ruleIDs.contains("ruleset.duplicate-rule-id"))
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 7)
        let location = try #require(
            ((results.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        let uri = (location["artifactLocation"] as? [String: Any])?["uri"] as? String
        #expect(uri == Self.corpus + "/loader-errors/ruleset.yaml", "relative to the working folder")

        // The same log through an independent checker written with Python's json module.
        let probe = try? SchemaCommandTests.shell(["python3", "-c", "import json"])
        guard let probe, probe.status == 0 else {
            print("skipped: python3 is not available")
            return
        }
        let file = Scratch.root.appendingPathComponent("bylaw-lint-\(UUID()).sarif").path
        try r.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        var args = [Run.repository + "/scripts/check-sarif.py", file]
        if let schema = ProcessInfo.processInfo.environment["BYLAW_SARIF_SCHEMA"] { args += ["--schema", schema] }
        let check = try SchemaCommandTests.shell(args)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.hasSuffix("7 results: 0 problems\n"), "\(check.stdout)")
    }

    @Test func extendingSetsThatLoosenFailAndThoseThatTightenPass() throws {
        let rules = "Tests/BylawTests/Fixtures/extends/rules"
        let r = try Run.bylaw(["lint", "--format", "json", rules])
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        let doc = try r.json()
        let diagnostics = try #require(doc["diagnostics"] as? [[String: Any]])
        #expect(
            diagnostics.map { "\($0["line"] as? Int ?? 0):\($0["column"] as? Int ?? 0) \($0["code"] as? String ?? "")" }
                == [
                    "10:3 lint.loosens-threshold", "11:3 lint.loosens-threshold", "11:3 lint.loosens-threshold",
                    "17:15 lint.removes-approval", "22:11 lint.narrows-when", "28:14 lint.loosens-threshold",
                    "33:14 lint.cannot-compare",
                ])
        let files = Set(diagnostics.compactMap { $0["file"] as? String })
        #expect(files == [rules + "/province-loose/ruleset.yaml"], "only the set that loosens is flagged")
        #expect(doc["summary"] as? [String: Int] == ["errors": 5, "warnings": 1, "notes": 1])

        let text = try Run.bylaw(["lint", rules])
        #expect(text.status == 1)
        #expect(text.stdout.hasSuffix("linted 4 rule-set files: 5 errors, 1 warning, 1 note\n"))

        let strict = try Run.bylaw(["lint", "--strict", rules + "/national", rules + "/province-strict"])
        #expect(strict.status == 0, "\(strict.stdout)\(strict.stderr)")
        #expect(strict.stdout == "linted 3 rule-set files: 0 errors, 0 warnings, 0 notes\n")
    }

    @Test func helpTeachesEveryCheckWithin80Columns() throws {
        let r = try Run.bylaw(["lint", "--help"])
        #expect(r.status == 0)
        for code in [
            "lint.table-overlap", "lint.table-conflict", "lint.table-gap", "lint.table-shadowed", "lint.table-dead-row",
            "lint.table-unknown-value", "lint.table-not-analysed", "lint.when-never-true", "lint.require-always-true",
            "lint.require-always-false", "lint.always-error", "lint.unused-let", "lint.unused-table",
            "lint.unused-input", "lint.unused-parameter", "lint.blank-cite", "lint.version-gap",
            "lint.loosens-threshold", "lint.removes-approval", "lint.removes-condition", "lint.narrows-when",
            "lint.cannot-compare",
        ] {
            #expect(r.stdout.contains(code), "\(code)")
        }
        for part in ["EXIT CODES", "EXAMPLES", "--strict", "--format <format>", "SEVERITIES"] {
            #expect(r.stdout.contains(part), "\(part)")
        }
        let wide = r.stdout.split(separator: "\n").filter { $0.count > 80 }
        #expect(wide.isEmpty, "\(wide)")
        // Wrapped by bylaw, not re-wrapped by the terminal layout: continuation lines keep their indent.
        #expect(r.stdout.contains("  lint.version-gap (warning)\n      no version of a rule set is in force"))
        #expect(r.stdout.contains("\n      the next one's `from`\n"))
    }
}
