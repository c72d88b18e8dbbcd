import ArgumentParser
import Bylaw
import BylawCEL
import BylawDiagnostics
import BylawLocale
import BylawReports
import Foundation

struct DocCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doc",
        abstract: Language.current.help("help.doc.abstract"),
        discussion: Language.current.help("help.doc.discussion"))

    @Argument(help: ArgumentHelp(Language.current.help("help.doc.paths")))
    var paths: [String] = []

    @Option(help: ArgumentHelp(Language.current.help("help.doc.format")))
    var format: DocFormat = .md

    @Option(
        name: .shortAndLong, help: ArgumentHelp(Language.current.help("help.output-file"), valueName: "file"))
    var output: String?

    @OptionGroup var rules: RulesOption

    func run() throws {
        var books: [RuleBook] = []
        if paths.isEmpty {
            books.append(RuleBook(library: try rules.loadLibrary()))
        } else {
            for (root, folders) in try TestCommand.resolve(paths) {
                let library = RuleLibrary.load(root: root)
                if library.diagnostics.hasErrors {
                    printDiagnostics(library.diagnostics)
                    throw Exit.invalid
                }
                let prefixes = folders.map { $0 + "/" }
                let files = library.ruleSets.map(\.file).filter { f in prefixes.contains { f.hasPrefix($0) } }
                books.append(RuleBook(library: library, files: files))
            }
        }
        var book = books.count == 1 ? books[0] : RuleBook(merging: books)
        book.language = Language.current
        // Markdown is read in terminals and editors as it is: no control character from a rule set reaches it.
        let text = format == .md ? TerminalText.lines(book.markdown) : book.html
        guard let output else { return FileHandleOutput.writeAll(fd: 1, text) }
        do {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            printError("bylaw: " + Language.current.text("op.cannot-write-because", output, systemReason(error)))
            throw Exit.invalid
        }
    }
}

enum DocFormat: String, ExpressibleByArgument, CaseIterable {
    case md, html
}
