import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Notices changes to the files under some folders by polling their modification times and sizes: simple,
/// portable, and cheap for a rule library's few hundred files. Used by `bylaw test --watch` and by
/// `bylaw serve`, which reloads its rules when they change.
package struct FileWatcher: Sendable {
    private let roots: [String]
    private var stamps: [String: Stamp]

    /// What tells one version of a file from the next: replaced (inode), resized or touched (to the nanosecond).
    private struct Stamp: Equatable {
        var inode: UInt64
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
    }

    package init(roots: [String]) {
        self.roots = roots
        self.stamps = Self.scan(roots)
    }

    /// How many files are watched.
    package var count: Int { stamps.count }

    /// Blocks until a file is added, removed or changed; the first such path (in name order).
    package mutating func waitForChange(every interval: TimeInterval = 0.5) -> String {
        while true {
            Thread.sleep(forTimeInterval: interval)
            if let changed = poll() { return changed }
        }
    }

    /// Looks once: the first path (in name order) added, removed or changed since the last look, if any.
    package mutating func poll() -> String? {
        let now = Self.scan(roots)
        guard now != stamps else { return nil }
        let paths = Set(now.keys).union(stamps.keys).sorted()
        let changed = paths.first { now[$0] != stamps[$0] } ?? roots.first ?? "."
        // Let an editor finish writing before the files are read.
        Thread.sleep(forTimeInterval: 0.1)
        stamps = Self.scan(roots)
        return changed
    }

    private static func scan(_ roots: [String]) -> [String: Stamp] {
        var out: [String: Stamp] = [:]
        let fm = FileManager.default
        for root in roots {
            guard let walker = fm.enumerator(atPath: root) else { continue }
            while let relative = walker.nextObject() as? String {
                let path = root + "/" + relative
                var info = stat()
                guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
                out[path] = Stamp(
                    inode: UInt64(info.st_ino), size: Int64(info.st_size), seconds: info.st_mtim.tv_sec,
                    nanoseconds: info.st_mtim.tv_nsec)
            }
        }
        return out
    }
}
