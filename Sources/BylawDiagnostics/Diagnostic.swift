/// A position in a source file: 1-based line and column, columns counted in Unicode scalars.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file the position is in, as the user named it.
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in Unicode scalars (not bytes, not display cells).
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }

    /// `file:line:column`, the form editors and terminals recognise.
    public var description: String { "\(file):\(line):\(column)" }
}

/// How serious a diagnostic is.
public enum Severity: String, Sendable, Codable, Comparable {
    case error
    case warning
    case note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One finding on user input: a rule set, a decision, an expression.
///
/// Messages follow the house style: lowercase start, no final period, one line,
/// user text in backticks. `code` is stable across releases (`yaml.duplicate-key`).
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    public var severity: Severity
    /// A stable, dotted identifier: `yaml.duplicate-key`, `cel.no-matching-overload`.
    public var code: String
    /// One line, lowercase start, no final period.
    public var message: String
    /// Where the problem is; `nil` only for problems with no position (a file that cannot be read).
    public var location: SourceLocation?
    /// Optional length of the marked span, in scalars on the start line (for `^~~~`).
    public var length: Int
    /// Optional advice: "did you mean `book_value`?".
    public var help: String?
    /// Related positions, such as the first definition of a duplicated key.
    public var notes: [Note]
    /// What in the input it is about, for counting alike problems together: a spreadsheet column's header, or
    /// the field path no column gives. Not rendered.
    public var subject: String?
    /// Set when the source line would show a value that must stay masked: the renderer then shows no excerpt.
    public var hidesSource = false

    /// A secondary position attached to a diagnostic.
    public struct Note: Sendable, Hashable {
        public var message: String
        public var location: SourceLocation?
        public init(message: String, location: SourceLocation?) {
            self.message = message
            self.location = location
        }
    }

    public init(
        _ severity: Severity,
        code: String,
        message: String,
        at location: SourceLocation?,
        length: Int = 1,
        help: String? = nil,
        notes: [Note] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.length = max(1, length)
        self.help = help
        self.notes = notes
    }

    /// Shorthand for an error.
    public static func error(
        _ code: String, _ message: String, at location: SourceLocation?, length: Int = 1, help: String? = nil,
        notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(.error, code: code, message: message, at: location, length: length, help: help, notes: notes)
    }

    /// Shorthand for a warning.
    public static func warning(
        _ code: String, _ message: String, at location: SourceLocation?, length: Int = 1, help: String? = nil,
        notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(.warning, code: code, message: message, at: location, length: length, help: help, notes: notes)
    }

    /// `path:line:col: error: message [code]`, without the source excerpt.
    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        return "\(place)\(severity.rawValue): \(message) [\(code)]"
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line, column, then severity and code: a deterministic order for output.
    public func sortedForOutput() -> [Diagnostic] {
        sorted { a, b in
            switch (a.location, b.location) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return true
            case (_?, nil): return false
            default: return (a.severity, a.code, a.message) < (b.severity, b.code, b.message)
            }
        }
    }
}

extension Diagnostic {
    /// The diagnostic with the file at `path` named `name` wherever it says it: its message, its place and its
    /// notes' places (a file a service keeps under its own path, shown as the client named it).
    public func namingFile(_ path: String, as name: String) -> Diagnostic {
        var d = self
        if !path.isEmpty {
            d.message = d.message.split(separator: path, omittingEmptySubsequences: false).joined(separator: name)
        }
        if d.location?.file == path { d.location?.file = name }
        for k in d.notes.indices where d.notes[k].location?.file == path { d.notes[k].location?.file = name }
        return d
    }
}
