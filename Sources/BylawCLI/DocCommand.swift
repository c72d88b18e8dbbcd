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
        discussion: """
            Writes a rule book that a reviewer can read without YAML: for each rule set its source, the dates \
            it is in force, what it applies to, its parameters and the decision fields it reads; for each rule \
            its id, title, severity, citation, when it applies and what it requires (the CEL exactly as written) \
            and its message; decision tables as tables; an index by article; which sets extend which.

            A PATH is a rule-set folder (it holds ruleset.yaml) or a rule library holding such folders; without \
            one, the whole library in --rules. The output holds no dates or times, so it can be committed: \
            docs/rulebook.md is the shipped library's book.

            EXAMPLES
              bylaw doc --format md -o docs/rulebook.md
              bylaw doc rules/asset-management --format html -o asset-management.html

            EXIT CODES
              0  the rule book was written
              2  the rule sets do not load, a path is not a folder, the output cannot
                 be written, or the command line is wrong
            """)

    @Argument(help: "Rule-set folders or rule libraries (default: the library in --rules).")
    var paths: [String] = []

    @Option(help: "Output format: md (Markdown) or html (one self-contained page).")
    var format: DocFormat = .md

    @Option(
        name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
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
        let book = books.count == 1 ? books[0] : RuleBook(merging: books)
        // Markdown is read in terminals and editors as it is: no control character from a rule set reaches it.
        let text = format == .md ? TerminalText.lines(book.markdown) : book.html
        guard let output else { return FileHandleOutput.writeAll(fd: 1, text) }
        do {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            printError("bylaw: cannot write `\(output)`: \(error.localizedDescription)")
            throw Exit.invalid
        }
    }
}

enum DocFormat: String, ExpressibleByArgument, CaseIterable {
    case md, html
}
