internal import CFuzzer

#if canImport(Glibc)
    import Glibc
#endif

/// What a fuzz target tests: one input. A Swift error or a diagnostic is a fine outcome; only a crash, a hang or a
/// sanitizer report is a finding.
public typealias FuzzTest = @convention(c) (_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt

/// Hands the process to libFuzzer with the command line's arguments (`-runs=N`, `-max_total_time=S`, corpus
/// folders: libFuzzer's own flags). Never returns.
public func runFuzzer(_ test: FuzzTest) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, test))
}

/// The input as an array.
public func inputBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}
