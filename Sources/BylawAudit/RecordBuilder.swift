import Bylaw
import BylawCEL
import BylawDiagnostics
import BylawJSON
import BylawYAML
internal import Crypto
import Foundation

/// The words a record's `verdict` column holds: a decision's verdict, `refused` for a request the service
/// refused, `none` for a record about the trail itself (a prune's cut, a clock set back, an interrupted run).
public enum RecordVerdicts {
    /// A request the service refused.
    public static let refused = "refused"
    /// A record about the trail itself.
    public static let none = "none"
    public static let all: [String] = Verdict.allCases.map(\.rawValue) + [refused, none]
}

/// What the store needs to append one record; the store adds sequence, record id, time and the previous hash.
public struct RecordDraft: Sendable {
    /// `check`, `audit`, or `audit-run` for the record of a whole batch.
    public var event: String
    public var kind: String?
    public var decisionID: String?
    public var decisionDate: String?
    public var unit: String?
    public var verdict: String
    /// The body: everything else in the record, each member already in RFC 8785 canonical form, in
    /// canonical name order. Built on the worker that checked the decision, so the store's single writer
    /// only splices bytes and hashes them.
    /// Empty once the draft is sealed: the sealed record holds them then.
    public private(set) var members: [(name: String, canonical: [UInt8])]
    /// The record ready for the store, compressed and partly hashed (`seal`).
    private(set) var sealed: SealedRecord?

    /// A draft whose body is given as JSON values (canonicalised here, in any order). Body member names must
    /// differ from the header's (`seq`, `record_id`, `recorded_at`, `actor`, `event`, `bylaw_version`,
    /// `previous_chain_hash`); the store refuses a draft that reuses one. The body's `verdict` member is
    /// `verdict`, put there by the draft: verification checks that the body and the column agree.
    public init(
        event: String, kind: String?, decisionID: String?, decisionDate: String?, unit: String?, verdict: String,
        body: [(String, JSONValue)]
    ) {
        self.init(
            event: event, kind: kind, decisionID: decisionID, decisionDate: decisionDate, unit: unit,
            verdict: verdict,
            members: body.filter { $0.0 != "verdict" }.map { ($0.0, Canonical.bytes($0.1)) }
                + [("verdict", Canonical.bytes(.string(verdict)))])
    }

    init(
        event: String, kind: String?, decisionID: String?, decisionDate: String?, unit: String?, verdict: String,
        members: [(name: String, canonical: [UInt8])]
    ) {
        self.event = event
        self.kind = kind
        self.decisionID = decisionID
        self.decisionDate = decisionDate
        self.unit = unit
        self.verdict = verdict
        // A builder's members come in canonical order already: checking costs a comparison a pair, sorting
        // copies every member.
        let ordered = zip(members, members.dropFirst()).allSatisfy { JCS.utf16Precedes($0.name, $1.name) }
        self.members = ordered ? members : members.sorted { JCS.utf16Precedes($0.name, $1.name) }
    }

    /// Compresses the record and hashes most of it here, on the drafting thread, for a store that will
    /// append it as `actor`, compressed with `compressor`. A draft that cannot be sealed (a body member
    /// named like a header field; a compression failure) stays as it is, and the store takes its usual path.
    public mutating func seal(actor: String, compressor: RecordCompressor, context: CompressionContext) {
        guard sealed == nil,
            let record = SealedRecord(draft: self, actor: actor, compressor: compressor, context: context)
        else { return }
        sealed = record
        members = []
    }

    /// What the store inserts of a draft sealed for `actor`: its leaf hash with these store fields, its
    /// compressed body and the compressor that holds its dictionary; nil for a draft not sealed, or sealed for
    /// another actor.
    func sealedParts(actor: String, _ fields: StoreFields) -> (
        leaf: [UInt8], compressed: [UInt8], compressor: RecordCompressor
    )? {
        guard sealed?.actor == actor, let leaf = sealed?.leaf(fields), let compressed = sealed?.compressed,
            let compressor = sealed?.compressor
        else { return nil }
        return (leaf, compressed, compressor)
    }

    /// The body members, whether or not the draft is sealed.
    var allMembers: [(name: String, canonical: [UInt8])] {
        guard sealed != nil else { return members }
        var copy = self
        copy.unseal()
        return copy.members
    }

    /// Puts a sealed draft's members back, for a change after sealing.
    private mutating func unseal() {
        guard let record = sealed, let scanned = CanonicalMembers.scan(record.form.stored) else { return }
        let header: Set<String> = ["actor", "bylaw_version", "event"]
        members = scanned.filter { !header.contains($0.name) }.map { m in
            // `"name":` is the quoted name and a colon.
            let value = m.range.lowerBound + SealedRecord.quoted(m.name).count + 1
            return (m.name, Array(record.form.stored[value..<m.range.upperBound]))
        }
        sealed = nil
    }

    /// Adds a body member (e.g. where in a batch the record came from), keeping canonical order.
    public mutating func add(_ name: String, _ value: JSONValue) {
        unseal()
        let member = (name: name, canonical: Canonical.bytes(value))
        let at = members.firstIndex { JCS.utf16Precedes(name, $0.name) } ?? members.count
        members.insert(member, at: at)
    }

    /// The body as one JSON value, for tests and tools that want to read it.
    public var body: JSONValue {
        .object(allMembers.map { ($0.name, (try? JSONValue.parse($0.canonical)) ?? .null) })
    }
}

/// The canonical bytes of plain outcomes (no message, error or evidence) a thread has written, by their
/// position in a decision's results and their outcome: decisions of one kind list the same rules in the
/// same order, so the entry almost always fits the next decision's outcome there. An entry is used only
/// when every field it was written from is equal.
public struct DraftCache {
    /// A class, so looking one up copies a reference, not the result and its arrays.
    private final class Entry {
        /// The result the bytes were written from (its message, error and evidence are empty).
        let result: RuleResult
        let bytes: [UInt8]

        init(result: RuleResult, bytes: [UInt8]) {
            self.result = result
            self.bytes = bytes
        }
    }
    private var entries: [Entry?] = []
    /// The last record's rule sets and their `rule_sets` member.
    var ruleSets: (sets: [AppliedRuleSet], bytes: [UInt8])?

    public init() {}

    private static func slot(_ i: Int, _ outcome: RuleOutcome) -> Int {
        let kinds = RuleOutcome.allCases
        return i * kinds.count + (kinds.firstIndex(of: outcome) ?? 0)
    }

    func outcome(at i: Int, matching r: RuleResult) -> [UInt8]? {
        let k = Self.slot(i, r.outcome)
        guard k < entries.count, let e = entries[k], e.result.outcome == r.outcome else { return nil }
        let same =
            e.result.isSameLoadedRule(as: r)
            || (e.result.severity == r.severity && e.result.ruleID == r.ruleID && e.result.ruleSet == r.ruleSet
                && e.result.cite == r.cite)
        return same ? e.bytes : nil
    }

    mutating func keep(_ r: RuleResult, at i: Int, bytes: ArraySlice<UInt8>) {
        var b = Array(bytes)
        if b.first == UInt8(ascii: ",") { b.removeFirst() }
        let k = Self.slot(i, r.outcome)
        if k >= entries.count { entries += Array(repeating: nil, count: k + 1 - entries.count) }
        entries[k] = Entry(result: r, bytes: b)
    }
}

/// Builds record drafts from check results. Sensitive paths are replaced by a keyed hash (HMAC-SHA-256)
/// in the document and in the evidence, and listed in the record.
public struct RecordBuilder: Sendable {
    /// The HMAC key for sensitive values; without one they are replaced by `[redacted]`.
    public var maskingKey: [UInt8]?
    /// SHA-256 of every rule-set file, computed once.
    private let ruleSetHashes: [String: String]
    /// SHA-256 of every rule-set file's parsed form as canonical JSON: the same however the set is written.
    private let ruleSetCanonicalHashes: [String: String]
    /// The paths each rule-set file declares sensitive.
    private let sensitiveByFile: [String: [String]]
    /// The `let` names and table calls (`name()`) of each file whose values are computed from a sensitive
    /// field: their evidence is masked too (an age from a birth date, an id number copied into a `let`).
    private let derivedByFile: [String: Set<String>]

    public init(maskingKey: [UInt8]?, library: RuleLibrary) {
        self.maskingKey = maskingKey
        var hashes: [String: String] = [:]
        var canonical: [String: String] = [:]
        var sensitive: [String: [String]] = [:]
        var derived: [String: Set<String>] = [:]
        for set in library.ruleSets {
            hashes[set.file] = FileHash.sha256(of: set.file, in: library)
            canonical[set.file] = FileHash.canonicalSHA256(of: set.file, in: library)
            sensitive[set.file] = set.sensitive
            derived[set.file] = SensitivePaths.derived(from: set)
        }
        ruleSetHashes = hashes
        ruleSetCanonicalHashes = canonical
        sensitiveByFile = sensitive
        derivedByFile = derived
    }

    /// A record of one checked decision.
    /// - Parameters:
    ///   - raw: the decision file's bytes, for the raw hash.
    ///   - document: the decision as read (nil when it could not be read).
    public func draft(_ result: DecisionResult, raw: [UInt8]?, document: YAMLNode?, event: String) -> RecordDraft {
        var cache = DraftCache()
        return draft(result, raw: raw, document: document, event: event, cache: &cache)
    }

    /// A record of one checked decision, reusing the bytes of outcomes that `cache` has already written:
    /// one cache per thread, kept across the decisions it drafts.
    public func draft(
        _ result: DecisionResult, raw: [UInt8]?, document: YAMLNode?, event: String, cache: inout DraftCache
    ) -> RecordDraft {
        var canonical: [UInt8]?
        if let document {
            var w = CanonicalWriter(capacity: 2048)
            w.document(document)
            canonical = w.bytes
        }
        return draft(result, raw: raw, canonicalDocument: canonical, event: event, cache: &cache)
    }

    /// A record of one checked decision whose document is given as its canonical JSON (`DocumentJSON`'s
    /// form, as `CanonicalWriter.document` or `PlainJSONCanonical` write it; nil when it could not be read).
    public func draft(
        _ result: DecisionResult, raw: [UInt8]?, canonicalDocument: [UInt8]?, event: String, cache: inout DraftCache
    ) -> RecordDraft {
        let files = result.ruleSets.flatMap { [$0] + $0.extends }.map(\.file)
        let sensitive = files.flatMap { sensitiveByFile[$0] ?? [] }
        let derived = files.reduce(into: Set<String>()) { $0.formUnion(derivedByFile[$1] ?? []) }
        var masked: [String] = []
        var secrets: [String] = []
        // The document's canonical bytes, unmasked (hashed) and as kept (masked when the rule sets say so).
        var plainCanonical: [UInt8]?
        var keptCanonical: [UInt8]?
        if let canonicalDocument {
            plainCanonical = canonicalDocument
            if sensitive.isEmpty {
                keptCanonical = canonicalDocument
            } else {
                // The canonical form holds only strings, booleans and nulls, so it reads back as exactly the
                // `DocumentJSON` value it was written from.
                let value = (try? JSONValue.parse(canonicalDocument)) ?? .null
                let doc = mask(value, path: "", sensitive: sensitive, masked: &masked, secrets: &secrets)
                keptCanonical = Canonical.bytes(doc)
            }
        }
        // Messages and diagnostics may quote a sensitive value: every occurrence is masked there too.
        let replacements: [(String, String)] = secrets.filter { !$0.isEmpty }.map { ($0, maskText($0)) }
        func scrubbed(_ text: String?) -> String? {
            guard var t = text else { return nil }
            for (secret, mask) in replacements { t = t.replacingOccurrences(of: secret, with: mask) }
            return t
        }
        // A diagnostic about a sensitive field may quote its value shortened (`not \`1970年…\``), which the
        // replacements above would miss: every quoted span but the field's own path is masked there.
        func scrubbedDiagnostic(_ text: String) -> String {
            guard !sensitive.isEmpty,
                let named = SensitivePaths.quotedSpans(text).first(where: { SensitivePaths.isSensitive($0, sensitive) })
            else { return scrubbed(text) ?? text }
            return SensitivePaths.maskSpans(text, keeping: named, with: maskText(""))
        }
        // No hash of a document that holds masked values unless keyed: an unkeyed hash would confirm a guess
        // of the value (a birth date is found in some 30,000 guesses).
        // A document that could not be read may hold sensitive values too, if its rule sets declare any.
        let plainHashes = masked.isEmpty && (canonicalDocument != nil || sensitive.isEmpty)
        func documentHash(_ bytes: [UInt8]?) -> String? {
            guard let bytes else { return nil }
            if plainHashes { return AuditHex.sha256(bytes) }
            guard let key = maskingKey else { return nil }
            let mac = HMAC<SHA256>.authenticationCode(for: bytes, using: SymmetricKey(data: key))
            return "hmac-sha256:" + AuditHex.encode(Array(mac))
        }

        var decision = CanonicalWriter(capacity: 4096)
        decision.beginObject()
        decision.key(static: "date")
        decision.string(result.date)
        decision.key(static: "document")
        if let keptCanonical { decision.raw(keptCanonical) } else { decision.null() }
        decision.key(static: "file")
        decision.string(result.file)
        decision.key(static: "id")
        decision.string(result.id)
        decision.key(static: "kind")
        decision.string(result.kind)
        decision.key(static: "masked_paths")
        decision.beginArray()
        for path in masked { decision.string(path) }
        decision.endArray()
        decision.key(static: "masking")
        decision.string(maskingKey == nil ? "redacted" : "hmac-sha256")
        decision.key(static: "sha256_canonical")
        decision.string(documentHash(plainCanonical))
        decision.key(static: "sha256_raw")
        decision.string(documentHash(raw))
        decision.key(static: "unit")
        decision.string(result.unit)
        decision.endObject()

        var diagnostics = CanonicalWriter(capacity: 256)
        diagnostics.beginArray()
        for d in result.diagnostics {
            diagnostics.beginObject()
            diagnostics.key(static: "code")
            diagnostics.string(d.code)
            diagnostics.key(static: "location")
            diagnostics.string(d.location?.description)
            diagnostics.key(static: "message")
            diagnostics.string(scrubbedDiagnostic(d.message))
            diagnostics.key(static: "severity")
            diagnostics.string(d.severity.rawValue)
            diagnostics.endObject()
        }
        diagnostics.endArray()

        var outcomes = CanonicalWriter(capacity: 4096)
        outcomes.beginArray()
        for (i, r) in result.results.enumerated() {
            // Most outcomes (passed, not applicable) are the rule's fixed fields only: the same bytes for every
            // decision, written once per thread and then copied.
            let plain = r.message == nil && r.error == nil && r.evidence.isEmpty && r.provisional == nil
            if plain, let bytes = cache.outcome(at: i, matching: r) {
                outcomes.raw(bytes)
                continue
            }
            let start = outcomes.bytes.count
            outcomes.beginObject()
            outcomes.key(static: "cite")
            outcomes.string(r.cite)
            // Absent rather than null or empty: most outcomes pass, and the trail holds millions of them.
            if let error = scrubbed(r.error) {
                outcomes.key(static: "error")
                outcomes.string(error)
            }
            if !r.evidence.isEmpty {
                outcomes.key(static: "evidence")
                outcomes.beginArray()
                for e in r.evidence {
                    let hidden = SensitivePaths.isSensitive(shown: e.path, sensitive, derived: derived)
                    outcomes.beginObject()
                    outcomes.key(static: "path")
                    outcomes.string(e.path)
                    outcomes.key(static: "value")
                    if hidden {
                        outcomes.string(maskText(ValueText.literal(e.value)))
                    } else {
                        outcomes.literal(e.value)
                    }
                    outcomes.endObject()
                }
                outcomes.endArray()
            }
            if let message = scrubbed(r.message) {
                outcomes.key(static: "message")
                outcomes.string(message)
            }
            outcomes.key(static: "outcome")
            outcomes.string(r.outcome.rawValue)
            // The first provisional calendar day the result rested on; absent for settled results.
            if let p = r.provisional {
                outcomes.key(static: "provisional")
                outcomes.string(p.day.description)
            }
            outcomes.key(static: "rule")
            outcomes.string(r.ruleID)
            outcomes.key(static: "rule_set")
            outcomes.string(r.ruleSet)
            outcomes.key(static: "severity")
            outcomes.string(r.severity.rawValue)
            outcomes.endObject()
            if plain { cache.keep(r, at: i, bytes: outcomes.bytes[start...]) }
        }
        outcomes.endArray()

        // The same sets for most records of a batch: their bytes are written once per thread.
        if let kept = cache.ruleSets, Self.sameBytes(kept.sets, result.ruleSets) {
            return draft(
                result, event: event, decision: decision.bytes, diagnostics: diagnostics.bytes,
                outcomes: outcomes.bytes, ruleSets: kept.bytes)
        }
        var known = true
        var ruleSets = CanonicalWriter(capacity: 256)
        ruleSets.beginArray()
        func write(_ a: AppliedRuleSet, parents: [AppliedRuleSet]) {
            ruleSets.beginObject()
            // A set that extends others names each parent applied with it, hashed like the set itself.
            if !parents.isEmpty {
                ruleSets.key(static: "extends")
                ruleSets.beginArray()
                for p in parents { write(p, parents: []) }
                ruleSets.endArray()
            }
            ruleSets.key(static: "file")
            ruleSets.string(a.file)
            ruleSets.key(static: "id")
            ruleSets.string(a.id)
            ruleSets.key(static: "sha256")
            if ruleSetHashes[a.file] == nil { known = false }
            ruleSets.string(ruleSetHashes[a.file] ?? FileHash.sha256(path: a.file) ?? "unreadable")
            ruleSets.key(static: "sha256_canonical")
            ruleSets.string(ruleSetCanonicalHashes[a.file] ?? "unreadable")
            ruleSets.key(static: "version")
            ruleSets.string(a.version)
            ruleSets.endObject()
        }
        for a in result.ruleSets { write(a, parents: a.extends) }
        ruleSets.endArray()
        // A set hashed from its file here (not one of the library's) is hashed again for the next record.
        if known { cache.ruleSets = (result.ruleSets, ruleSets.bytes) }
        return draft(
            result, event: event, decision: decision.bytes, diagnostics: diagnostics.bytes,
            outcomes: outcomes.bytes, ruleSets: ruleSets.bytes)
    }

    /// Whether the two lists name the same sets in the same bytes (not only canonically equivalent texts, which
    /// `==` takes as equal): only then are the kept `rule_sets` bytes these sets' bytes.
    private static func sameBytes(_ a: [AppliedRuleSet], _ b: [AppliedRuleSet]) -> Bool {
        a.count == b.count
            && zip(a, b).allSatisfy { x, y in
                sameBytes(x.id, y.id) && sameBytes(x.version, y.version) && sameBytes(x.file, y.file)
                    && sameBytes(x.extends, y.extends)
            }
    }

    /// Whether two texts are the same UTF-8 bytes, compared a block at a time (every record compares its rule
    /// sets' file paths with the last record's).
    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                guard x.count == y.count, let p = x.baseAddress, let q = y.baseAddress else {
                    return x.count == y.count
                }
                return memcmp(p, q, x.count) == 0
            }
        }
        return (fast ?? nil) ?? a.utf8.elementsEqual(b.utf8)
    }

    /// The draft of these members.
    private func draft(
        _ result: DecisionResult, event: String, decision: [UInt8], diagnostics: [UInt8], outcomes: [UInt8],
        ruleSets: [UInt8]
    ) -> RecordDraft {
        var verdict = CanonicalWriter(capacity: 16)
        verdict.string(result.verdict.rawValue)
        return RecordDraft(
            event: event, kind: result.kind, decisionID: result.id, decisionDate: result.date, unit: result.unit,
            verdict: result.verdict.rawValue,
            members: [
                ("decision", decision), ("diagnostics", diagnostics), ("outcomes", outcomes),
                ("rule_sets", ruleSets), ("verdict", verdict.bytes),
            ])
    }

    /// Replaces the values at sensitive paths (list indices ignored: `a.b` matches `a[3].b`).
    private func mask(
        _ value: JSONValue, path: String, sensitive: [String], masked: inout [String], secrets: inout [String]
    ) -> JSONValue {
        if !path.isEmpty, sensitive.contains(SensitivePaths.withoutIndices(path)) {
            masked.append(path)
            let text = Canonical.string(value)
            secrets.append(text)
            return maskValue(text)
        }
        switch value {
        case .object(let members):
            return .object(
                members.map { k, v in
                    (
                        k,
                        mask(
                            v, path: path.isEmpty ? k : path + "." + k, sensitive: sensitive, masked: &masked,
                            secrets: &secrets)
                    )
                })
        case .array(let items):
            return .array(
                items.enumerated().map { i, v in
                    mask(v, path: "\(path)[\(i)]", sensitive: sensitive, masked: &masked, secrets: &secrets)
                })
        default:
            return value
        }
    }

    private func maskValue(_ text: String) -> JSONValue { .string(maskText(text)) }

    private func maskText(_ text: String) -> String {
        guard let key = maskingKey else { return "[redacted]" }
        let mac = HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: SymmetricKey(data: key))
        return "hmac-sha256:" + AuditHex.encode(Array(mac))
    }

}

/// A decision document as JSON for the record: every scalar keeps its exact text (numbers as strings, so no
/// floating point ever enters a record), booleans and nulls as themselves.
enum DocumentJSON {
    static func value(_ node: YAMLNode) -> JSONValue {
        switch node.content {
        case .scalar(let s):
            if s.style == .plain, s.coreType == .null { return .null }
            if s.style == .plain, s.coreType == .bool, let b = s.boolValue { return .bool(b) }
            return .string(s.text)
        case .sequence(let items): return .array(items.map(value))
        case .mapping(let pairs): return .object(pairs.map { ($0.key.scalar?.text ?? "", value($0.value)) })
        }
    }
}

/// Hex and hashing helpers.
public enum AuditHex {
    public static func encode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { encode($0) }
    }

    static func encode(_ bytes: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { out in
            let digits: StaticString = "0123456789abcdef"
            digits.withUTF8Buffer { d in
                for (k, b) in bytes.enumerated() {
                    out[2 * k] = d[Int(b >> 4)]
                    out[2 * k + 1] = d[Int(b & 0x0F)]
                }
            }
            return bytes.count * 2
        }
    }

    public static func decode(_ text: String) -> [UInt8]? {
        let u = Array(text.utf8)
        guard u.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: c - 48
            case 97...102: c - 87
            case 65...70: c - 55
            default: nil
            }
        }
        var out: [UInt8] = []
        var i = 0
        while i < u.count {
            guard let hi = nibble(u[i]), let lo = nibble(u[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    static func sha256(_ bytes: [UInt8]) -> String { SHA256.hash(data: bytes).withUnsafeBytes { encode($0) } }
}

/// SHA-256 of files, for the rule sets a record names.
enum FileHash {
    static func sha256(path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return AuditHex.sha256(Array(data))
    }

    /// SHA-256 of a rule-set file's parsed form as RFC 8785 canonical JSON, so the same set written in YAML or
    /// in JSON, with other spacing, comments, key order or quoting of strings, hashes the same: mappings as
    /// objects, sequences as arrays, null and booleans as themselves, numbers as JSON numbers with their exact
    /// text, everything else as strings.
    static func canonicalSHA256(of file: String, in library: RuleLibrary) -> String {
        let bytes: [UInt8]
        if let loaded = library.loadedBytes(of: file) {
            bytes = loaded
        } else if let data = FileManager.default.contents(atPath: file) {
            bytes = Array(data)
        } else {
            return "unreadable"
        }
        guard let root = try? YAMLLoader.load(bytes: bytes, file: file, limits: .ruleSet) else { return "unreadable" }
        return AuditHex.sha256(Canonical.bytes(parsedForm(root)))
    }

    static func parsedForm(_ node: YAMLNode) -> JSONValue {
        switch node.content {
        case .scalar(let s):
            if s.style == .plain {
                switch s.coreType {
                case .null: return .null
                case .bool: if let b = s.boolValue { return .bool(b) }
                case .int, .float: if let n = JSONNumber(s.text) { return .number(n) }
                case .string: break
                }
            }
            return .string(s.text)
        case .sequence(let items): return .array(items.map(parsedForm))
        case .mapping(let pairs): return .object(pairs.map { ($0.key.scalar?.text ?? "", parsedForm($0.value)) })
        }
    }

    /// The hash of a rule-set file as `library` read it, which is what its rules were loaded from; the file as
    /// it is now only for a file the library did not read itself.
    static func sha256(of file: String, in library: RuleLibrary) -> String {
        library.loadedBytes(of: file).map(AuditHex.sha256) ?? sha256(path: file) ?? "unreadable"
    }
}
