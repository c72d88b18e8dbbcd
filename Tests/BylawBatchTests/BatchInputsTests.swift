import BylawTestSupport
import Foundation
import Testing

@testable import BylawBatch

/// What a folder named as an input turns into: each file once, whatever names it, and no data file missing
/// without a word.
@Suite struct BatchInputsTests {
    func folder() throws -> String {
        let dir = Scratch.root.appendingPathComponent("bylaw-inputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    /// A link beside a file (or a second link) names the same records: they are read once, under the file's
    /// own name; a hard link likewise.
    @Test func aFileNamedTwiceInAFolderIsReadOnce() throws {
        let dir = try folder()
        try Data("{\"id\":\"A\"}\n".utf8).write(to: URL(fileURLWithPath: dir + "/three.jsonl"))
        #expect(symlink("three.jsonl", dir + "/a-link.jsonl") == 0)
        #expect(symlink(dir + "/three.jsonl", dir + "/b-link.jsonl") == 0)
        #expect(link(dir + "/three.jsonl", dir + "/z-hard.jsonl") == 0)
        try Data("{\"id\":\"B\"}\n".utf8).write(to: URL(fileURLWithPath: dir + "/other.jsonl"))
        let files = try BatchInputs.resolve([dir], format: nil).get()
        #expect(files.map { ($0.path as NSString).lastPathComponent } == ["other.jsonl", "three.jsonl"])
    }

    /// A file named on the command line and again inside a folder named with it, or named twice, is read once.
    @Test func aFileNamedOnTheLineAndInAFolderIsReadOnce() throws {
        let dir = try folder()
        try Data("{\"id\":\"A\"}\n".utf8).write(to: URL(fileURLWithPath: dir + "/a.jsonl"))
        try Data("{\"id\":\"B\"}\n".utf8).write(to: URL(fileURLWithPath: dir + "/b.jsonl"))
        let files = try BatchInputs.resolve([dir + "/a.jsonl", dir, dir + "/a.jsonl"], format: nil).get()
        #expect(files.map { ($0.path as NSString).lastPathComponent } == ["a.jsonl", "b.jsonl"])
    }

    /// A link that loops is unreadable, said as such, not as a missing file.
    @Test func aLoopingLinkIsUnreadable() throws {
        let dir = try folder()
        #expect(symlink("loop.csv", dir + "/loop.csv") == 0)
        guard case .failure(let failure) = BatchInputs.resolve([dir], format: nil) else {
            Issue.record("the looping link was passed over")
            return
        }
        #expect(failure.diagnostics.map(\.code) == ["io.unreadable"])
    }

    /// A link to a data file that is gone is an error for the run, as a missing input is; a link to something
    /// that is not data is passed over, as such a file is.
    @Test func aLinkToAMissingDataFileIsAnError() throws {
        let dir = try folder()
        try Data("{\"id\":\"A\"}\n".utf8).write(to: URL(fileURLWithPath: dir + "/one.jsonl"))
        #expect(symlink("gone.csv", dir + "/dangling.csv") == 0)
        #expect(symlink("gone.txt", dir + "/notes.txt") == 0)
        guard case .failure(let failure) = BatchInputs.resolve([dir], format: nil) else {
            Issue.record("the dangling link was passed over")
            return
        }
        #expect(failure.diagnostics.map(\.code) == ["io.not-found"])
        #expect(failure.diagnostics.first?.message.contains("dangling.csv") == true)
    }
}
