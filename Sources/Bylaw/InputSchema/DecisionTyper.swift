import BylawCEL
import BylawDiagnostics
import BylawYAML

/// Types a decision document against an input schema: YAML nodes become CEL values, each
/// mismatch a diagnostic at the value's position. Errors make the decision `invalid`;
/// unknown fields are warnings.
package struct DecisionTyper {
    /// Text cells (CSV) carry every value as a string: numbers and booleans are then read from their text.
    var textCells = false
    private(set) var diagnostics: [Diagnostic] = []

    /// The decision as a CEL map, or `nil` when the root is not a mapping.
    mutating func type(_ root: YAMLNode, schema: ObjectSchema) -> CELValue? {
        object(root, schema: schema, path: "")
    }

    /// One value typed by `type`; `path` names it in messages.
    mutating func value(_ node: YAMLNode, type: FieldType, path: String) -> CELValue? {
        value(node, type: type, at: FieldPath(parent: path, last: nil))
    }

    /// Where a value sits, joined into text only when a message or a nested value needs it: most fields
    /// are typed without ever naming their path.
    struct FieldPath {
        var parent: String
        /// The member name, or `[i]` for a list item; nil when `parent` is the whole path.
        var last: String?
        var isIndex = false

        var text: String {
            guard let last else { return parent }
            if isIndex { return parent + last }
            return parent.isEmpty ? last : parent + "." + last
        }
    }

    private mutating func value(_ node: YAMLNode, type: FieldType, at path: FieldPath) -> CELValue? {
        switch type {
        case .object(let schema):
            return object(node, schema: schema, path: path.text)
        case .list(let item):
            guard let items = node.sequence else {
                return mismatch(node, path: path.text, expected: "a list")
            }
            let base = path.text
            var values: [CELValue] = []
            values.reserveCapacity(items.count)
            for (i, n) in items.enumerated() {
                if let v = value(n, type: item, at: FieldPath(parent: base, last: "[\(i)]", isIndex: true)) {
                    values.append(v)
                }
            }
            return .list(values)
        default:
            guard let scalar = node.scalar else {
                return mismatch(node, path: path.text, expected: type.description)
            }
            return self.scalar(scalar, node: node, type: type, path: path)
        }
    }

    private mutating func object(_ node: YAMLNode, schema: ObjectSchema, path: String) -> CELValue? {
        guard let pairs = node.mapping else {
            return mismatch(node, path: path, expected: "a mapping")
        }
        var entries: [(key: CELValue, value: CELValue)] = []
        entries.reserveCapacity(pairs.count)
        // Grown by appending, not `[Bool](repeating:count:)`, which allocates through the standard library's
        // unspecialized path (a metadata lookup in the runtime's table on every call).
        var present: [Bool] = []
        var seen: [Bool] = []
        present.reserveCapacity(schema.fields.count)
        seen.reserveCapacity(schema.fields.count)
        for _ in schema.fields.indices {
            present.append(false)
            seen.append(false)
        }
        var previous = -1
        // Each pair is read where it lies, through a pointer: taking it out (`for pair in pairs`, `let pair =
        // pairs[p]`), or passing `pairs[p].value` from the array, copies its nodes, their file names and contents,
        // for every field of every record.
        pairs.withUnsafeBufferPointer { pairs in
            for p in pairs.indices {
                guard let key = pairs[p].key.scalar?.text else { continue }
                guard let index = schema.index(of: key, after: previous) else {
                    let full = path.isEmpty ? key : path + "." + key
                    let guess = Spelling.closest(to: key, among: schema.fields.map(\.name))
                    diagnostics.append(
                        .warning(
                            "decision.unknown-field", "unknown field `\(full)`: no rule set that applies reads it",
                            at: pairs[p].key.location, length: key.unicodeScalars.count,
                            help: guess.map { "did you mean `\($0)`?" }))
                    continue
                }
                guard !seen[index] else {
                    // Readers refuse repeated keys; this guards a tree built some other way.
                    let full = path.isEmpty ? key : path + "." + key
                    diagnostics.append(
                        .error("decision.duplicate-field", "field `\(full)` is given twice", at: pairs[p].key.location))
                    continue
                }
                seen[index] = true
                previous = index
                if pairs[p].value.scalar.map({ $0.isNull && $0.style == .plain }) ?? false {
                    continue  // an empty value counts as absent
                }
                present[index] = true
                // The bound is read in place: copying the whole spec for every field of every record is not free.
                if let v = value(
                    pairs[p].value, type: schema.fields[index].type, at: FieldPath(parent: path, last: key))
                {
                    guard FieldSpec.admits(v, minimum: schema.fields[index].minimum) else {
                        let spec = schema.fields[index]
                        let full = path.isEmpty ? key : path + "." + key
                        let text = pairs[p].value.scalar?.text ?? ""
                        diagnostics.append(
                            .error(
                                "decision.below-minimum",
                                "`\(full)` must be at least `\(spec.minimum?.description ?? "")`, not `\(text.prefix(40))`",
                                at: pairs[p].value.location, length: text.unicodeScalars.count,
                                help: spec.description.map { "`\(spec.name)`: \($0)" }))
                        continue
                    }
                    entries.append((.string(key), v))
                }
            }
        }
        for (index, spec) in schema.fields.enumerated() where !spec.optional && !present[index] {
            diagnostics.append(Self.missing(spec, in: path, at: node.location))
        }
        return .map(CELMap(distinctStringKeys: entries))
    }

    /// The error for a required field `spec` of the object at `path` that is absent.
    static func missing(_ spec: FieldSpec, in path: String, at location: SourceLocation) -> Diagnostic {
        let full = path.isEmpty ? spec.name : path + "." + spec.name
        return .error(
            "decision.missing-field", "required field `\(full)` (\(spec.type)) is missing", at: location,
            help: spec.description.map { "`\(spec.name)`: \($0)" })
    }

    private mutating func scalar(_ s: YAMLScalar, node: YAMLNode, type: FieldType, path at: FieldPath) -> CELValue? {
        var path: String { at.text }
        let text = s.text
        let plain = s.style == .plain || textCells
        switch type {
        case .string:
            return .string(text)
        case .enumeration(let values):
            if CodePoints.contains(values, text) { return .string(text) }
            let guess = Spelling.closest(to: text, among: values)
            return fail(
                node, "decision.bad-enum", "`\(path)` is `\(text)`, which is not one of its values",
                help: guess.map { "did you mean `\($0)`?" } ?? "allowed: " + values.joined(separator: ", "))
        case .bool:
            if plain, text == "true" { return .bool(true) }
            if plain, text == "false" { return .bool(false) }
            let help =
                ["yes", "no", "on", "off", "y", "n", "Yes", "No", "YES", "NO", "On", "Off"].contains(text)
                ? "`\(text)` is not a boolean in YAML 1.2; write true or false" : "write true or false"
            return fail(node, "decision.type-mismatch", "`\(path)` must be a boolean, not `\(text)`", help: help)
        case .int:
            guard plain, let v = Self.integer(text) else {
                return numberProblem(node, text: text, path: path, expected: "an integer", quoted: !plain)
            }
            return .int(v)
        case .decimal:
            guard plain, let d = Self.plainDecimal(text) else {
                return numberProblem(node, text: text, path: path, expected: "a decimal number", quoted: !plain)
            }
            return .decimal(d)
        case .date:
            guard let d = Self.date(text) else {
                if let (code, message) = Self.impossibleDate(text, path: path) { return fail(node, code, message) }
                return fail(
                    node, "decision.bad-date", "`\(path)` must be a calendar date written YYYY-MM-DD, not `\(text)`")
            }
            return .date(d)
        case .list, .object:
            return mismatch(node, path: path, expected: type.description)
        }
    }

    private mutating func numberProblem(_ node: YAMLNode, text: String, path: String, expected: String, quoted: Bool)
        -> CELValue?
    {
        if quoted {
            // Removing the quotes helps only where the text is the number itself; `"1,234.50"` or `"abc"` would
            // be wrong without them too.
            let number = expected == "an integer" ? Self.integer(text) != nil : Self.isPlainDecimal(text)
            return fail(
                node, "decision.type-mismatch", "`\(path)` must be \(expected), not the quoted text `\(text)`",
                help: number
                    ? "remove the quotes"
                    : expected == "a decimal number"
                        ? "write plain digits with an optional fraction, such as 650000.00" : nil)
        }
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? String(text.dropFirst()) : text
        let shown = text.count > 40 ? text.prefix(40) + "…" : text[...]
        // Plain digits that are too many to hold exactly: said so, not called a wrong form.
        if expected == "a decimal number" ? Self.isPlainDecimal(text) : Self.isPlainInteger(text) {
            return fail(
                node, "decision.number-range",
                "`\(path)` is `\(shown)`, a number of \(digits.filter(\.isNumber).count) digits: more than is held exactly",
                help: expected == "a decimal number"
                    ? "a decimal holds up to 38 significant digits, 36 of them after the point"
                    : "an integer lies between -9223372036854775808 and 9223372036854775807")
        }
        if text.contains(where: { $0 == "e" || $0 == "E" }), Double(text) != nil {
            return fail(
                node, "decision.type-mismatch", "`\(path)` must be \(expected), not `\(shown)`",
                help: "write the number's digits in full, without an exponent")
        }
        if digits.count > 1, digits.hasPrefix("0"), digits.dropFirst().first != "." {
            return fail(
                node, "decision.number-ambiguous", "`\(path)` is `\(text)`, a number with a leading zero",
                help: "write it without the leading zero, or declare the field a string if it is a code")
        }
        return fail(
            node, "decision.type-mismatch", "`\(path)` must be \(expected), not `\(shown)`",
            help: expected == "a decimal number"
                ? "write plain digits with an optional fraction, such as 650000.00" : nil)
    }

    private mutating func mismatch(_ node: YAMLNode, path: String, expected: String) -> CELValue? {
        let what = node.scalar.map { "`\($0.text)`" } ?? "a \(node.kindName)"
        return fail(
            node, "decision.type-mismatch", "`\(path.isEmpty ? "the decision" : path)` must be \(expected), not \(what)"
        )
    }

    private mutating func fail(_ node: YAMLNode, _ code: String, _ message: String, help: String? = nil) -> CELValue? {
        diagnostics.append(
            .error(code, message, at: node.location, length: node.scalar?.text.unicodeScalars.count ?? 1, help: help))
        return nil
    }

    // MARK: strict scalar forms

    /// `-?(0|[1-9][0-9]*)` that fits in Int64.
    package static func integer(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { integer(utf8: $0) }
    }

    /// The same from the text's UTF-8, without going through `Character` (two thousand instructions a field).
    package static func integer(utf8 text: UnsafeBufferPointer<UInt8>) -> Int64? {
        let negative = !text.isEmpty && text[0] == UInt8(ascii: "-")
        var k = negative ? 1 : 0
        guard k < text.count, k == text.count - 1 || text[k] != UInt8(ascii: "0") else { return nil }
        var magnitude: UInt64 = 0
        while k < text.count {
            let digit = text[k] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (times, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(UInt64(digit))
            guard !o1, !o2 else { return nil }
            magnitude = sum
            k += 1
        }
        if negative {
            return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// `-?(0|[1-9][0-9]*)`.
    static func isPlainInteger(_ text: String) -> Bool {
        isPlainDecimal(text) && !text.contains(".")
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?`: what money looks like.
    static func isPlainDecimal(_ text: String) -> Bool {
        var u = text.utf8[...]
        if u.first == UInt8(ascii: "-") { u = u.dropFirst() }
        let isDigit = { (c: UInt8) in c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        let whole = u.prefix(while: isDigit)
        guard !whole.isEmpty, whole.count == 1 || whole.first != UInt8(ascii: "0") else { return false }
        let rest = u[whole.endIndex...]
        if rest.isEmpty { return true }
        guard rest.first == UInt8(ascii: "."), rest.count > 1 else { return false }
        return rest.dropFirst().allSatisfy(isDigit)
    }

    /// The value of a decimal written `-?(0|[1-9][0-9]*)(\.[0-9]+)?`, read from the text's bytes in place: what
    /// `isPlainDecimal(text) ? CELDecimal(text) : nil` gives (the scale is the digits after the point), at a
    /// tenth of the cost (both step through the text a character at a time).
    package static func plainDecimal(_ text: String) -> CELDecimal? {
        var text = text
        return text.withUTF8 { plainDecimal(utf8: $0) }
    }

    /// The same from UTF-8 bytes, the whole of which must be the number (`TypedJSON` reads JSON's with it).
    package static func plainDecimal(utf8 b: UnsafeBufferPointer<UInt8>) -> CELDecimal? {
        var i = 0
        let negative = !b.isEmpty && b[0] == UInt8(ascii: "-")
        if negative { i = 1 }
        var significand: Int128 = 0
        /// Reads a run of digits into `significand`; their count, or nil on overflow.
        func digits() -> Int? {
            let start = i
            while i < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") {
                let (times, o1) = significand.multipliedReportingOverflow(by: 10)
                let (plus, o2) = times.addingReportingOverflow(Int128(b[i] - UInt8(ascii: "0")))
                guard !o1, !o2 else { return nil }
                significand = plus
                i += 1
            }
            return i - start
        }
        let wholeStart = i
        guard let whole = digits(), whole == 1 || (whole > 1 && b[wholeStart] != UInt8(ascii: "0")) else {
            return nil
        }
        var scale = 0
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            guard let fraction = digits(), fraction > 0 else { return nil }
            scale = fraction
        }
        guard i == b.count else { return nil }
        return CELDecimal(significand: negative ? -significand : significand, scale: scale)
    }

    /// A real calendar day written exactly `YYYY-MM-DD`.
    package static func date(_ text: String) -> CELDate? {
        var text = text
        return text.withUTF8 { u in
            guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
            return CELDate(isoUTF8: u)
        }
    }

    /// For text written YYYY-MM-DD that is no day of the calendar (`2024-02-30`, `2024-13-01`, `0000-01-01`):
    /// the diagnostic's code and message for the field at `path`, saying why in terms a reader can check (the
    /// month's first and last days); nil for any other text.
    package static func impossibleDate(_ text: String, path: String) -> (code: String, message: String)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, parts.map(\.count) == [4, 2, 2],
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), Int(parts[2]) != nil, date(text) == nil
        else { return nil }
        guard year > 0 else {
            return ("decision.no-such-year", "`\(path)` is `\(text)`: there is no year `\(parts[0])`; years start at 1")
        }
        guard (1...12).contains(month) else {
            return ("decision.no-such-month", "`\(path)` is `\(text)`: there is no month `\(parts[1])`")
        }
        let length = CELDate.daysInMonth(year: year, month: month)
        let names = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        let prefix = "\(parts[0])-\(parts[1])-"
        return (
            "decision.no-such-day",
            "`\(path)` is `\(text)`, which is no day of the calendar: the days of \(names[month - 1]) \(year) run "
                + "from `\(prefix)01` to `\(prefix)\(length)`"
        )
    }
}
