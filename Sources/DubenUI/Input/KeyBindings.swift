/// What a key does. One enumeration for every context (the page, lists, the timeline,
/// prompts), so that a key is always looked up in the key table (`KeyMap`) and never matched by
/// hand.
public enum Action: String, Hashable, Sendable, CaseIterable {
    // The page.
    case lineDown, lineUp, pageDown, pageUp, halfPageDown, halfPageUp
    case documentStart, documentEnd, percent
    case nextHeading, previousHeading, nextDocument, previousDocument
    case tableOfContents, library
    case searchForward, searchBackward, nextMatch, previousMatch, occurrences
    case nextQuotation, previousQuotation, nextByDate, previousByDate, jumpToDate, occasion, timeline
    case bookmark, bookmarkList, export, select, copy
    // While selecting.
    case extendSentence, shrinkSentence, extendParagraph, shrinkParagraph
    case help, redraw, quit, closeOverlay, reload
    // Habits from less and vim.
    case showInfo, suspend, commandPrefix, markPrefix, jumpBack, jumpOlder
    // Lists (contents, library, occasion, bookmarks, help) and the timeline.
    case selectNext, selectPrevious, selectPageDown, selectPageUp, selectFirst, selectLast, choose, close
    case editNote, deleteBookmark, undoDelete
    case nextPeriod, previousPeriod, filter
    // Prompts.
    case historyPrevious, historyNext, toggleLiteral
    case accept, cancel, deleteBackward, deleteForward, cursorLeft, cursorRight, cursorStart, cursorEnd, clearLine, deleteWord
}

/// Where a key is read: each context has its own rows in the table.
public enum KeyContext: String, Hashable, Sendable, CaseIterable {
    /// The page of text.
    case reader
    /// The key after `:` on the page (as in less).
    case afterColon
    /// The key after `'` on the page (as in less).
    case afterQuote
    /// While sentences are selected (v); other keys are the page's.
    case selection
    /// Every list: contents (t), library (L), occasion (o), bookmarks (B), help (h).
    case list
    /// The contents list (t), on top of the list keys.
    case contents
    /// The bookmark list, on top of the list keys.
    case bookmarkList
    /// The occurrences list (&), on top of the list keys.
    case occurrenceList
    /// The timeline (T).
    case timeline
    /// A prompt on the bottom line (/, ?, @, notes, export, timeline filter).
    case prompt

    /// The heading of the context's section in the help screen and Docs/KEYS.md.
    public var title: String {
        switch self {
        case .reader: return "Reading"
        case .selection: return "While selecting (v); other keys as in reading"
        case .list: return "In lists (contents t, library L, occasion o, bookmarks B, help h)"
        case .bookmarkList: return "In the bookmark list (B)"
        case .occurrenceList: return "In the list of matches (&)"
        case .timeline: return "In the timeline (T)"
        case .prompt: return "In prompts (/, ?, &, @, notes, export, filter)"
        case .afterColon: return "After : (as in less)"
        case .afterQuote: return "After ' (as in less)"
        case .contents: return "In the contents list (t)"
        }
    }

    /// The context whose rows apply when this one has none for a key.
    var fallback: KeyContext? {
        switch self {
        case .bookmarkList, .occurrenceList, .contents: return .list
        case .selection: return .reader
        default: return nil
        }
    }
}

/// One row of the key table: the keys, their names as printed on keyboards, the action, and
/// what it does. The help screen and Docs/KEYS.md are both made from `KeyBindings.table`
/// (a test checks that the document holds exactly its rows).
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

/// The shipped key table: every key of every context. The reader looks keys up in a `KeyMap`
/// made from it (with the configuration file's keys) and nowhere else; Docs/KEYS.md is
/// generated from it.
public enum KeyBindings {
    /// The page's wheel row: both directions under one row (wheel up is `.lineUp`); not
    /// rebound by the configuration file.
    public static let wheel: [Key] = [.wheelDown, .wheelUp]

    public static let reader: [KeyBinding] = [
        KeyBinding([.char("j"), .down, .enter, .ctrl("n")], ["j", "↓", "Enter", "Ctrl-N"], .lineDown, "line down"),
        KeyBinding([.char("k"), .up, .ctrl("p")], ["k", "↑", "Ctrl-P"], .lineUp, "line up"),
        KeyBinding([.char(" "), .char("f"), .pageDown, .ctrl("f")], ["Space", "f", "PgDn", "Ctrl-F"], .pageDown, "page down"),
        KeyBinding([.char("b"), .pageUp, .ctrl("b")], ["b", "PgUp", "Ctrl-B"], .pageUp, "page up"),
        KeyBinding([.char("d"), .ctrl("d")], ["d", "Ctrl-D"], .halfPageDown, "half page down"),
        KeyBinding([.char("u"), .ctrl("u")], ["u", "Ctrl-U"], .halfPageUp, "half page up"),
        KeyBinding([.char("g"), .home], ["g", "Home"], .documentStart, "start of document (Ng: line N)"),
        KeyBinding([.char("G"), .end], ["G", "End"], .documentEnd, "end of document (NG: line N)"),
        KeyBinding([.char("%"), .char("p")], ["N%", "Np"], .percent, "go to N% of the document (type N, then % or p)"),
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
        KeyBinding([.char("&")], ["&"], .occurrences, "list every match in the library"),
        KeyBinding([.char("]")], ["]"], .nextQuotation, "next quotation (reading order)"),
        KeyBinding([.char("[")], ["["], .previousQuotation, "previous quotation (reading order)"),
        KeyBinding([.char(")")], [")"], .nextByDate, "next quotation by date"),
        KeyBinding([.char("(")], ["("], .previousByDate, "previous quotation by date"),
        KeyBinding([.char("@")], ["@"], .jumpToDate, "go to the first quotation on or after a date"),
        KeyBinding([.char("o")], ["o"], .occasion, "all quotations of this occasion"),
        KeyBinding([.char("T")], ["T"], .timeline, "timeline of dated items by month"),
        KeyBinding([.char("v")], ["v"], .select, "select sentences, from the first one on screen"),
        KeyBinding([.char("m")], ["m"], .bookmark, "bookmark the quotation or first sentence (note)"),
        KeyBinding([.char("y")], ["y"], .copy, "copy what m keeps, with its citation"),
        KeyBinding([.char("B")], ["B"], .bookmarkList, "bookmark list (e note, x delete, u undo)"),
        KeyBinding([.char("E")], ["E"], .export, "export bookmarks to a file"),
        KeyBinding([.char("'")], ["''"], .markPrefix, "back to where the last jump started, and again to return"),
        KeyBinding([.ctrl("o")], ["Ctrl-O"], .jumpOlder, "walk back through earlier jumps, across documents"),
        KeyBinding([.char(":")], [":n", ":p"], .commandPrefix, "next or previous document (as Tab, Shift-Tab)"),
        KeyBinding([.char("="), .ctrl("g")], ["=", "Ctrl-G"], .showInfo, "document, section, line, percent and byte offset"),
        KeyBinding([.ctrl("z")], ["Ctrl-Z"], .suspend, "suspend to the shell (fg returns)"),
        KeyBinding([.char("h"), .function(1)], ["h", "F1"], .help, "this help"),
        KeyBinding([.ctrl("l")], ["Ctrl-L"], .redraw, "redraw the screen"),
        KeyBinding([.char("R")], ["R"], .reload, "read the files again (after they changed on disk)"),
        KeyBinding([.char("q")], ["q"], .quit, "quit (closes an open overlay first)"),
        KeyBinding([.escape], ["Esc"], .closeOverlay, "close an overlay or cancel"),
        KeyBinding(wheel, ["Wheel"], .lineDown, "mouse wheel scrolls three lines"),
    ]

    /// While selecting, on top of `reader`.
    public static let selection: [KeyBinding] = [
        KeyBinding([.char("j"), .down, .ctrl("n")], ["j", "↓", "Ctrl-N"], .extendSentence, "one sentence more"),
        KeyBinding([.char("k"), .up, .ctrl("p")], ["k", "↑", "Ctrl-P"], .shrinkSentence, "one sentence fewer (never fewer than one)"),
        KeyBinding([.char("}")], ["}"], .extendParagraph, "to the end of the paragraph, then a paragraph more"),
        KeyBinding([.char("{")], ["{"], .shrinkParagraph, "a paragraph fewer"),
        KeyBinding([.char("m")], ["m"], .bookmark, "bookmark the selection (with a note)"),
        KeyBinding([.char("y")], ["y"], .copy, "copy the selection with its citation"),
        KeyBinding([.escape, .char("v")], ["Esc", "v"], .cancel, "cancel the selection"),
    ]

    /// Every list. The key that opened a list (t, L, o, B, h) also closes it.
    public static let list: [KeyBinding] = [
        KeyBinding([.char("j"), .down, .ctrl("n"), .wheelDown], ["j", "↓", "Ctrl-N"], .selectNext, "next entry"),
        KeyBinding([.char("k"), .up, .ctrl("p"), .wheelUp], ["k", "↑", "Ctrl-P"], .selectPrevious, "previous entry"),
        KeyBinding([.char(" "), .char("f"), .pageDown], ["Space", "f", "PgDn"], .selectPageDown, "a page down"),
        KeyBinding([.char("b"), .pageUp], ["b", "PgUp"], .selectPageUp, "a page up"),
        KeyBinding([.char("g"), .home], ["g", "Home"], .selectFirst, "first entry"),
        KeyBinding([.char("G"), .end], ["G", "End"], .selectLast, "last entry"),
        KeyBinding([.enter], ["Enter"], .choose, "jump to the entry (help: a line down)"),
        KeyBinding([.escape, .char("q")], ["Esc", "q"], .close, "close (so does the key that opened it)"),
        KeyBinding([.ctrl("l")], ["Ctrl-L"], .redraw, "redraw the screen"),
    ]

    /// The bookmark list, on top of `list`.
    public static let bookmarkList: [KeyBinding] = [
        KeyBinding([.char("e")], ["e"], .editNote, "edit the note"),
        KeyBinding([.char("x")], ["x"], .deleteBookmark, "delete the bookmark"),
        KeyBinding([.char("u")], ["u"], .undoDelete, "undo the last deletion"),
        KeyBinding([.char("E")], ["E"], .export, "export the listed bookmarks to a file"),
        KeyBinding([.char("/")], ["/"], .filter, "filter by text (passage, note, title, citation)"),
        KeyBinding([.escape], ["Esc"], .cancel, "clear the filter, else close"),
    ]

    /// The occurrences list, on top of `list`.
    public static let occurrenceList: [KeyBinding] = [
        KeyBinding([.char("/")], ["/"], .filter, "keep the matches whose line holds a text"),
        KeyBinding([.escape], ["Esc"], .cancel, "clear the filter, else close"),
    ]

    /// The timeline.
    public static let timeline: [KeyBinding] = [
        KeyBinding([.char("j"), .down, .ctrl("n")], ["j", "↓", "Ctrl-N"], .selectNext, "next item (into the next month)"),
        KeyBinding([.char("k"), .up, .ctrl("p")], ["k", "↑", "Ctrl-P"], .selectPrevious, "previous item"),
        KeyBinding([.right, .char("l"), .pageDown, .char("J")], ["→", "l", "PgDn", "J"], .nextPeriod, "next month"),
        KeyBinding([.left, .pageUp, .char("K")], ["←", "PgUp", "K"], .previousPeriod, "previous month"),
        KeyBinding([.char("g"), .home], ["g", "Home"], .selectFirst, "first month"),
        KeyBinding([.char("G"), .end], ["G", "End"], .selectLast, "last item of the last month"),
        KeyBinding([.char("/")], ["/"], .filter, "filter by text (Enter on empty clears)"),
        KeyBinding([.enter], ["Enter"], .choose, "jump to the item"),
        KeyBinding([.escape], ["Esc"], .cancel, "clear the filter, else close"),
        KeyBinding([.char("q"), .char("T")], ["q", "T"], .close, "close"),
        KeyBinding([.ctrl("l")], ["Ctrl-L"], .redraw, "redraw the screen"),
    ]

    /// The contents list, on top of `list`.
    public static let contents: [KeyBinding] = [
        KeyBinding([.enter], ["N Enter"], .choose, "jump to the entry; after a number N, to the Nth top-level entry"),
        KeyBinding([.char("/")], ["/"], .filter, "filter by part of a heading (Enter on empty clears)"),
        KeyBinding([.escape], ["Esc"], .cancel, "clear the filter, else close"),
    ]

    /// After `:` on the page.
    public static let afterColon: [KeyBinding] = [
        KeyBinding([.char("n")], ["n"], .nextDocument, "next document"),
        KeyBinding([.char("p")], ["p"], .previousDocument, "previous document"),
    ]

    /// After `'` on the page.
    public static let afterQuote: [KeyBinding] = [
        KeyBinding([.char("'")], ["'"], .jumpBack, "back to where the last jump started (again: return)"),
    ]

    /// Prompts. Any other character typed is inserted at the cursor.
    public static let prompt: [KeyBinding] = [
        KeyBinding([.enter], ["Enter"], .accept, "accept"),
        KeyBinding([.up], ["↑"], .historyPrevious, "earlier search (/, ?, &)"),
        KeyBinding([.down], ["↓"], .historyNext, "later search, then what was typed"),
        KeyBinding([.ctrl("r")], ["Ctrl-R"], .toggleLiteral, "regular expression ↔ literal text (/, ?, &)"),
        KeyBinding([.escape, .ctrl("c"), .ctrl("g")], ["Esc", "Ctrl-C", "Ctrl-G"], .cancel, "cancel"),
        KeyBinding([.backspace], ["Backspace", "Ctrl-H"], .deleteBackward,
                   "delete a character (cancels when empty)"),
        KeyBinding([.delete, .ctrl("d")], ["Delete", "Ctrl-D"], .deleteForward, "delete the character at the cursor"),
        KeyBinding([.left, .ctrl("b")], ["←", "Ctrl-B"], .cursorLeft, "cursor left"),
        KeyBinding([.right, .ctrl("f")], ["→", "Ctrl-F"], .cursorRight, "cursor right"),
        KeyBinding([.home, .ctrl("a")], ["Home", "Ctrl-A"], .cursorStart, "cursor to the start"),
        KeyBinding([.end, .ctrl("e")], ["End", "Ctrl-E"], .cursorEnd, "cursor to the end"),
        KeyBinding([.ctrl("u")], ["Ctrl-U"], .clearLine, "clear"),
        KeyBinding([.ctrl("w")], ["Ctrl-W"], .deleteWord, "delete the word before the cursor"),
    ]

    /// The rows of a context.
    public static func bindings(_ context: KeyContext) -> [KeyBinding] {
        switch context {
        case .reader: return reader
        case .selection: return selection
        case .list: return list
        case .bookmarkList: return bookmarkList
        case .occurrenceList: return occurrenceList
        case .timeline: return timeline
        case .prompt: return prompt
        case .afterColon: return afterColon
        case .afterQuote: return afterQuote
        case .contents: return contents
        }
    }

    /// Every context with its rows, in the order of the help screen.
    public static var table: [(context: KeyContext, bindings: [KeyBinding])] {
        KeyContext.allCases.map { ($0, bindings($0)) }
    }

    /// The action bound to a key in a context (or in its fallback) in the shipped table
    /// (`KeyMap.action` for the table in force).
    public static func action(for key: Key, in context: KeyContext = .reader) -> Action? {
        KeyMap.standard.action(for: key, in: context)
    }

    /// One context's rows as a Markdown table (as Docs/KEYS.md holds it).
    public static func markdownTable(_ context: KeyContext) -> String {
        var out = "| Keys | Action |\n| --- | --- |\n"
        for b in bindings(context) {
            out += "| \(b.names.joined(separator: ", ")) | \(b.summary) |\n"
        }
        return out
    }
}
