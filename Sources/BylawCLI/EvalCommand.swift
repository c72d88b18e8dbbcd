import ArgumentParser
import Bylaw
import BylawCEL
import BylawDiagnostics
import BylawLocale
import BylawYAML
import Foundation

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: Language.current.help("help.eval.abstract"),
        discussion: Language.current.help("help.eval.discussion"))

    @Argument(help: ArgumentHelp(Language.current.help("help.eval.expression")))
    var expression: String

    @Option(help: ArgumentHelp(Language.current.help("help.eval.input"), valueName: "file"))
    var input: String?

    @Option(
        name: .customLong("var"), help: ArgumentHelp(Language.current.help("help.eval.var"), valueName: "name=expr"))
    var variables: [String] = []

    @Option(help: ArgumentHelp(Language.current.help("help.eval.vars"), valueName: "file"))
    var vars: String?

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(Language.current.help("help.eval.set"), valueName: "ruleset-id"))
    var ruleSet: String?

    @Flag(help: ArgumentHelp(Language.current.help("help.eval.no-check")))
    var noCheck = false

    @OptionGroup var rules: RulesOption

    @Option(help: ArgumentHelp(Language.current.help("help.eval.calendar"), valueName: "name"))
    var calendar: String = "cn-mainland"

    @Option(help: ArgumentHelp(Language.current.help("help.repl.as-of"), valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp(Language.current.help("help.check.format")))
    var format: OutputFormat = .text

    func run() throws {
        if let ruleSet { return try runInSet(ruleSet) }
        var values: [String: CELValue] = [:]
        var types: [String: CELType] = [:]
        if let input { try loadInput(input, values: &values, types: &types) }
        if let vars { try loadVars(vars, values: &values) }
        for spec in variables { try parseVar(spec, values: &values) }
        if let asOf { values["today"] = .date(try parseDate(asOf)) }
        var env = CELEnvironment()
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            env.declare(name, types[name] ?? value.type)
        }
        let cal = try? WorkingCalendar.load(path: rules.directory + "/calendars/" + calendar + ".yaml").get()
        try evaluate(in: env, CELActivation(variables: values, calendar: cal))
    }

    /// Compiles the expression in `env`, evaluates it with `activation` and prints the value or the error.
    func evaluate(in env: CELEnvironment, _ activation: CELActivation) throws {
        let program: CELProgram
        switch CEL.compile(expression, environment: env, checked: !noCheck) {
        case .success(let p): program = p
        case .failure(let issues):
            report(issues.map { ($0.code, $0.message, $0.offset, $0.length, $0.help) })
            throw Exit.invalid
        }
        switch program.evaluate(activation) {
        case .success(let v):
            if format == .json {
                FileHandleOutput.writeAll(fd: 1, "{\"value\":" + CELValueCodec.encodeText(v) + "}\n")
            } else {
                FileHandleOutput.writeText("\(ValueText.literal(v))  (\(v.type))\n")
            }
        case .failure(let e):
            if format == .json {
                FileHandleOutput.writeAll(
                    fd: 1, "{\"error\":{\"code\":\(JSONText.quote(e.code)),\"message\":\(JSONText.quote(e.message))}}\n"
                )
            } else {
                report([(e.code, e.message, e.offset ?? 0, 1, nil)])
            }
            throw Exit.notCompliant
        }
    }

    private func report(_ problems: [(code: String, message: String, offset: Int, length: Int, help: String?)]) {
        if format == .json {
            let first = problems.first
            FileHandleOutput.writeAll(
                fd: 1,
                "{\"error\":{\"code\":\(JSONText.quote(first?.code ?? "")),\"message\":\(JSONText.quote(first?.message ?? ""))}}\n"
            )
            return
        }
        let source = expression
        let renderer = DiagnosticRenderer(colour: FileHandleOutput.stderrIsTerminal, language: Language.current) {
            $0 == "<expr>" ? source : nil
        }
        // Multi-line expressions: map the scalar offset to a line and column.
        let diags = problems.map { p -> Diagnostic in
            var line = 1
            var column = 1
            for (i, c) in source.unicodeScalars.enumerated() where i < p.offset {
                if c == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            return .error(
                p.code, p.message, at: SourceLocation(file: "<expr>", line: line, column: column), length: p.length,
                help: p.help)
        }
        FileHandleOutput.writeStderr(renderer.render(diags))
    }

    private func loadInput(_ path: String, values: inout [String: CELValue], types: inout [String: CELType]) throws {
        let root: YAMLNode
        do {
            root = try DecisionFile.load(path: path).node
        } catch {
            printDiagnostics(error.diagnostics)
            throw Exit.invalid
        }
        let typed = DecisionVariables.make(root, rulesRoot: rules.directory)
        if typed.diagnostics.hasErrors {
            printDiagnostics(typed.diagnostics)
            throw Exit.invalid
        }
        values.merge(typed.values) { _, new in new }
        types.merge(typed.types) { _, new in new }
    }

    func loadVars(_ path: String, values: inout [String: CELValue]) throws {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ValidationError(Language.current.text("op.cannot-read", path))
        }
        do {
            guard case .object(let members) = try CELJSON.parse(text) else {
                throw ValidationError(Language.current.text("usage.vars-object", path))
            }
            for (name, json) in members { values[name] = try CELValueCodec.decode(json) }
        } catch let e as CELCodecError {
            throw ValidationError(Language.current.text("usage.file-problem", path, e.message))
        }
    }

    func parseVar(_ spec: String, values: inout [String: CELValue]) throws {
        guard let eq = spec.firstIndex(of: "=") else {
            throw ValidationError(Language.current.text("usage.var-form", spec))
        }
        let name = String(spec[..<eq])
        let text = String(spec[spec.index(after: eq)...])
        guard case .success(let p) = CEL.compile(text, environment: CELEnvironment()),
            case .success(let v) = p.evaluate(CELActivation())
        else {
            throw ValidationError(Language.current.text("usage.var-constant", name, text))
        }
        values[name] = v
    }
}
