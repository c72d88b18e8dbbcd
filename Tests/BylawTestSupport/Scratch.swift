import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The one place tests write files: a folder per test process under the system's temporary folder, removed when
/// the process exits. Each test still takes its own uniquely named folder inside it, so tests running in parallel
/// never share a path, and a whole run leaves nothing behind.
public enum Scratch {
    public static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bylaw-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Scratch.root) }
        return url
    }()
}
