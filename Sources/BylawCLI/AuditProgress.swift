import Bylaw
import BylawJobs
import BylawLocale

/// The progress line of `bylaw audit` on stderr: records done, records per second, non-compliant records so
/// far and, when the inputs' total size is known, the share read and an ETA. Drawn only on a terminal and
/// without --quiet, at most ten times a second; `clear()` removes it before anything else is printed.
struct ProgressLine {
    let enabled: Bool
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var lastDraw: ContinuousClock.Instant
    private var drawn = false

    init(enabled: Bool) {
        self.enabled = enabled
        started = clock.now
        lastDraw = started
    }

    /// Redraws the line if a tenth of a second has passed since the last time.
    mutating func update(_ p: AuditProgress) {
        guard enabled else { return }
        let (done, nonCompliant, invalid, bytesRead, totalBytes) = (
            p.done, p.nonCompliant, p.invalid, p.bytesRead, p.totalBytes
        )
        let now = clock.now
        guard now - lastDraw >= .milliseconds(100) else { return }
        lastDraw = now
        let seconds = Self.seconds(now - started)
        let l = Language.current
        var line = l.text("progress.records", Self.grouped(done))
        if seconds > 0 { line += l.text("progress.rate", Self.grouped(Int(Double(done) / seconds))) }
        line += l.text("progress.non-compliant", Self.grouped(nonCompliant))
        if invalid > 0 { line += l.text("progress.invalid", Self.grouped(invalid)) }
        if let total = totalBytes, total > 0, bytesRead > 0 {
            let fraction = min(1, Double(bytesRead) / Double(total))
            line += " · \(Int(fraction * 100))%"
            if fraction > 0.01 {
                let left = Int(seconds / fraction - seconds)
                line += l.text("progress.eta", "\(left / 60):" + (left % 60 < 10 ? "0" : "") + "\(left % 60)")
            }
        }
        FileHandleOutput.writeStderr("\r\u{1B}[K" + line)
        drawn = true
    }

    /// Erases the line.
    mutating func clear() {
        guard drawn else { return }
        FileHandleOutput.writeStderr("\r\u{1B}[K")
        drawn = false
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// `1,234,567`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}
