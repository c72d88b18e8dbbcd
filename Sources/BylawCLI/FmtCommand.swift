import ArgumentParser
import Bylaw
import BylawAuthoring
import BylawLocale
import Foundation

struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: Language.current.help("help.fmt.abstract"),
        discussion: Language.current.help("help.fmt.discussion"))

    @Argument(help: ArgumentHelp(Language.current.help("help.fmt.paths")))
    var paths: [String] = ["rules"]

    @Flag(help: ArgumentHelp(Language.current.help("help.fmt.check")))
    var check = false

    func run() throws {
        var files: [String] = []
        for path in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                throw ValidationError(Language.current.text("usage.missing-path", path))
            }
            files += isDir.boolValue ? Self.files(under: path) : [path]
        }
        var changed: [String] = []
        var failed = false
        for file in files {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8)
            else {
                printError("bylaw: " + Language.current.text("op.cannot-read", file))
                failed = true
                continue
            }
            switch RuleFileFormatter.format(text, file: file) {
            case .failure(let f):
                printError("bylaw: " + Language.current.text("usage.file-problem", file, f.message))
                failed = true
            case .success(let formatted):
                guard formatted != text else { continue }
                changed.append(file)
                if !check {
                    do {
                        try formatted.write(toFile: file, atomically: true, encoding: .utf8)
                    } catch {
                        printError("bylaw: " + Language.current.text("op.cannot-write", file))
                        failed = true
                    }
                }
            }
        }
        if check {
            for file in changed { FileHandleOutput.writeAll(fd: 1, file + "\n") }
        } else {
            let n = changed.count
            FileHandleOutput.writeAll(
                fd: 1,
                Language.current.text(n == 1 ? "fmt.formatted-one" : "fmt.formatted", String(n), String(files.count))
                    + "\n")
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
