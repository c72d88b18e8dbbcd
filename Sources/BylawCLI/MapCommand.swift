import ArgumentParser
import Bylaw
import BylawBatch
import BylawCEL
import BylawLocale
import Foundation

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: Language.current.help("help.map.abstract"),
        subcommands: [MapInitCommand.self])
}

struct MapInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: Language.current.help("help.map-init.abstract"),
        discussion: Language.current.help("help.map-init.discussion"))

    @Argument(help: ArgumentHelp(Language.current.help("help.map-init.file"), valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp(Language.current.help("help.map-init.kind"), valueName: "kind"))
    var kind: String

    @Option(help: ArgumentHelp(Language.current.help("help.audit.sheet"), valueName: "name"))
    var sheet: String?

    @Option(help: ArgumentHelp(Language.current.help("help.audit.header-row"), valueName: "n"))
    var headerRow: Int?

    @Option(help: ArgumentHelp(Language.current.help("help.audit.encoding"), valueName: "utf-8|gb18030|utf-16"))
    var encoding: TextEncoding?

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(Language.current.help("help.map-init.output"), valueName: "file"))
    var output: String?

    @OptionGroup var rules: RulesOption

    func run() throws {
        let library = try rules.loadLibrary()
        guard library.kinds.contains(kind) else {
            printError("bylaw: " + Language.current.text("op.no-kind", kind, library.kinds.joined(separator: ", ")))
            throw Exit.invalid
        }
        // Records in JSON or YAML name their fields themselves: there are no columns to propose a mapping for.
        if let format = InputFormat.of(path: file), format != .csv, format != .xlsx {
            printError("bylaw: " + Language.current.text("op.map-init-not-table", file))
            throw Exit.invalid
        }
        let options = BatchReadOptions(encoding: encoding, sheet: sheet, headerRow: headerRow)
        let sample: SheetSample
        switch SheetSample.read(path: file, options: options, library: library, kind: kind) {
        case .success(let s): sample = s
        case .failure(let failure):
            for d in failure.diagnostics {
                printError(
                    "bylaw: \(file): " + DiagnosticWording.message(code: d.code, english: d.message, Language.current))
            }
            throw Exit.invalid
        }
        let text = MappingProposal.propose(
            sample, file: file, kind: kind, library: library, words: Language.current.text(_:arguments:))
        guard let output else {
            FileHandleOutput.writeAll(fd: 1, text)
            return
        }
        guard !FileManager.default.fileExists(atPath: output) else {
            printError("bylaw: " + Language.current.text("op.exists", output))
            throw Exit.invalid
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output))
        } catch {
            printError("bylaw: " + Language.current.text("op.cannot-write", output))
            throw Exit.invalid
        }
    }
}
