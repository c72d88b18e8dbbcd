/// A recursive-descent parser for CEL. Collects syntax errors instead of stopping at the first.
///
/// Limits: `maxLength` scalars of text, `maxRecursion` nested parentheses, brackets, calls
/// and unary operators, and `maxHeight` levels of tree (long left-associative chains).
struct Parser {
    static let maxLength = 100_000
    static let maxRecursion = 100
    static let maxHeight = 400
    static let maxErrors = 20

    var tokens: [Token] = []
    var index = 0
    private var nextID = 1
    var depth = 0
    private var heights: [Int: Int] = [:]
    private(set) var issues: [CELIssue] = []

    /// Parses `source` into an AST or the syntax errors found.
    static func parse(_ source: String) -> Result<CELAST, CELIssues> {
        let scalars = Array(source.unicodeScalars)
        guard scalars.count <= maxLength else {
            return .failure([
                CELIssue(
                    code: "cel.limit", message: "expression is longer than \(maxLength) characters", offset: 0,
                    length: 0)
            ])
        }
        var parser = Parser()
        var lexer = Lexer(scalars)
        while true {
            let token = lexer.next()
            parser.tokens.append(token)
            if token.kind == .end { break }
        }
        let root = parser.parseExpr()
        if parser.issues.isEmpty, parser.current.kind != .end {
            if case .error(let message) = parser.current.kind {
                parser.error(message, at: parser.current)
            } else {
                parser.error("unexpected \(parser.describe(parser.current))", at: parser.current)
            }
        }
        if !parser.issues.isEmpty { return .failure(CELIssues(parser.issues)) }
        return .success(CELAST(root: root, source: source))
    }

    // MARK: tokens

    var current: Token { tokens[min(index, tokens.count - 1)] }

    mutating func takeToken() -> Token {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    mutating func acceptToken(_ punct: String) -> Bool {
        guard current.punctuation == punct else { return false }
        index += 1
        return true
    }

    mutating func expectToken(_ punct: String) {
        if !acceptToken(punct) { error("expected `\(punct)`, found \(describe(current))", at: current) }
    }

    func describe(_ token: Token) -> String {
        switch token.kind {
        case .end: "end of expression"
        case .punct(let p): "`\(p)`"
        case .ident(let name), .reserved(let name): "`\(name)`"
        case .quotedIdent(let name): "the quoted name `\(name)`"
        default: "a literal"
        }
    }

    mutating func error(_ message: String, at token: Token) {
        error(message, offset: token.offset, length: token.length)
    }

    mutating func error(_ message: String, offset: Int, length: Int) {
        guard issues.count < Self.maxErrors, !issues.contains(where: { $0.offset == offset }) else { return }
        issues.append(CELIssue(code: "cel.syntax", message: message, offset: offset, length: length))
    }

    // MARK: nodes

    mutating func make(_ kind: CELExprKind, from start: Int, to end: Int) -> CELExpr {
        let id = nextID
        nextID += 1
        let node = CELExpr(id: id, offset: start, length: max(end - start, 0), kind: kind)
        let height = 1 + (node.children.map { heights[$0.id] ?? 0 }.max() ?? 0)
        heights[id] = height
        if height > Self.maxHeight {
            error(
                "expression nests more than \(Self.maxHeight) levels deep", offset: start, length: max(end - start, 1))
            return CELExpr(id: id, offset: start, length: max(end - start, 0), kind: .error)
        }
        return node
    }

    var previousEndOffset: Int {
        guard index > 0 else { return 0 }
        let token = tokens[index - 1]
        return token.offset + token.length
    }

    private mutating func errorNode(at token: Token) -> CELExpr {
        make(.error, from: token.offset, to: token.offset + token.length)
    }

    // MARK: grammar

    mutating func parseExpr() -> CELExpr {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxRecursion {
            error("expression nests more than \(Self.maxRecursion) levels deep", at: current)
            // Skip the rest: deeper parsing would only repeat the error.
            index = tokens.count - 1
            return errorNode(at: current)
        }
        let condition = parseBinary(level: 0)
        guard current.punctuation == "?" else { return condition }
        _ = takeToken()
        let then = parseBinary(level: 0)
        expectToken(":")
        let otherwise = parseExpr()
        return make(
            .call(function: "_?_:_", target: nil, args: [condition, then, otherwise]),
            from: condition.offset, to: previousEndOffset)
    }

    /// Binary levels, loosest first: `||`, `&&`, relations, `+ -`, `* / %`.
    private static let levels: [[String: String]] = [
        ["||": "_||_"],
        ["&&": "_&&_"],
        ["==": "_==_", "!=": "_!=_", "<": "_<_", "<=": "_<=_", ">": "_>_", ">=": "_>=_", "in": "@in"],
        ["+": "_+_", "-": "_-_"],
        ["*": "_*_", "/": "_/_", "%": "_%_"],
    ]

    private mutating func parseBinary(level: Int) -> CELExpr {
        guard level < Self.levels.count else { return parseUnary() }
        if level <= 1 { return parseLogical(level: level) }
        var left = parseBinary(level: level + 1)
        while true {
            let symbol = current.kind == .inKeyword ? "in" : (current.punctuation ?? "")
            guard let function = Self.levels[level][symbol] else { return left }
            _ = takeToken()
            let right = parseBinary(level: level + 1)
            left = make(
                .call(function: function, target: nil, args: [left, right]), from: left.offset, to: previousEndOffset)
        }
    }

    /// `||` and `&&` chains become balanced trees, so long chains stay shallow.
    private mutating func parseLogical(level: Int) -> CELExpr {
        let symbol = level == 0 ? "||" : "&&"
        var operands = [parseBinary(level: level + 1)]
        while acceptToken(symbol) { operands.append(parseBinary(level: level + 1)) }
        return balance(operands[...], function: level == 0 ? "_||_" : "_&&_")
    }

    private mutating func balance(_ operands: ArraySlice<CELExpr>, function: String) -> CELExpr {
        guard operands.count > 1, let first = operands.first, let last = operands.last else {
            return operands.first ?? make(.error, from: 0, to: 0)
        }
        let middle = operands.startIndex + operands.count / 2
        let left = balance(operands[..<middle], function: function)
        let right = balance(operands[middle...], function: function)
        return make(
            .call(function: function, target: nil, args: [left, right]),
            from: first.offset, to: last.offset + last.length)
    }
}
