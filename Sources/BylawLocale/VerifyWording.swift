/// The reasons and notes of an audit-trail verification in the reader's language. The verifier writes them in
/// English (they are also the machine's `problem.reason`); each catalogue entry `verify.*` gives the English
/// form with `{0}`, `{1}` where the verifier puts a value, and its Chinese. A reason no entry matches is shown
/// as it is.
public enum VerifyWording {
    public static func text(_ english: String, _ language: Language) -> String {
        guard language == .chinese else { return english }
        for entry in entries {
            if let values = match(entry.english, english) { return Catalogue.fill(entry.chinese, values) }
        }
        return english
    }

    static let entries = Catalogue.entries.filter { $0.id.hasPrefix("verify.") }

    /// The values `text` puts where `template` has `{0}`, `{1}`, … (in the template's order of appearance,
    /// given back by index), or nil when `text` is not of that form.
    static func match(_ template: String, _ text: String) -> [String]? {
        var literals: [Substring] = []
        var slots: [Int] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"),
            let close = rest[open...].firstIndex(of: "}"),
            let slot = Int(rest[rest.index(after: open)..<close])
        {
            literals.append(rest[..<open])
            slots.append(slot)
            rest = rest[rest.index(after: close)...]
        }
        literals.append(rest)
        guard text.hasPrefix(literals[0]) else { return nil }
        var remaining = Substring(text).dropFirst(literals[0].count)
        var values = [String](repeating: "", count: (slots.max() ?? -1) + 1)
        for (k, slot) in slots.enumerated() {
            let next = literals[k + 1]
            if next.isEmpty {
                guard k == slots.count - 1, !remaining.isEmpty else { return nil }
                values[slot] = String(remaining)
                remaining = ""
                continue
            }
            guard let found = remaining.firstRange(of: next), found.lowerBound > remaining.startIndex else {
                return nil
            }
            values[slot] = String(remaining[..<found.lowerBound])
            remaining = remaining[found.upperBound...]
        }
        return remaining.isEmpty ? values : nil
    }
}
