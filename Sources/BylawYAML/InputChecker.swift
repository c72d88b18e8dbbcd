/// A problem in the raw bytes, found before libyaml sees them.
struct InputProblem: Error, Sendable {
    var code: String
    var message: String
    var mark: YAMLMark
}

/// Checks raw input incrementally, chunk by chunk: UTF-8 only (no UTF-16/32), no C0 or C1 control
/// characters except TAB, LF, CR (and NEL), no byte order mark after the start, and optionally no
/// bidirectional controls. Tracks line and column so every problem has an exact position.
struct InputChecker {
    let bidiAllowed: Bool
    /// Position of the next byte.
    private(set) var line = 1
    private(set) var column = 1
    private(set) var offset = 0
    /// True once any byte above 0x7F has been seen.
    private(set) var sawNonASCII = false
    private var lastWasCR = false
    // The UTF-8 sequence being decoded.
    private var need = 0
    private var scalar: UInt32 = 0
    private var minimum: UInt32 = 0
    private var sequenceStart = YAMLMark(line: 1, column: 1, offset: 0)
    private var leadByte: UInt8 = 0

    init(bidiAllowed: Bool) {
        self.bidiAllowed = bidiAllowed
    }

    /// Checks the next chunk; stops at the first problem.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) throws(InputProblem) {
        if offset == 0, !bytes.isEmpty { try sniff(bytes) }
        for b in bytes {
            if need == 0 {
                sequenceStart = YAMLMark(line: line, column: column, offset: offset)
                if b < 0x80 {
                    try accept(UInt32(b))
                } else {
                    sawNonASCII = true
                    leadByte = b
                    switch b {
                    case 0xC2...0xDF: (need, scalar, minimum) = (1, UInt32(b & 0x1F), 0x80)
                    case 0xE0...0xEF: (need, scalar, minimum) = (2, UInt32(b & 0x0F), 0x800)
                    case 0xF0...0xF4: (need, scalar, minimum) = (3, UInt32(b & 0x07), 0x10000)
                    default: throw invalid(b)
                    }
                }
            } else {
                guard b & 0xC0 == 0x80 else { throw invalid(leadByte) }
                scalar = scalar << 6 | UInt32(b & 0x3F)
                need -= 1
                if need == 0 {
                    guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
                        throw invalid(leadByte)
                    }
                    try accept(scalar)
                }
            }
            offset += 1
        }
    }

    /// Checks that the input did not stop inside a UTF-8 sequence.
    func finish() throws(InputProblem) {
        if need > 0 { throw invalid(leadByte) }
    }

    private func invalid(_ b: UInt8) -> InputProblem {
        let hex = String(b, radix: 16, uppercase: true)
        return InputProblem(
            code: "yaml.encoding", message: "invalid UTF-8 sequence starting with byte 0x\(hex); files must be UTF-8",
            mark: sequenceStart)
    }

    /// Rejects UTF-16 and UTF-32, recognised by their byte order marks or NUL bytes.
    private func sniff(_ b: UnsafeBufferPointer<UInt8>) throws(InputProblem) {
        let start = YAMLMark(line: 1, column: 1, offset: 0)
        let b0 = b[0]
        let b1: UInt8? = b.count > 1 ? b[1] : nil
        if (b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE) {
            throw InputProblem(
                code: "yaml.encoding",
                message: "the file starts with a UTF-16 or UTF-32 byte order mark; files must be UTF-8",
                mark: start)
        }
        if b0 == 0 || b1 == 0 {
            throw InputProblem(
                code: "yaml.encoding",
                message: "the file looks like UTF-16 or UTF-32 (it has NUL bytes); files must be UTF-8",
                mark: start)
        }
    }

    /// Checks one decoded scalar and advances the position past it.
    private mutating func accept(_ c: UInt32) throws(InputProblem) {
        let isControl =
            (c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D) || c == 0x7F || ((0x80...0x9F).contains(c) && c != 0x85)
            || c == 0xFFFE || c == 0xFFFF
        if isControl {
            throw InputProblem(
                code: "yaml.control-character", message: "control character \(Self.name(c)) is not allowed",
                mark: sequenceStart)
        }
        if !bidiAllowed, (0x202A...0x202E).contains(c) || (0x2066...0x2069).contains(c) {
            throw InputProblem(
                code: "yaml.bidi-control",
                message: "bidirectional control character \(Self.name(c)) is not allowed in a rule file",
                mark: sequenceStart)
        }
        if c == 0xFEFF {
            guard sequenceStart.offset == 0 else {
                throw InputProblem(
                    code: "yaml.encoding", message: "byte order mark U+FEFF is only allowed at the start of the file",
                    mark: sequenceStart)
            }
            return  // a leading BOM is stripped and takes no column
        }
        switch c {
        case 0x0A:
            if !lastWasCR { line += 1 }
            column = 1
        case 0x0D:
            line += 1
            column = 1
        default:
            column += 1
        }
        lastWasCR = c == 0x0D
    }

    /// `U+202E`, for messages.
    static func name(_ c: UInt32) -> String {
        let hex = String(c, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
