/// The work of operations whose cost grows with their operands, charged before they run (see ``CostMeter``).
///
/// Functions that only know their work as they go (`matches`, `replace`, `format`, `split` …) charge it
/// themselves through ``CELEvalContext``.
enum Costs {
    /// The work of a binary operator on its operands; nil for operators whose work is constant.
    static func operatorWork(_ function: String) -> (@Sendable (CELValue, CELValue) -> Work)? {
        switch function {
        case "_+_": return { a, b in Work(built: builtSize(a) + builtSize(b)) }
        case "@in":
            return { _, container in
                guard case .list(let items) = container else { return Work() }
                return Work(scanned: items.count * CostMeter.bytesPerStep)
            }
        case "_==_", "_!=_":
            return { a, b in
                switch (a, b) {
                case (.list(let x), .list(let y)) where x.count == y.count:
                    return Work(scanned: x.count * CostMeter.bytesPerElement)
                case (.map(let x), .map(let y)) where x.count == y.count:
                    return Work(scanned: x.count * CostMeter.bytesPerElement)
                default: return Work()
                }
            }
        default: return nil
        }
    }

    /// The work of a library function on its arguments, known before it runs; nil for constant work.
    static func functionWork(_ function: String) -> (@Sendable ([CELValue]) -> Work)? {
        switch function {
        case "size", "startsWith", "endsWith", "charAt", "substring":
            return { args in Work(scanned: args.first.map(scannedSize) ?? 0) }
        case "contains", "indexOf", "lastIndexOf", "replace", "split":
            // A search compares the needle at every place in the text: charged as the product of their sizes.
            return { args in
                guard args.count >= 2 else { return Work() }
                let (product, overflow) = scannedSize(args[0]).multipliedReportingOverflow(
                    by: max(1, scannedSize(args[1])))
                return Work(scanned: overflow ? Int.max : product)
            }
        case "lowerAscii", "upperAscii", "reverse", "trim", "string", "bytes":
            return { args in Work(built: args.first.map(scannedSize) ?? 0) }
        default: return nil
        }
    }

    /// The bytes a string or bytes value takes, or its elements for a list; 0 for other values.
    static func builtSize(_ value: CELValue) -> Int {
        switch value {
        case .string(let s): s.utf8.count
        case .bytes(let b): b.count
        case .list(let items): items.count * CostMeter.bytesPerElement
        default: 0
        }
    }

    /// The bytes a string or bytes value takes, for operations that read it.
    static func scannedSize(_ value: CELValue) -> Int {
        switch value {
        case .string(let s): s.utf8.count
        case .bytes(let b): b.count
        default: 0
        }
    }
}
