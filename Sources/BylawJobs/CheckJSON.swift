import Bylaw
import BylawAudit
import BylawDiagnostics
import BylawLocale
import BylawReports

extension CheckOutcome {
    /// The results as shown: sensitive values masked unless `reveal` (the trail was written from the real ones).
    public func shownResults(reveal: Bool) -> [DecisionResult] {
        decisions.map { reveal ? $0.result : $0.result.masked() }
    }

    /// The `check --format json` document (docs/json-output.md), each recorded decision with its receipt.
    /// - Parameter language: the language of the diagnostics' words (the service answers in the request's).
    public func json(reveal: Bool, language: Language = .english) -> String {
        ResultJSON.run(shownResults(reveal: reveal), receipts: receipts.map(Self.receiptJSON), language: language)
    }

    /// A receipt as the JSON object `receipt` of a decision.
    public static func receiptJSON(_ r: Receipt) -> String {
        "{\"seq\":\(r.seq),\"record_id\":\(JSONText.quote(r.recordID)),\"leaf_hash\":\"\(r.leafHash)\","
            + "\"chain_hash\":\"\(r.chainHash)\"}"
    }
}
