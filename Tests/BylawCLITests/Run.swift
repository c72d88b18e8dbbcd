import BylawTestSupport
import Foundation
import Testing

/// Runs the built `bylaw` binary and captures what a user would see.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let fixtures = repository + "/Tests/BylawTests/Fixtures"

    /// The `bylaw` binary built beside the test bundle (or `BYLAW_BIN`).
    static var binary: String? { BylawBinary.path }

    /// Runs `bylaw args…` in the repository folder with `stdin` as standard input.
    static func bylaw(
        _ args: [String], stdin: String? = nil, cwd: String = repository, environment: [String: String] = [:]
    ) throws -> Run {
        let bin = try #require(binary, "the bylaw binary was not built beside the tests")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: bin)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: cwd)
        if !environment.isEmpty {
            p.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let out = Pipe()
        let err = Pipe()
        let inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(Data(stdin.utf8)) }
        try inp.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(
            status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }

    /// stdout parsed as a JSON object.
    func json() throws -> [String: Any] {
        let obj = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
        return try #require(obj as? [String: Any])
    }
}
