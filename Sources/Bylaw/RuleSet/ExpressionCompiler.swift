import BylawCEL
import BylawDiagnostics
import BylawYAML

/// Compiles CEL written in YAML scalars and maps CEL's positions back into the YAML file.
struct ExpressionCompiler {
    var environment: CELEnvironment

    /// Compiles `node`'s text; `expectBool` makes a non-bool result an error.
    func compile(_ node: YAMLNode, what: String, expectBool: Bool, into diags: inout [Diagnostic]) -> Expression? {
        guard let text = Fields.text(node, what: what, into: &diags) else { return nil }
        return compile(text, node: node, baseOffset: 0, what: what, expectBool: expectBool, into: &diags)
    }

    /// Compiles `text`, which starts at scalar offset `baseOffset` inside `node`'s value.
    func compile(
        _ text: String, node: YAMLNode, baseOffset: Int, what: String, expectBool: Bool, extra: [String: CELType] = [:],
        locator: ValueLocator? = nil, into diags: inout [Diagnostic]
    ) -> Expression? {
        let locator = locator ?? ValueLocator(node)
        var env = environment
        for (name, type) in extra { env.declare(name, type) }
        switch CEL.compile(text, environment: env) {
        case .failure(let issues):
            for issue in issues {
                diags.append(
                    .error(
                        issue.code, issue.message, at: locator.location(ofValueOffset: baseOffset + issue.offset),
                        length: issue.length, help: issue.help))
            }
            return nil
        case .success(let program):
            let location = locator.location(ofValueOffset: baseOffset)
            if expectBool, program.resultType != .bool, program.resultType != .dyn {
                diags.append(
                    .error(
                        "ruleset.not-bool",
                        "\(what) must be a condition (bool), but `\(text)` is \(program.resultType)",
                        at: location, length: text.unicodeScalars.count))
                return nil
            }
            return Expression(source: text, program: program, location: location)
        }
    }

    /// Splits a message into text and `{expr}` placeholders (`{{` and `}}` are literal braces) and compiles them.
    func template(_ node: YAMLNode, into diags: inout [Diagnostic]) -> MessageTemplate? {
        guard let text = Fields.text(node, what: "`message`", into: &diags) else { return nil }
        let scalars = Array(text.unicodeScalars)
        // One map of positions for all the message's placeholders.
        let locator = ValueLocator(node)
        var parts: [MessageTemplate.Part] = []
        var literal = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "{", i + 1 < scalars.count, scalars[i + 1] == "{" {
                literal.append("{")
                i += 2
                continue
            }
            if c == "}", i + 1 < scalars.count, scalars[i + 1] == "}" {
                literal.append("}")
                i += 2
                continue
            }
            guard c == "{" else {
                literal.append(c)
                i += 1
                continue
            }
            guard let close = Self.closingBrace(scalars, from: i + 1) else {
                diags.append(
                    .error(
                        "ruleset.bad-placeholder", "`{` in a message opens a placeholder that is never closed",
                        at: locator.location(ofValueOffset: i), help: "write `{{` for a literal brace"))
                return nil
            }
            if !literal.isEmpty {
                parts.append(.text(String(literal)))
                literal = String.UnicodeScalarView()
            }
            let inner = String(String.UnicodeScalarView(scalars[(i + 1)..<close]))
            if let e = compile(
                inner, node: node, baseOffset: i + 1, what: "a message placeholder", expectBool: false,
                locator: locator, into: &diags)
            {
                parts.append(.expression(e))
            }
            i = close + 1
        }
        if !literal.isEmpty { parts.append(.text(String(literal))) }
        return MessageTemplate(parts: parts, source: text)
    }

    /// The index of the `}` closing a placeholder, skipping braces inside CEL strings and nested maps.
    static func closingBrace(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        var depth = 0
        var quote: Unicode.Scalar?
        var i = start
        while i < s.count {
            let c = s[i]
            if let q = quote {
                if c == "\\" {
                    i += 2
                    continue
                }
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "{" {
                depth += 1
            } else if c == "}" {
                if depth == 0 { return i }
                depth -= 1
            }
            i += 1
        }
        return nil
    }

    /// Identifiers in `source` that are not member names (not after `.`) and not inside strings:
    /// enough to order `let` bindings by what they read.
    static func identifiers(in source: String) -> Set<String> {
        var names: Set<String> = []
        let s = Array(source.unicodeScalars)
        var i = 0
        var quote: Unicode.Scalar?
        func isStart(_ c: Unicode.Scalar) -> Bool { c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
        while i < s.count {
            let c = s[i]
            if let q = quote {
                if c == "\\" { i += 1 } else if c == q { quote = nil }
                i += 1
                continue
            }
            if c == "\"" || c == "'" {
                quote = c
                i += 1
                continue
            }
            if isStart(c) {
                var j = i
                while j < s.count, isStart(s[j]) || ("0"..."9").contains(s[j]) { j += 1 }
                var k = i - 1
                while k >= 0, s[k] == " " { k -= 1 }
                if k < 0 || s[k] != "." {
                    names.insert(String(String.UnicodeScalarView(s[i..<j])))
                }
                i = j
                continue
            }
            i += 1
        }
        return names
    }
}
