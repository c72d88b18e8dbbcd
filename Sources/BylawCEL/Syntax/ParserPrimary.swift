/// Unary operators, member chains, primaries and literals.
extension Parser {
    mutating func parseUnary() -> CELExpr {
        let start = current
        if start.punctuation == "!" || start.punctuation == "-" {
            depth += 1
            defer { depth -= 1 }
            if depth > Self.maxRecursion {
                error("expression nests more than \(Self.maxRecursion) levels deep", at: start)
                return make(.error, from: start.offset, to: start.offset + 1)
            }
            let op = takeToken()
            if op.punctuation == "-", let literal = negativeLiteral(after: op) { return parseMemberChain(literal) }
            let operand = parseUnary()
            return make(
                .call(function: op.punctuation == "!" ? "!_" : "-_", target: nil, args: [operand]),
                from: op.offset, to: operand.offset + operand.length)
        }
        return parseMemberChain(parsePrimary())
    }

    /// Folds `-` into a directly following number literal (`-9223372036854775808` is an int).
    private mutating func negativeLiteral(after minus: Token) -> CELExpr? {
        let token = current
        let end = token.offset + token.length
        switch token.kind {
        case .int(let value, let text):
            _ = takeToken()
            return make(.literal(.int(-value, text: "-" + text)), from: minus.offset, to: end)
        case .bigInt(let text):
            _ = takeToken()
            return make(.literal(.int(Int64.min, text: "-" + text)), from: minus.offset, to: end)
        case .double(let value, let text):
            _ = takeToken()
            return make(.literal(.double(-value, text: "-" + text)), from: minus.offset, to: end)
        default:
            return nil
        }
    }

    private mutating func parseMemberChain(_ base: CELExpr) -> CELExpr {
        var node = base
        while true {
            if current.punctuation == "." {
                _ = takeToken()
                let nameToken = takeToken()
                let name: String
                switch nameToken.kind {
                case .ident(let text), .reserved(let text): name = text
                case .inKeyword: name = "in"
                case .quotedIdent(let text):
                    if current.punctuation == "(" {
                        error("a quoted name `\(text)` cannot be called as a method", at: nameToken)
                        return make(.error, from: node.offset, to: nameToken.offset + nameToken.length)
                    }
                    name = text
                case .error(let message):
                    error(message, at: nameToken)
                    return make(.error, from: node.offset, to: nameToken.offset + nameToken.length)
                default:
                    error("expected a field name after `.`, found \(describe(nameToken))", at: nameToken)
                    return make(.error, from: node.offset, to: nameToken.offset + nameToken.length)
                }
                if current.punctuation == "(" {
                    let args = parseArguments()
                    node = makeCall(name, target: node, args: args, from: node.offset, nameToken: nameToken)
                } else {
                    node = make(
                        .select(operand: node, field: name, testOnly: false), from: node.offset, to: previousEndOffset)
                }
            } else if current.punctuation == "[" {
                _ = takeToken()
                let index = parseExpr()
                expectToken("]")
                node = make(
                    .call(function: "_[_]", target: nil, args: [node, index]), from: node.offset, to: previousEndOffset)
            } else if current.punctuation == "{", case .ident = base.kind, base.id == node.id {
                error("message construction `\(identName(base)){…}` is not supported", at: current)
                return make(.error, from: node.offset, to: current.offset + 1)
            } else {
                return node
            }
        }
    }

    private func identName(_ node: CELExpr) -> String {
        if case .ident(let name) = node.kind { return name }
        return ""
    }

    private mutating func parsePrimary() -> CELExpr {
        let token = takeToken()
        let end = token.offset + token.length
        switch token.kind {
        case .int(let value, let text): return make(.literal(.int(value, text: text)), from: token.offset, to: end)
        case .uint(let value): return make(.literal(.uint(value)), from: token.offset, to: end)
        case .double(let value, let text):
            return make(.literal(.double(value, text: text)), from: token.offset, to: end)
        case .string(let value): return make(.literal(.string(value)), from: token.offset, to: end)
        case .bytes(let value): return make(.literal(.bytes(value)), from: token.offset, to: end)
        case .trueLiteral: return make(.literal(.bool(true)), from: token.offset, to: end)
        case .falseLiteral: return make(.literal(.bool(false)), from: token.offset, to: end)
        case .nullLiteral: return make(.literal(.null), from: token.offset, to: end)
        case .bigInt(let text):
            error("integer literal `\(text)` out of range", at: token)
            return make(.error, from: token.offset, to: end)
        case .error(let message):
            error(message, at: token)
            return make(.error, from: token.offset, to: end)
        case .reserved(let word):
            error("reserved word `\(word)` cannot be used as a name", at: token)
            return make(.error, from: token.offset, to: end)
        case .ident(let name):
            if current.punctuation == "(" {
                let args = parseArguments()
                return makeCall(name, target: nil, args: args, from: token.offset, nameToken: token)
            }
            return make(.ident(name), from: token.offset, to: end)
        case .punct("."):
            // A leading dot names the root scope: `.x` is `x`.
            let name = takeToken()
            guard case .ident(let text) = name.kind else {
                error("expected a name after `.`, found \(describe(name))", at: name)
                return make(.error, from: token.offset, to: name.offset + name.length)
            }
            if current.punctuation == "(" {
                let args = parseArguments()
                return makeCall(text, target: nil, args: args, from: token.offset, nameToken: name)
            }
            return make(.ident(text), from: token.offset, to: name.offset + name.length)
        case .punct("("):
            let inner = parseExpr()
            expectToken(")")
            return inner
        case .punct("["):
            let items = parseList(closing: "]") { parser in parser.parseExpr() }
            return make(.list(items), from: token.offset, to: previousEndOffset)
        case .punct("{"):
            let entries = parseList(closing: "}") { parser -> CELMapEntry in
                let key = parser.parseExpr()
                parser.expectToken(":")
                let value = parser.parseExpr()
                return CELMapEntry(key: key, value: value)
            }
            return make(.map(entries), from: token.offset, to: previousEndOffset)
        default:
            error("unexpected \(describe(token))", at: token)
            return make(.error, from: token.offset, to: end)
        }
    }

    private mutating func parseArguments() -> [CELExpr] {
        _ = takeToken()  // (
        return parseList(closing: ")") { parser in parser.parseExpr() }
    }

    /// Comma-separated items up to `closing`, a trailing comma allowed. Every loop step consumes.
    private mutating func parseList<T>(closing: String, _ item: (inout Parser) -> T) -> [T] {
        depth += 1
        defer { depth -= 1 }
        var items: [T] = []
        if acceptToken(closing) { return items }
        while true {
            items.append(item(&self))
            if acceptToken(closing) { return items }
            if acceptToken(",") {
                if acceptToken(closing) { return items }
                continue
            }
            expectToken(closing)
            return items
        }
    }
}
