/// Where the page's status line (position, messages, prompts) goes: under the text, as in
/// less, or at the top, under the title line.
public enum StatusLinePosition: String, CaseIterable, Sendable {
    case bottom
    case top
}
