import Bylaw
import BylawDiagnostics
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Turns the inputs named on the command line into the files to read, before anything is read: a missing
/// or unreadable input stops the run at once (exit 2) rather than becoming a record.
public enum BatchInputs {
    /// The extensions read from folders.
    /// `.xls` and `.et` (old binary workbooks) are listed so that each is named with what to do, not passed over.
    public static let folderExtensions: Set<String> = [
        "yaml", "yml", "json", "jsonl", "csv", "tsv", "xlsx", "xlsm", "xls", "et",
    ]

    /// Files in input order: each file as named (its format from its extension, else `format`, else sniffed),
    /// `-` for standard input (format `format`, else sniffed), folders recursively in sorted order, hidden
    /// entries and symbolic links to folders skipped. A file a folder holds twice (itself and a link to it, or
    /// two links) is read once; a link in a folder to a data file that does not exist is an error, as a missing
    /// input is.
    public static func resolve(_ inputs: [String], format: InputFormat?) -> Result<[BatchFile], LoadFailure> {
        var files: [BatchFile] = []
        var problems: [Diagnostic] = []
        var seen = Set<FileIdentity>()
        var sawStdin = false
        for input in inputs {
            if input == "-" {
                if sawStdin {
                    problems.append(.error("io.stdin-twice", "standard input (`-`) is named twice", at: nil))
                }
                sawStdin = true
                files.append(BatchFile(path: "-", format: format, size: nil))
                continue
            }
            var info = stat()
            guard stat(input, &info) == 0 else {
                problems.append(unreadable(input))
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                walk(input, into: &files, problems: &problems, seen: &seen)
            } else if access(input, R_OK) != 0 {
                problems.append(unreadable(input))
            } else {
                let size = info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : nil
                // Named again (twice on the line, or also inside a folder named before it): read once.
                if info.st_mode & S_IFMT == S_IFREG, !seen.insert(FileIdentity(info)).inserted { continue }
                files.append(BatchFile(path: input, format: InputFormat.of(path: input) ?? format, size: size))
            }
        }
        return problems.isEmpty ? .success(files) : .failure(LoadFailure(diagnostics: problems))
    }

    private static func unreadable(_ path: String) -> Diagnostic {
        if errno == ENOENT { return .error("io.not-found", "there is no input `\(path)`", at: nil) }
        return .error(
            "io.unreadable", "cannot read input `\(path)`: \(String(cString: strerror(errno)).lowercased())", at: nil)
    }

    /// A file's identity on its device, whatever path names it.
    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    private static func walk(
        _ dir: String, into files: inout [BatchFile], problems: inout [Diagnostic], seen: inout Set<FileIdentity>
    ) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
            problems.append(.error("io.unreadable", "cannot read the folder `\(dir)`", at: nil))
            return
        }
        // Files and folders first, then links: a file that a link beside it names again is read under its own
        // name.
        let entries = names.sorted().filter { !$0.hasPrefix(".") }.compactMap { name -> (String, String, stat)? in
            let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
            var link = stat()
            guard lstat(path, &link) == 0 else { return nil }
            return (name, path, link)
        }
        let isLink = { (entry: (String, String, stat)) in entry.2.st_mode & S_IFMT == S_IFLNK }
        for (name, path, link) in entries.filter({ !isLink($0) }) + entries.filter(isLink) {
            var info = link
            let isData = folderExtensions.contains((name as NSString).pathExtension.lowercased())
            if link.st_mode & S_IFMT == S_IFLNK {
                guard stat(path, &info) == 0 else {
                    // A link to a data file that is gone (or that loops, or is barred): its records would be
                    // missing without a word.
                    if isData {
                        problems.append(
                            errno == ENOENT
                                ? .error("io.not-found", "`\(path)` links to a file that does not exist", at: nil)
                                : unreadable(path))
                    }
                    continue
                }
                guard info.st_mode & S_IFMT != S_IFDIR else { continue }
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                walk(path, into: &files, problems: &problems, seen: &seen)
                continue
            }
            guard info.st_mode & S_IFMT == S_IFREG, let format = InputFormat.of(path: path), isData else { continue }
            guard access(path, R_OK) == 0 else {
                problems.append(unreadable(path))
                continue
            }
            // The same file under a second name (a link beside it) would count every record twice.
            guard seen.insert(FileIdentity(info)).inserted else { continue }
            files.append(BatchFile(path: path, format: format, size: Int(info.st_size)))
        }
    }
}
