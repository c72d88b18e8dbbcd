import ArgumentParser
import Bylaw
import BylawBatch
import BylawCEL
import BylawDiagnostics
import BylawJobs
import BylawLocale
import BylawReports
import BylawYAML
import Foundation

struct CheckCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "check", abstract: Language.current.help("help.check.abstract"),
            discussion: Language.current.help("help.check.discussion"))
    }

    @Argument(help: ArgumentHelp(Language.current.help("help.check.decisions")))
    var decisions: [String]

    @OptionGroup var rules: RulesOption

    @Option(
        help: ArgumentHelp(
            Language.current.help("help.check.as-of"), valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp(Language.current.help("help.check.format")))
    var format: OutputFormat = .text

    @Flag(help: ArgumentHelp(Language.current.help("help.check.quiet")))
    var quiet = false

    @Flag(
        help: ArgumentHelp(Language.current.help("help.check.reveal")))
    var reveal = false

    @OptionGroup var recording: RecordingOptions

    func run() throws {
        let asOfDate = try asOf.map(parseDate)
        let files = try Self.decisionFiles(decisions)
        // A decision over the size limit is refused by its size alone: when every one named is, the rule
        // library is not even loaded, so a huge or hostile file costs next to nothing.
        let library =
            files.allSatisfy(Self.isOversized)
            ? RuleLibrary.load(files: [], calendarsRoot: rules.directory) : try rules.loadLibrary()
        let consequence = Language.current.text("op.consequence.check")
        let outcome: CheckOutcome
        do {
            outcome = try CheckJob.run(
                files: files, library: library, asOf: asOfDate,
                recording: recording.recording(verb: "record to", consequence: consequence))
        } catch let failure as RecordingFailure {
            throw recording.explain(failure, consequence: consequence)
        }
        let receipts = outcome.receipts
        // What is shown: sensitive values masked unless --reveal (the trail was written from the real result).
        let results = outcome.shownResults(reveal: reveal)
        switch format {
        case .text:
            let renderer = TextReport(
                colour: FileHandleOutput.stdoutIsTerminal, quiet: quiet, language: Language.current)
            let texts = results.enumerated().map { k, r in
                renderer.render(r) + (k < receipts.count && !quiet ? renderer.receipt(receipts[k]) : "")
            }
            let text = texts.joined(separator: "\n")
            FileHandleOutput.writeText(text)
            // A message that reads `[masked]` hides what failed from the officer: say how to see it.
            if !reveal, !quiet, text.contains(SensitivePaths.mask) {
                printError(Language.current.text("check.masked-note"))
            }
        case .json:
            FileHandleOutput.writeAll(fd: 1, outcome.json(reveal: reveal) + "\n")
        }
        let worst = results.map(\.verdict).min() ?? .compliant
        if worst != .compliant { throw ExitCode(worst.exitCode) }
    }
}

extension CheckCommand {
    /// Whether a regular file is larger than a decision may be (it is refused without being read).
    static func isOversized(_ path: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType == .typeRegular, let size = attributes[.size] as? Int
        else { return false }
        return size > YAMLLimits.decision.maxBytes
    }

    /// The decision files named: a file as it is, a folder as every `.yaml`, `.yml` and `.json` file in it and its
    /// subfolders, in sorted order (hidden entries skipped), as `audit` reads folders.
    static func decisionFiles(_ names: [String]) throws -> [String] {
        var files: [String] = []
        for name in names {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: name, isDirectory: &isFolder), isFolder.boolValue else {
                files.append(name)
                continue
            }
            switch BatchInputs.resolve([name], format: nil) {
            case .success(let found):
                let decisions = found.map(\.path).filter {
                    ["yaml", "yml", "json"].contains(($0 as NSString).pathExtension.lowercased())
                }
                guard !decisions.isEmpty else {
                    printError("bylaw: " + Language.current.text("op.no-decision-files", name))
                    throw Exit.invalid
                }
                files += decisions
            case .failure(let failure):
                printDiagnostics(failure.diagnostics)
                throw Exit.invalid
            }
        }
        return files
    }
}

/// `--format text|json`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--as-of` and other date options: exactly YYYY-MM-DD.
func parseDate(_ text: String) throws -> CELDate {
    guard text.utf8.count == 10, let d = CELDate(iso: text) else {
        throw ValidationError(Language.current.text("usage.bad-date", text))
    }
    return d
}
