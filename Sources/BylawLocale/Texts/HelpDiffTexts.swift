/// The catalogue's help texts of `bylaw diff` and `bylaw fmt`.
enum HelpDiffTexts {
    static let entries: [CatalogueEntry] = [
        CatalogueEntry(
            "help.diff.discussion",
            zh: """
                OLD 和 NEW 各为规则集文件、规则集文件夹或规则库。两个文件无论编号如何都直接比较；\
                否则规则集按编号和版本配对，再把每个编号的最新版本配对，只在一侧的规则集记为新增或删除。

                对每一对比较：头部（版本、生效日期、依据等）、输入字段、参数、`let`、逐行比较的表，\
                以及按编号比较的规则：新增、删除，以及标题、引用、严重程度、when、require 或消息的变更。\
                编号改变而标题未变的规则显示为改名（`id`）。

                示例
                  r=rules/cadre-selection; bylaw diff $r/ruleset.yaml $r/ruleset-2019.yaml
                  r=rules/proposal-handling/ruleset; bylaw diff $r.yaml $r-2025.yaml --format md
                  r=rules/asset-management/ruleset; bylaw diff $r-2017.yaml $r.yaml
                  bylaw diff rules/union-funds rules/union-funds --format json

                退出码
                  0  没有差异
                  1  有差异
                  2  某一侧无法加载，或命令行有误
                """,
            en: """
                OLD and NEW are each a rule-set file, a rule-set folder or a rule library. Two files compare \
                whatever their ids; otherwise sets pair by id and version, then each id's latest versions pair, \
                and a set on one side only is added or removed.

                For each pair: the header (version, effective dates, source…), input fields, parameters, `let`s, \
                tables row by row, and rules by id — added, removed, and changed in title, cite, severity, when, \
                require or message. A rule whose id changed but whose title did not is shown as renamed (`id`).

                EXAMPLES
                  r=rules/cadre-selection; bylaw diff $r/ruleset.yaml $r/ruleset-2019.yaml
                  r=rules/proposal-handling/ruleset; bylaw diff $r.yaml $r-2025.yaml --format md
                  r=rules/asset-management/ruleset; bylaw diff $r-2017.yaml $r.yaml
                  bylaw diff rules/union-funds rules/union-funds --format json

                EXIT CODES
                  0  no differences
                  1  differences
                  2  a side does not load, or the command line is wrong
                """),
        CatalogueEntry(
            "help.diff.old", zh: "旧版本：规则集文件或文件夹，或规则库。",
            en: "The old version: a rule-set file or folder, or a rule library."),
        CatalogueEntry(
            "help.diff.new", zh: "新版本：规则集文件或文件夹，或规则库。",
            en: "The new version: a rule-set file or folder, or a rule library."),
        CatalogueEntry("help.diff.format", zh: "输出格式：text、md 或 json。", en: "Output format: text, md or json."),
        CatalogueEntry(
            "help.fmt.discussion",
            zh: """
                PATH 为文件、规则集文件夹（其中的 ruleset*.yaml 和 tests/*.yaml）或规则库（其中每个规则集）。\
                版式：块集合每层缩进两个空格，序列缩进在其键之下，`- ` 后一个空格，注释与其后一行同样缩进，\
                行尾无空白，最多连续一个空行，LF 换行。标量、引号、流式集合和注释保持原样。\
                改写后无法解析为同一 YAML 树的文件保持不动并予以报告。

                示例
                  bylaw fmt --check rules
                  bylaw fmt rules/asset-management
                  bylaw fmt rules/asset-management/tests/cases.yaml

                退出码
                  0  每个文件都（已）符合版式
                  1  用 --check 时，有文件不符合（逐个列出）
                  2  某个文件无法解析或无法改写，或命令行有误
                """,
            en: """
                A PATH is a file, a rule-set folder (its ruleset*.yaml and tests/*.yaml) or a rule library (every \
                set in it). The layout: block collections indented two spaces per level, sequences indented \
                under their key, one space after `- `, comments indented like the line they precede, no trailing \
                white space, at most one blank line in a row, LF line ends. Scalars, quotes, flow collections and \
                comments stay as written. A file whose rewrite would not parse to the same YAML tree is left alone \
                and reported.

                EXAMPLES
                  bylaw fmt --check rules
                  bylaw fmt rules/asset-management
                  bylaw fmt rules/asset-management/tests/cases.yaml

                EXIT CODES
                  0  every file is (now) in the layout
                  1  with --check, some file is not (each is listed)
                  2  a file does not parse or cannot be rewritten, or the command line is wrong
                """),
        CatalogueEntry(
            "help.fmt.paths", zh: "文件、规则集文件夹或规则库（默认为当前文件夹下的 `rules`）。",
            en: "Files, rule-set folders or rule libraries (default: the current folder's `rules`)."),
        CatalogueEntry(
            "help.fmt.check", zh: "不作改动：列出不符合版式的文件，有则以 1 退出。",
            en: "Change nothing: list the files that are not in the layout and exit 1 if there are any."),
    ]
}
