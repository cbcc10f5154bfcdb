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
        let visible = ScreenMetrics(columns: screen.width, rows: screen.height).listRows
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

/// The table of contents of the current document (t): top-level entries numbered (for
/// `N` Enter), run-in points marked by their series (`·` 第一，…, `–` 一是…, `›` others), the
/// filter's entries only when there is one.
enum TableOfContentsView {
    static func draw(_ reader: Reader, selected: Int, filter: String, into screen: inout ScreenBuffer) {
        let doc = reader.document
        // Quotations per section, counted once from each quotation's section (the parser's
        // Document.section(at:) of its citation).
        var quotes = [Int](repeating: 0, count: doc.toc.count)
        for q in doc.quotations { if let s = q.section { quotes[s] += 1 } }
        let numbers = reader.topLevelNumbers
        let rows = reader.contentsEntries(filter: filter).map { i -> ListOverlay.Row in
            let e = doc.toc[i]
            let text = e.isRunIn ? RunInSeries(e.label).glyph + " " + e.label
                : numbers[i].map { "\($0). " + e.label } ?? e.label
            return ListOverlay.Row(text: text, detail: quotes[i] > 0 ? "\(quotes[i]) quotations" : "", indent: e.level - 1,
                                   style: e.isRunIn ? [] : .bold)
        }
        let typed = reader.count.map { "\($0) Enter: entry \($0) · " } ?? ""
        let title = "Contents · " + doc.title + (filter.isEmpty ? "" : " · filter: \(filter) (\(rows.count))")
        ListOverlay(title: title, rows: rows, selected: selected,
                    footer: typed + "Enter jump · N Enter entry N · / filter · Esc close").draw(into: &screen)
    }
}

/// The series a run-in point belongs to, read from its marker: 第一，第二，… or 一是，二是，…
/// (or any other), so that two series under one heading are told apart.
struct RunInSeries {
    enum Form { case ordinal, shi, other }
    let form: Form

    init(_ label: String) {
        let scalars = Array(label.unicodeScalars.prefix(6))
        let numerals = Set("一二三四五六七八九十".unicodeScalars)
        if scalars.first == "第" { form = .ordinal; return }
        var k = 0
        while k < scalars.count && numerals.contains(scalars[k]) { k += 1 }
        form = k > 0 && k < scalars.count && scalars[k] == "是" ? .shi : .other
    }

    /// The mark drawn before the point.
    var glyph: String {
        switch form {
        case .ordinal: return "·"
        case .shi: return "–"
        case .other: return "›"
        }
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

/// The key table (h, F1), made from `KeyBindings.table` — the same table Docs/KEYS.md lists:
/// the page's keys, then one section per context (lists, the bookmark list, the timeline,
/// prompts).
public enum HelpView {
    /// A row of the help: a key binding, a section heading, or a blank row.
    enum Line {
        case binding(keys: String, summary: String)
        case heading(String)
        case blank
    }

    static let lines: [Line] = {
        var out: [Line] = []
        for (k, section) in KeyBindings.table.enumerated() {
            if k > 0 {
                out.append(.blank)
                out.append(.heading(section.context.title))
            }
            for b in section.bindings { out.append(.binding(keys: b.names.joined(separator: ", "), summary: b.summary)) }
        }
        return out
    }()

    static var lineCount: Int { lines.count }

    static func draw(_ reader: Reader, scroll: Int, into screen: inout ScreenBuffer) {
        ReaderView.bar(&screen, y: 0, left: "Help · keys", right: "", style: .bold)
        let all = lines
        let keyWidth = min(24, all.map { line -> Int in
            if case .binding(let keys, _) = line { return screen.measure.width(of: keys) }
            return 0
        }.max() ?? 10)
        let visible = ScreenMetrics(columns: screen.width, rows: screen.height).listRows
        for (k, line) in all.dropFirst(scroll).prefix(visible).enumerated() {
            let y = 1 + k
            switch line {
            case .binding(let keys, let summary):
                screen.put(screen.measure.truncate(keys, to: keyWidth), x: 2, y: y, style: .bold)
                screen.put(screen.measure.truncate(summary, to: max(0, screen.width - keyWidth - 5)), x: keyWidth + 4, y: y)
            case .heading(let title):
                screen.put(screen.measure.truncate(title, to: max(0, screen.width - 3)), x: 1, y: y, style: .accent)
            case .blank:
                break
            }
        }
        ReaderView.bar(&screen, y: screen.height - 1, left: "j/k scroll · Esc, q or h close", right: "", style: .dim)
    }
}
