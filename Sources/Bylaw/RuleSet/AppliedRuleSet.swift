import BylawDiagnostics

/// A rule set that was applied, for reports and the audit trail.
public struct AppliedRuleSet: Sendable, Equatable {
    public var id: String { didSet { json = nil } }
    public var version: String { didSet { json = nil } }
    public var file: String { didSet { json = nil } }
    /// For a set that extends another: the parent version it was applied with, then that parent's parents,
    /// nearest first (each with an empty `extends`). Their rules were evaluated as part of this set.
    public var extends: [AppliedRuleSet] { didSet { json = nil } }
    /// `{"id":…,"version":…,"file":…,"extends":[…]}`, the object a JSON report writes for the set, kept with it
    /// once `withJSON()` has written it (a loaded set's runtime does, once): every record of a batch names the same
    /// sets, and writing them was a twentieth of a JSON Lines report. Nil otherwise, and after any change.
    public private(set) var json: [UInt8]?

    public init(id: String, version: String, file: String, extends: [AppliedRuleSet] = []) {
        self.id = id
        self.version = version
        self.file = file
        self.extends = extends
    }

    /// The set's JSON object: as kept (`json`), else written now. The one writer of it, for every report.
    public var jsonObject: [UInt8] { json ?? written() }

    /// This set with its JSON object written (`json`).
    public func withJSON() -> AppliedRuleSet {
        var out = self
        out.json = written()
        return out
    }

    /// The same set: id, version, file and parents (whether its JSON is written yet does not matter).
    public static func == (a: AppliedRuleSet, b: AppliedRuleSet) -> Bool {
        a.id == b.id && a.version == b.version && a.file == b.file && a.extends == b.extends
    }

    /// `gd 1.0.0 (extends national 2.0.0)`, for text reports.
    public var label: String {
        "\(id) \(version)"
            + (extends.isEmpty
                ? "" : " (extends " + extends.map { "\($0.id) \($0.version)" }.joined(separator: ", ") + ")")
    }

    private func written() -> [UInt8] {
        var out: [UInt8] = []
        func member(_ key: StaticString, _ value: String) {
            out.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
            var v = value
            v.withUTF8 { JSONText.appendQuoted(utf8: $0, to: &out) }
        }
        member("{\"id\":", id)
        member(",\"version\":", version)
        member(",\"file\":", file)
        out.append(contentsOf: Array(",\"extends\":[".utf8))
        for (k, parent) in extends.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: parent.jsonObject)
        }
        out.append(contentsOf: Array("]}".utf8))
        return out
    }
}
