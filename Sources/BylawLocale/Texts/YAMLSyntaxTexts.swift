/// libyaml's problem and context messages (as `EventReader.clean` leaves them: lowercase start, no period) and
/// the JSON reader's, in Chinese: a syntax error says what is wrong, not only that something is. `diag-yaml.`
/// entries word a `yaml.syntax` message, `diag-json.` a `json.syntax` one, `diag-note.yaml.` entries the note
/// that says where the construct began.
enum YAMLSyntaxTexts {
    static let entries: [CatalogueEntry] = [
        CatalogueEntry("diag-yaml.colon", zh: "找不到应有的冒号“:”", en: "could not find expected ':'"),
        CatalogueEntry(
            "diag-yaml.mapping-values", zh: "此处不能出现“: ”（键值对）", en: "mapping values are not allowed in this context"),
        CatalogueEntry(
            "diag-yaml.start-token", zh: "此处的字符不能作为任何内容的开头",
            en: "found character that cannot start any token"),
        CatalogueEntry("diag-yaml.end", zh: "文件意外结束", en: "found unexpected end of stream"),
        CatalogueEntry("diag-yaml.key", zh: "找不到应有的键", en: "did not find expected key"),
        CatalogueEntry("diag-yaml.dash", zh: "找不到应有的列表项“-”", en: "did not find expected '-' indicator"),
        CatalogueEntry("diag-yaml.node", zh: "找不到应有的内容", en: "did not find expected node content"),
        CatalogueEntry(
            "diag-yaml.flow-sequence", zh: "找不到应有的“,”或“]”", en: "did not find expected ',' or ']'"),
        CatalogueEntry("diag-yaml.flow-mapping", zh: "找不到应有的“,”或“}”", en: "did not find expected ',' or '}'"),
        CatalogueEntry(
            "diag-yaml.line-break", zh: "此处应是注释或换行", en: "did not find expected comment or line break"),
        CatalogueEntry(
            "diag-yaml.sequence-entries", zh: "此处不能出现列表项“- ”",
            en: "block sequence entries are not allowed in this context"),
        CatalogueEntry(
            "diag-yaml.tab", zh: "缩进中有制表符（Tab）：YAML 只能用空格缩进",
            en: "found a tab character that violates indentation"),
        CatalogueEntry(
            "diag-yaml.tab-old", zh: "缩进中有制表符（Tab）：YAML 只能用空格缩进",
            en: "found a tab character that violate indentation"),
        CatalogueEntry("diag-yaml.escape", zh: "双引号中有无法识别的转义符", en: "found unknown escape character"),
        CatalogueEntry(
            "diag-yaml.document", zh: "此处意外出现文档标记（--- 或 ...）", en: "found unexpected document indicator"),
        CatalogueEntry(
            "diag-yaml.alphanumeric", zh: "此处应是字母或数字", en: "did not find expected alphabetic or numeric character"),
        CatalogueEntry("diag-note.yaml.simple-key", zh: "此键从这里开始", en: "while scanning a simple key"),
        CatalogueEntry("diag-note.yaml.quoted", zh: "此带引号的文字从这里开始", en: "while scanning a quoted scalar"),
        CatalogueEntry("diag-note.yaml.plain", zh: "此文字从这里开始", en: "while scanning a plain scalar"),
        CatalogueEntry("diag-note.yaml.block-scalar", zh: "此多行文字从这里开始", en: "while scanning a block scalar"),
        CatalogueEntry("diag-note.yaml.block-mapping", zh: "此键值块从这里开始", en: "while parsing a block mapping"),
        CatalogueEntry("diag-note.yaml.block-collection", zh: "此块从这里开始", en: "while parsing a block collection"),
        CatalogueEntry("diag-note.yaml.block-node", zh: "此内容从这里开始", en: "while parsing a block node"),
        CatalogueEntry("diag-note.yaml.flow-sequence", zh: "此“[ ]”列表从这里开始", en: "while parsing a flow sequence"),
        CatalogueEntry("diag-note.yaml.flow-mapping", zh: "此“{ }”映射从这里开始", en: "while parsing a flow mapping"),
        CatalogueEntry("diag-note.yaml.flow-node", zh: "此内容从这里开始", en: "while parsing a flow node"),
        CatalogueEntry("diag-note.yaml.node", zh: "此内容从这里开始", en: "while parsing a node"),
        CatalogueEntry("diag-note.yaml.anchor", zh: "此锚点从这里开始", en: "while scanning an anchor"),
        CatalogueEntry("diag-note.yaml.alias", zh: "此别名从这里开始", en: "while scanning an alias"),
        CatalogueEntry("diag-note.yaml.tag", zh: "此标签从这里开始", en: "while scanning a tag"),
        CatalogueEntry("diag-json.after", zh: "JSON 值之后还有多余的文字", en: "unexpected text after the JSON value"),
        CatalogueEntry(
            "diag-json.end", zh: "应有一个 JSON 值，但文字已结束", en: "expected a JSON value, found the end of the text"),
        CatalogueEntry(
            "diag-json.value", zh: "此处应是 JSON 值（对象、数组、字符串、数字、true、false 或 null）",
            en: "expected a JSON value (object, array, string, number, true, false or null)"),
        CatalogueEntry("diag-json.digits", zh: "数字须有数位", en: "a number needs digits"),
        CatalogueEntry("diag-json.leading-zero", zh: "JSON 数字不能以 0 开头", en: "a JSON number cannot have a leading zero"),
        CatalogueEntry("diag-json.point", zh: "小数点后须有数字", en: "a decimal point must be followed by digits"),
        CatalogueEntry("diag-json.exponent", zh: "指数须有数字", en: "an exponent must have digits"),
        CatalogueEntry("diag-json.array-open", zh: "数组没有以“]”结束", en: "the array is not closed with `]`"),
        CatalogueEntry("diag-json.array-next", zh: "数组项之后应是“,”或“]”", en: "expected `,` or `]` after an array item"),
        CatalogueEntry(
            "diag-json.name", zh: "此处应是用半角双引号括起的成员名", en: "expected a member name in double quotes"),
        CatalogueEntry("diag-json.colon", zh: "成员名之后应是半角冒号“:”", en: "expected `:` after a member name"),
        CatalogueEntry("diag-json.object-open", zh: "对象没有以“}”结束", en: "the object is not closed with `}`"),
        CatalogueEntry(
            "diag-json.object-next", zh: "对象成员之后应是“,”或“}”", en: "expected `,` or `}` after an object member"),
        CatalogueEntry("diag-json.string-open", zh: "字符串没有以半角双引号结束", en: "the string is not closed with `\"`"),
        CatalogueEntry(
            "diag-json.control", zh: "JSON 字符串中的控制字符须转义",
            en: "a control character must be escaped inside a JSON string"),
        CatalogueEntry("diag-json.escape", zh: "JSON 字符串中有无法识别的转义符", en: "unknown escape in a JSON string"),
        CatalogueEntry(
            "diag-json.high-surrogate", zh: "高位代理转义之后须有低位代理转义",
            en: "a high surrogate escape must be followed by a low one"),
        CatalogueEntry(
            "diag-json.low-surrogate", zh: "单独的低位代理转义不是字符", en: "a lone low surrogate escape is not a character"),
        CatalogueEntry("diag-json.hex", zh: "`\\u` 之后须有四位十六进制数字", en: "`\\u` needs four hex digits"),
        CatalogueEntry(
            "diag-help.json.full-width", zh: "`{0}` 是全角符号：JSON 须用半角的 `{1}`",
            en: "`{0}` is a full-width mark: JSON needs the ASCII `{1}`"),
        CatalogueEntry(
            "diag-help.yaml.full-width-colon",
            zh: "第 {0} 行的 `{1}` 后是全角冒号“：”：YAML 的键后须是半角冒号加空格，写成 `{1}: `",
            en: "line {0} has the full-width colon `：` after `{1}`: YAML needs the ASCII colon and a space, `{1}: `"),
    ]
}
