/// A key press or terminal event, decoded by the terminal backend.
public enum Key: Hashable, Sendable {
    case char(Character)
    /// Ctrl + a letter ("a"…"z", lowercase).
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)
    case wheelUp, wheelDown
    /// The terminal changed size.
    case resize(columns: Int, rows: Int)
}
