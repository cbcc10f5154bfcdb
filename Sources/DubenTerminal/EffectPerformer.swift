import DubenStore
import DubenUI
import Foundation

/// Performs effects and says what came of them. The session hands every effect other than
/// `.redraw` and `.quit` to one of these; tests use their own to run the loop without files.
public protocol EffectPerforming {
    /// What came of `effect`; nil for the loop's own effects (`.redraw`, `.quit`), which touch
    /// nothing outside.
    mutating func perform(_ effect: Effect) -> EffectResult?
}

/// The real world: the bookmark file, `state.json`, export files, the clock and new ids.
/// Every failure comes back as `.failed` with a one-line notice naming the file; nothing is
/// swallowed.
public struct EffectPerformer: EffectPerforming {
    /// The bookmark file (nil: bookmarks off).
    public var store: BookmarkStore?
    /// Where reading positions are kept (nil: not kept).
    public var positions: PositionStore?
    /// The time to stamp on new and changed bookmarks (ISO 8601, UTC).
    public var now: () -> String
    /// A new bookmark id.
    public var newID: () -> String
    /// Where `y` copies to.
    public var clipboard: Clipboard
    /// The files this session reads (absolute, sorted), kept with the document being read so
    /// that the next session on the same files reopens it; nil: not kept (standard input).
    public var sessionFiles: [String]?

    public init(store: BookmarkStore?, positions: PositionStore?, now: @escaping () -> String = { ISOTime.now() },
                newID: @escaping () -> String = { UUID().uuidString }, clipboard: Clipboard = Clipboard()) {
        self.store = store
        self.positions = positions
        self.now = now
        self.newID = newID
        self.clipboard = clipboard
    }

    /// Reads the bookmark file for a new reader: its bookmarks, or read-only with the reason
    /// when the file cannot be read (it is then never written this session).
    public func loadBookmarks() -> BookmarkState {
        guard let store else { return .off }
        do {
            return BookmarkState(try store.read(), availability: .writable)
        } catch {
            return BookmarkState(availability: .readOnly(reason: error.description))
        }
    }

    /// Reads the saved reading positions (none when the file does not exist yet).
    public func loadPositions() throws(StoreError) -> [String: ReadingPosition] {
        guard let positions else { return [:] }
        return Self.readingPositions(try positions.read())
    }

    /// Saved positions as the reader takes them.
    public static func readingPositions(_ saved: [String: PositionStore.Position]) -> [String: ReadingPosition] {
        saved.mapValues { ReadingPosition(block: $0.block, offset: $0.offset) }
    }

    public mutating func perform(_ effect: Effect) -> EffectResult? {
        do {
            switch effect {
            case .redraw, .quit, .suspend:
                return nil
            case .bookmarks(let change):
                return try perform(change)
            case .export(let bookmarks, let format, let path, let style):
                return try export(bookmarks, format: format, path: path, style: style)
            case .copy(let text, let characters):
                switch clipboard.copy(text) {
                case .copied(let destination): return .copied(characters: characters, destination: destination)
                case .unavailable(let why): return .notCopied(Notice.warning(why))
                }
            case .countMatches, .reload:
                // The session's own: counted off the main loop (`MatchCounter`), read again by
                // a new `LibraryIndexer`.
                return nil
            case .saveSearchHistory(let history):
                guard let positions else { return .searchHistorySaved }
                try positions.save(searchHistory: history)
                return .searchHistorySaved
            case .savePositions(let saved, let current, let place):
                guard let positions else { return .positionsSaved }
                let last = current.flatMap { id in
                    sessionFiles.map { PositionStore.LastRead(document: id, files: $0, place: place.map(PositionStore.Place.init)) }
                }
                try positions.save(saved.mapValues { ($0.block, $0.offset) }, last: last, now: now())
                return .positionsSaved
            }
        } catch {
            return .failed(.error("\(error)"))
        }
    }

    /// Writes an export to a new file: an existing file is never replaced.
    private func export(_ bookmarks: [Bookmark], format: ExportFormat, path: String, style: CitationStyle) throws -> EffectResult {
        let data = try BookmarkExporter.export(bookmarks, as: format, style: style)
        let failure: ExportFile.Failure
        do {
            try ExportFile.write(data, to: path, overwrite: false)
            return .exported(count: bookmarks.count, path: path)
        } catch {
            failure = error
        }
        if case .exists = failure { return .failed(.error("\(path) exists; not overwritten")) }
        return .failed(.error(failure.description))
    }

    private func perform(_ change: BookmarkChange) throws -> EffectResult {
        guard let store else { return .failed(.error("Bookmarks are off")) }
        switch change {
        case .add(let draft):
            let b = draft.stamped(id: newID(), now: now())
            try store.update { $0.append(b) }
            return .bookmarkAdded(b)
        case .remove(let victim):
            try store.update { $0.removeAll { $0.id == victim.id } }
            return .bookmarkRemoved(victim)
        case .restore(let b):
            try store.update { all in if !all.contains(where: { $0.id == b.id }) { all.append(b) } }
            return .bookmarkRestored(b)
        case .setNote(let id, let note):
            let time = now()
            let changed: Bookmark? = try store.update { all in
                guard let i = all.firstIndex(where: { $0.id == id }) else { return nil }
                all[i].note = note
                all[i].updated = time
                return all[i]
            }
            guard let b = changed else { return .failed(.error("\(store.path): no bookmark \(id) (removed by another program?)")) }
            return .noteSet(b)
        case .reanchor(let moved):
            try store.update { all in
                for i in all.indices { if let m = moved.first(where: { $0.id == all[i].id }) { all[i] = m } }
            }
            return .reanchored(count: moved.count)
        }
    }
}
