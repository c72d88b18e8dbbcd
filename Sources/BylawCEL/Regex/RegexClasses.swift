/// Escapes and bracketed character classes.
extension RegexParser {
    mutating func parseEscape(inClass: Bool) throws(RegexSyntaxError) -> RegexNode {
        guard let e = peek else { throw RegexSyntaxError(message: "trailing `\\` in regular expression") }
        position += 1
        switch e {
        case "d": return .set(.digit)
        case "D": return .set(negated(.digit))
        case "w": return .set(.word)
        case "W": return .set(negated(.word))
        case "s": return .set(.space)
        case "S": return .set(negated(.space))
        case "b" where !inClass: return .wordBoundary(true)
        case "B" where !inClass: return .wordBoundary(false)
        case "A" where !inClass: return .lineStart
        case "z" where !inClass: return .lineEnd
        case "n": return literal("\n")
        case "t": return literal("\t")
        case "r": return literal("\r")
        case "f": return literal("\u{0C}")
        case "v": return literal("\u{0B}")
        case "a": return literal("\u{07}")
        case "1"..."9": throw RegexSyntaxError(message: "backreferences such as `\\\(e)` are not supported")
        case "p", "P": throw RegexSyntaxError(message: "unicode classes `\\\(e){…}` are not supported")
        case "x":
            var value: UInt32 = 0
            if peek == "{" {
                position += 1
                var digits = 0
                while let c = peek, c != "}" {
                    guard let d = UInt32(String(c), radix: 16), digits < 6 else {
                        throw RegexSyntaxError(message: "invalid `\\x{…}` escape")
                    }
                    value = value * 16 + d
                    digits += 1
                    position += 1
                }
                position += 1
            } else {
                for _ in 0..<2 {
                    guard let c = peek, let d = UInt32(String(c), radix: 16) else {
                        throw RegexSyntaxError(message: "invalid `\\x` escape")
                    }
                    value = value * 16 + d
                    position += 1
                }
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw RegexSyntaxError(message: "invalid code point in escape")
            }
            return literal(scalar)
        default:
            guard !e.properties.isAlphabetic, !(e.value >= 48 && e.value <= 57) else {
                throw RegexSyntaxError(message: "invalid escape `\\\(e)` in regular expression")
            }
            return literal(e)
        }
    }

    func negated(_ set: ScalarSet) -> ScalarSet {
        var copy = set
        copy.negated.toggle()
        return copy
    }

    mutating func parseClass() throws(RegexSyntaxError) -> ScalarSet {
        var result = ScalarSet(ranges: [])
        var negatedParts: [ScalarSet] = []
        if peek == "^" {
            result.negated = true
            position += 1
        }
        var first = true
        while true {
            guard let s = peek else { throw RegexSyntaxError(message: "missing `]` in character class") }
            if s == "]", !first {
                position += 1
                break
            }
            first = false
            if s == "[", position + 1 < scalars.count, scalars[position + 1] == ":" {
                throw RegexSyntaxError(message: "POSIX classes such as `[:alpha:]` are not supported")
            }
            position += 1
            var low = s.value
            if s == "\\" {
                let escaped = try parseEscape(inClass: true)
                guard case .set(let set) = escaped else {
                    throw RegexSyntaxError(message: "invalid escape in character class")
                }
                if set.negated {
                    negatedParts.append(set)
                    continue
                }
                if set.ranges.count != 1 || set.ranges[0].count != 1 {
                    result.ranges += set.ranges
                    continue
                }
                low = set.ranges[0].lowerBound
            }
            if peek == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                position += 1
                guard let h = peek else { throw RegexSyntaxError(message: "missing `]` in character class") }
                position += 1
                var high = h.value
                if h == "\\" {
                    guard case .set(let set) = try parseEscape(inClass: true), set.ranges.count == 1, !set.negated
                    else {
                        throw RegexSyntaxError(message: "invalid range in character class")
                    }
                    high = set.ranges[0].lowerBound
                }
                guard low <= high else { throw RegexSyntaxError(message: "invalid character class range") }
                result.ranges.append(low...high)
            } else {
                result.ranges.append(low...low)
            }
        }
        if !negatedParts.isEmpty {
            // [\D…]: complement of the intersection; approximate by expanding the complement ranges.
            for part in negatedParts { result.ranges += complement(part.ranges) }
        }
        if caseInsensitive {
            let extra = result.ranges.flatMap { range -> [ClosedRange<UInt32>] in
                let lower = range.clamped(to: 65...90)
                let upper = range.clamped(to: 97...122)
                var out: [ClosedRange<UInt32>] = []
                if range.overlaps(65...90) { out.append((lower.lowerBound + 32)...(lower.upperBound + 32)) }
                if range.overlaps(97...122) { out.append((upper.lowerBound - 32)...(upper.upperBound - 32)) }
                return out
            }
            result.ranges += extra
        }
        return result
    }

    func complement(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var out: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if range.lowerBound > next { out.append(next...(range.lowerBound - 1)) }
            next = max(next, range.upperBound + 1)
        }
        if next <= 0x10FFFF { out.append(next...0x10FFFF) }
        return out
    }
}
