import BylawTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `bylaw test --run`, `--rules` and `--watch`, and `bylaw explain --case`.
@Suite struct TestSelectionTests {
    static let disposal = Run.fixtures + "/rules/disposal"

    @Test func runChoosesCasesByNameAndSkipsCoverage() throws {
        let r = try Run.bylaw(["test", Self.disposal, "--run", "九成$"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(
            r.stdout == "\(Self.disposal)\n  ✓ 价格低于评估价九成\n  coverage: not measured, --run chose 1 of the cases\n"
                + "1 passed, 0 failed\n")
        let none = try Run.bylaw(["test", Self.disposal, "--run", "没有这个"])
        #expect(none.status == 2)
        #expect(none.stderr == "bylaw: no case name matches `没有这个`\n")
        let bad = try Run.bylaw(["test", Self.disposal, "--run", "("])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("`(` is not a valid regular expression"))
        let both = try Run.bylaw(["test", Self.disposal, "--run", "x", "--require-coverage"])
        #expect(both.status == 2)
    }

    @Test func rulesNamesTheLibraryToTest() throws {
        let r = try Run.bylaw(["test", "--rules", Run.fixtures + "/rules", "--run", "价格低于"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.hasPrefix(Run.fixtures + "/rules/disposal\n  ✓ 价格低于评估价九成\n"))
        let missing = try Run.bylaw(["test", "--rules", "no-such-folder"])
        #expect(missing.status == 2)
    }

    @Test func explainCaseExplainsTheNamedCase() throws {
        let r = try Run.bylaw(["explain", "rules/asset-management", "--case", "成交价低于评估价九成一分钱", "--rule", "AM17-08"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("✗ AM17-08"), "\(r.stdout)")
        #expect(r.stdout.contains("89999.99"))
        let typo = try Run.bylaw(["explain", "rules/asset-management", "--case", "成交价低于评估价九成一分"])
        #expect(typo.status == 2)
        #expect(
            typo.stderr
                == "bylaw: no test case `成交价低于评估价九成一分` in `rules/asset-management`; did you mean `成交价低于评估价九成一分钱`?\n")
        let notFolder = try Run.bylaw(["explain", "rules/asset-management/ruleset.yaml", "--case", "x"])
        #expect(notFolder.status == 2)
    }

    /// Starts `bylaw test --watch` on a copy of a library, changes a test file, reads the second run's report and
    /// ends the process as Ctrl-C would.
    @Test func watchRunsAgainWhenAFileChanges() throws {
        let dir = Scratch.root.appendingPathComponent("bylaw-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for name in ["calendars", "disposal"] {
            try FileManager.default.copyItem(
                atPath: Run.fixtures + "/rules/" + name, toPath: dir.appendingPathComponent(name).path)
        }
        let bin = try #require(Run.binary)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: bin)
        p.arguments = ["test", "--watch", dir.appendingPathComponent("disposal").path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Only the child writes to the pipe, so that its end is the end of the output.
        try out.fileHandleForWriting.close()
        let pid = p.processIdentifier
        // A watchdog: whatever happens, the child ends within a minute and the reads below see the end.
        DispatchQueue.global().asyncAfter(deadline: .now() + 60) { kill(pid, SIGKILL) }
        defer {
            if p.isRunning { kill(pid, SIGKILL) }
        }
        var text = ""
        func read(until marker: String, occurrences: Int) -> Bool {
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                if text.components(separatedBy: marker).count - 1 >= occurrences { return true }
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { return false }
                text += String(decoding: chunk, as: UTF8.self)
            }
            return false
        }
        #expect(read(until: "passed, ", occurrences: 1), "\(text)")
        let cases = dir.appendingPathComponent("disposal/tests/cases.yaml")
        let original = try String(contentsOf: cases, encoding: .utf8)
        try original.replacingOccurrences(of: "价格低于评估价九成", with: "改名后的用例")
            .write(to: cases, atomically: true, encoding: .utf8)
        #expect(read(until: "passed, ", occurrences: 2), "\(text)")
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal)
        #expect(p.terminationStatus == SIGINT, "ended by the watchdog, not by SIGINT")
        let second = text.components(separatedBy: "running the cases again\n\n").last ?? ""
        #expect(text.contains("bylaw: `\(cases.path)` changed, running the cases again"), "\(text)")
        #expect(second.contains("✓ 改名后的用例"), "\(second)")
        #expect(second.hasSuffix("2 passed, 0 failed\n"))
    }
}
