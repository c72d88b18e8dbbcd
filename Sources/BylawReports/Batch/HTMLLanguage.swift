import BylawLocale

extension HTMLParts {
    /// The English line of the page's script that counts the rows a filter shows.
    static let shownLine =
        #"shown.textContent = n.toLocaleString("en") + " of " + rows.length.toLocaleString("en") + " shown";"#

    /// The page's script, with its one sentence (how many rows the filter shows) in `l`.
    static func script(_ l: Language) -> String {
        guard l != .english else { return HTMLAssets.script }
        let counted = l.text(
            "html.shown-of", "\" + n.toLocaleString(\"en\") + \"", "\" + rows.length.toLocaleString(\"en\") + \"")
        let line = "shown.textContent = \"" + counted + "\";"
        return HTMLAssets.script.split(separator: shownLine, omittingEmptySubsequences: false).joined(separator: line)
    }
}
