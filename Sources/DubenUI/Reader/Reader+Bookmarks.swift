import DubenModel
import DubenStore
import Foundation

extension Reader {
    /// Reads the bookmark file and re-anchors the bookmarks to the current texts. A file that
    /// cannot be read makes bookmarks read-only for the session (the file is never rewritten).
    mutating func loadBookmarks() {
        guard let store = bookmarkStore else { return }
        do {
            bookmarks = try store.read()
            var moved = bookmarks
            var changed = false
            for doc in corpus.documents where moved.contains(where: { $0.document == doc.id }) {
                changed = Reanchoring.refresh(&moved, in: doc) || changed
            }
            if changed {
                bookmarks = moved
                try? store.update { all in
                    for i in all.indices { if let m = moved.first(where: { $0.id == all[i].id }) { all[i] = m } }
                }
            }
        } catch {
            bookmarksReadOnly = "\(error) — bookmarks are read-only"
            message = bookmarksReadOnly
            messageIsError = true
        }
    }

    /// The bookmarked passages of the current document: block → scalar ranges.
    var bookmarkedRanges: [Int: [Range<Int>]] {
        var out: [Int: [Range<Int>]] = [:]
        for b in bookmarks where b.document == document.id && !b.orphaned {
            for (block, range) in b.blockRanges { out[block, default: []].append(range) }
        }
        return out
    }

    /// m: the current quotation (all its paragraphs, with its citation), or the top line.
    mutating func addBookmark(note: String) {
        guard let store = bookmarkStore else { return }
        let doc = document
        guard !doc.blocks.isEmpty else { message = "Nothing to bookmark: this document has no text"; return }
        let b: Bookmark?
        if let q = currentQuotation, !q.blocks.isEmpty {
            b = Bookmark.make(in: doc, quotation: q.index, note: note.isEmpty ? nil : note, id: UUID().uuidString, now: ISOTime.now())
        } else {
            let lines = layout.lines(ofBlock: top.block)
            let line = lines[min(top.row, lines.count - 1)]
            b = Bookmark.make(in: doc, block: top.block, offset: line.start, length: max(1, line.end - line.start),
                              note: note.isEmpty ? nil : note, id: UUID().uuidString, now: ISOTime.now())
        }
        guard let bookmark = b else { return }
        do {
            try store.update { $0.append(bookmark) }
            bookmarks.append(bookmark)
            message = "Bookmarked (\(bookmarks.count) in all)"
        } catch {
            message = "\(error)"
            messageIsError = true
        }
    }

    /// Bookmarks in document order (corpus order, then position).
    public var sortedBookmarks: [Bookmark] {
        let order = Dictionary(uniqueKeysWithValues: corpus.documents.enumerated().map { ($1.id, $0) })
        return bookmarks.sorted { a, b in
            (order[a.document] ?? Int.max, a.block, a.offset) < (order[b.document] ?? Int.max, b.block, b.offset)
        }
    }

    mutating func handleBookmarkList(_ key: Key, selected: Int, deleted: [Bookmark]) -> Effect {
        let list = sortedBookmarks
        switch key {
        case .char("q"), .escape, .char("B"), .char("'"):
            overlay = .none
        case .enter:
            overlay = .none
            guard selected < list.count else { return .none }
            let b = list[selected]
            guard let d = corpus.index(of: b.document), !b.orphaned else { message = "That passage is no longer in the text"; return .none }
            if d != documentIndex { open(document: d) }
            show(block: b.block, offset: b.offset)
        case .char("e"):
            guard selected < list.count, bookmarksReadOnly == nil else { return .none }
            prompt = Prompt(kind: .editNote(list[selected].id), editor: LineEditor(list[selected].note ?? ""))
        case .char("x"):
            guard selected < list.count, bookmarksReadOnly == nil, let store = bookmarkStore else { return .none }
            let victim = list[selected]
            do {
                try store.update { $0.removeAll { $0.id == victim.id } }
                bookmarks.removeAll { $0.id == victim.id }
                overlay = .bookmarks(selected: min(selected, max(0, list.count - 2)), deleted: deleted + [victim])
                message = "Deleted; u undoes"
            } catch { message = "\(error)"; messageIsError = true }
        case .char("u"):
            guard let last = deleted.last, let store = bookmarkStore else { return .none }
            do {
                try store.update { $0.append(last) }
                bookmarks.append(last)
                overlay = .bookmarks(selected: selected, deleted: Array(deleted.dropLast()))
                message = "Restored"
            } catch { message = "\(error)"; messageIsError = true }
        default:
            overlay = .bookmarks(selected: moveSelection(selected, count: list.count, key: key), deleted: deleted)
        }
        return .none
    }

    mutating func editNote(id: String, note: String) {
        guard let store = bookmarkStore else { return }
        let now = ISOTime.now()
        do {
            try store.update { all in
                for i in all.indices where all[i].id == id { all[i].note = note.isEmpty ? nil : note; all[i].updated = now }
            }
            for i in bookmarks.indices where bookmarks[i].id == id { bookmarks[i].note = note.isEmpty ? nil : note; bookmarks[i].updated = now }
        } catch { message = "\(error)"; messageIsError = true }
    }

    /// E: "FORMAT FILE"; refuses to overwrite.
    mutating func export(_ text: String) {
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2, let format = ExportFormat(name: parts[0]) else {
            message = "Type a format (markdown, json, csv, html) and a file name"
            messageIsError = true
            return
        }
        let path = parts[1]
        guard !FileManager.default.fileExists(atPath: path) else {
            message = "\(path) exists; not overwritten"
            messageIsError = true
            return
        }
        do {
            let data = try BookmarkExporter.export(sortedBookmarks, as: format)
            guard FileManager.default.createFile(atPath: path, contents: data) else { throw StoreError.io(path: path, reason: "cannot write") }
            message = "Exported \(bookmarks.count) bookmarks to \(path)"
        } catch { message = "\(error)"; messageIsError = true }
    }
}
