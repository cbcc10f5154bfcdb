import DubenModel
import DubenStore

extension Reader {
    /// Re-anchors the bookmarks to the current texts; those that moved (or became orphans) are
    /// stored by the first effect of `start()`.
    /// Only the documents from `first` on are looked at (those a growing library just added).
    mutating func reanchorBookmarks(from first: Int = 0) {
        guard bookmarks.availability == .writable, !bookmarks.items.isEmpty, first < corpus.documents.count else { return }
        var moved = bookmarks.items
        var changed = false
        // By the ids marked, so that documents without bookmarks are not decoded.
        for id in Set(moved.map(\.document)) {
            guard let d = corpus.documents.firstIndex(ofID: id), d >= first else { continue }
            changed = Reanchoring.refresh(&moved, in: corpus.documents[d]) || changed
        }
        guard changed else { return }
        let before = Dictionary(bookmarks.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        bookmarks.items = moved
        startEffects.append(.bookmarks(.reanchor(moved.filter { before[$0.id] != $0 })))
    }

    /// The bookmarked passages of the current document: block → scalar ranges.
    var bookmarkedRanges: [Int: [Range<Int>]] {
        var out: [Int: [Range<Int>]] = [:]
        for b in bookmarks.items where b.document == document.id && !b.orphaned {
            for (block, range) in b.blockRanges { out[block, default: []].append(range) }
        }
        return out
    }

    /// Whether bookmarks can be changed now; if not, says why on the status line.
    mutating func bookmarksWritable() -> Bool {
        switch bookmarks.availability {
        case .writable: return true
        case .off: notice = .info("Bookmarks are off")
        case .readOnly(let why): notice = .error("\(why) — bookmarks are read-only")
        }
        return false
    }

    /// m: the selection, else the quotation at the top, else the first sentence on screen
    /// (`passageBookmark`), with the note typed. The bookmark is added once the session reports
    /// it written; the selection ends here.
    mutating func addBookmark(note: String) -> [Effect] {
        guard !document.blocks.isEmpty else { notice = .info("Nothing to bookmark: this document has no text"); return [] }
        let bookmark = passageBookmark(note: note.isEmpty ? nil : note)
        selection = nil
        guard let bookmark else { return [] }
        return [.bookmarks(.add(bookmark))]
    }

    /// Bookmarks in document order (corpus order, then position).
    public var sortedBookmarks: [Bookmark] {
        let order = Dictionary(uniqueKeysWithValues: corpus.documents.indices.map { (corpus.documents.id(at: $0), $0) })
        return bookmarks.items.sorted { a, b in
            (order[a.document] ?? Int.max, a.block, a.offset) < (order[b.document] ?? Int.max, b.block, b.offset)
        }
    }

    /// The bookmarks the list shows: in document order, those that hold the filter.
    public func listedBookmarks(filter: String) -> [Bookmark] {
        guard let matcher = TextMatcher(filter) else { return sortedBookmarks }
        return sortedBookmarks.filter { $0.holds(matcher) }
    }

    /// Keys of the bookmark list (B): jump, filter (Esc clears it, then closes), edit the note,
    /// delete, undo, export.
    mutating func handleBookmarkList(_ action: Action?, _ state: BookmarkListState) -> [Effect] {
        notice = nil
        let list = listedBookmarks(filter: state.filter)
        let selected = state.selected
        switch action {
        case .choose:
            overlay = .none
            guard selected < list.count else { return [] }
            let b = list[selected]
            guard let d = corpus.index(of: b.document), !b.orphaned else { notice = .info("That passage is no longer in the text"); return [] }
            if d != documentIndex { open(document: d) }
            show(block: b.block, offset: b.offset)
        case .filter:
            prompt = Prompt(kind: .filter, editor: LineEditor(state.filter))
        case .cancel:
            // Esc clears the filter first, then closes.
            overlay = state.filter.isEmpty ? .none : .bookmarks(BookmarkListState(deleted: state.deleted))
        case .editNote:
            guard selected < list.count, bookmarksWritable() else { return [] }
            prompt = Prompt(kind: .editNote(list[selected].id), editor: LineEditor(list[selected].note ?? ""))
        case .deleteBookmark:
            guard selected < list.count, bookmarksWritable() else { return [] }
            return [.bookmarks(.remove(list[selected]))]
        case .undoDelete:
            guard let last = state.deleted.last, bookmarksWritable() else { return [] }
            return [.bookmarks(.restore(last))]
        case .export:
            return startExport()
        default:
            var moved = state
            moved.selected = moveSelection(selected, count: list.count, action: action)
            overlay = .bookmarks(moved)
        }
        return []
    }

    /// E: asks for "FORMAT FILE".
    mutating func startExport() -> [Effect] {
        if bookmarks.availability == .off { notice = .info("Bookmarks are off"); return [] }
        prompt = Prompt(kind: .export, editor: LineEditor("\(exportFormat.rawValue) duben-bookmarks.\(exportFormat.fileExtension)"))
        return []
    }

    /// The typed export "FORMAT FILE" as an effect; the session refuses to overwrite. From a
    /// filtered bookmark list, the bookmarks listed; else all.
    mutating func export(_ text: String) -> [Effect] {
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2, let format = ExportFormat(name: parts[0]) else {
            notice = .error("Type a format (markdown, json, csv, html, csl-json) and a file name")
            return []
        }
        var filter = ""
        if case .bookmarks(let state) = overlay { filter = state.filter }
        return [.export(listedBookmarks(filter: filter), format: format, path: parts[1], style: citationStyle)]
    }

    /// Takes in what came of an effect: a written change becomes part of the state; a failure
    /// is shown on the status line.
    public mutating func apply(_ result: EffectResult) {
        switch result {
        case .bookmarkAdded(let b):
            bookmarks.items.append(b)
            notice = .info("Bookmarked (\(bookmarks.items.count) in all)")
        case .bookmarkRemoved(let victim):
            bookmarks.items.removeAll { $0.id == victim.id }
            if case .bookmarks(var state) = overlay {
                state.selected = min(state.selected, max(0, listedBookmarks(filter: state.filter).count - 1))
                state.deleted.append(victim)
                overlay = .bookmarks(state)
            }
            notice = .info("Deleted; u undoes")
        case .bookmarkRestored(let b):
            bookmarks.items.append(b)
            if case .bookmarks(var state) = overlay {
                state.deleted.removeAll { $0.id == b.id }
                overlay = .bookmarks(state)
            }
            notice = .info("Restored")
        case .noteSet(let b):
            for i in bookmarks.items.indices where bookmarks.items[i].id == b.id { bookmarks.items[i] = b }
            notice = .info(b.note == nil ? "Note removed" : "Note saved")
        case .reanchored, .positionsSaved, .searchHistorySaved:
            break
        case .matchCount(let total, let generation):
            receiveCount(total, generation: generation)
        case .exported(let count, let path):
            notice = .info("Exported \(count) bookmarks to \(path)")
        case .copied(let characters, let destination):
            selection = nil
            notice = .info("Copied \(characters) characters \(destination)")
        case .notCopied(let n):
            notice = n
        case .failed(let n):
            notice = n
        }
    }
}
