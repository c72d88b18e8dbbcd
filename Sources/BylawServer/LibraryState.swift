import Bylaw
import BylawAudit
import BylawDiagnostics
import Foundation
import Synchronization

/// The rule library a request is served with. A request takes one snapshot and uses it throughout, and a reload
/// swaps the whole library at once: every request sees the old library or the new one, never a mix. A library
/// that does not load is refused with its diagnostics and the old one keeps serving.
public final class LibraryState: Sendable {
    /// One loaded library and when it was loaded.
    public struct Snapshot: Sendable {
        public var library: RuleLibrary
        /// Builds the audit records of checks against `library`: made once per library, as it hashes every
        /// rule-set file.
        public var builder: RecordBuilder
        /// 1 for the library loaded at start, then one more for each reload that took.
        public var generation: Int
        public var loadedAt: Date
    }

    /// What a reload did.
    public enum ReloadOutcome: Sendable {
        case loaded(generation: Int)
        case refused([Diagnostic])
    }

    public let root: String
    let maskingKey: [UInt8]?
    private let current: Mutex<Snapshot>
    /// Reloads one at a time, so two reloads never race to install older bytes over newer.
    private let reloading = Mutex(())

    /// Loads the library at `root`; throws its diagnostics when it does not load.
    public init(root: String, maskingKey: [UInt8]? = nil) throws(LibraryLoadError) {
        self.root = root
        self.maskingKey = maskingKey
        let library = try Self.load(root)
        let builder = RecordBuilder(maskingKey: maskingKey, library: library)
        current = Mutex(Snapshot(library: library, builder: builder, generation: 1, loadedAt: Date()))
    }

    /// The library now in force.
    public var snapshot: Snapshot { current.withLock { $0 } }

    /// Loads the folder again and, when it loads without an error, puts it in force.
    public func reload() -> ReloadOutcome {
        reloading.withLock { _ in
            let library: RuleLibrary
            do throws(LibraryLoadError) {
                library = try Self.load(root)
            } catch {
                return .refused(error.diagnostics)
            }
            let builder = RecordBuilder(maskingKey: maskingKey, library: library)
            let generation = current.withLock { s in
                s = Snapshot(library: library, builder: builder, generation: s.generation + 1, loadedAt: Date())
                return s.generation
            }
            return .loaded(generation: generation)
        }
    }

    private static func load(_ root: String) throws(LibraryLoadError) -> RuleLibrary {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else {
            throw LibraryLoadError(diagnostics: [
                .error("library.not-found", "rules folder `\(root)` does not exist", at: nil)
            ])
        }
        let library = RuleLibrary.load(root: root)
        if library.diagnostics.hasErrors { throw LibraryLoadError(diagnostics: library.diagnostics) }
        return library
    }
}

/// A rule library with load errors.
public struct LibraryLoadError: Error, Sendable {
    public var diagnostics: [Diagnostic]
}
