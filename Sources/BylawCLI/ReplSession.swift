import Bylaw
import BylawCEL
import BylawDiagnostics
import BylawLocale
import BylawYAML
import Foundation

/// The state of one `bylaw repl`: the decision, the rule set whose scope is used, the caller's `:let`s, and
/// the environment and activation built from them.
struct ReplSession {
    let library: RuleLibrary
    let asOf: CELDate?
    var setID: String?
    var decision: YAMLNode?
    var decisionPath: String?
    /// `:let` values, in the order given; a later one of the same name replaces the earlier.
    var lets: [(name: String, value: CELValue)] = []
    var environment = CELEnvironment()
    var activation = CELActivation()

    init(library: RuleLibrary, asOf: CELDate?) {
        self.library = library
        self.asOf = asOf
    }

    /// Handles one line; false to end the session.
    mutating func handle(_ raw: String) -> Bool {
        let line = raw.trimmingCharacters(in: .whitespaces)
        guard !line.isEmpty else { return true }
        guard line.hasPrefix(":") else {
            evaluate(line)
            return true
        }
        let (command, rest) = Self.split(line)
        switch command {
        case ":quit", ":q", ":exit": return false
        case ":help": say(Self.help)
        case ":type": typeOf(rest)
        case ":let": bind(rest)
        case ":load": _ = load(rest)
        case ":set":
            let previous = setID
            setID = rest == "-" || rest.isEmpty ? nil : rest
            if !rebuild() {
                setID = previous
                _ = rebuild()
            }
        case ":scope": say(scope)
        default: fail(Self.words.text("repl.unknown-command", command))
        }
        return true
    }

    /// Takes `path` as the decision; false (and the previous decision kept) when it cannot be used.
    mutating func load(_ path: String) -> Bool {
        let node: YAMLNode
        do {
            node = try DecisionFile.load(path: path).node
        } catch {
            printDiagnostics(error.diagnostics)
            return false
        }
        let previous = (decision, decisionPath)
        (decision, decisionPath) = (node, path)
        guard rebuild() else {
            (decision, decisionPath) = previous
            _ = rebuild()
            return false
        }
        say(
            node["id"]?.scalar.map { Self.words.text("repl.loaded-id", path, $0.text) }
                ?? Self.words.text("repl.loaded", path))
        return true
    }

    /// Builds the environment and activation from the set, the decision and the `:let`s; false when they
    /// cannot be (the reasons are printed).
    mutating func rebuild() -> Bool {
        if let setID {
            switch RuleSetScope.make(library: library, id: setID, decision: decision, asOf: asOf) {
            case .success(var scope):
                for (name, value) in lets { scope.bind(name, value) }
                (environment, activation) = (scope.environment, scope.activation)
                return true
            case .failure(let failure):
                printDiagnostics(failure.diagnostics)
                return false
            }
        }
        var values: [String: CELValue] = [:]
        var types: [String: CELType] = [:]
        if let decision {
            let typed = DecisionVariables.make(decision, rulesRoot: library.root)
            if typed.diagnostics.hasErrors {
                printDiagnostics(typed.diagnostics)
                return false
            }
            (values, types) = (typed.values, typed.types)
        }
        if let asOf { values["today"] = .date(asOf) }
        for (name, value) in lets { (values[name], types[name]) = (value, value.type) }
        environment = CELEnvironment()
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            environment.declare(name, types[name] ?? value.type)
        }
        let calendar = try? WorkingCalendar.load(path: library.root + "/calendars/cn-mainland.yaml").get()
        activation = CELActivation(variables: values, calendar: calendar)
        return true
    }

    private func compile(_ expression: String) -> CELProgram? {
        switch CEL.compile(expression, environment: environment) {
        case .success(let program): return program
        case .failure(let issues):
            for issue in issues {
                fail(Self.caret(expression, at: issue.offset) + Self.said(issue.code, issue.message))
            }
            return nil
        }
    }

    private func evaluate(_ expression: String) {
        guard let program = compile(expression) else { return }
        switch program.evaluate(activation) {
        case .success(let v): say("\(ValueText.literal(v))  (\(v.type))")
        case .failure(let e): fail(Self.caret(expression, at: e.offset) + Self.said(e.code, e.message))
        }
    }

    private func typeOf(_ expression: String) {
        guard let program = compile(expression) else { return }
        say("\(program.resultType)")
    }

    private mutating func bind(_ text: String) {
        guard let eq = text.firstIndex(of: "=") else { return fail(Self.words.text("repl.let-usage")) }
        let name = text[..<eq].trimmingCharacters(in: .whitespaces)
        let expression = text[text.index(after: eq)...].trimmingCharacters(in: .whitespaces)
        guard Self.isIdentifier(name) else { return fail(Self.words.text("repl.let-name", name)) }
        guard let program = compile(expression) else { return }
        switch program.evaluate(activation) {
        case .success(let v):
            lets.removeAll { $0.name == name }
            lets.append((name, v))
            _ = rebuild()
            say("\(name) = \(ValueText.literal(v))  (\(v.type))")
        case .failure(let e): fail(Self.said(e.code, e.message))
        }
    }

    private var scope: String {
        let w = Self.words
        let none = w.text("repl.none")
        var out = w.text("repl.scope-set", setID ?? none) + "\n" + w.text("repl.scope-decision", decisionPath ?? none)
        if !lets.isEmpty { out += "\n" + w.text("repl.scope-let", lets.map(\.name).joined(separator: ", ")) }
        return out
    }

    /// The session's language: the process's, as `--lang` set it.
    static var words: Language { Language.current }

    static var help: String { words.text("repl.help") }

    /// A problem's message in the session's language, with its code.
    static func said(_ code: String, _ english: String) -> String {
        DiagnosticWording.message(code: code, english: english, words) + " [\(code)]"
    }

    private func say(_ text: String) { FileHandleOutput.writeText(text + "\n") }

    private func fail(_ text: String) { FileHandleOutput.writeText(Self.words.text("repl.error", text) + "\n") }

    /// Where in the expression a problem is, when the expression is one line.
    private static func caret(_ expression: String, at offset: Int?) -> String {
        guard let offset, !expression.contains("\n") else { return "" }
        return words.text("repl.at-column", String(offset + 1))
    }

    private static func split(_ line: String) -> (String, String) {
        guard let space = line.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return (line, "") }
        return (String(line[..<space]), line[space...].trimmingCharacters(in: .whitespaces))
    }

    private static func isIdentifier(_ s: String) -> Bool {
        func letter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || c == 0x5F }
        guard let first = s.utf8.first, letter(first) else { return false }
        return s.utf8.allSatisfy { letter($0) || ($0 >= 0x30 && $0 <= 0x39) }
    }
}
