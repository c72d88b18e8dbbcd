import Bylaw
import BylawBatch
import BylawDiagnostics
import BylawLocale

/// Why records are invalid, counted alike: a reason is a diagnostic code and what it is about (a column's header,
/// a field path), kept with the first record that had it as a sample. Memory grows with the distinct reasons,
/// at most `limit` of them; later new reasons are counted together.
public struct InvalidReasons: Sendable {
    /// One reason: how many invalid records had it, and the first of them.
    public struct Reason: Sendable, Equatable {
        public var code: String
        /// The column's header or the field path it is about, if any.
        public var subject: String?
        public var records: Int
        /// The first record's source (the whole file when it has no other) and its message, and the advice given
        /// with it.
        public var sample: RecordSource
        public var sampleMessage: String
        public var help: String?

        /// The first record's source as the machine reports write it (`ledger.csv:row 3`).
        public var sampleSource: String { sample.description }

        /// The first record's source as a reader of `language` names it (`BatchReports.place`).
        public func samplePlace(_ language: Language) -> String { BatchReports.place(sample, language) }
    }

    private struct Key: Hashable {
        var code: String
        var subject: String?
    }

    /// The most distinct reasons kept.
    public static let limit = 1000
    private var index: [Key: Int] = [:]
    private var reasons: [Reason] = []
    /// Records whose reasons were all new once `limit` was reached.
    public private(set) var otherRecords = 0

    public init() {}

    /// Counts the reasons of one invalid record (each reason once per record).
    public mutating func add(_ result: DecisionResult, source: RecordSource?) {
        var seen: Set<Key> = []
        var counted = false
        for d in result.diagnostics where d.severity == .error {
            let key = Key(code: d.code, subject: d.subject)
            guard seen.insert(key).inserted else { continue }
            if let i = index[key] {
                reasons[i].records += 1
                counted = true
            } else if reasons.count < Self.limit {
                index[key] = reasons.count
                reasons.append(
                    Reason(
                        code: d.code, subject: d.subject, records: 1,
                        sample: source ?? RecordSource(file: result.file, position: .wholeFile),
                        sampleMessage: d.message, help: d.help))
                counted = true
            }
        }
        if !counted { otherRecords += 1 }
    }

    /// The reasons, most records first, then by code and subject.
    public var mostFrequent: [Reason] {
        reasons.sorted { ($1.records, $0.code, $0.subject ?? "") < ($0.records, $1.code, $1.subject ?? "") }
    }

    /// Whether a report should open by saying that most records are invalid: more than half of `records`.
    public static func mostInvalid(_ tally: BatchTally) -> Bool {
        tally.records > 0 && tally.count(.invalid) * 2 > tally.records
    }

    /// How reports open when most records are invalid: how many, the most frequent reason and its fix.
    public static func headline(_ tally: BatchTally) -> (summary: String, cause: String?, fix: String?) {
        let judged = tally.records - tally.count(.invalid)
        let summary =
            "most records are invalid: \(tally.count(.invalid)) of \(tally.records) "
            + "(\(Ratio(part: tally.count(.invalid), whole: tally.records).percent)), so "
            + (judged == 0 ? "none was judged against the rules" : "only \(judged) were judged against the rules")
        guard let top = tally.invalidReasons.mostFrequent.first else { return (summary, nil, nil) }
        let cause = "the most frequent reason, in \(top.records) of them: \(top.sampleMessage) [\(top.code)]"
        return (summary, cause, top.help)
    }
}
