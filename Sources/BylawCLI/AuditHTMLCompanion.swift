import Bylaw
import BylawLocale
import BylawReports

extension AuditCommand {
    /// The file that takes the HTML report's records beyond `--html-records`: beside `--report`, and none when
    /// the report goes to standard output (the page then says how to get them).
    func htmlCompanion() -> CompanionFile? {
        guard format == .html, let report else { return nil }
        return CompanionFile(path: HTMLPaging.companionPath(forReport: report))
    }

    /// Says where the records beyond the page went, or fails the run when they could not be written.
    func finishCompanion(_ companion: CompanionFile?) throws {
        guard let companion else { return }
        if let failure = companion.failure {
            printError("bylaw: \(failure)")
            throw Exit.invalid
        }
        if companion.records > 0, !quiet {
            FileHandleOutput.writeText(
                Language.current.text("audit.companion", String(htmlRecords), String(companion.records), companion.path)
                    + "\n")
        }
    }
}
