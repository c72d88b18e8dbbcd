/// Splits expression text into tokens. Positions are Unicode scalar offsets.
struct Lexer {
    let scalars: [Unicode.Scalar]
    var position = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let index = position + ahead
        return index < scalars.count ? scalars[index] : nil
    }

    static func isDigit(_ s: Unicode.Scalar?) -> Bool { s.map { $0.value >= 48 && $0.value <= 57 } ?? false }
    static func isHex(_ s: Unicode.Scalar?) -> Bool {
        guard let s else { return false }
        return isDigit(s) || ("a"..."f").contains(s) || ("A"..."F").contains(s)
    }
    static func isIdentStart(_ s: Unicode.Scalar?) -> Bool {
        guard let s else { return false }
        return ("a"..."z").contains(s) || ("A"..."Z").contains(s) || s == "_"
    }

    /// Whitespace and `//` comments.
    private mutating func skipTrivia() {
        while let s = peek() {
            if s == " " || s == "\t" || s == "\n" || s == "\r" || s == "\u{0C}" {
                position += 1
            } else if s == "/", peek(1) == "/" {
                while let c = peek(), c != "\n" { position += 1 }
            } else {
                return
            }
        }
    }

    mutating func next() -> Token {
        skipTrivia()
        let start = position
        guard let s = peek() else { return Token(kind: .end, offset: start, length: 0) }
        let kind = lexKind(s)
        return Token(kind: kind, offset: start, length: max(position - start, 1))
    }

    private mutating func lexKind(_ s: Unicode.Scalar) -> Token.Kind {
        if Self.isDigit(s) || (s == "." && Self.isDigit(peek(1))) { return lexNumber() }
        if Self.isIdentStart(s) {
            // String prefixes: r, R, b, B and their combinations.
            var prefixLength = 0
            var raw = false
            var bytes = false
            while prefixLength < 2, let c = peek(prefixLength), "rRbB".unicodeScalars.contains(c) {
                if c == "r" || c == "R" {
                    if raw { break }
                    raw = true
                } else {
                    if bytes { break }
                    bytes = true
                }
                prefixLength += 1
            }
            if prefixLength > 0, let quote = peek(prefixLength), quote == "\"" || quote == "'" {
                position += prefixLength
                return lexString(raw: raw, bytes: bytes)
            }
            var text = ""
            while let c = peek(), Self.isIdentStart(c) || Self.isDigit(c) {
                text.unicodeScalars.append(c)
                position += 1
            }
            switch text {
            case "true": return .trueLiteral
            case "false": return .falseLiteral
            case "null": return .nullLiteral
            case "in": return .inKeyword
            default: return reservedWords.contains(text) ? .reserved(text) : .ident(text)
            }
        }
        if s == "\"" || s == "'" { return lexString(raw: false, bytes: false) }
        if s == "`" { return lexQuotedIdent() }
        let two = peek(1).map { String(s) + String($0) } ?? ""
        if ["==", "!=", "<=", ">=", "&&", "||"].contains(two) {
            position += 2
            return .punct(two)
        }
        if "+-*/%<>!?:.,()[]{}".unicodeScalars.contains(s) {
            position += 1
            return .punct(String(s))
        }
        position += 1
        if s == "=" { return .error("unexpected `=`; use `==` to compare") }
        if s == "&" || s == "|" { return .error("unexpected `\(s)`; use `\(s)\(s)`") }
        return .error("unexpected character `\(s)`")
    }

    /// A backtick-quoted identifier: letters, digits and `_ . - /` and space, as cel-spec allows.
    private mutating func lexQuotedIdent() -> Token.Kind {
        position += 1
        var text = ""
        while let c = peek(), c != "`" {
            guard Self.isIdentStart(c) || Self.isDigit(c) || "._-/ ".unicodeScalars.contains(c) else {
                return .error("invalid character `\(c)` in a quoted field name")
            }
            text.unicodeScalars.append(c)
            position += 1
        }
        guard peek() == "`" else { return .error("unterminated quoted field name") }
        position += 1
        guard !text.isEmpty else { return .error("empty quoted field name") }
        return .quotedIdent(text)
    }

    private mutating func lexNumber() -> Token.Kind {
        let start = position
        if peek() == "0", peek(1) == "x" || peek(1) == "X" {
            position += 2
            var text = ""
            while Self.isHex(peek()), let c = peek() {
                text.unicodeScalars.append(c)
                position += 1
            }
            guard !text.isEmpty else { return .error("hexadecimal literal needs digits") }
            if peek() == "u" || peek() == "U" {
                position += 1
                guard let value = UInt64(text, radix: 16) else { return .error("integer literal out of range") }
                return .uint(value)
            }
            guard let value = Int64(text, radix: 16) else {
                return UInt64(text, radix: 16) == Int64.min.magnitude
                    ? .bigInt(text: "0x" + text) : .error("integer literal out of range")
            }
            return .int(value, text: "0x" + text)
        }
        var isDouble = false
        while Self.isDigit(peek()) { position += 1 }
        if peek() == ".", Self.isDigit(peek(1)) {
            isDouble = true
            position += 1
            while Self.isDigit(peek()) { position += 1 }
        }
        if peek() == "e" || peek() == "E" {
            let sign = peek(1) == "+" || peek(1) == "-" ? 1 : 0
            if Self.isDigit(peek(1 + sign)) {
                isDouble = true
                position += 1 + sign
                while Self.isDigit(peek()) { position += 1 }
            }
        }
        let text = String(String.UnicodeScalarView(scalars[start..<position]))
        if isDouble {
            guard let value = Double(text) else { return .error("invalid number `\(text)`") }
            return .double(value, text: text)
        }
        if peek() == "u" || peek() == "U" {
            position += 1
            guard let value = UInt64(text) else { return .error("integer literal `\(text)` out of range") }
            return .uint(value)
        }
        if let value = Int64(text) { return .int(value, text: text) }
        if text == "9223372036854775808" { return .bigInt(text: text) }
        return .error("integer literal `\(text)` out of range")
    }
}
