import ArgumentParser
import Bylaw
import BylawCEL
import BylawLocale
import BylawYAML

extension EvalCommand {
    /// `bylaw eval --set ID`: the expression in rule set ID's scope (`RuleSetScope`), for `--input`'s decision.
    func runInSet(_ id: String) throws {
        let library = try rules.loadLibrary()
        var decision: YAMLNode?
        if let input {
            do {
                decision = try DecisionFile.load(path: input).node
            } catch {
                printDiagnostics(error.diagnostics)
                throw Exit.invalid
            }
        }
        var scope: RuleSetScope
        switch RuleSetScope.make(library: library, id: id, decision: decision, asOf: try asOf.map(parseDate)) {
        case .success(let s): scope = s
        case .failure(let failure):
            printDiagnostics(failure.diagnostics)
            throw Exit.invalid
        }
        var values: [String: CELValue] = [:]
        if let vars { try loadVars(vars, values: &values) }
        for spec in variables { try parseVar(spec, values: &values) }
        for (name, value) in values.sorted(by: { $0.key < $1.key }) { scope.bind(name, value) }
        // Without a decision most lets cannot be computed, and saying so for each is noise.
        for (name, error) in scope.failedLets.sorted(by: { $0.key < $1.key }) where decision != nil {
            printError(Language.current.text("eval.let-failed", name, error.message))
        }
        try evaluate(in: scope.environment, scope.activation)
    }
}
