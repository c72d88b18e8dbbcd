import ArgumentParser
import Bylaw
import BylawAuthoring
import BylawLocale
import Foundation

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: Language.current.help("help.new.abstract"),
        discussion: Language.current.help("help.new.discussion"))

    @Argument(help: ArgumentHelp(Language.current.help("help.new.name")))
    var name: String

    @Option(help: ArgumentHelp(Language.current.help("help.new.kind"), valueName: "kind"))
    var kind: String

    @Option(name: .customLong("rules"), help: ArgumentHelp(Language.current.help("help.new.rules"), valueName: "dir"))
    var directory: String = "rules"

    func validate() throws {
        guard RuleSetScaffold.isKebab(name) else {
            throw ValidationError(Language.current.text("usage.not-kebab", name))
        }
        guard RuleSetScaffold.isKind(kind) else {
            throw ValidationError(Language.current.text("usage.not-kind", kind))
        }
    }

    func run() throws {
        let fm = FileManager.default
        let folder = directory + "/" + name
        if fm.fileExists(atPath: folder) {
            printError("bylaw: " + Language.current.text("op.new-exists", folder))
            throw Exit.invalid
        }
        do {
            let l = Language.current
            let files = RuleSetScaffold.files(name: name, kind: kind) { key, arguments in
                l.text("new.placeholder." + key, arguments: arguments)
            }
            for (path, contents) in files {
                let full = folder + "/" + path
                try fm.createDirectory(
                    atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try contents.write(toFile: full, atomically: true, encoding: .utf8)
                print(Language.current.text("op.created", full))
            }
        } catch {
            printError("bylaw: " + Language.current.text("op.cannot-write-because", folder, systemReason(error)))
            throw Exit.invalid
        }
        print(Language.current.text("new.next", folder))
    }
}
