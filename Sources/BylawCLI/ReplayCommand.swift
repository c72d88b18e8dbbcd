import ArgumentParser
import Bylaw
import BylawAudit
import BylawJobs
import BylawLocale

struct ReplayCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "replay", abstract: Language.current.help("help.replay.abstract"),
            discussion: Language.current.help("help.replay.discussion"))
    }

    @OptionGroup var audit: AuditOptions
    @OptionGroup var rules: RulesOption

    @Option(help: ArgumentHelp(Language.current.help("help.replay.since"), valueName: "date"))
    var since: String?

    func run() throws {
        if let since { _ = try parseDate(since) }
        let library = try rules.loadLibrary()
        let store = try audit.openForReading()
        var outcomes: [ReplayOutcome] = []
        do {
            try store.forEachCanonical { bytes in
                if let o = Replay.judge(record: bytes, library: library, since: since) { outcomes.append(o) }
            }
        } catch {
            printError("bylaw: " + Language.current.text("op.trail-error", error.text(in: .current)))
            throw Exit.invalid
        }
        let l = Language.current
        var out = ""
        for o in outcomes where o.changed {
            out += "~ seq \(o.seq)  \(o.id)  \(l.storedVerdict(o.before)) → \(l.storedVerdict(o.after ?? ""))\n"
            let added = o.failedAfter.filter { !o.failedBefore.contains($0) }
            let removed = o.failedBefore.filter { !o.failedAfter.contains($0) }
            if !added.isEmpty { out += "    " + l.text("replay.now-fails", added.joined(separator: ", ")) + "\n" }
            if !removed.isEmpty {
                out += "    " + l.text("replay.no-longer-fails", removed.joined(separator: ", ")) + "\n"
            }
        }
        let changed = outcomes.filter(\.changed).count
        let masked = outcomes.filter { $0.notReplayable == "masked" }.count
        let noDocument = outcomes.filter { $0.notReplayable == "no document" }.count
        let replayed = outcomes.count - masked - noDocument
        out += l.text("replay.summary", String(replayed), String(changed), String(replayed - changed))
        if masked + noDocument > 0 { out += l.text("replay.not-replayable", String(masked), String(noDocument)) }
        FileHandleOutput.writeText(out + "\n")
        if changed > 0 { throw Exit.notCompliant }
    }
}
