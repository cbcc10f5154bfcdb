/// What a key does in the reader.
public enum Action: String, Hashable, Sendable, CaseIterable {
    case lineDown, lineUp, pageDown, pageUp, halfPageDown, halfPageUp
    case documentStart, documentEnd, percent
    case nextHeading, previousHeading, nextDocument, previousDocument
    case tableOfContents, library
    case searchForward, searchBackward, nextMatch, previousMatch
    case nextQuotation, previousQuotation, nextByDate, previousByDate, jumpToDate, occasion, timeline
    case bookmark, bookmarkList, export
    case help, redraw, quit, closeOverlay
}

/// One row of the key table: the keys, their names as printed on keyboards, the action, and
/// what it does. The help screen and Docs/KEYS.md are both made from `KeyBindings.reader`
/// (a test checks that the document lists every row).
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    public var names: [String]
    public var action: Action
    public var summary: String

    public init(_ keys: [Key], _ names: [String], _ action: Action, _ summary: String) {
        self.keys = keys
        self.names = names
        self.action = action
        self.summary = summary
    }
}

/// The reader's key table.
public enum KeyBindings {
    public static let reader: [KeyBinding] = [
        KeyBinding([.char("j"), .down, .enter, .ctrl("n")], ["j", "↓", "Enter", "Ctrl-N"], .lineDown, "line down"),
        KeyBinding([.char("k"), .up, .ctrl("p")], ["k", "↑", "Ctrl-P"], .lineUp, "line up"),
        KeyBinding([.char(" "), .char("f"), .pageDown, .ctrl("f")], ["Space", "f", "PgDn", "Ctrl-F"], .pageDown, "page down"),
        KeyBinding([.char("b"), .pageUp, .ctrl("b")], ["b", "PgUp", "Ctrl-B"], .pageUp, "page up"),
        KeyBinding([.char("d")], ["d"], .halfPageDown, "half page down"),
        KeyBinding([.char("u")], ["u"], .halfPageUp, "half page up"),
        KeyBinding([.char("g"), .home], ["g", "Home"], .documentStart, "start of document"),
        KeyBinding([.char("G"), .end], ["G", "End"], .documentEnd, "end of document"),
        KeyBinding([.char("%")], ["N%"], .percent, "go to N% of the document (type N, then %)"),
        KeyBinding([.char("}")], ["}"], .nextHeading, "next heading"),
        KeyBinding([.char("{")], ["{"], .previousHeading, "previous heading"),
        KeyBinding([.tab], ["Tab"], .nextDocument, "next document"),
        KeyBinding([.backTab], ["Shift-Tab"], .previousDocument, "previous document"),
        KeyBinding([.char("t")], ["t"], .tableOfContents, "table of contents"),
        KeyBinding([.char("L")], ["L"], .library, "library: all documents"),
        KeyBinding([.char("/")], ["/"], .searchForward, "search forward"),
        KeyBinding([.char("?")], ["?"], .searchBackward, "search backward"),
        KeyBinding([.char("n")], ["n"], .nextMatch, "next match (across documents)"),
        KeyBinding([.char("N")], ["N"], .previousMatch, "previous match"),
        KeyBinding([.char("]")], ["]"], .nextQuotation, "next quotation (reading order)"),
        KeyBinding([.char("[")], ["["], .previousQuotation, "previous quotation (reading order)"),
        KeyBinding([.char(")")], [")"], .nextByDate, "next quotation by date"),
        KeyBinding([.char("(")], ["("], .previousByDate, "previous quotation by date"),
        KeyBinding([.char("@")], ["@"], .jumpToDate, "go to the first quotation on or after a date"),
        KeyBinding([.char("o")], ["o"], .occasion, "all quotations of this occasion"),
        KeyBinding([.char("T")], ["T"], .timeline, "timeline of dated items by month"),
        KeyBinding([.char("m")], ["m"], .bookmark, "bookmark the quotation or top line (with a note)"),
        KeyBinding([.char("B"), .char("'")], ["B", "'"], .bookmarkList, "bookmark list (e note, x delete, u undo)"),
        KeyBinding([.char("E")], ["E"], .export, "export bookmarks to a file"),
        KeyBinding([.char("h"), .function(1)], ["h", "F1"], .help, "this help"),
        KeyBinding([.ctrl("l")], ["Ctrl-L"], .redraw, "redraw the screen"),
        KeyBinding([.char("q")], ["q"], .quit, "quit (closes an open overlay first)"),
        KeyBinding([.escape], ["Esc"], .closeOverlay, "close an overlay or cancel"),
        KeyBinding([.wheelDown, .wheelUp], ["Wheel"], .lineDown, "mouse wheel scrolls three lines"),
    ]

    /// Keys inside the list overlays (contents, library, help).
    public static let lists: [(names: String, summary: String)] = [
        ("j / k, ↓ / ↑", "move the selection"),
        ("PgDn / PgUp, g / G", "page, first, last"),
        ("Enter", "jump to the selected entry"),
        ("Esc, q", "close"),
    ]

    /// The action bound to a key, if any.
    public static func action(for key: Key) -> Action? {
        switch key {
        case .wheelDown: return .lineDown
        case .wheelUp: return .lineUp
        default: return reader.first { $0.keys.contains(key) }?.action
        }
    }
}
