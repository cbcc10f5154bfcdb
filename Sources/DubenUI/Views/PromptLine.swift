import DubenLayout

/// How a prompt fits on the bottom line: the label (cut when it would leave less than a third
/// of the line for the text), then the part of the typed text that holds the cursor, and where
/// the cursor stands.
/// The status line draws this and the session places the terminal cursor from it, so the two
/// always agree.
struct PromptLine: Equatable {
    var label: String
    /// Where the typed text starts.
    var textX: Int
    /// The characters of the typed text shown.
    var shown: String
    /// The column of the cursor.
    var cursorX: Int

    /// The layout of `prompt` on a line of `width` cells. The label keeps at least a third of
    /// the line for the text (it is cut with "…" otherwise). A long entry scrolls so that the
    /// cursor stays in view with as much text before it as fits (the end of the entry, while
    /// typing), with one cell kept free for the cursor after the last character.
    init(_ prompt: Prompt, width: Int, measure: DisplayWidth) {
        let labelRoom = max(1, width - 1 - max(1, width / 3))
        label = measure.width(of: prompt.label) <= labelRoom ? prompt.label : measure.truncate(prompt.label, to: labelRoom)
        textX = min(max(0, width - 1), 1 + measure.width(of: label))
        let room = max(0, width - textX - 1)
        let characters = prompt.editor.characters
        let widths = characters.map { measure.width(of: String($0)) }
        let cursor = prompt.editor.cursor
        // From the cursor back, as many characters as fit; then forward while they fit.
        var start = cursor
        var used = 0
        while start > 0 && used + widths[start - 1] <= room {
            start -= 1
            used += widths[start]
        }
        let beforeCursor = used
        var end = cursor
        while end < characters.count && used + widths[end] <= room {
            used += widths[end]
            end += 1
        }
        shown = String(characters[start..<end])
        cursorX = min(max(0, width - 1), textX + beforeCursor)
    }
}
