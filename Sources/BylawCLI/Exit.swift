import ArgumentParser
import BylawLocale
import Foundation

/// Exit codes, as documented in `bylaw --help`.
enum Exit {
    static let compliant = ExitCode(0)
    static let notCompliant = ExitCode(1)
    static let invalid = ExitCode(2)
}

/// Writes one line to standard error.
func printError(_ line: String) {
    var stderr = StandardError()
    print(line, to: &stderr)
}

/// Standard error as a `TextOutputStream`.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandleOutput.writeStderr(string)
    }
}

/// Why a file operation failed, in the reader's language: the system's reason (`no such file or directory`) when
/// Foundation's error carries one, else Foundation's own description.
func systemReason(_ error: any Error) -> String {
    let ns = error as NSError
    let posix =
        ns.domain == NSPOSIXErrorDomain
        ? ns.code
        : (ns.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap { $0.domain == NSPOSIXErrorDomain ? $0.code : nil }
    if posix == nil, let cocoa = error as? CocoaError {
        // Foundation on Linux gives its own codes for the common failures, with no system error under them.
        switch cocoa.code {
        case .fileNoSuchFile, .fileReadNoSuchFile: return systemReason(errno: ENOENT)
        case .fileWriteNoPermission, .fileReadNoPermission: return systemReason(errno: EACCES)
        case .fileWriteOutOfSpace: return systemReason(errno: ENOSPC)
        case .fileWriteVolumeReadOnly: return systemReason(errno: EROFS)
        case .fileWriteFileExists: return systemReason(errno: EEXIST)
        default: break
        }
    }
    guard let code = posix else { return error.localizedDescription }
    return systemReason(errno: Int32(code))
}

/// `strerror(code)` in the reader's language.
func systemReason(errno code: Int32) -> String {
    SystemWording.text(String(cString: strerror(code)).lowercased(), Language.current)
}
