import BylawYAML

/// How much a workbook may make bylaw inflate and hold, so that a zip bomb or a huge shared-string table is
/// refused with a clear error before it costs the machine. A cell is held to the limit of a scalar in a decision
/// (`YAMLLimits.decision.maxScalarBytes`). Documented in docs/audit.md.
public struct XLSXLimits: Sendable {
    /// Bytes the worksheet read may inflate to.
    public var maxSheetBytes: Int
    /// Bytes each of the small parts (workbook, relationships, styles) may inflate to.
    public var maxPartBytes: Int
    /// Bytes the shared-string table may inflate to, and the strings it may hold.
    public var maxSharedStringBytes: Int
    public var maxSharedStrings: Int
    /// How many times its compressed size a part over `ratioFloor` bytes may inflate to: a real sheet is under
    /// 100, a zip bomb is about 1,000.
    public var maxRatio: Int
    public var ratioFloor: Int
    /// The bytes of one cell's text.
    public var maxCellBytes: Int
    /// Merged ranges kept from the sheet.
    public var maxMergedRanges: Int

    public init(
        maxSheetBytes: Int, maxPartBytes: Int, maxSharedStringBytes: Int, maxSharedStrings: Int, maxRatio: Int,
        ratioFloor: Int, maxCellBytes: Int, maxMergedRanges: Int
    ) {
        self.maxSheetBytes = maxSheetBytes
        self.maxPartBytes = maxPartBytes
        self.maxSharedStringBytes = maxSharedStringBytes
        self.maxSharedStrings = maxSharedStrings
        self.maxRatio = maxRatio
        self.ratioFloor = ratioFloor
        self.maxCellBytes = maxCellBytes
        self.maxMergedRanges = maxMergedRanges
    }

    /// The limits `bylaw audit` reads workbooks with.
    public static let standard = XLSXLimits(
        maxSheetBytes: 4 << 30, maxPartBytes: 16 << 20, maxSharedStringBytes: 256 << 20,
        maxSharedStrings: 4_000_000, maxRatio: 200, ratioFloor: 1 << 20,
        maxCellBytes: YAMLLimits.decision.maxScalarBytes, maxMergedRanges: 100_000)
}
