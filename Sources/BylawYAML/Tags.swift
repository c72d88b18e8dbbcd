/// The tag policy: only the core schema's tags and the non-specific `!`.
extension Composer {
    private static let core = "tag:yaml.org,2002:"

    /// `!!int` for `tag:yaml.org,2002:int`; other tags as written.
    static func display(_ tag: String) -> String {
        tag.hasPrefix(core) ? "!!" + tag.dropFirst(core.count) : tag
    }

    private func forbidden(_ tag: String, at mark: YAMLMark) -> YAMLLoadError {
        fail(
            "yaml.forbidden-tag",
            "tag `\(Self.display(tag))` is not allowed", at: mark, length: Self.display(tag).unicodeScalars.count,
            help: "only `!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!seq`, `!!map` and `!` are allowed")
    }

    /// The core type of a scalar: plain scalars by the core schema, others strings, explicit tags honoured.
    func coreType(of text: String, style: YAMLScalarStyle, tag: String?, at mark: YAMLMark) throws(YAMLLoadError)
        -> YAMLCoreType
    {
        guard let tag else { return style == .plain ? CoreSchema.resolve(text) : .string }
        if tag == "!" { return .string }
        guard tag.hasPrefix(Self.core) else { throw forbidden(tag, at: mark) }
        let resolved = CoreSchema.resolve(text)
        let wanted: YAMLCoreType
        switch tag.dropFirst(Self.core.count) {
        case "str": return .string
        case "int": wanted = .int
        case "float": wanted = resolved == .int ? .int : .float
        case "bool": wanted = .bool
        case "null": wanted = .null
        case "seq", "map":
            throw fail("yaml.forbidden-tag", "tag `\(Self.display(tag))` cannot be used on a scalar", at: mark)
        default: throw forbidden(tag, at: mark)
        }
        guard resolved == wanted else {
            throw fail("yaml.tag-mismatch", "`\(text)` is not a valid `\(Self.display(tag))` value", at: mark)
        }
        return tag.hasSuffix(":float") ? .float : wanted
    }

    /// Collections accept no tag, `!`, or their own core tag.
    func checkCollectionTag(_ tag: String?, isMapping: Bool, at mark: YAMLMark) throws(YAMLLoadError) {
        guard let tag, tag != "!" else { return }
        let own = Self.core + (isMapping ? "map" : "seq")
        if tag == own { return }
        if tag.hasPrefix(Self.core),
            ["str", "int", "float", "bool", "null", "seq", "map"].contains(String(tag.dropFirst(Self.core.count)))
        {
            let kind = isMapping ? "mapping" : "sequence"
            throw fail("yaml.forbidden-tag", "tag `\(Self.display(tag))` cannot be used on a \(kind)", at: mark)
        }
        throw forbidden(tag, at: mark)
    }
}
