/// Diagnostics in the reader's language. A diagnostic is made in English by the code that finds it; its stable
/// code selects the catalogue entry (`diag.` + code) whose Chinese statement replaces the English message, and
/// the user text the English message quotes in backticks (a field path, a key, a value) follows it, so nothing
/// the reader needs to find the problem is lost. Where the catalogue has a sentence form for the code and the
/// number of quoted spans (`diag-form.decision.bad-enum.2`), the quoted text takes its place in that sentence.
public enum DiagnosticWording {
    /// `error`, `warning`, `note` in `language` (`错误`, `警告`, `注`).
    public static func severity(_ name: String, _ language: Language) -> String {
        language.text("diag.severity." + name)
    }

    /// The message of a diagnostic with `code` in `language`: the English message itself in English; in
    /// Chinese, the catalogue's statement for the code and the quoted user text. A code without an entry
    /// keeps its English message (the completeness test keeps that from happening).
    public static func message(code: String, english: String, _ language: Language) -> String {
        guard language == .chinese, let entry = Catalogue.entry("diag." + code) else { return english }
        // A record read from a sheet: the place comes first, then the problem, each in Chinese.
        if let (form, values) = sheetPlace(english) {
            // The place in Chinese, and the message after it worded as any other.
            let said = values.enumerated().map { k, v in
                k == values.count - 1 ? message(code: code, english: v, language) : v
            }
            return Catalogue.fill(form, said)
        }
        if code == "yaml.syntax" || code == "json.syntax", let said = syntaxProblems[english] {
            return entry.chinese + "：" + said
        }
        // A message whose whole English wording the catalogue knows (`diag-exact.<code>.<n>`): its Chinese, with
        // the same places filled.
        for e in exactForms[code] ?? [] {
            guard var values = Catalogue.match(e.english, english) else { continue }
            // A lint finding that quotes an evaluation's message ends with it: worded as a rule's error is.
            if code == "lint.always-error", let last = values.indices.last {
                values[last] = evaluationMessage(values[last]) ?? values[last]
            }
            // A condition that can never hold, for several reasons: each reason in Chinese.
            if code == "lint.when-never-true" || code == "lint.require-always-false", e.id.hasSuffix("-any"),
                let last = values.indices.last
            {
                values[last] = contradictions(values[last]) ?? values[last]
            }
            // A list of quoted names (`a`, `b`) is listed as Chinese lists are.
            for k in values.indices where values[k].hasPrefix("`") && values[k].hasSuffix("`") {
                values[k] = values[k].replacingOccurrences("`, `", with: "`、`")
            }
            return Catalogue.fill(e.chinese, values)
        }
        let quoted = quotedSpans(english)
        if let form = Catalogue.entry("diag-form.\(code).\(quoted.count)") {
            return Catalogue.fill(form.chinese, quoted)
        }
        let statement = Catalogue.fill(entry.chinese, quoted)
        // A statement with placeholders has placed the quoted text itself.
        if entry.chinese.contains("{0}") || quoted.isEmpty { return statement }
        return statement + "：" + quoted.joined(separator: "、")
    }

    /// Why a rule could not be evaluated (`RuleResult.error`: "`require`: division by zero"), in `language`: the
    /// part of the rule and the evaluation's message as the catalogue words them (`rule-error.*`), the user
    /// text in place; a message the catalogue does not know stays as it is after the part.
    public static func ruleError(_ english: String, _ language: Language) -> String {
        guard language == .chinese else { return english }
        var part = ""
        var message = Substring(english)
        for (prefix, chinese) in [("`require`: ", "`require`："), ("`when`: ", "`when`：")]
        where message.hasPrefix(prefix) {
            part = chinese
            message = message.dropFirst(prefix.count)
        }
        if part.isEmpty, message.hasPrefix("`let` "), let colon = message.firstRange(of: " could not be computed: ") {
            part = language.text(
                "rule-error.let", String(message[message.index(message.startIndex, offsetBy: 6)..<colon.lowerBound]))
            message = message[colon.upperBound...]
        }
        return part + (evaluationMessage(String(message)) ?? String(message))
    }

    /// An evaluation's message (`division by zero`) as the catalogue words it, or nil.
    static func evaluationMessage(_ english: String) -> String? {
        Catalogue.chinese(english, forms: ruleErrorForms)
    }

    static let ruleErrorForms = Catalogue.entries.filter { $0.id.hasPrefix("rule-error.") && $0.id != "rule-error.let" }

    /// One difference `bylaw test` found between a case's expectation and its result, in `language`: the
    /// runner's lines (`verdict: expected …, got …`, a rule list, a message) by the catalogue's forms
    /// (`test-diff.*`), a diagnostic line (`  file:1:2: error: … [code]`) worded as any diagnostic, and a rule's
    /// evaluation error as `ruleError` words it.
    public static func testDifference(_ english: String, _ language: Language) -> String {
        guard language == .chinese else { return english }
        if english.hasPrefix("  "), english.hasSuffix("]"), let open = english.lastIndex(of: "[") {
            let code = String(english[english.index(after: open)..<english.index(before: english.endIndex)])
            for severity in ["error", "warning", "note"] {
                guard let at = english.firstRange(of: ": \(severity): "), at.upperBound < open else { continue }
                let place = english[..<at.lowerBound]
                let message = String(english[at.upperBound..<open].dropLast())
                return place + ": " + Self.severity(severity, language) + "："
                    + Self.message(code: code, english: message, language)
                    + " [" + code + "]"
            }
        }
        if english.hasPrefix("  "), let at = english.firstRange(of: " error: ") {
            return english[..<at.lowerBound] + " " + language.text("report.error-prefix")
                + ruleError(String(english[at.upperBound...]), language)
        }
        return Catalogue.chinese(english, forms: testDifferenceForms) ?? english
    }

    static let testDifferenceForms = Catalogue.entries.filter { $0.id.hasPrefix("test-diff.") }

    /// The catalogue's notes (`first defined here`, `version {0} is in force until {1}, exclusive`).
    static let noteForms = Catalogue.entries.filter { $0.id.hasPrefix("diag-note.") }

    /// The catalogue's whole-message forms by diagnostic code, in catalogue order (the more specific first).
    static let exactForms: [String: [CatalogueEntry]] = {
        var table: [String: [CatalogueEntry]] = [:]
        for e in Catalogue.entries where e.id.hasPrefix("diag-exact.") {
            let code = e.id.dropFirst("diag-exact.".count).split(separator: ".").dropLast().joined(separator: ".")
            table[code, default: []].append(e)
        }
        return table
    }()

    /// The reasons a lint finding gives for a condition that can never hold (`Contradiction`), in Chinese:
    /// "`a > 5` and `a < 3` cannot both hold; `b`, `c`, `d` cannot all hold" becomes
    /// "`a > 5` 与 `a < 3` 不能同时成立；`b`、`c`、`d` 不能同时成立". Nil when a part is not one of those forms.
    static func contradictions(_ english: String) -> String? {
        var said: [String] = []
        for reason in outsideQuotes(english, split: "; ") {
            if reason.hasSuffix(" cannot both hold") {
                let body = reason.dropLast(" cannot both hold".count)
                let parts = body.split(separator: "` and `", omittingEmptySubsequences: false)
                guard parts.count == 2 else { return nil }
                said.append(Language.chinese.text("lint-reason.both", parts[0] + "`", "`" + parts[1]))
            } else if reason.hasSuffix(" cannot all hold") {
                let body = String(reason.dropLast(" cannot all hold".count))
                said.append(Language.chinese.text("lint-reason.all", body.replacingOccurrences("`, `", with: "`、`")))
            } else {
                return nil
            }
        }
        return said.joined(separator: "；")
    }

    /// `text` split at each `separator` that lies outside backticks: the quoted expressions may hold it.
    static func outsideQuotes(_ text: String, split separator: String) -> [Substring] {
        var parts: [Substring] = []
        var start = text.startIndex
        var i = text.startIndex
        var quoted = false
        while i < text.endIndex {
            if text[i] == "`" {
                quoted.toggle()
            } else if !quoted, text[i...].hasPrefix(separator) {
                parts.append(text[start..<i])
                i = text.index(i, offsetBy: separator.count)
                start = i
                continue
            }
            i = text.index(after: i)
        }
        parts.append(text[start...])
        return parts
    }

    /// libyaml's and the JSON reader's problem messages in Chinese, by their English.
    static let syntaxProblems: [String: String] = {
        var table: [String: String] = [:]
        for e in Catalogue.entries where e.id.hasPrefix("diag-yaml.") || e.id.hasPrefix("diag-json.") {
            table[e.english] = e.chinese
        }
        return table
    }()

    /// A diagnostic's help line in `language`: the common English forms in Chinese, other lines as they are.
    public static func help(_ english: String, _ language: Language) -> String {
        guard language == .chinese else { return english }
        if let known = helpLines[english] { return known }
        if let placed = Catalogue.chinese(english, forms: placedHelpLines) { return placed }
        let forms: [(String, String)] = [
            ("did you mean ", "是否应为 "), ("allowed: ", "可选值："), ("known kinds: ", "已知的决定类别："),
            ("remove the quotes", "去掉引号"), ("the sets: ", "库中的规则集："),
            ("give the records their kind with --kind (known kinds: ", "用 --kind 指定记录的决定类别（已知类别："),
            ("write a path such as ", "表头须写成字段路径，如 "),
        ]
        for (prefix, chinese) in forms where english.hasPrefix(prefix) {
            var rest = String(english.dropFirst(prefix.count))
            if rest.hasSuffix("?") { rest = String(rest.dropLast()) + "？" }
            rest = rest.replacingOccurrences("? the enum is ", with: "？可选值为 ")
            if rest.hasSuffix(")") { rest = String(rest.dropLast()) + "）" }
            rest = rest.replacingOccurrences(", or map the header with --map", with: "，或用 --map 映射表头")
            return chinese + rest.replacingOccurrences(", ", with: "、")
        }
        return english
    }

    /// The help lines with places for the user's text (`line {0} …`).
    static let placedHelpLines: [CatalogueEntry] = Catalogue.entries.filter {
        $0.id.hasPrefix("diag-help.") && $0.english.contains("{0}")
    }

    /// The Chinese of every help line the catalogue lists, by its English text.
    static let helpLines: [String: String] = {
        var table: [String: String] = [:]
        for e in Catalogue.entries where e.id.hasPrefix("diag-help.") { table[e.english] = e.chinese }
        return table
    }()

    /// A diagnostic's note (`first defined here`) in `language`: the catalogue's notes, and `nor …` (a further
    /// example of a gap); other notes as they are.
    public static func note(_ english: String, _ language: Language) -> String {
        guard language == .chinese else { return english }
        if english.hasPrefix("nor ") { return language.text("diag-note.nor", String(english.dropFirst(4))) }
        return Catalogue.chinese(english, forms: noteForms) ?? english
    }

    /// The place a batch reader puts before a record's problem (`cell B15, column `决策日期` is empty: …`,
    /// `column 3, column `决策日期`: …` for CSV, `no column gives `date`: …`): the catalogue's Chinese form
    /// (`diag-place.*`) and the values the English put in it, the message being the last; nil when the message
    /// starts with no such place.
    static func sheetPlace(_ english: String) -> (String, [String])? {
        for form in placeForms {
            if let values = Catalogue.match(form.english, english) { return (form.chinese, values) }
        }
        return nil
    }

    static let placeForms = Catalogue.entries.filter { $0.id.hasPrefix("diag-place.") }

    /// The user text an English message quotes in backticks, in order.
    static func quotedSpans(_ message: String) -> [String] {
        let parts = message.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return [] }
        return stride(from: 1, to: parts.count - 1, by: 2).map { "`" + parts[$0] + "`" }
    }
}

extension String {
    /// `self` with every `target` replaced by `replacement` (without Foundation).
    fileprivate func replacingOccurrences(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
