import DubenLayout
import DubenModel

/// The list of every match (&): one row per match — document, section or date, and the match
/// with the text around it, the match highlighted, cut to the width with "…". Only the rows on
/// screen are worked out.
enum OccurrenceListView {
    static func draw(_ reader: Reader, state: OccurrenceListState, into screen: inout ScreenBuffer) {
        let measure = screen.measure
        let complete = reader.isComplete(state)
        let documents = state.documents
        var title: String
        if complete {
            title = "Matches of \(state.pattern) · \(state.items.count) in \(documents) document\(documents == 1 ? "" : "s")"
        } else {
            // The rest is found as the list is paged; the library count comes from the search.
            let total = reader.search?.libraryCount.map { " of \($0)" } ?? ""
            title = "Matches of \(state.pattern) · \(state.items.count)\(total) found so far"
        }
        if !state.filter.isEmpty { title += " · filter: \(state.filter) (\(state.shown.count)\(complete ? "" : "+"))" }
        ReaderView.bar(&screen, y: 0, left: title, right: "", style: .bold)
        ReaderView.bar(&screen, y: screen.height - 1, left: "Enter jump · j/k move · / filter · Esc close", right: "", style: .dim)
        guard !state.shown.isEmpty else {
            screen.put("Nothing matches \(state.filter).", x: 2, y: 2)
            return
        }
        let visible = ScreenMetrics(columns: screen.width, rows: screen.height).listRows
        let first = ListOverlay.scroll(selected: state.selected, count: state.shown.count, visible: visible)
        let docWidth = min(16, max(4, screen.width / 6))
        let whereWidth = min(18, max(0, screen.width / 6))
        for (k, index) in state.shown.dropFirst(first).prefix(visible).enumerated() {
            let y = 1 + k
            let m = state.items[index]
            let doc = reader.corpus.documents[m.document]
            let isSelected = first + k == state.selected
            if isSelected { screen.fill(y: y, style: .reverse) }
            let base: Style = isSelected ? .reverse : []
            screen.put(isSelected ? "▶" : " ", x: 0, y: y, style: base)
            var x = 2
            screen.put(measure.truncate(doc.title, to: docWidth), x: x, y: y, style: isSelected ? base : .bold)
            x += docWidth + 2
            if screen.width >= 60 {
                let place = doc.quotation(at: m.block).map { $0.citation.date.description }
                    ?? doc.section(at: m.block).map { doc.toc[$0].label } ?? ""
                screen.put(measure.truncate(place, to: whereWidth), x: x, y: y, style: isSelected ? base : .accent)
                x += whereWidth + 2
            }
            drawContext(doc.text(of: m.block), match: m.range, x: x, width: max(0, screen.width - x - 1), y: y, into: &screen)
        }
    }

    /// The match with as much text before it as a third of the room, and after it the rest;
    /// "…" where the text is cut. The match is drawn in the match style.
    static func drawContext(_ text: String, match: Range<Int>, x: Int, width: Int, y: Int, into screen: inout ScreenBuffer) {
        guard width > 4 else { return }
        let measure = screen.measure
        let scalars = Array(text.unicodeScalars)
        let lower = min(match.lowerBound, scalars.count), upper = min(match.upperBound, scalars.count)
        let piece = { (r: Range<Int>) in String(String.UnicodeScalarView(scalars[r])) }
        let matched = measure.truncate(piece(lower..<upper), to: max(1, width - 2))
        // Before: the last characters that fit in a third of the room.
        var before = ""
        var used = 0
        var i = lower
        let beforeRoom = max(0, width / 3 - 1)
        while i > 0 {
            let c = piece((i - 1)..<i)
            let w = measure.width(of: c)
            if used + w > beforeRoom { break }
            before = c + before
            used += w
            i -= 1
        }
        var cx = x
        if i > 0 {
            screen.put("…", x: cx, y: y, style: .dim)
            cx += measure.width(of: "…")
        }
        screen.put(before, x: cx, y: y)
        cx += measure.width(of: before)
        screen.put(matched, x: cx, y: y, style: .match)
        cx += measure.width(of: matched)
        let room = x + width - cx
        if room > 0 && upper < scalars.count {
            screen.put(measure.truncate(piece(upper..<scalars.count), to: room), x: cx, y: y)
        }
    }
}
