import Bylaw
import BylawBatch
import BylawJobs

extension AuditCommand {
    /// Says on standard error how many JSON records were checked the slow way and why, so a run that lost its
    /// speed says so (unless --quiet). Silent when every record took the fast path.
    func noteSlowPaths(_ tally: AuditSummary) {
        let slow = tally.slowPaths.values.reduce(0, +)
        guard slow > 0, !quiet else { return }
        var out = "note: \(slow) of \(tally.total) records took the slow path (read as a tree, 2–3 times slower):\n"
        for (reason, n) in tally.slowPaths.sorted(by: { $0.key < $1.key }) {
            out += "  \(n) \(reason.rawValue)\n"
        }
        printError(out.dropLast().description)
    }
}
