import BylawTestSupport
import Foundation
import Testing

/// `bylaw fmt` on a copy of a rule set: --check lists and exits 1, a run rewrites, a second check is clean.
@Suite struct FmtCommandTests {
    @Test func checkListsThenFmtRewrites() throws {
        let dir = Scratch.root.appendingPathComponent("bylaw-fmtcli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for name in ["calendars", "committee-composition"] {
            try FileManager.default.copyItem(atPath: "\(Run.repository)/rules/\(name)", toPath: "\(dir)/\(name)")
        }
        let set = dir + "/committee-composition"
        let check = try Run.bylaw(["fmt", "--check", set])
        #expect(check.status == 1, "\(check.stderr)")
        #expect(check.stdout == set + "/tests/cases.yaml\n")
        let run = try Run.bylaw(["fmt", set])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "formatted 1 file of 2\n")
        let again = try Run.bylaw(["fmt", "--check", set])
        #expect(again.status == 0)
        #expect(again.stdout == "")
        let test = try Run.bylaw(["test", set])
        #expect(test.status == 0, "\(test.stdout)")
    }

    @Test func brokenFileIsReportedAndLeftAlone() throws {
        let dir = Scratch.root.appendingPathComponent("bylaw-fmtbad-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let file = dir + "/ruleset.yaml"
        try "rules: [1,\n".write(toFile: file, atomically: true, encoding: .utf8)
        let r = try Run.bylaw(["fmt", file])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("bylaw: `\(file)`: "))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "rules: [1,\n")
        let missing = try Run.bylaw(["fmt", dir + "/nope.yaml"])
        #expect(missing.status == 2)
    }
}
