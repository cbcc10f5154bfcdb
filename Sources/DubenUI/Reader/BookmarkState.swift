import DubenModel
import DubenStore

/// The bookmarks the reader knows: what the bookmark file held when the session read it, kept
/// in step with every change the session reports as written.
public struct BookmarkState: Sendable {
    /// Whether bookmarks can be changed.
    public enum Availability: Hashable, Sendable {
        /// No bookmark file (tools, benchmarks).
        case off
        case writable
        /// The file could not be read; it is never written this session.
        case readOnly(reason: String)
    }

    public internal(set) var items: [Bookmark]
    public let availability: Availability

    public init(_ items: [Bookmark] = [], availability: Availability) {
        self.items = items
        self.availability = availability
    }

    /// Bookmarks off.
    public static let off = BookmarkState(availability: .off)

    /// Why the file is read-only, if it is.
    public var readOnlyReason: String? {
        if case .readOnly(let why) = availability { return why }
        return nil
    }
}
