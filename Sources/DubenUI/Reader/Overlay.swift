import DubenModel
import DubenStore

/// Overlays drawn over the page. Each case carries its own state (its selection, its undo
/// list); the reader keeps one overlay at a time.
public enum Overlay: Hashable, Sendable {
    case none
    /// The contents list: the selected row among the entries the filter keeps.
    case tableOfContents(selected: Int, filter: String = "")
    case library(selected: Int)
    case help(scroll: Int)
    /// The quotations of one occasion (same occasion, same date).
    case occasion(selected: Int, items: [DatedItem])
    case timeline(TimelineSelection)
    /// The bookmark list, with its filter and what `x` removed.
    case bookmarks(BookmarkListState)
    /// Every match of a search in the library (&).
    case occurrences(OccurrenceListState)

    /// The rows of `KeyBindings` that apply while this overlay is open.
    public var keyContext: KeyContext {
        switch self {
        case .none: return .reader
        case .timeline: return .timeline
        case .bookmarks: return .bookmarkList
        case .occurrences: return .occurrenceList
        case .tableOfContents: return .contents
        case .library, .help, .occasion: return .list
        }
    }

    /// The page action that opens this overlay: its keys close it again.
    var openingAction: Action? {
        switch self {
        case .none: return nil
        case .tableOfContents: return .tableOfContents
        case .library: return .library
        case .help: return .help
        case .occasion: return .occasion
        case .timeline: return .timeline
        case .bookmarks: return .bookmarkList
        case .occurrences: return .occurrences
        }
    }
}

/// The list of every match (&): the matches found so far, in library order, those the filter
/// keeps, and the selected row (an index into `shown`). Documents are searched as the list is
/// paged (`nextDocument` is the first not searched yet), so a pattern with 100,000 matches
/// opens as fast as its first screen is found; rows are drawn only when shown.
public struct OccurrenceListState: Hashable, Sendable {
    public var pattern: String
    public var items: [MatchLocation] = []
    /// Indices into `items` the filter keeps (all when there is no filter).
    public var shown: [Int] = []
    public var filter = ""
    public var selected = 0
    /// The next document to search; the list is complete when it is past the last.
    public var nextDocument = 0
    /// How many documents hold the matches found so far.
    public var documents = 0

    public init(pattern: String) {
        self.pattern = pattern
    }
}

/// Where the bookmark list is: the selected row of the listed bookmarks, the filter they must
/// match, and what `x` removed this time the list was open (for `u`, newest last).
public struct BookmarkListState: Hashable, Sendable {
    public var selected = 0
    public var deleted: [Bookmark] = []
    /// Text the listed bookmarks hold (passage, note, label, title, section or citation),
    /// matched by `TextMatcher`; empty: all.
    public var filter = ""

    public init(selected: Int = 0, deleted: [Bookmark] = [], filter: String = "") {
        self.selected = selected
        self.deleted = deleted
        self.filter = filter
    }
}

/// Where the timeline view is: its filter and the selected item of the selected period.
public struct TimelineSelection: Hashable, Sendable {
    public var filter: String = ""
    public var period = 0
    public var item = 0
}
