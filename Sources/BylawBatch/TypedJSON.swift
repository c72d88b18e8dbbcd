import Bylaw
import BylawCEL
import BylawJSON
import BylawYAML

/// The fast path for the commonest batch record: one JSON object that is a well-formed decision. It reads the
/// bytes straight into the CEL values the rules see, typed by the input schema, without building the node tree
/// that `JSONNodeReader` and `DecisionTyper` go through.
///
/// It gives up (returns nil) at the first thing that is not plain: a syntax error, an escape in a string,
/// a member the schema does not know, a repeated member, a value of the wrong type or form, a missing required
/// field, `null` inside a list, an object of more than 64 members, a limit of `YAMLLimits` reached, no rule set
/// or two that disagree. The record then takes the full path, which reports exactly what is wrong with it, with
/// line and column. Whenever this path does give values, they are the ones the full path gives: the same
/// conversions (`DecisionTyper.integer`, `isPlainDecimal`, `date`), member names matched to the schema's,
/// entries in document order, `null` members left out. `TypedJSONTests` holds the two paths to equal results.
struct TypedJSON {
    private let b: UnsafeBufferPointer<UInt8>
    private let limits: YAMLLimits
    private var i = 0
    /// Nodes started so far, member names included, as `JSONNodeReader` counts them.
    private var nodes = 0

    /// More members than this in one object and the full path, which indexes names, takes over.
    static let maxMembers = 64

    private init(_ bytes: UnsafeBufferPointer<UInt8>, limits: YAMLLimits) {
        b = bytes
        self.limits = limits
    }

    /// A top-level member: where its name and its value lie in the bytes.
    struct Member {
        var name: Range<Int>
        var value: Range<Int>
    }

    /// Checks a decision given as JSON bytes, or nil when it is not plain (see the type's description).
    /// - Parameter defaultKind: `--kind`, for a record without a `kind` member.
    /// - Parameter ownKind: give up (nil) when the record has no `kind` of its own, for a caller that keeps
    ///   the document as read: the tree path adds `--kind` to it.
    static func check(
        _ bytes: [UInt8], file: String, library: RuleLibrary, defaultKind: String?, asOf: CELDate?,
        ownKind: Bool = false
    ) -> DecisionResult? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = TypedJSON(buffer, limits: .decision)
            return reader.check(file: file, library: library, defaultKind: defaultKind, asOf: asOf, ownKind: ownKind)
        }
    }

    /// What typing the members needs once the record's kind, date and unit have chosen its rule sets: the
    /// merged schema, and the entries typed so far.
    private struct Typing {
        var sets: [RuleSetRuntime]
        /// The decision's date or `--as-of`.
        var day: CELDate
        var schema: ObjectSchema
        var entries: [(key: CELValue, value: CELValue)] = []
        var present: [Bool]
        /// A repeated member name maps to a field already seen; the full path reports it.
        var seen: [Bool]
        /// The schema field the last member matched, where the next one's search starts.
        var index = -1

        init(sets: [RuleSetRuntime], day: CELDate, schema: ObjectSchema, members: Int) {
            self.sets = sets
            self.day = day
            self.schema = schema
            entries.reserveCapacity(members + 1)
            // Each grown by appending, not `[Bool](repeating:count:)`, which allocates through the standard
            // library's unspecialized path (a metadata lookup in the runtime's table on every call).
            present = []
            seen = []
            present.reserveCapacity(schema.fields.count)
            seen.reserveCapacity(schema.fields.count)
            for _ in schema.fields.indices {
                present.append(false)
                seen.append(false)
            }
        }
    }

    /// One pass over the record: the members before the four that choose the rule sets (`kind`, `id`,
    /// `date`, `unit`, which writers put first) are skipped and kept aside; once those four are read, the
    /// schema is known, the kept members are typed from their bytes, and every later member is typed as it
    /// is read. A record without its own `kind` (`--kind`) is typed at the end, as all its members are kept.
    private mutating func check(
        file: String, library: RuleLibrary, defaultKind: String?, asOf: CELDate?, ownKind: Bool
    ) -> DecisionResult? {
        skipSpace()
        guard i < b.count, b[i] == UInt8(ascii: "{"), count() else { return nil }
        i += 1
        /// Whether the name at `range` is `name` (an ASCII name).
        func named(_ range: Range<Int>, _ name: StaticString) -> Bool {
            CodePoints.sameBytes(
                UnsafeBufferPointer(rebasing: b[range]),
                UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        }
        var kept: [Member] = []
        kept.reserveCapacity(8)
        var memberCount = 0
        var given: String?
        var kindSeen = false
        var id: String?
        var dateText: String?
        var unit: String?
        var decisionDate: CELDate?
        var typing: Typing?

        /// Typing for the record's kind (given, else `--kind`), date and unit, with the members kept so far
        /// typed from their bytes (`i` is left where it was); nil when no rule set applies or a kept member
        /// is not plain.
        func start(kind: String) -> Typing? {
            guard let decisionDate else { return nil }
            let day = asOf ?? decisionDate
            let sets = library.applicableRuntimes(kind: kind, on: day, unit: unit)
            guard !sets.isEmpty, let schema = try? RuleSetRuntime.schema(of: sets) else { return nil }
            var t = Typing(sets: sets, day: day, schema: schema, members: max(kept.count, 16))
            if given == nil {
                // As the full path does, `--kind` comes first, as if the record had begun with it.
                guard let index = schema.fields.firstIndex(where: { $0.name == "kind" }) else { return nil }
                t.present[index] = true
                t.entries.append((.string("kind"), .string(kind)))
            }
            let end = i
            for member in kept {
                i = member.value.lowerBound
                guard type(member.name, in: &t), i == member.value.upperBound else { return nil }
            }
            i = end
            kept.removeAll()
            return t
        }

        skipSpace()
        if i < b.count, b[i] == UInt8(ascii: "}") {
            i += 1
        } else {
            while true {
                guard memberCount < Self.maxMembers, memberCount < limits.maxKeysPerMapping, count(),
                    let name = asciiName()
                else { return nil }
                memberCount += 1
                skipSpace()
                guard i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                skipSpace()
                let from = i
                if var t = typing.take() {
                    guard type(name, in: &t) else { return nil }
                    typing = t
                } else {
                    // The first of each of the four is read as the text it must be; any other member, or a
                    // repeat, is skipped and kept.
                    /// Which of the four this member is, the first time: 0 kind, 1 id, 2 date, 3 unit.
                    let four: Int? =
                        if !kindSeen && named(name, "kind") { 0 } else if id == nil && named(name, "id") {
                            1
                        } else if dateText == nil && named(name, "date") {
                            2
                        } else if unit == nil && named(name, "unit") { 3 } else { nil }
                    if let four {
                        guard let s = string() else { return nil }
                        switch four {
                        case 0:
                            kindSeen = true
                            given = s
                        case 1: id = s
                        case 2:
                            guard let d = DecisionTyper.date(s) else { return nil }
                            dateText = s
                            decisionDate = d
                        default: unit = s
                        }
                    } else {
                        guard skipValue(depth: 2) else { return nil }
                    }
                    kept.append(Member(name: name, value: from..<i))
                    if let kind = given, id != nil, dateText != nil, unit != nil {
                        guard let t = start(kind: kind) else { return nil }
                        typing = t
                    }
                }
                guard let more = next(closing: UInt8(ascii: "}")) else { return nil }
                if !more { break }
            }
        }
        skipSpace()
        guard i == b.count else { return nil }

        if typing == nil {
            // Some of the four are missing: a record without its own kind takes `--kind`.
            guard given != nil || (!ownKind && !kindSeen), let kind = given ?? defaultKind, id != nil,
                dateText != nil, unit != nil
            else { return nil }
            typing = start(kind: kind)
        }
        guard let typed = typing, let kind = given ?? defaultKind, let id, let dateText, let unit else { return nil }
        for (index, field) in typed.schema.fields.enumerated() where !field.optional && !typed.present[index] {
            return nil
        }

        let decision = CELMap(distinctStringKeys: typed.entries)
        var result = DecisionResult(
            file: file, kind: kind, id: id, date: dateText, unit: unit, verdict: .invalid,
            ruleSets: typed.sets.map(\.applied),
            results: [], diagnostics: [])
        RuleSetRuntime.evaluate(decision, today: typed.day, sets: typed.sets, into: &result)
        return result
    }

    /// Types the value at `i` as the schema field named by the bytes at `name`, leaving `i` past it: entries
    /// are keyed by the schema's own name strings, which the bytes matched exactly. False for a name the
    /// schema does not know, a repeated one, or a value that is not plain.
    private mutating func type(_ name: Range<Int>, in t: inout Typing) -> Bool {
        guard let found = t.schema.index(ofUTF8: UnsafeBufferPointer(rebasing: b[name]), after: t.index),
            !t.seen[found]
        else { return false }
        t.index = found
        t.seen[found] = true
        if isNull() { return true }
        // A value below its field's `min` takes the full path, which says so.
        guard let value = value(t.schema.fields[found].type, depth: 2),
            t.schema.fields[found].minimum == nil || FieldSpec.admits(value, minimum: t.schema.fields[found].minimum)
        else { return false }
        t.present[found] = true
        t.entries.append((.string(t.schema.fields[found].name), value))
        return true
    }

    // MARK: reading

    private mutating func next(closing: UInt8) -> Bool? { PlainJSONScan.next(b, &i, closing: closing) }

    /// Moves past one value without building it, checking only what is needed to find its end safely;
    /// the value is read again, strictly, when it is typed.
    private mutating func skipValue(depth: Int) -> Bool {
        guard i < b.count else { return false }
        switch b[i] {
        case UInt8(ascii: "\""):
            return skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth <= limits.maxDepth else { return false }
            let closing = b[i] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            i += 1
            skipSpace()
            if i < b.count, b[i] == closing {
                i += 1
                return true
            }
            while true {
                if closing == UInt8(ascii: "}") {
                    guard skipString() else { return false }
                    skipSpace()
                    guard i < b.count, b[i] == UInt8(ascii: ":") else { return false }
                    i += 1
                    skipSpace()
                }
                guard skipValue(depth: depth + 1), let more = next(closing: closing) else { return false }
                if !more { return true }
            }
        default:
            // A number or a word: up to the next delimiter.
            let from = i
            while i < b.count, !Self.isDelimiter(b[i]) { i += 1 }
            return i > from
        }
    }

    private static func isDelimiter(_ c: UInt8) -> Bool { PlainJSONScan.isDelimiter(c) }

    private mutating func count() -> Bool {
        nodes += 1
        return nodes <= limits.maxNodes
    }

    private mutating func skipSpace() { PlainJSONScan.skipSpace(b, &i) }

    /// At `null`: moves past it (counting the node) and says so.
    private mutating func isNull() -> Bool {
        guard word("null") else { return false }
        return count()
    }

    private mutating func word(_ w: StaticString) -> Bool { PlainJSONScan.word(w, b, &i) }

    /// A string without escapes or control characters, valid UTF-8 and within the scalar limit.
    private mutating func string() -> String? {
        guard let (range, ascii) = scalar() else { return nil }
        let slice = UnsafeBufferPointer(rebasing: b[range])
        return ascii ? String(decoding: slice, as: UTF8.self) : UTF8Text.string(validating: slice)
    }

    /// Where a member name lies in the bytes: a plain ASCII string within the key limit. No field is called
    /// anything else (see `ObjectSchema.index(ofUTF8:after:)`), so any other name leaves it to the full path.
    private mutating func asciiName() -> Range<Int>? {
        guard let (range, ascii) = PlainJSONScan.plainString(b, &i), ascii, range.count <= limits.maxKeyBytes else {
            return nil
        }
        return range
    }

    /// Moves past a string `string()` would accept, without building it.
    private mutating func skipString() -> Bool {
        guard let (range, ascii) = scalar() else { return false }
        return ascii || UTF8Text.isValid(UnsafeBufferPointer(rebasing: b[range]))
    }

    /// A plain string within the scalar limit: where its bytes lie, and whether they are all ASCII.
    private mutating func scalar() -> (bytes: Range<Int>, ascii: Bool)? {
        guard let found = PlainJSONScan.plainString(b, &i), found.bytes.count <= limits.maxScalarBytes else {
            return nil
        }
        return found
    }

    /// A date written `YYYY-MM-DD` in a plain string, read from its bytes: `DecisionTyper.date` of `string()`.
    private mutating func date() -> CELDate? {
        guard let (range, ascii) = PlainJSONScan.plainString(b, &i), ascii else { return nil }
        return CELDate(isoUTF8: UnsafeBufferPointer(rebasing: b[range]))
    }

    /// An integer, read from its bytes as `DecisionTyper.integer` reads its text. (A number with a point ends
    /// at the point, which is not a delimiter: nil, as the typer gives for it.)
    private mutating func integer() -> Int64? {
        let from = i
        if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
        while i < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") { i += 1 }
        guard i - from <= limits.maxScalarBytes, i == b.count || Self.isDelimiter(b[i]) else { return nil }
        return DecisionTyper.integer(utf8: UnsafeBufferPointer(rebasing: b[from..<i]))
    }

    /// A number written `-?(0|[1-9][0-9]*)(\.[0-9]+)?`, read from its bytes: what `DecisionTyper.isPlainDecimal`
    /// accepts, and the value (scale included) `CELDecimal(_:)` gives it; nil for any other form or a value
    /// that does not fit.
    private mutating func decimal() -> CELDecimal? {
        let from = i
        while i < b.count,
            (b[i] >= UInt8(ascii: "0") && b[i] <= UInt8(ascii: "9")) || b[i] == UInt8(ascii: "-")
                || b[i] == UInt8(ascii: ".")
        {
            i += 1
        }
        guard i - from <= limits.maxScalarBytes, i == b.count || Self.isDelimiter(b[i]) else { return nil }
        return DecisionTyper.plainDecimal(utf8: UnsafeBufferPointer(rebasing: b[from..<i]))
    }

    // MARK: typing

    private mutating func value(_ type: FieldType, depth: Int) -> CELValue? {
        guard i < b.count, count() else { return nil }
        switch type {
        case .object(let schema):
            guard b[i] == UInt8(ascii: "{"), depth <= limits.maxDepth else { return nil }
            return object(schema, depth: depth)
        case .list(let item):
            guard b[i] == UInt8(ascii: "["), depth <= limits.maxDepth else { return nil }
            i += 1
            var values: [CELValue] = []
            skipSpace()
            if i < b.count, b[i] == UInt8(ascii: "]") {
                i += 1
                return .list(values)
            }
            // Room for a few items at once: growing from one by doubling reallocates at the second and third.
            values.reserveCapacity(4)
            while true {
                guard values.count < limits.maxItemsPerSequence, i < b.count, b[i] != UInt8(ascii: "n"),
                    let v = value(item, depth: depth + 1), let more = next(closing: UInt8(ascii: "]"))
                else { return nil }
                values.append(v)
                if !more { return .list(values) }
            }
        case .string:
            return string().map { .string($0) }
        case .enumeration(let allowed):
            // The schema's own string, found by the bytes: no new string per record, and no UTF-8 check.
            guard let (range, _) = scalar(),
                let s = CodePoints.member(of: allowed, utf8: UnsafeBufferPointer(rebasing: b[range]))
            else { return nil }
            return .string(s)
        case .date:
            return date().map { .date($0) }
        case .bool:
            if word("true") { return .bool(true) }
            if word("false") { return .bool(false) }
            return nil
        case .int:
            return integer().map { .int($0) }
        case .decimal:
            return decimal().map { .decimal($0) }
        }
    }

    private mutating func object(_ schema: ObjectSchema, depth: Int) -> CELValue? {
        guard schema.fields.count <= Self.maxMembers else { return nil }
        i += 1
        var entries: [(key: CELValue, value: CELValue)] = []
        entries.reserveCapacity(schema.fields.count)
        var seen: UInt64 = 0
        var present: UInt64 = 0
        skipSpace()
        if i < b.count, b[i] == UInt8(ascii: "}") {
            i += 1
        } else {
            var index = -1
            while true {
                guard seen.nonzeroBitCount < limits.maxKeysPerMapping, count(), let name = asciiName(),
                    let found = schema.index(ofUTF8: UnsafeBufferPointer(rebasing: b[name]), after: index),
                    seen & (1 << UInt64(found)) == 0
                else { return nil }
                index = found
                seen |= 1 << UInt64(index)
                skipSpace()
                guard i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                skipSpace()
                if !isNull() {
                    guard let v = value(schema.fields[index].type, depth: depth + 1),
                        schema.fields[index].minimum == nil
                            || FieldSpec.admits(v, minimum: schema.fields[index].minimum)
                    else { return nil }
                    present |= 1 << UInt64(index)
                    entries.append((.string(schema.fields[index].name), v))
                }
                guard let more = next(closing: UInt8(ascii: "}")) else { return nil }
                if !more { break }
            }
        }
        for (index, field) in schema.fields.enumerated() where !field.optional && present & (1 << UInt64(index)) == 0 {
            return nil
        }
        return .map(CELMap(distinctStringKeys: entries))
    }
}
