import DubenLayout
import DubenModel
import DubenStore

/// The bookmark list (B, '): one row per bookmark in aligned columns — marker, date, document,
/// occasion or section, first words, note — each cut to its column by display width with "…";
/// the selected row's note follows it in full, wrapped. The footer says what the last key did
/// (a note saved) or lists the keys.
enum BookmarkListView {
    /// A bookmark's cells, before they are fitted to the columns.
    struct Fields {
        var marker: String
        var date: String
        var document: String
        var place: String
        var words: String
        var note: String
    }

    /// The date shown: the citation's, else the document's (speeches and reports), else "—".
    static func date(of b: Bookmark, in corpus: Corpus) -> String {
        if let c = b.citation { return c.dateEnd.map { "\(c.date)–\($0)" } ?? c.date }
        if let d = corpus.index(of: b.document).flatMap({ corpus.documents[$0].date }) { return d.description }
        return "—"
    }

    static func fields(_ b: Bookmark, corpus: Corpus) -> Fields {
        Fields(marker: b.orphaned ? "?" : "▌", date: date(of: b, in: corpus), document: b.documentTitle,
               place: b.citation?.occasion ?? b.section ?? "", words: TimelineView.firstWords(b.quote.exact),
               note: b.note ?? "")
    }

    static func draw(_ reader: Reader, state: BookmarkListState, into screen: inout ScreenBuffer) {
        let measure = screen.measure
        let listed = reader.listedBookmarks(filter: state.filter)
        var title = "Bookmarks · \(listed.count)"
        if !state.filter.isEmpty { title += " of \(reader.bookmarks.items.count) · filter: \(state.filter)" }
        if let why = reader.bookmarksReadOnly { title += " · read-only: " + why }
        ReaderView.bar(&screen, y: 0, left: title, right: "", style: .bold)
        let footer = reader.prompt == nil ? reader.notice?.text : nil
        ReaderView.bar(&screen, y: screen.height - 1,
                       left: footer ?? "Enter jump · / filter · e note · x delete · u undo · E export · Esc close", right: "",
                       style: reader.notice?.severity == .error ? .accent : .dim)
        guard !listed.isEmpty else {
            screen.put(state.filter.isEmpty ? "No bookmarks yet: m bookmarks the passage at the top." : "Nothing matches \(state.filter).",
                       x: 2, y: 2)
            return
        }
        let all = listed.map { fields($0, corpus: reader.corpus) }
        let columns = Columns(all, width: screen.width, measure: measure)
        let selected = min(state.selected, listed.count - 1)
        // A note its column shows whole is not repeated.
        let note = all[selected].note
        let noteLines = measure.width(of: note) <= columns.noteWidth && !note.contains("\n") ? []
            : wrap(note, width: max(1, screen.width - columns.noteIndent - 1), measure: measure)
        let visible = ScreenMetrics(columns: screen.width, rows: screen.height).listRows
        // The selected row's note takes rows of its own (at most half the list).
        let shownNote = Array(noteLines.prefix(max(0, visible / 2)))
        let first = ListOverlay.scroll(selected: selected, count: listed.count, visible: max(1, visible - shownNote.count))
        var y = 1
        for i in first..<listed.count where y <= visible {
            let isSelected = i == selected
            let style: Style = isSelected ? .reverse : []
            if isSelected { screen.fill(y: y, style: .reverse) }
            screen.put(isSelected ? "▶" : " ", x: 0, y: y, style: style)
            columns.draw(all[i], y: y, selected: isSelected, into: &screen)
            y += 1
            if isSelected {
                for line in shownNote where y <= visible {
                    screen.put(line, x: columns.noteIndent, y: y, style: .dim)
                    y += 1
                }
            }
        }
    }

    /// Greedy wrapping of a note by display width, between clusters.
    static func wrap(_ text: String, width: Int, measure: DisplayWidth) -> [String] {
        guard !text.isEmpty else { return [] }
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var used = 0
            let s = String(paragraph)
            for c in measure.clusters(of: s) {
                if used + c.cells > width && !line.isEmpty {
                    out.append(line)
                    line = ""
                    used = 0
                }
                line += String(s.unicodeScalars[c.scalars])
                used += c.cells
            }
            out.append(line)
        }
        return out
    }

    /// Where each column starts and how wide it is, from the widest value (capped) and the
    /// screen width. On a narrow screen the occasion and the note go first, then the document.
    struct Columns {
        var measure: DisplayWidth
        var dateX = 2, dateWidth = 0
        var documentX = 0, documentWidth = 0
        var placeX = 0, placeWidth = 0
        var wordsX = 0, wordsWidth = 0
        var noteX = 0, noteWidth = 0
        /// Where a selected row's full note starts.
        var noteIndent: Int { max(4, dateX + 2) }

        init(_ all: [Fields], width: Int, measure: DisplayWidth) {
            self.measure = measure
            let widest = { (key: KeyPath<Fields, String>, cap: Int) in min(cap, all.map { measure.width(of: $0[keyPath: key]) }.max() ?? 0) }
            dateX = 4
            dateWidth = widest(\.date, 21)
            documentX = dateX + dateWidth + 2
            // What is left after the date, with one column kept free at the right edge.
            var room = max(0, width - 1 - documentX)
            documentWidth = min(widest(\.document, 24), max(0, room / 4))
            placeWidth = min(widest(\.place, 20), room >= 60 ? room / 5 : 0)
            noteWidth = min(widest(\.note, 24), room >= 50 ? room / 5 : 0)
            room -= [documentWidth, placeWidth, noteWidth].filter { $0 > 0 }.map { $0 + 2 }.reduce(0, +)
            wordsWidth = max(0, room)
            placeX = documentX + (documentWidth > 0 ? documentWidth + 2 : 0)
            wordsX = placeX + (placeWidth > 0 ? placeWidth + 2 : 0)
            noteX = wordsX + wordsWidth + 2
        }

        func draw(_ f: Fields, y: Int, selected: Bool, into screen: inout ScreenBuffer) {
            let base: Style = selected ? .reverse : []
            screen.put(f.marker, x: 2, y: y, style: selected ? .reverse : .accent)
            put(f.date, x: dateX, width: dateWidth, y: y, style: base, into: &screen)
            put(f.document, x: documentX, width: documentWidth, y: y, style: selected ? base : .bold, into: &screen)
            put(f.place, x: placeX, width: placeWidth, y: y, style: selected ? base : .accent, into: &screen)
            put(f.words, x: wordsX, width: wordsWidth, y: y, style: base, into: &screen)
            put(f.note, x: noteX, width: noteWidth, y: y, style: selected ? base : .dim, into: &screen)
        }

        func put(_ text: String, x: Int, width: Int, y: Int, style: Style, into screen: inout ScreenBuffer) {
            guard width > 0 else { return }
            screen.put(measure.truncate(text, to: width), x: x, y: y, style: style)
        }
    }
}
