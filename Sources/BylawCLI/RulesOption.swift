import ArgumentParser
import Bylaw
import BylawDiagnostics
import BylawLocale
import Foundation

/// `--rules DIR`, shared by every command that reads rule sets.
struct RulesOption: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp(Language.current.help("help.rules"), valueName: "dir"))
    var directory: String = "rules"

    /// Loads the library; on any load error, prints the diagnostics and exits 2.
    func loadLibrary() throws -> RuleLibrary {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            printError("bylaw: " + Language.current.text("op.rules-missing", directory))
            throw Exit.invalid
        }
        let library = RuleLibrary.load(root: directory)
        if library.diagnostics.hasErrors {
            printDiagnostics(library.diagnostics)
            throw Exit.invalid
        }
        return library
    }
}

/// Prints diagnostics to stderr with source excerpts.
func printDiagnostics(_ diagnostics: [Diagnostic]) {
    let renderer = DiagnosticRenderer(
        colour: FileHandleOutput.stderrIsTerminal, language: Language.current, source: DiagnosticRenderer.fileSource)
    FileHandleOutput.writeStderr(renderer.render(diagnostics))
}
