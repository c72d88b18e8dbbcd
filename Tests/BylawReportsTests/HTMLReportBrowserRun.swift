import BylawLocale
import BylawTestSupport
import Foundation
import Testing

/// One run of `scripts/check-html-report` on the fixture's HTML report in a language: what the browser saw.
struct HTMLReportBrowserRun {
    /// The folder of the report and its screenshot (`report.png`); removed with the test process's scratch.
    let folder: URL
    /// The JSON the script printed.
    let seen: [String: Any]

    static func run(_ language: Language) throws -> HTMLReportBrowserRun {
        let dir = Scratch.root.appendingPathComponent("bylaw-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let report = dir.appendingPathComponent("report.html")
        try Data(BatchFixture.render(.html, language: language).utf8).write(to: report)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Paths.repository + "/scripts/check-html-report")
        process.arguments = ["--no-install", report.path, dir.appendingPathComponent("report.png").path]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "check-html-report failed: \(stderr)")
        let seen = try #require(try JSONSerialization.jsonObject(with: stdout) as? [String: Any])
        return HTMLReportBrowserRun(folder: dir, seen: seen)
    }
}
