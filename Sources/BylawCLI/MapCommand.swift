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
        abstract: "Propose a mapping file (--map) from a spreadsheet's header row.",
        discussion: """
            Reads the header row of a CSV file or an .xlsx sheet (found below title rows, as \
            `bylaw audit` finds it) and the first rows under it, matches each header to a field of \
            the kind by the Chinese labels and aliases the rule sets give their input fields, and \
            prints a mapping file: headers matched, the date formats and words the rows need, \
            headers matched to nothing (ignored), and required fields no header gives. Review it, \
            then audit with it.

            EXAMPLES
              bylaw map init 处置台账.xlsx --kind asset_disposal > columns.yaml
              bylaw audit 处置台账.xlsx --kind asset_disposal --map columns.yaml

            EXIT CODES
              0  the mapping was written
              2  the file cannot be read, no rule set applies to the kind, the output
                 file exists, or the command line is wrong
            """)

    @Argument(help: ArgumentHelp("The CSV file or .xlsx workbook.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The decision kind the rows are.", valueName: "kind"))
    var kind: String

    @Option(help: ArgumentHelp("The sheet of a workbook (default: the first).", valueName: "name"))
    var sheet: String?

    @Option(help: ArgumentHelp("The row of a workbook's sheet that holds the header.", valueName: "n"))
    var headerRow: Int?

    @Option(help: ArgumentHelp("The encoding of a CSV file (default: detected).", valueName: "utf-8|gb18030|utf-16"))
    var encoding: TextEncoding?

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "Write the mapping to this file (not overwritten) instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var rules: RulesOption

    func run() throws {
        let library = try rules.loadLibrary()
        guard library.kinds.contains(kind) else {
            printError(
                "bylaw: no rule set applies to kind `\(kind)` (known kinds: \(library.kinds.joined(separator: ", ")))")
            throw Exit.invalid
        }
        let options = BatchReadOptions(encoding: encoding, sheet: sheet, headerRow: headerRow)
        let sample: SheetSample
        switch SheetSample.read(path: file, options: options) {
        case .success(let s): sample = s
        case .failure(let failure):
            for d in failure.diagnostics { printError("bylaw: \(file): \(d.message)") }
            throw Exit.invalid
        }
        let text = MappingProposal.propose(sample, file: file, kind: kind, library: library)
        guard let output else {
            FileHandleOutput.writeAll(fd: 1, text)
            return
        }
        guard !FileManager.default.fileExists(atPath: output) else {
            printError("bylaw: `\(output)` exists; choose another name or remove it first")
            throw Exit.invalid
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output))
        } catch {
            printError("bylaw: cannot write `\(output)`")
            throw Exit.invalid
        }
    }
}
