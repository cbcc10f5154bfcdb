import DubenLayout

/// A full-screen list with a title, one selected row, and a footer of keys: the shape of the
/// contents, library, and (later) timeline and bookmark views.
struct ListOverlay {
    struct Row {
        var text: String
        var detail: String = ""
        var indent: Int = 0
        var style: Style = []
    }

    var title: String
    var rows: [Row]
    var selected: Int?
    var footer: String

    /// The first row shown so that the selection stays in view, centred when it can be.
    static func scroll(selected: Int, count: Int, visible: Int) -> Int {
        guard count > visible else { return 0 }
        return min(max(0, selected - visible / 2), count - visible)
    }

    func draw(into screen: inout ScreenBuffer) {
        let measure = screen.measure
        ReaderView.bar(&screen, y: 0, left: title, right: "", style: .bold)
        let visible = max(1, screen.height - 2)
        let first = selected.map { ListOverlay.scroll(selected: $0, count: rows.count, visible: visible) } ?? 0
        for (k, row) in rows.dropFirst(first).prefix(visible).enumerated() {
            let y = 1 + k
            let isSelected = first + k == selected
            let style: Style = isSelected ? .reverse : row.style
            if isSelected { screen.fill(y: y, style: .reverse) }
            screen.put(isSelected ? "▶" : " ", x: 0, y: y, style: style)
            let detailWidth = row.detail.isEmpty ? 0 : measure.width(of: row.detail) + 2
            let x = 2 + row.indent * 2
            let room = max(0, screen.width - x - detailWidth - 1)
            screen.put(measure.truncate(row.text, to: room), x: x, y: y, style: style)
            if detailWidth > 0 && detailWidth < screen.width - 4 {
                screen.put(row.detail, x: screen.width - detailWidth + 1, y: y, style: isSelected ? .reverse : .dim)
            }
        }
        ReaderView.bar(&screen, y: screen.height - 1, left: footer, right: "", style: .dim)
    }
}

/// The table of contents of the current document (t).
enum TableOfContentsView {
    static func draw(_ reader: Reader, selected: Int, into screen: inout ScreenBuffer) {
        let doc = reader.document
        // Quotations per section, counted once from each quotation's section (the parser's
        // Document.section(at:) of its citation).
        var quotes = [Int](repeating: 0, count: doc.toc.count)
        for q in doc.quotations { if let s = q.section { quotes[s] += 1 } }
        let rows = doc.toc.enumerated().map { i, e in
            ListOverlay.Row(text: e.label, detail: quotes[i] > 0 ? "\(quotes[i]) quotations" : "", indent: e.level - 1,
                            style: e.isRunIn ? [] : .bold)
        }
        ListOverlay(title: "Contents · " + doc.title, rows: rows, selected: selected,
                    footer: "Enter jump · j/k move · Esc close").draw(into: &screen)
    }
}

/// All documents with kind and counts (L).
enum LibraryView {
    static func draw(_ reader: Reader, selected: Int, into screen: inout ScreenBuffer) {
        let rows = reader.corpus.documents.enumerated().map { i, d in
            ListOverlay.Row(text: "\(i + 1). \(d.title)",
                            detail: "\(d.kind.rawValue) · \(d.blocks.count) blocks · \(d.quotations.count) quotations",
                            style: i == reader.documentIndex ? .bold : [])
        }
        ListOverlay(title: "Library · \(reader.corpus.documents.count) documents", rows: rows, selected: selected,
                    footer: "Enter open · j/k move · Esc close").draw(into: &screen)
    }
}

/// The key table (h, F1), made from `KeyBindings` — the same table Docs/KEYS.md lists.
public enum HelpView {
    static var lines: [(String, String)] {
        var out: [(String, String)] = []
        for b in KeyBindings.reader { out.append((b.names.joined(separator: ", "), b.summary)) }
        out.append(("", ""))
        out.append(("In lists", ""))
        for l in KeyBindings.lists { out.append((l.names, l.summary)) }
        out.append(("", ""))
        out.append(("In prompts", "Enter accept · Esc cancel · Backspace deletes a character · Ctrl-U clears"))
        return out
    }

    static var lineCount: Int { lines.count }

    static func draw(_ reader: Reader, scroll: Int, into screen: inout ScreenBuffer) {
        ReaderView.bar(&screen, y: 0, left: "Help · keys", right: "", style: .bold)
        let all = lines
        let keyWidth = min(24, all.map { screen.measure.width(of: $0.0) }.max() ?? 10)
        for (k, line) in all.dropFirst(scroll).prefix(max(0, screen.height - 2)).enumerated() {
            let y = 1 + k
            screen.put(screen.measure.truncate(line.0, to: keyWidth), x: 2, y: y, style: .bold)
            screen.put(screen.measure.truncate(line.1, to: max(0, screen.width - keyWidth - 5)), x: keyWidth + 4, y: y)
        }
        ReaderView.bar(&screen, y: screen.height - 1, left: "j/k scroll · Esc, q or h close", right: "", style: .dim)
    }
}
