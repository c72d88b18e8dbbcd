/// The budget of one evaluation: steps spent and bytes built, each against its limit.
///
/// A step is one comprehension iteration, one function call, or `bytesPerStep` bytes scanned or built by an
/// operation whose work grows with its operands (string and list concatenation, `in` on a list, `matches`,
/// `size`, `join`, `split`, `replace`, `format` …). Bytes built are the strings, bytes and list elements an
/// evaluation creates, counted as they are made (never freed): a cap on the memory one evaluation can take.
public struct CostMeter: Sendable {
    /// Bytes scanned or built per step.
    public static let bytesPerStep = 64
    /// The bytes one list element is counted as: the size of a value in an array (32 bytes).
    public static let bytesPerElement = MemoryLayout<CELValue>.stride

    public private(set) var steps = 0
    public let stepLimit: Int
    public private(set) var bytes = 0
    public let byteLimit: Int

    init(stepLimit: Int, byteLimit: Int) {
        self.stepLimit = stepLimit
        self.byteLimit = byteLimit
    }

    /// Charges `count` steps; false once the budget is spent.
    @inline(__always)
    mutating func charge(_ count: Int = 1) -> Bool {
        let (sum, overflow) = steps.addingReportingOverflow(count)
        steps = overflow ? Int.max : sum
        return steps <= stepLimit
    }

    /// Charges the work of scanning `byteCount` bytes; false once the budget is spent.
    @inline(__always)
    mutating func scan(_ byteCount: Int) -> Bool {
        charge(byteCount / Self.bytesPerStep)
    }

    /// Charges building `byteCount` bytes, in steps and in memory; false once either is spent.
    mutating func build(_ byteCount: Int) -> Bool {
        let (sum, overflow) = bytes.addingReportingOverflow(byteCount)
        bytes = overflow ? Int.max : sum
        return scan(byteCount) && bytes <= byteLimit
    }

    /// The error for a spent budget.
    var exceeded: CELEvalError {
        bytes > byteLimit
            ? CELEvalError(.costLimit, message: "memory limit exceeded: more than \(byteLimit) bytes built")
            : CELEvalError.costExceeded
    }
}
