/// libyaml's problem and context messages (as `EventReader.clean` leaves them: lowercase start, no period), in
/// Chinese: a syntax error says what is wrong, not only that something is. `diag-yaml.` entries word a
/// `yaml.syntax` message, `diag-note.yaml.` entries the note that says where the construct began.
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
        CatalogueEntry(
            "diag-help.yaml.full-width-colon",
            zh: "第 {0} 行的 `{1}` 后是全角冒号“：”：YAML 的键后须是半角冒号加空格，写成 `{1}: `",
            en: "line {0} has the full-width colon `：` after `{1}`: YAML needs the ASCII colon and a space, `{1}: `"),
    ]
}
