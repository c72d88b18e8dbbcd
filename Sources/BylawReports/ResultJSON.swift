import Bylaw
import BylawCEL
import BylawDiagnostics
import BylawLocale

/// The stable JSON shape of check results (documented in docs/json-output.md).
/// Keys are written in a fixed order; decimals and dates are strings, never floating point.
public enum ResultJSON {
    /// `{"bylaw_version", "verdict", "decisions": [...]}` for a `check` run.
    /// - Parameter receipts: for each decision recorded in the audit trail, its receipt as a JSON object, added
    ///   as the decision's last member `receipt`.
    /// - Parameter language: the language of the diagnostics' words (message, help, notes); codes and keys never
    ///   change. English by default, as the command line's JSON stays.
    public static func run(_ results: [DecisionResult], receipts: [String?] = [], language: Language = .english)
        -> String
    {
        let worst = results.map(\.verdict).min() ?? .compliant
        let decisions = results.enumerated().map { k, r -> String in
            decision(r, receipt: k < receipts.count ? receipts[k] : nil, language: language)
        }
        return
            "{\"bylaw_version\":\(JSONText.quote(BylawVersion.current)),\"verdict\":\(JSONText.quote(worst.rawValue)),"
            + "\"decisions\":[" + decisions.joined(separator: ",") + "]}"
    }

    /// One decision's result as a JSON object.
    /// - Parameter receipt: the decision's receipt as a JSON object, written as the last member `receipt`.
    public static func decision(_ r: DecisionResult, receipt: String? = nil, language: Language = .english) -> String {
        // One growing byte buffer: this runs once per record of a batch audit.
        var out = JSONBytes(capacity: 1024 + 400 * r.results.count)
        out.literal("{")
        appendMembers(r, receipt: receipt, to: &out, language: language)
        return out.text
    }

    /// A decision's members and the closing brace (what follows `{` in `decision`), appended to `out`.
    static func appendMembers(
        _ r: DecisionResult, receipt: String?, to out: inout JSONBytes, language: Language = .english
    ) {
        appendHeader(r, to: &out)
        // Four counts, not an array of them: an array is an allocation per record.
        var (passed, failed, notApplicable, errors) = (0, 0, 0, 0)
        // By index: `for result in r.results` copies each result (a reference count per field).
        for k in r.results.indices {
            switch r.results[k].outcome {
            case .passed: passed += 1
            case .failed: failed += 1
            case .notApplicable: notApplicable += 1
            case .error: errors += 1
            }
        }
        out.literal(",\"summary\":{\"passed\":")
        out.int(passed)
        out.literal(",\"failed\":")
        out.int(failed)
        out.literal(",\"not_applicable\":")
        out.int(notApplicable)
        out.literal(",\"error\":")
        out.int(errors)
        out.literal("},\"results\":[")
        // Through the buffer: handing `r.results[k]` to a function copied the result first.
        r.results.withUnsafeBufferPointer { results in
            for k in results.indices {
                if k > 0 { out.literal(",") }
                appendRule(results[k], to: &out)
            }
        }
        if r.diagnostics.isEmpty {
            out.literal("],\"diagnostics\":[]")
        } else {
            out.raw(
                "],\"diagnostics\":["
                    + r.diagnostics.sortedForOutput().map { $0.json(in: language) }.joined(separator: ",") + "]")
        }
        // Written in place: cutting the closing brace off the finished text walked every character of it.
        if let receipt { out.raw(",\"receipt\":" + receipt) }
        out.literal("}")
    }

    /// The members every report of one decision starts with: `file, kind, id, date, unit, verdict, rule_sets`.
    static func header(_ r: DecisionResult) -> String {
        var out = JSONBytes(capacity: 512)
        appendHeader(r, to: &out)
        return out.text
    }

    /// The one writer of a decision's first members, for the check, batch and explain reports alike.
    private static func appendHeader(_ r: DecisionResult, to out: inout JSONBytes) {
        out.member("\"file\":", r.file)
        out.member(",\"kind\":", r.kind)
        out.member(",\"id\":", r.id)
        out.member(",\"date\":", r.date)
        out.member(",\"unit\":", r.unit)
        out.member(",\"verdict\":", r.verdict.rawValue)
        out.literal(",\"rule_sets\":[")
        for (k, set) in r.ruleSets.enumerated() {
            if k > 0 { out.literal(",") }
            appendRuleSet(set, to: &out)
        }
        out.literal("]")
    }

    /// `{"id", "version", "file", "extends": [...]}`: a set and the parents whose rules it applied with it.
    static func ruleSet(_ a: AppliedRuleSet) -> String {
        var out = JSONBytes(capacity: 256)
        appendRuleSet(a, to: &out)
        return out.text
    }

    /// The set's object, as `AppliedRuleSet` writes it (kept with a loaded set, so written once).
    private static func appendRuleSet(_ a: AppliedRuleSet, to out: inout JSONBytes) {
        out.append(bytes: a.jsonObject)
    }

    /// The members every report of one rule starts with: `rule_set, rule, title, cite, severity, outcome,
    /// message, error`.
    static func ruleHeader(_ r: RuleResult) -> String {
        var out = JSONBytes(capacity: 256)
        appendRuleHeader(r, to: &out)
        return out.text
    }

    /// The one writer of a rule's first members: the rule's own five, made once per rule, then the result's.
    private static func appendRuleHeader(_ r: RuleResult, to out: inout JSONBytes) {
        out.append(bytes: r.jsonHead)
        out.member(",\"outcome\":", r.outcome.rawValue)
        out.member(",\"message\":", r.message)
        out.member(",\"error\":", r.error)
    }

    /// One rule's result as a JSON object.
    public static func rule(_ r: RuleResult) -> String {
        var out = JSONBytes(capacity: 512)
        appendRule(r, to: &out)
        return out.text
    }

    private static func appendRule(_ r: RuleResult, to out: inout JSONBytes) {
        if let whole = r.jsonWhole {
            out.append(bytes: whole)
            return
        }
        out.literal("{")
        appendRuleHeader(r, to: &out)
        out.literal(",\"evidence\":[")
        for (k, e) in r.evidence.enumerated() {
            if k > 0 { out.literal(",") }
            out.member("{\"path\":", e.path)
            out.literal(",\"value\":")
            ValueText.appendJSON(e.value, to: &out.bytes)
            out.literal("}")
        }
        out.literal("]")
        // Only when present, so that every other result keeps its shape.
        if let p = r.provisional {
            out.raw(",\"provisional\":{\"calendar\":")
            out.string(p.calendar)
            out.raw(",\"day\":")
            out.string(p.day.description)
            out.raw(",\"message\":")
            out.string(p.message)
            out.raw("}")
        }
        out.raw("}")
    }
}

/// JSON text built as UTF-8 bytes, strings quoted by `JSONText`, turned into a `String` once at the end.
struct JSONBytes {
    /// What is written so far; a caller with a buffer of its own swaps it in and out (no copy).
    var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Text that is already JSON.
    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// A literal that is already JSON, copied as its bytes. A one-byte literal (the comma between two results,
    /// a closing bracket) is appended as a byte: a copy of a buffer costs ninety instructions, a byte ten.
    @inline(__always)
    mutating func literal(_ text: StaticString) {
        if text.utf8CodeUnitCount == 1 {
            bytes.append(text.utf8Start.pointee)
        } else {
            bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
    }

    /// A literal that is already JSON (a key and its colon, with its comma), then a string or null.
    mutating func member(_ key: StaticString, _ value: String?) {
        literal(key)
        string(value)
    }

    /// Bytes that are already JSON.
    mutating func append(bytes more: [UInt8]) { bytes.append(contentsOf: more) }

    /// A non-negative count in decimal, written without making a `String` of it.
    mutating func int(_ n: Int) {
        guard n >= 10 else {
            bytes.append(UInt8(ascii: "0") + UInt8(max(n, 0)))
            return
        }
        int(n / 10)
        bytes.append(UInt8(ascii: "0") + UInt8(n % 10))
    }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { JSONText.appendQuoted(utf8: $0, to: &bytes) }
    }

    mutating func string(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}
