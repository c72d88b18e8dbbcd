/// String and bytes literals: quotes, triple quotes, raw prefixes and escapes.
extension Lexer {
    /// Lexes from the opening quote (prefixes already consumed).
    mutating func lexString(raw: Bool, bytes: Bool) -> Token.Kind {
        guard let quote = scalarAt(position) else { return .error("unterminated string") }
        let triple = scalarAt(position + 1) == quote && scalarAt(position + 2) == quote
        position += triple ? 3 : 1
        var out: [UInt8] = []
        var text = String.UnicodeScalarView()
        func append(_ scalar: Unicode.Scalar) {
            if bytes { out.append(contentsOf: Array(String(scalar).utf8)) } else { text.append(scalar) }
        }
        while true {
            guard let s = scalarAt(position) else { return .error("unterminated string literal") }
            if s == quote {
                if !triple {
                    position += 1
                    break
                }
                if scalarAt(position + 1) == quote, scalarAt(position + 2) == quote {
                    position += 3
                    break
                }
            }
            if !triple, s == "\n" || s == "\r" {
                return .error("newline in string literal; use `\\n` or a triple-quoted string")
            }
            if s == "\\", !raw {
                switch lexEscape(bytes: bytes) {
                case .scalar(let scalar): append(scalar)
                case .byte(let byte): if bytes { out.append(byte) } else { text.append(Unicode.Scalar(byte)) }
                case .failure(let message): return .error(message)
                }
                continue
            }
            append(s)
            position += 1
        }
        return bytes ? .bytes(out) : .string(String(text))
    }

    private func scalarAt(_ index: Int) -> Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    enum Escape {
        case scalar(Unicode.Scalar)
        case byte(UInt8)
        case failure(String)
    }

    /// Lexes one escape starting at the backslash.
    private mutating func lexEscape(bytes: Bool) -> Escape {
        guard let c = scalarAt(position + 1) else { return .failure("unterminated escape sequence") }
        position += 2
        switch c {
        case "\\", "?", "\"", "'", "`": return .scalar(c)
        case "a": return .scalar("\u{07}")
        case "b": return .scalar("\u{08}")
        case "f": return .scalar("\u{0C}")
        case "n": return .scalar("\n")
        case "r": return .scalar("\r")
        case "t": return .scalar("\t")
        case "v": return .scalar("\u{0B}")
        case "x", "X":
            guard let value = hexDigits(2) else { return .failure("`\\x` needs two hexadecimal digits") }
            return .byte(UInt8(value))
        case "u", "U":
            if bytes { return .failure("`\\\(c)` escapes are not allowed in bytes literals") }
            guard let value = hexDigits(c == "u" ? 4 : 8) else {
                return .failure("`\\\(c)` needs \(c == "u" ? 4 : 8) hexadecimal digits")
            }
            guard let scalar = Unicode.Scalar(value) else { return .failure("invalid code point in escape") }
            return .scalar(scalar)
        case "0"..."3":
            var value = c.value - 48
            for _ in 0..<2 {
                guard let d = scalarAt(position), ("0"..."7").contains(d) else {
                    return .failure("octal escape needs three digits")
                }
                value = value * 8 + (d.value - 48)
                position += 1
            }
            return .byte(UInt8(value))
        default:
            return .failure("invalid escape sequence `\\\(c)`")
        }
    }

    private mutating func hexDigits(_ count: Int) -> UInt32? {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let d = scalarAt(position), Lexer.isHex(d), let digit = UInt32(String(d), radix: 16) else {
                return nil
            }
            value = value &* 16 &+ digit
            position += 1
        }
        return value
    }
}
