import Bylaw
import BylawBatch
import BylawCEL
import Foundation

/// What the targets test against, read once per process from this repository: the shipped rule library, its
/// calendar, the asset-disposal column mapping, and a scratch folder for targets whose entry point reads files.
public enum Fixtures {
    /// The repository's root, found from this file's place in it (`Fuzz/Sources/FuzzSupport/`).
    public static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The shipped rule library (`rules/`): real schemas and rules for decisions to be typed and checked against.
    public static let library: RuleLibrary = {
        let library = RuleLibrary.load(root: repository + "/rules")
        guard !library.diagnostics.contains(where: { $0.severity == .error }) else {
            fail("the shipped rule library does not load: \(library.diagnostics.map(\.message))")
        }
        return library
    }()

    /// The shipped working-day calendar, for expressions that count working days.
    public static let calendar: WorkingCalendar = {
        switch WorkingCalendar.load(path: repository + "/rules/calendars/cn-mainland.yaml") {
        case .success(let calendar): return calendar
        case .failure(let failure): fail("the shipped calendar does not load: \(failure.diagnostics.map(\.message))")
        }
    }()

    /// The asset-disposal export's column mapping (`examples/asset-disposals/columns.yaml`).
    public static let columns: CSVMapping = {
        switch CSVMapping.load(path: repository + "/examples/asset-disposals/columns.yaml") {
        case .success(let mapping): return mapping
        case .failure(let failure): fail("the example column mapping does not load: \(failure.diagnostics)")
        }
    }()

    /// A fresh folder under `$TMPDIR` (or `/tmp`) for this process, made on first use. scripts/fuzz points
    /// `TMPDIR` at its own temporary folder and removes it after the run.
    public static let scratch: String = {
        let base = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        var template = Array((base + "/bylaw-fuzz.XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }
        }
        guard let made else {
            fail("cannot make a scratch folder under `\(base)`")
        }
        return String(cString: made)
    }()

    /// Writes `bytes` to `path`, replacing what was there.
    public static func write(_ bytes: [UInt8], to path: String) {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            fail("cannot write `\(path)`")
        }
    }

    /// A broken fixture is the harness's fault, not a finding: say so and stop with a distinct status.
    public static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("fuzz fixture: \(message)\n".utf8))
        exit(3)
    }
}
