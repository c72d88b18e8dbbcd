/// A fixed order of variable names, agreed between a host and the programs it compiles.
///
/// An environment that carries a layout plans each reference to one of its names as a read of a numbered slot
/// of the activation's ``CELFrame``, instead of a hash lookup of the name in ``CELActivation/variables``.
/// A host that evaluates many activations against the same programs (a rule set checking a batch of
/// decisions) builds one layout, compiles with it, and fills a frame per activation.
///
/// A program still gives the same results with an activation whose frame has another layout, or none: it then
/// finds the name in that frame's layout, then in `variables`.
public final class CELLayout: Sendable {
    /// The names, slot by slot.
    public let names: [String]
    private let slots: [String: Int]
    /// A variable whose map the frame mirrors, and how many of the first slots it mirrors (see `init`).
    public let mirror: (object: String, fields: Int)?

    /// A layout of `names`, in order; a repeated name keeps its first slot.
    ///
    /// With `mirroring`, the host promises that in every frame of this layout where the variable `object` is
    /// set, it is a map whose entry under each of the first `fields` names is exactly that name's slot
    /// (absent where the slot is empty). A program then reads `object.name` and `has(object.name)` from the
    /// slot, without looking the key up in the map. (A rule set's `decision` and its fields.)
    public init(_ names: [String], mirroring object: String? = nil, fields: Int = 0) {
        var slots: [String: Int] = [:]
        var kept: [String] = []
        for name in names where slots[name] == nil {
            slots[name] = kept.count
            kept.append(name)
        }
        self.names = kept
        self.slots = slots
        mirror = object.map { ($0, fields) }
    }

    /// The slot of `name`, or nil when the layout does not have it.
    public func slot(_ name: String) -> Int? { slots[name] }

    /// An empty frame of this layout.
    public func frame() -> CELFrame { CELFrame(layout: self) }
}

/// The values of one activation, slot by slot in its layout; nil where a variable has no value.
public struct CELFrame: Sendable {
    public let layout: CELLayout
    /// `layout`'s identity, which a program compares with its own layout's on every variable read: comparing
    /// the references themselves would count a reference on the layout, an object every worker thread shares.
    let layoutID: ObjectIdentifier
    public var values: [CELValue?]

    public init(layout: CELLayout) {
        self.layout = layout
        layoutID = ObjectIdentifier(layout)
        // Grown by appending: `Array(repeating:count:)` allocates through the standard library's unspecialized
        // path, which looks the storage type's metadata up in the runtime's table on every call (1,600
        // instructions a frame, one frame a decision).
        values = []
        values.reserveCapacity(layout.names.count)
        for _ in 0..<layout.names.count { values.append(nil) }
    }

    /// The value of `name`, when the layout has it and it is set.
    public subscript(name: String) -> CELValue? {
        layout.slot(name).flatMap { values[$0] }
    }
}

extension CELActivation {
    /// The value of a variable: from the frame when it holds one, else from `variables`.
    public subscript(variable name: String) -> CELValue? {
        if let value = frame?[name] { return value }
        return variables[name]
    }

    /// Gives `name` a value: in the frame when its layout has the name, else in `variables`.
    public mutating func bind(_ name: String, to value: CELValue) {
        if let slot = frame?.layout.slot(name) {
            frame?.values[slot] = value
        } else {
            variables[name] = value
        }
    }
}
