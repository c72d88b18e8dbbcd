/// The full-width forms (U+FF01–U+FF5E) of ASCII's printable characters, which a Chinese input method types for
/// digits and punctuation (`２０２５－０１－１３`, `１，２３４．５０`).
enum FullWidth {
    /// The ASCII character `c` is the full-width form of, nil for any other character.
    static func ascii(_ c: Unicode.Scalar) -> Unicode.Scalar? {
        (0xFF01...0xFF5E).contains(c.value) ? Unicode.Scalar(c.value - 0xFEE0) : nil
    }
}
