import BylawCEL
import BylawDiagnostics
import BylawYAML

/// Reads the `tables:` section.
enum TableLoader {
    static func tables(_ node: YAMLNode, compiler: ExpressionCompiler, into diags: inout [Diagnostic])
        -> [DecisionTable]
    {
        guard let pairs = node.mapping else {
            diags.append(
                .error("schema.expected-mapping", "`tables` must be a mapping of names to tables", at: node.location))
            return []
        }
        return pairs.compactMap { pair -> DecisionTable? in
            guard let name = pair.key.scalar?.text else { return nil }
            guard SchemaParser.isIdentifier(name) else {
                diags.append(
                    .error("schema.bad-field-name", "`\(name)` is not a valid table name", at: pair.key.location))
                return nil
            }
            return table(name, pair.value, compiler: compiler, into: &diags)
        }
    }

    static func table(_ name: String, _ node: YAMLNode, compiler: ExpressionCompiler, into diags: inout [Diagnostic])
        -> DecisionTable?
    {
        let what = "table `\(name)`"
        guard var f = Fields(node, what: what, into: &diags) else { return nil }
        let description = f.string("description", required: false, in: "", into: &diags)
        var hit = DecisionTable.HitPolicy.first
        if let h = f.optional("hit") {
            if let t = h.scalar?.text, let p = DecisionTable.HitPolicy(rawValue: t) {
                hit = p
            } else {
                diags.append(
                    .error("table.bad-hit", "hit policy must be first, unique, any or collect", at: h.location))
            }
        }
        var inputs: [Expression] = []
        for n in f.required("inputs", in: what, into: &diags)?.sequence ?? [] {
            if let e = compiler.compile(n, what: "an input of \(what)", expectBool: false, into: &diags) {
                inputs.append(e)
            }
        }
        var outputType = FieldType.string
        if let o = f.optional("output"), let spec = SchemaParser.field(o, path: "output", into: &diags) {
            outputType = spec.type
        }
        var rows: [DecisionTable.Row] = []
        for r in f.required("rows", in: what, into: &diags)?.sequence ?? [] {
            if let row = row(r, inputs: inputs, output: outputType, compiler: compiler, table: what, into: &diags) {
                rows.append(row)
            }
        }
        let defaultOutput = f.optional("default").flatMap { output($0, type: outputType, into: &diags) }
        f.reportUnknownKeys(in: what, into: &diags)
        return DecisionTable(
            name: name, description: description, hit: hit, inputs: inputs, outputType: outputType, rows: rows,
            defaultOutput: defaultOutput, location: node.location)
    }

    static func row(
        _ node: YAMLNode, inputs: [Expression], output: FieldType, compiler: ExpressionCompiler, table: String,
        into diags: inout [Diagnostic]
    ) -> DecisionTable.Row? {
        guard var f = Fields(node, what: "a row of \(table)", into: &diags) else { return nil }
        let whenNode = f.required("when", in: "a row of \(table)", into: &diags)
        let thenNode = f.required("then", in: "a row of \(table)", into: &diags)
        _ = f.string("note", required: false, in: "", into: &diags)
        f.reportUnknownKeys(in: "a row of \(table)", into: &diags)
        guard let whenNode, let thenNode else { return nil }
        guard let cellNodes = whenNode.sequence else {
            diags.append(.error("table.bad-row", "`when` must list one cell per input", at: whenNode.location))
            return nil
        }
        guard cellNodes.count == inputs.count else {
            diags.append(
                .error(
                    "table.cell-count",
                    "this row has \(cellNodes.count) cell\(cellNodes.count == 1 ? "" : "s") but \(table) has \(inputs.count) input\(inputs.count == 1 ? "" : "s")",
                    at: whenNode.location))
            return nil
        }
        var cells: [Cell] = []
        for (cellNode, input) in zip(cellNodes, inputs) {
            guard let c = CellParser.cell(cellNode, column: input.program.resultType, compiler: compiler, into: &diags)
            else {
                return nil
            }
            cells.append(c)
        }
        guard let out = self.output(thenNode, type: output, into: &diags) else { return nil }
        return DecisionTable.Row(
            cells: cells, output: out, location: node.location, cellSources: cellNodes.map(cellSource))
    }

    /// A cell as its author wrote it, for `explain`: `>= 1000000`, `[vehicle, it]`, `{expr: it > 3}`.
    static func cellSource(_ node: YAMLNode) -> String {
        if let items = node.sequence { return "[" + items.map(cellSource).joined(separator: ", ") + "]" }
        if let pairs = node.mapping {
            return "{"
                + pairs.map { "\($0.key.scalar?.text ?? "?"): \(cellSource($0.value))" }.joined(separator: ", ") + "}"
        }
        return node.scalar?.text.trimmingCharacters(in: .whitespaces) ?? ""
    }

    static func output(_ node: YAMLNode, type: FieldType, into diags: inout [Diagnostic]) -> CELValue? {
        ParameterValue.read(node, declared: type, name: "output", into: &diags)
    }
}
