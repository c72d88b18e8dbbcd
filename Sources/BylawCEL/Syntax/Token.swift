/// A lexical token with its position in Unicode scalars.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case int(Int64, text: String)
        /// An integer literal beyond `Int64.max`, only valid right after a unary minus.
        case bigInt(text: String)
        case uint(UInt64)
        case double(Double, text: String)
        case string(String)
        case bytes([UInt8])
        case ident(String)
        /// A backtick-quoted field name: `` `content-type` ``, only valid after `.`.
        case quotedIdent(String)
        case reserved(String)
        case trueLiteral, falseLiteral, nullLiteral, inKeyword
        case punct(String)
        case error(String)
        case end
    }

    var kind: Kind
    var offset: Int
    var length: Int

    var punctuation: String? {
        if case .punct(let text) = kind { return text }
        return nil
    }
}

/// Words CEL reserves: they cannot name variables or functions, only fields after `.`.
let reservedWords: Set<String> = [
    "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop",
    "package", "namespace", "return", "var", "void", "while",
]
