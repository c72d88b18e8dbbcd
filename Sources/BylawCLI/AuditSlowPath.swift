import Bylaw
import BylawBatch
import BylawJobs
import BylawLocale
import BylawReports

extension AuditCommand {
    /// Says on standard error how many JSON records were checked the slow way and why, so a run that lost its
    /// speed says so (unless --quiet). Silent when every record took the fast path.
    func noteSlowPaths(_ tally: AuditSummary) {
        let l = Language.current
        if tally.interpreted > 0, !quiet {
            var note = l.text("audit.interpreted", String(tally.interpreted), String(tally.total))
            if let first = tally.firstInterpreted {
                let by =
                    first.by.isEmpty ? "" : l.text("audit.interpreted-by", first.by.joined(separator: l.listSeparator))
                note += "\n  " + l.text("audit.first-record", first.source) + by
            }
            printError(note)
        }
        let slow = tally.slowPaths.values.reduce(0, +)
        guard slow > 0, !quiet else { return }
        var out = l.text("audit.slow-paths", String(slow), String(tally.total)) + "\n"
        for (reason, n) in tally.slowPaths.sorted(by: { $0.key < $1.key }) {
            out += "  \(n) " + l.text(Self.slowPathTextID(reason))
            if let first = tally.firstSlow[reason] { out += l.text("audit.first-aside", first) }
            out += "\n"
        }
        printError(out.dropLast().description)
    }

    /// Says on standard error which sheet of a workbook of several sheets was read, unless `--sheet` named it
    /// or `--quiet`: the choice skips covers, hidden copies and blank forms, and the auditor should see it.
    func noteSheets(_ tally: AuditSummary) {
        guard !quiet, sheet == nil else { return }
        let l = Language.current
        for choice in tally.sheetsRead where choice.sheets.count > 1 {
            let others = choice.sheets.map { "`\($0)`" }.joined(separator: l.listSeparator)
            printError(l.text("audit.sheet-read", choice.file, "`\(choice.sheet)`", others))
        }
    }

    /// Says on standard error which rows were not checked because they are not records (totals, signature
    /// lines, notes), unless `--quiet`: the report lists them too, but a run to `/dev/null` should not hide them.
    func noteSkippedRows(_ tally: AuditSummary) {
        let skipped = tally.skipped
        guard !quiet, skipped.count > 0 else { return }
        let l = Language.current
        var rows = skipped.first.prefix(3).map { row in
            l.text(
                "audit.skipped-row", BatchReports.place(row.source, l), row.text,
                l.text(BatchReports.skippedTextID(row.kind)))
        }
        if skipped.count > rows.count { rows.append(l.text("audit.skipped-more", String(skipped.count - rows.count))) }
        printError(l.text("audit.skipped-note", String(skipped.count), rows.joined(separator: l.listSeparator)))
    }

    /// The catalogue entry that says why a record took the slow path.
    static func slowPathTextID(_ reason: SlowPathReason) -> String {
        switch reason {
        case .undeclaredField: "audit.slow.undeclared-field"
        case .mapped: "audit.slow.mapped"
        case .notPlain: "audit.slow.not-plain"
        }
    }
}
