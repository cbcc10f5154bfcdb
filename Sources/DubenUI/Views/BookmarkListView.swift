import DubenLayout
import DubenStore

/// The bookmark list (B, '): marker, date, document, first words, note; with its filter.
enum BookmarkListView {
    static func draw(_ reader: Reader, state: BookmarkListState, into screen: inout ScreenBuffer) {
        let listed = reader.listedBookmarks(filter: state.filter)
        let rows = listed.map { b -> ListOverlay.Row in
            let date = b.citation?.date ?? "—"
            let words = TimelineView.firstWords(b.quote.exact)
            let title = String(b.documentTitle.prefix(8))
            return ListOverlay.Row(text: "\(b.orphaned ? "?" : "▌") \(date)  \(title)…  \(words)", detail: String((b.note ?? "").prefix(16)))
        }
        var title = "Bookmarks · \(rows.count)"
        if !state.filter.isEmpty { title += " of \(reader.bookmarks.items.count) · filter: \(state.filter)" }
        if let why = reader.bookmarksReadOnly { title += " · read-only: " + why }
        ListOverlay(title: title, rows: rows, selected: rows.isEmpty ? nil : state.selected,
                    footer: "Enter jump · / filter · e note · x delete · u undo · E export · Esc close").draw(into: &screen)
        if rows.isEmpty {
            screen.put(state.filter.isEmpty ? "No bookmarks yet: m bookmarks the passage at the top." : "Nothing matches \(state.filter).",
                       x: 2, y: 2)
        }
    }
}
