import DubenModel
import DubenStore

/// Something the reader asks the outside world to do. `Reader.handle(_:)` changes only
/// in-memory state and returns effects; the session (DubenTerminal) performs them, in order,
/// and feeds each outcome back as an `EffectResult` through `Reader.apply(_:)`.
///
/// Anything that is not a pure function of the state and the key is an effect: files (the
/// bookmark store, exports, `state.json`), the clock and new ids. A bookmark in an effect
/// therefore has no id and no times yet (`Bookmark.unstamped`): the session stamps them.
public enum Effect: Equatable, Sendable {
    /// Clear the terminal and repaint everything (Ctrl-L).
    case redraw
    /// Leave the reader.
    case quit
    /// Stop the process as Ctrl-Z does in a shell (the terminal restored), and repaint when
    /// it is continued.
    case suspend
    /// Change the bookmark file.
    case bookmarks(BookmarkChange)
    /// Write `bookmarks` to a new file at `path` (never over an existing one), citing in `style`.
    case export([Bookmark], format: ExportFormat, path: String, style: CitationStyle = .source)
    /// Put a passage with its citation on the clipboard (the first tool that works; OSC 52
    /// only when the user allowed it). `characters` is the passage's length, for the notice.
    case copy(String, characters: Int)
    /// Count the pattern's matches in the whole library off the main loop; the result comes
    /// back as `.matchCount` with the same generation (a newer search cancels an older count).
    case countMatches(SearchPattern, generation: Int)
    /// Read the library's files again (R, after they changed on disk); the session hands the
    /// new library to `Reader.reload(corpus:progress:)`.
    case reload
    /// Keep the search history (newest first) in `state.json`.
    case saveSearchHistory([String])
    /// Record where each document was left (document id → position) in `state.json`, and
    /// the document being read (`current`, by id, and where it lies) so that the next session
    /// reopens it, parsing it first.
    case savePositions([String: ReadingPosition], current: String? = nil, place: DocumentPlace? = nil)
}

/// A change to the bookmark file, applied under its lock by the session.
public enum BookmarkChange: Equatable, Sendable {
    /// Add a bookmark; the session gives it an id and its creation time.
    case add(Bookmark)
    /// Remove this bookmark (the reader keeps it for undo once the removal succeeded).
    case remove(Bookmark)
    /// Put back a removed bookmark, as it was.
    case restore(Bookmark)
    /// Set or clear (nil) the note of a bookmark; the session stamps `updated`.
    case setNote(id: String, note: String?)
    /// Store bookmarks that re-anchoring moved or orphaned (matched by id).
    case reanchor([Bookmark])
}

/// Where a document was left: the block and the scalar offset of the first character shown.
public struct ReadingPosition: Hashable, Sendable {
    public var block: Int
    public var offset: Int

    public init(block: Int, offset: Int) {
        self.block = block
        self.offset = offset
    }
}

/// What came of an effect, fed back to the reader by the session.
public enum EffectResult: Equatable, Sendable {
    /// The bookmark change was written; the bookmark as stored (stamped with id and times).
    case bookmarkAdded(Bookmark)
    case bookmarkRemoved(Bookmark)
    case bookmarkRestored(Bookmark)
    case noteSet(Bookmark)
    case reanchored(count: Int)
    case exported(count: Int, path: String)
    /// The text was copied; `destination` says where ("to the tmux buffer", "with xclip").
    case copied(characters: Int, destination: String)
    /// Nothing was copied (no clipboard tool, OSC 52 not allowed): said, not logged.
    case notCopied(Notice)
    case positionsSaved
    case searchHistorySaved
    /// The library count of search `generation`.
    case matchCount(total: Int, generation: Int)
    /// The effect failed; nothing changed outside. The notice says what and why (file named).
    case failed(Notice)
}

/// A line for the status bar: what happened, and how bad it is. Errors are drawn in the accent
/// colour and, when they come from a failed effect, are also logged to standard error after
/// the reader exits.
public struct Notice: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: Hashable, Sendable, Comparable { case info, warning, error }
    public var text: String
    public var severity: Severity

    public init(_ text: String, severity: Severity = .info) {
        self.text = text
        self.severity = severity
    }

    public static func info(_ text: String) -> Notice { Notice(text, severity: .info) }
    public static func warning(_ text: String) -> Notice { Notice(text, severity: .warning) }
    public static func error(_ text: String) -> Notice { Notice(text, severity: .error) }

    public var description: String { text }
}
