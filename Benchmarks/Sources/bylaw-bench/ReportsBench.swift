import Bylaw
import BylawBatch
import BylawJSON
import BylawReports
import Foundation

/// Batch-report figures: records per second and memory for each `bylaw audit` report format on a large
/// batch (default 1,000,000 records, 30 % non-compliant; `BYLAW_BENCH_RECORDS` to change), built from real
/// asset-disposal results. The report goes to a sink that only counts bytes, so the memory figure is the
/// reporter's own: it must stay flat however many records are listed. `BYLAW_BENCH_FORMATS=text,html` runs
/// only those formats.
func benchReports() {
    let root = ProcessInfo.processInfo.environment["BYLAW_RULES"] ?? "rules"
    let n = Int(ProcessInfo.processInfo.environment["BYLAW_BENCH_RECORDS"] ?? "") ?? 1_000_000
    let library = RuleLibrary.load(root: root)
    let examples = root + "/asset-management/examples/"
    let good = library.check(file: examples + "compliant-vehicle-auction.yaml")
    let bad = library.check(file: examples + "non-compliant-building-agreement-sale.yaml")
    guard good.verdict == .compliant, bad.verdict == .nonCompliant else {
        print("run from the repository root (asset-management examples not found or not as expected)")
        return
    }
    let units = (0..<40).map { "acftu/province-\($0 % 8)/单位-\($0)" }
    let run = BatchRunInfo(
        bylawVersion: BylawVersion.current, inputs: ["disposals.csv"], asOf: nil, ruleSets: bad.ruleSets)
    print("\(n) records, 30 % non-compliant (\(bad.results(.failed).count) failed rules each)")
    let only = ProcessInfo.processInfo.environment["BYLAW_BENCH_FORMATS"]?.split(separator: ",").map(String.init)
    for format in BatchReportFormat.allCases where only?.contains(format.rawValue) ?? true {
        var reporter = BatchReports.reporter(format: format)
        var sink = CountingSink()
        let before = residentBytes()
        var peak = before
        let start = nowNanos()
        let cpuStart = cpuSeconds()
        reporter.begin(run, to: &sink)
        for i in 0..<n {
            var result = i % 10 < 3 ? bad : good
            result.id = "ZC-\(i)"
            result.unit = units[i % units.count]
            reporter.add(
                BatchItem(index: i, source: RecordSource(file: "disposals.csv", position: .row(i + 1)), result: result),
                to: &sink)
            if i % 20_000 == 0 { peak = max(peak, residentBytes()) }
        }
        reporter.finish(to: &sink)
        peak = max(peak, residentBytes())
        let seconds = Double(nowNanos() - start) / 1e9
        let cpu = cpuSeconds() - cpuStart
        print(
            String(
                format:
                    "%-5@  %8.0f records/s (%8.0f per CPU second)  output %6.1f MB  resident memory growth %5.1f MB",
                format.rawValue, Double(n) / seconds, Double(n) / cpu, Double(sink.bytes) / 1e6,
                Double(peak - before) / 1e6))
    }
}

/// User and system CPU time of this process so far, in seconds: a fairer figure than wall time on a shared
/// machine.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return user + system
}

/// A report sink that counts bytes and keeps none.
struct CountingSink: ReportSink {
    var bytes = 0
    mutating func write(_ text: String) { bytes += text.utf8.count }
}

/// The process's resident set size now, from /proc/self/statm (0 where there is no /proc).
func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}
