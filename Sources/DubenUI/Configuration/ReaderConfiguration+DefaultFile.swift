import DubenLayout
import DubenStore

extension ReaderConfiguration {
    /// What `duben config --print-default` prints: every setting at its default with a
    /// comment on what it takes, and every key binding of every context as shipped. It parses
    /// back to `ReaderConfiguration()` with no problem (a test reads it back).
    public static var defaultFile: String {
        let d = ReaderConfiguration()
        let q = ConfigFile.quoted
        var out = """
            # duben configuration: $XDG_CONFIG_HOME/duben/config.toml (else ~/.config/duben/config.toml),
            # or the file named by --config or DUBEN_CONFIG. Every setting is optional: these are the
            # defaults. Options on the command line win over this file. Docs/CONFIG.md describes it.

            [layout]
            # Text column width in cells (8–1000), or "auto": the terminal's width less margins, at most \(LayoutOptions.readingMeasure).
            width = \(d.width.map(String.init) ?? q("auto"))
            # Cells for East Asian Ambiguous characters such as “ ” … — ·: 1 or 2.
            ambiguous-width = \(d.ambiguousWidth)
            # First-line indentation of indented paragraphs: "keep" or "none".
            indent = \(q(d.indent.rawValue))

            [display]
            # Colours: \(Theme.allCases.map { q($0.rawValue) }.joined(separator: ", ")). NO_COLOR (set, not empty) forces monochrome.
            theme = \(q(d.theme.rawValue))
            # Where the status line goes: "bottom" or "top" (under the title line).
            status-line = \(q(d.statusLine.rawValue))

            [citation]
            # How y, duben cite and exports cite: "source" (习近平：《题名》（2018年2月12日）) or "gbt7714".
            style = \(q(d.citationStyleName))
            # A template instead of the style, e.g. "{author}：《{title}》（{date}）"; "" for none.
            # Fields: {author} {title} {date} {occasion} {section} {place} {source} {kind} {citation}.
            template = \(q(d.citationTemplate ?? ""))

            [export]
            # The format E proposes: \(ExportFormat.allCases.map { q($0.rawValue) }.joined(separator: ", ")).
            format = \(q(d.exportFormat.rawValue))

            [clipboard]
            # Let y copy through the terminal (OSC 52) when no clipboard tool works.
            osc52 = \(d.osc52)

            # Keys, by context: action = "key" or ["key", …]. An action given here gets exactly these
            # keys in its context (an empty list unbinds it); a key may hold one action per context.
            # Key names: a character, Space, Enter, Esc, Tab, Shift-Tab, Backspace, Delete, Up, Down,
            # Left, Right, PgUp, PgDn, Home, End, F1–F24, Ctrl-A–Ctrl-Z. Digits are counts on the page.

            """
        for (context, _) in d.keyMap.table {
            out += "\n# \(context.title)\n[keys.\(context.configName)]\n"
            for action in d.keyMap.actions(in: context) {
                let keys = d.keyMap.keys(of: action, in: context) ?? []
                let names = keys.compactMap(KeyName.name(of:)).map(q)
                let summary = d.keyMap.bindings(context).first { $0.action == action }?.summary ?? ""
                out += "\(action.configName) = [\(names.joined(separator: ", "))]  # \(summary)\n"
            }
        }
        return out
    }
}
