import ArgumentParser
import Bylaw
import BylawAuthoring
import BylawLocale
import Foundation

struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: Language.current.help("help.fmt.abstract"),
        discussion: """
            A PATH is a file, a rule-set folder (its ruleset*.yaml and tests/*.yaml) or a rule library (every \
            set in it). The layout: block collections indented two spaces per level, sequences indented \
            under their key, one space after `- `, comments indented like the line they precede, no trailing \
            white space, at most one blank line in a row, LF line ends. Scalars, quotes, flow collections and \
            comments stay as written. A file whose rewrite would not parse to the same YAML tree is left alone \
            and reported.

            EXAMPLES
              bylaw fmt --check rules
              bylaw fmt rules/asset-management
              bylaw fmt rules/asset-management/tests/cases.yaml

            EXIT CODES
              0  every file is (now) in the layout
              1  with --check, some file is not (each is listed)
              2  a file does not parse or cannot be rewritten, or the command line is wrong
            """)

    @Argument(help: "Files, rule-set folders or rule libraries (default: the current folder's `rules`).")
    var paths: [String] = ["rules"]

    @Flag(help: "Change nothing: list the files that are not in the layout and exit 1 if there are any.")
    var check = false

    func run() throws {
        var files: [String] = []
        for path in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                throw ValidationError("`\(path)` does not exist")
            }
            files += isDir.boolValue ? Self.files(under: path) : [path]
        }
        var changed: [String] = []
        var failed = false
        for file in files {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8)
            else {
                printError("bylaw: cannot read `\(file)`")
                failed = true
                continue
            }
            switch RuleFileFormatter.format(text, file: file) {
            case .failure(let f):
                printError("bylaw: `\(file)`: \(f.message)")
                failed = true
            case .success(let formatted):
                guard formatted != text else { continue }
                changed.append(file)
                if !check {
                    do {
                        try formatted.write(toFile: file, atomically: true, encoding: .utf8)
                    } catch {
                        printError("bylaw: cannot write `\(file)`")
                        failed = true
                    }
                }
            }
        }
        if check {
            for file in changed { FileHandleOutput.writeAll(fd: 1, file + "\n") }
        } else {
            let n = changed.count
            FileHandleOutput.writeAll(fd: 1, "formatted \(n) file\(n == 1 ? "" : "s") of \(files.count)\n")
        }
        if failed { throw Exit.invalid }
        if check && !changed.isEmpty { throw Exit.notCompliant }
    }

    /// The rule-set and test files under a rule-set folder or a library, sorted.
    static func files(under path: String) -> [String] {
        let folders = RuleSetFiles.isRuleSetFolder(path) ? [path] : RuleSetFiles.folders(root: path)
        var out: [String] = []
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            out += names.filter { $0.hasPrefix("ruleset") && $0.hasSuffix(".yaml") }.sorted().map { folder + "/" + $0 }
            let tests = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/tests")) ?? []
            out += tests.filter { $0.hasSuffix(".yaml") }.sorted().map { folder + "/tests/" + $0 }
        }
        return out
    }
}
