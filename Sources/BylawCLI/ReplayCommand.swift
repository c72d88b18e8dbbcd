import ArgumentParser
import Bylaw
import BylawAudit
import BylawJobs

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Judge the decisions stored in the audit trail again under a rule library, and list the changes.",
        discussion: """
            Reads every `check` and `audit` record of the store (read-only, as `bylaw log` reads it), types the \
            decision the record keeps again by the input schemas of --rules (the trail keeps numbers as the text \
            they were written in, so they come back exact), checks it on its own date, and reports each decision \
            whose verdict or failed rules differ from the recorded ones, with the rules that changed. A decision \
            recorded with masked values is not replayable (it holds digests, not values) and is counted apart.

            EXAMPLES
              bylaw check rules/asset-management/examples --audit trail.sqlite
              bylaw replay --audit trail.sqlite --rules rules
              bylaw replay --audit trail.sqlite --since 2026-01-01 --rules new-rules

            EXIT CODES
              0  no replayed decision would be judged differently
              1  some would
              2  the store or the rules cannot be read
            """)

    @OptionGroup var audit: AuditOptions
    @OptionGroup var rules: RulesOption

    @Option(help: ArgumentHelp("Only records recorded on or after this day (YYYY-MM-DD, UTC).", valueName: "date"))
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
            printError("bylaw: audit trail: \(error.message)")
            throw Exit.invalid
        }
        var out = ""
        for o in outcomes where o.changed {
            out += "~ seq \(o.seq)  \(o.id)  \(o.before) → \(o.after ?? "")\n"
            let added = o.failedAfter.filter { !o.failedBefore.contains($0) }
            let removed = o.failedBefore.filter { !o.failedAfter.contains($0) }
            if !added.isEmpty { out += "    now fails: \(added.joined(separator: ", "))\n" }
            if !removed.isEmpty { out += "    no longer fails: \(removed.joined(separator: ", "))\n" }
        }
        let changed = outcomes.filter(\.changed).count
        let masked = outcomes.filter { $0.notReplayable == "masked" }.count
        let noDocument = outcomes.filter { $0.notReplayable == "no document" }.count
        let replayed = outcomes.count - masked - noDocument
        out += "\(replayed) decisions replayed: \(changed) would be judged differently, \(replayed - changed) alike"
        if masked + noDocument > 0 {
            out += "; not replayable: \(masked) masked, \(noDocument) without a document"
        }
        FileHandleOutput.writeText(out + "\n")
        if changed > 0 { throw Exit.notCompliant }
    }
}
