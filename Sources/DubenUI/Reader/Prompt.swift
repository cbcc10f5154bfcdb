/// A prompt on the bottom line: what it asks for and the text typed so far. `.filter` filters
/// the open overlay (the timeline, the bookmark list or the occurrences list). Search prompts
/// (`/`, `?`, `&`) take a regular expression, or a literal with `literal` (Ctrl-R), and walk
/// the search history with Up and Down.
public struct Prompt: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case searchForward, searchBackward, occurrences, date, filter, bookmarkNote, editNote(String), export }
    public var kind: Kind
    public var editor = LineEditor()
    /// The pattern is literal text, not a regular expression (search prompts).
    public var literal = false
    /// Which history entry the text comes from (0 = newest), while walking the history.
    public var historyIndex: Int?
    /// What was typed before Up first recalled an earlier search (Down past the newest
    /// brings it back).
    public var draft = ""

    public init(kind: Kind, editor: LineEditor = LineEditor(), literal: Bool = false) {
        self.kind = kind
        self.editor = editor
        self.literal = literal
    }

    /// Whether the prompt takes a search pattern.
    public var isSearch: Bool { kind == .searchForward || kind == .searchBackward || kind == .occurrences }

    public var label: String {
        let mode = literal ? "literal " : ""
        switch kind {
        case .searchForward: return mode + "/"
        case .searchBackward: return mode + "?"
        case .occurrences: return mode + "& list every match of: "
        case .date: return "@ date (2020-03-27, 2020-03, 3月27日, 3-27): "
        case .filter: return "filter: "
        case .bookmarkNote: return "bookmark note (Enter saves, Esc cancels): "
        case .editNote: return "note: "
        case .export: return "export FORMAT FILE (markdown, json, csv, html, csl-json): "
        }
    }

    /// Up (`older`) or Down in a search prompt: the next older or newer entry of `history`
    /// (newest first); past the newest, what was typed before.
    mutating func walk(_ history: [String], older: Bool) {
        guard !history.isEmpty else { return }
        let next: Int?
        switch (historyIndex, older) {
        case (nil, true): next = 0
        case (nil, false): return
        case (let i?, true): next = min(i + 1, history.count - 1)
        case (let i?, false): next = i == 0 ? nil : i - 1
        }
        if historyIndex == nil { draft = editor.text }
        historyIndex = next
        editor = LineEditor(next.map { history[$0] } ?? draft)
    }
}
