/// A prompt on the bottom line: what it asks for and the text typed so far. `.filter` filters
/// the open overlay (the timeline or the bookmark list).
public struct Prompt: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case searchForward, searchBackward, date, filter, bookmarkNote, editNote(String), export }
    public var kind: Kind
    public var editor = LineEditor()

    public var label: String {
        switch kind {
        case .searchForward: return "/"
        case .searchBackward: return "?"
        case .date: return "@ date (2020-03-27, 2020-03, 3月27日, 3-27): "
        case .filter: return "filter: "
        case .bookmarkNote: return "bookmark note (Enter saves, Esc cancels): "
        case .editNote: return "note: "
        case .export: return "export FORMAT FILE (markdown, json, csv, html): "
        }
    }
}
