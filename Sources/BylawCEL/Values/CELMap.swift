/// A CEL map: keys are `bool`, `int`, `uint` or `string`; entries keep insertion order.
///
/// Lookup follows CEL's numeric key equality: `m[1]`, `m[1u]` and `m[1.0]` find the same entry.
public struct CELMap: Sendable, Equatable {
    /// The entries in insertion order.
    public private(set) var entries: [(key: CELValue, value: CELValue)]
    /// How keys are found besides `entries`. A decoded object's keys are its entries' strings (`inEntries`), so
    /// a copy of one, which every field read of a comprehension variable or a decision object makes, counts
    /// one reference, not three.
    private var lookup: Lookup
    private static let linearLimit = 8
    /// The same limit for a decoded decision object (`init(distinctStringKeys:)`): one is built for every
    /// decision and looked up a few dozen times at most, so hashing its keys costs more than it saves until
    /// it is large.
    private static let decodedLinearLimit = 32

    private enum Lookup: Sendable {
        /// The keys are the entries' strings, all distinct (`init(distinctStringKeys:)`), read from `entries`.
        case inEntries
        /// The normalised key of each entry, in the same order.
        case keys([MapKey])
        /// The same, and key → position, once a map outgrows its linear limit: for a handful of keys comparing
        /// them is cheaper than hashing.
        case indexed([MapKey], [MapKey: Int])
    }

    /// The empty map.
    public init() {
        entries = []
        lookup = .keys([])
    }

    /// Builds a map; throws on a key type maps cannot have or on a repeated key.
    public init(_ entries: [(key: CELValue, value: CELValue)]) throws(CELEvalError) {
        self.init()
        self.entries.reserveCapacity(entries.count)
        for entry in entries { try insert(entry.key, entry.value) }
    }

    /// Builds a map from string keys the caller knows to be distinct (a decoded object whose
    /// duplicate members were already refused), without checking them again.
    public init(distinctStringKeys entries: [(key: String, value: CELValue)]) {
        self.init(distinctStringKeys: entries.map { (.string($0.key), $0.value) })
    }

    /// The same, from entries whose keys are all `.string`, as a decoder builds them: the entries are kept
    /// as they are, with no second array of keys.
    public init(distinctStringKeys entries: [(key: CELValue, value: CELValue)]) {
        assert(entries.allSatisfy { if case .string = $0.key { true } else { false } }, "string keys only")
        self.entries = entries
        lookup = .inEntries
        if entries.count > Self.decodedLinearLimit {
            let keys = allKeys
            lookup = .indexed(keys, Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) }))
        }
    }

    /// Every entry's normalised key.
    private var allKeys: [MapKey] {
        switch lookup {
        case .inEntries: entries.map { MapKey(key: $0.key) ?? .string("") }
        case .keys(let keys), .indexed(let keys, _): keys
        }
    }

    /// Whether keys are found by hashing.
    private var isIndexed: Bool {
        if case .indexed = lookup { return true }
        return false
    }

    /// The number of entries.
    public var count: Int { entries.count }

    /// The value stored under `key` (CEL key equality), or nil.
    public subscript(key: CELValue) -> CELValue? {
        guard let mapKey = MapKey(lookup: key), let position = position(of: mapKey) else { return nil }
        return entries[position].value
    }

    /// `self[.string(name)]`, looking first at the entry `hint`: where a decoded object's members stand when the
    /// document lists them in its schema's order, as most do. Keys are distinct, so a match there is the one
    /// the full lookup would find; anything else is looked up as usual.
    @inline(__always)
    public func value(named name: String, hint: Int) -> CELValue? {
        if !isIndexed, hint >= 0, hint < entries.count, case .string(let other) = entries[hint].key,
            CodePoints.equal(name, other)
        {
            return entries[hint].value
        }
        guard let position = position(of: .string(name)) else { return nil }
        return entries[position].value
    }

    private func position(of key: MapKey) -> Int? {
        if case .indexed(_, let index) = lookup { return index[key] }
        if case .string(let text) = key {
            // The common case (a field of a decoded object), read from the entries, which every map keeps its
            // keys in, without going through `MapKey.==`.
            for i in entries.indices {
                if case .string(let other) = entries[i].key, CodePoints.equal(text, other) { return i }
            }
            return nil
        }
        if case .keys(let keys) = lookup { return keys.firstIndex(of: key) }
        return nil
    }

    /// Adds an entry; throws on an unsupported key type or a repeated key.
    public mutating func insert(_ key: CELValue, _ value: CELValue) throws(CELEvalError) {
        guard let mapKey = MapKey(key: key) else {
            throw CELEvalError(.invalidMapKey, message: "unsupported key type `\(key.type)`")
        }
        guard position(of: mapKey) == nil else {
            throw CELEvalError(.duplicateKey, message: "repeated key \(key) in map literal")
        }
        var keys = allKeys
        var index: [MapKey: Int] = [:]
        if case .indexed(_, let built) = lookup { index = built }
        // Nothing else refers to the arrays while they grow, so they grow in place.
        lookup = .inEntries
        keys.append(mapKey)
        entries.append((key, value))
        if !index.isEmpty {
            index[mapKey] = keys.count - 1
        } else if keys.count > Self.linearLimit {
            index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        }
        lookup = index.isEmpty ? .keys(keys) : .indexed(keys, index)
    }

    public static func == (lhs: CELMap, rhs: CELMap) -> Bool { celEquals(.map(lhs), .map(rhs)) ?? false }
}

/// A map key normalised so that numerically equal `int`, `uint` and `double` keys coincide. String keys are
/// equal when their code points are (`CodePoints`), not under Swift's canonical equivalence.
enum MapKey: Hashable {
    case bool(Bool)
    case int(Int64)
    /// A `uint` above `Int64.max`.
    case bigUInt(UInt64)
    case string(String)

    /// The key for storing: only `bool`, `int`, `uint` and `string`.
    init?(key: CELValue) {
        switch key {
        case .bool, .int, .uint, .string: self.init(lookup: key)
        default: return nil
        }
    }

    /// The key for lookup: also accepts integral doubles.
    init?(lookup: CELValue) {
        switch lookup {
        case .bool(let value): self = .bool(value)
        case .int(let value): self = .int(value)
        case .uint(let value): self = Int64(exactly: value).map { .int($0) } ?? .bigUInt(value)
        case .string(let value): self = .string(value)
        case .double(let value):
            if let exact = Int64(exactly: value) {
                self = .int(exact)
            } else if let exact = UInt64(exactly: value) {
                self = .bigUInt(exact)
            } else {
                return nil
            }
        default: return nil
        }
    }

    static func == (lhs: MapKey, rhs: MapKey) -> Bool {
        switch (lhs, rhs) {
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.bigUInt(let a), .bigUInt(let b)): a == b
        case (.string(let a), .string(let b)): CodePoints.equal(a, b)
        default: false
        }
    }

    func hash(into hasher: inout Hasher) {
        switch self {
        case .bool(let value):
            hasher.combine(0)
            hasher.combine(value)
        case .int(let value):
            hasher.combine(1)
            hasher.combine(value)
        case .bigUInt(let value):
            hasher.combine(2)
            hasher.combine(value)
        case .string(let value):
            hasher.combine(3)
            CodePoints.hash(value, into: &hasher)
        }
    }
}
