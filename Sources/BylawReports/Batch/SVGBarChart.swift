import BylawBatch
import BylawDiagnostics
import BylawLocale

/// A horizontal bar chart as inline SVG: one row per bar with its label above it, so long Chinese titles and
/// citations never collide with the bars. No script, no fonts, no network; text is escaped and labels too
/// long for the width are cut with `…`, the whole label staying in the bar's tooltip.
struct SVGBarChart {
    struct Bar {
        /// Bold first part of the label: a rule id, a unit.
        var key: String
        /// The rest of the label: a rule's title.
        var label: String
        /// Muted text after the label: a citation, a share.
        var note: String
        var value: Int
        /// CSS class of the bar: `violation`, `warning`, `notice`, `unit`.
        var tone: String
        /// `data-*` attribute the report's script turns into a table filter: (name, value).
        var filter: (String, String)
        /// The key and the note in the page's other language, for its language switch, when they are words of
        /// bylaw's own (a unit's record count); nil when they are names that no language changes (a rule id).
        var other: (key: String, note: String)? = nil
    }

    var id: String
    /// The catalogue id of the chart's title.
    var title: String
    /// The page's language.
    var language: Language
    var bars: [Bar]

    static let width = 560
    static let rowHeight = 40
    /// Display cells of label text that fit across the chart at 12 px.
    static let labelCells = 84

    func render() -> String {
        let height = max(1, bars.count) * Self.rowHeight
        let track = Self.width - 56
        let top = max(1, bars.map(\.value).max() ?? 1)
        var out =
            "<svg class=\"bars\" id=\(attr(id)) width=\"\(Self.width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(Self.width) \(height)\" role=\"img\""
            + HTMLParts.labelAttribute("aria-label", language) { $0.text(title) }
            + " xmlns=\"http://www.w3.org/2000/svg\">\n" + HTMLParts.label("title", language, id: title) + "\n"
        for (i, bar) in bars.enumerated() {
            let y = i * Self.rowHeight
            let length = bar.value == 0 ? 0 : max(2, bar.value * track / top)
            let other = bar.other ?? (bar.key, bar.note)
            func full(_ key: String, _ note: String) -> String {
                [key, bar.label].filter { !$0.isEmpty }.joined(separator: " ") + (note.isEmpty ? "" : " · " + note)
                    + ": \(bar.value)"
            }
            let shown = Self.fit(key: bar.key, label: bar.label, note: bar.note)
            let alternate = Self.fit(key: other.key, label: bar.label, note: other.note)
            out += "<a href=\"#records\" \(bar.filter.0)=\(attr(bar.filter.1)) class=\"row\">"
            out += alternated("title", "", full(bar.key, bar.note), full(other.key, other.note))
            out += "<text class=\"label\" x=\"0\" y=\"\(y + 14)\">"
            out += alternated("tspan", " class=\"key\"", shown.key, alternate.key)
            out += shown.title.isEmpty ? "" : " " + MarkupText.escape(shown.title)
            if let note = shown.note {
                out += alternated("tspan", " class=\"note\"", " · " + note, " · " + (alternate.note ?? note))
            }
            out += "</text>"
            out += "<rect class=\"track\" x=\"0\" y=\"\(y + 20)\" width=\"\(track)\" height=\"12\" rx=\"2\"/>"
            out += "<rect class=\"bar \(bar.tone)\" x=\"0\" y=\"\(y + 20)\" width=\"\(length)\" height=\"12\" rx=\"2\" "
            out += "data-label=\(attr(bar.key)) data-count=\"\(bar.value)\"/>"
            out += "<text class=\"count\" x=\"\(length + 6)\" y=\"\(y + 30)\">\(bar.value)</text></a>\n"
        }
        return out + "</svg>"
    }

    /// The key, the title and the note of a bar's label, cut to fit; the note is nil when there is no room.
    static func fit(key: String, label: String, note: String) -> (key: String, title: String, note: String?) {
        var budget = labelCells
        let keyText = cut(key, &budget)
        budget -= 1
        let title = cut(label, &budget)
        guard !note.isEmpty && budget > 4 else { return (keyText, title, nil) }
        budget -= 3
        return (keyText, title, cut(note, &budget))
    }

    /// The longest prefix of `s` that fits in `budget` display cells, with `…` when cut; the budget shrinks.
    static func cut(_ s: String, _ budget: inout Int) -> String {
        let w = DisplayWidth.of(s)
        if w <= budget {
            budget -= w
            return s
        }
        var out = ""
        var used = 0
        for ch in s {
            let cw = DisplayWidth.of(String(ch))
            if used + cw > budget - 1 { break }
            out.append(ch)
            used += cw
        }
        budget = 0
        return out + "…"
    }

    private func attr(_ s: String) -> String { HTMLParts.attr(s) }

    /// `shown` in `tag`, with `other` for the page's other language (`HTMLParts.label`).
    private func alternated(_ tag: String, _ attributes: String, _ shown: String, _ other: String) -> String {
        HTMLParts.label(tag, language, attributes) { $0 == language ? shown : other }
    }
}
