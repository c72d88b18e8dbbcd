import BylawCEL
import Testing

/// `bytes` values and `type` values.
@Suite struct BytesAndTypeTests {
    @Test(
        arguments: [
            ("literal equals conversion", "b'abc' == bytes('abc')", "true"),
            ("hex escapes", "size(b'\\xff\\x00')", "2"),
            ("octal escape", "b'\\101' == b'A'", "true"),
            ("non-ASCII literal is its UTF-8", "size(b'é')", "2"),
            ("unicode escape refused in bytes", "b'\\u00ff'", "error: `\\u` escapes are not allowed in bytes literals"),
            ("string of valid UTF-8", "string(b'\\xc3\\xa9') == 'é'", "true"),
            ("string of invalid UTF-8", "string(b'\\xff')", "error: bytes are not valid UTF-8"),
            ("concatenation", "b'a' + b'b' == b'ab'", "true"),
            ("order is bytewise", "b'a' < b'b' && b'\\x00' < b'\\xff'", "true"),
            ("rendered", "b'a\\x00'", #"b"a\x00""#),
            ("raw bytes keep backslashes", "size(rb'\\x00')", "4"),
        ])
    func bytes(name: String, source: String, expected: String) {
        #expect(rendered(evaluate(source)) == expected, "\(name)")
    }

    @Test(
        arguments: [
            ("int", "type(1) == int", "true"),
            ("through dyn", "type(dyn(1u)) == uint", "true"),
            ("type of a type", "type(int) == type", "true"),
            ("dyn is a type", "type(dyn) == type", "true"),
            ("list", "type([1]) == list", "true"),
            ("map", "type({'a': 1}) == map", "true"),
            ("null", "type(null) == null_type", "true"),
            ("bytes", "type(b'') == bytes", "true"),
            ("decimal", "type(decimal('1')) == decimal", "true"),
            ("types differ", "type(1) == uint", "false"),
            ("timestamp", "type(timestamp(0))", "google.protobuf.Timestamp"),
            ("a type value", "dyn", "dyn"),
        ])
    func types(name: String, source: String, expected: String) {
        #expect(rendered(evaluate(source)) == expected, "\(name)")
    }
}
