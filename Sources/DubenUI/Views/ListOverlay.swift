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
    /// How many rows the list has, and row `k` (made only for the rows on screen: the library
    /// of a gigabyte has forty thousand).
    var rowCount: Int
    var row: (Int) -> Row
    var selected: Int?
    var footer: String

    init(title: String, rowCount: Int, row: @escaping (Int) -> Row, selected: Int?, footer: String) {
        self.title = title
        self.rowCount = rowCount
        self.row = row
        self.selected = selected
        self.footer = footer
    }

    init(title: String, rows: [Row], selected: Int?, footer: String) {
        self.init(title: title, rowCount: rows.count, row: { rows[$0] }, selected: selected, footer: footer)
    }

    /// The first row shown so that the selection stays in view, centred when it can be.
    static func scroll(selected: Int, count: Int, visible: Int) -> Int {
        guard count > visible else { return 0 }
        return min(max(0, selected - visible / 2), count - visible)
    }

    func draw(into screen: inout ScreenBuffer) {
        let measure = screen.measure
        ReaderView.bar(&screen, y: 0, left: title, right: "", style: .bold)
        let visible = ScreenMetrics(columns: screen.width, rows: screen.height).listRows
        let first = selected.map { ListOverlay.scroll(selected: $0, count: rowCount, visible: visible) } ?? 0
        for (k, index) in (first..<rowCount).prefix(visible).enumerated() {
            let row = row(index)
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
        let documents = reader.corpus.documents
        let current = reader.documentIndex
        let indexing = reader.indexingLabel.map { " · \($0), more to come" } ?? ""
        ListOverlay(title: "Library · \(documents.count) documents\(indexing)", rowCount: documents.count, row: { i in
            let d = documents[i]
            return ListOverlay.Row(text: "\(i + 1). \(d.title)",
                                   detail: "\(d.kind.rawValue) · \(d.blocks.count) blocks · \(d.quotations.count) quotations",
                                   style: i == current ? .bold : [])
        }, selected: selected, footer: "Enter open · j/k move · Esc close").draw(into: &screen)
    }
}

/// The key table (h, F1), made from the reader's `KeyMap` — the same table Docs/KEYS.md lists,
/// with the configuration file's keys:
/// the page's keys, then one section per context (after `:` and `'`, selecting, lists, the
/// contents list, the bookmark list, the list of matches, the timeline, prompts).
///
/// Rows are wrapped to the screen's width (any width from 20 columns): a summary wraps under
/// itself beside its keys, or, on a narrow screen, under its keys; lines break between words
/// and between CJK characters (`DisplayWidth.wrap`), never inside a word that fits a line.
public enum HelpView {
    /// A row of the help: a key binding, a section heading, or a blank row.
    enum Line {
        case binding(keys: String, summary: String)
        case heading(String)
        case blank
    }

    static func lines(_ keys: KeyMap) -> [Line] {
        var out: [Line] = []
        for (k, section) in keys.table.enumerated() {
            if k > 0 {
                out.append(.blank)
                out.append(.heading(section.context.title))
            }
            for b in section.bindings { out.append(.binding(keys: b.names.joined(separator: ", "), summary: b.summary)) }
        }
        return out
    }

    /// One screen row of the help: pieces of text at columns, each in a style.
    struct Row {
        var pieces: [(x: Int, text: String, style: Style)] = []
    }

    /// Below this width a summary goes under its keys instead of beside them.
    static let sideBySideWidth = 44

    /// The help's rows at a width (about a hundred rows, wrapped when asked for).
    static func rows(width: Int, measure: DisplayWidth, keys: KeyMap = .standard) -> [Row] {
        var out: [Row] = []
        let lines = lines(keys)
        let keyWidth = min(24, max(8, width / 3), lines.map { line -> Int in
            if case .binding(let keys, _) = line { return measure.width(of: keys) }
            return 0
        }.max() ?? 10)
        let sideBySide = width >= sideBySideWidth
        for line in lines {
            switch line {
            case .blank:
                out.append(Row())
            case .heading(let title):
                for piece in measure.wrap(title, to: max(1, width - 2)) { out.append(Row(pieces: [(1, piece, .accent)])) }
            case .binding(let keys, let summary):
                if sideBySide {
                    let k = measure.wrap(keys, to: keyWidth)
                    let sx = keyWidth + 4
                    let s = measure.wrap(summary, to: max(1, width - sx - 1))
                    for i in 0..<max(k.count, s.count) {
                        var row = Row()
                        if i < k.count { row.pieces.append((2, k[i], .bold)) }
                        if i < s.count { row.pieces.append((sx, s[i], [])) }
                        out.append(row)
                    }
                } else {
                    for piece in measure.wrap(keys, to: max(1, width - 3)) { out.append(Row(pieces: [(2, piece, .bold)])) }
                    for piece in measure.wrap(summary, to: max(1, width - 5)) { out.append(Row(pieces: [(4, piece, [])])) }
                }
            }
        }
        return out
    }

    /// The rows at a width, kept by the reader's cache for the width it was last asked for
    /// (wrapping them all takes milliseconds; a key and a frame both need them).
    static func rows(_ reader: Reader, width: Int, measure: DisplayWidth) -> [Row] {
        let cache = reader.helpCache
        if cache.width == width && cache.ambiguousWidth == measure.ambiguousWidth && cache.keys == reader.keyMap { return cache.rows }
        cache.rows = rows(width: width, measure: measure, keys: reader.keyMap)
        cache.keys = reader.keyMap
        cache.width = width
        cache.ambiguousWidth = measure.ambiguousWidth
        return cache.rows
    }

    static func draw(_ reader: Reader, scroll: Int, into screen: inout ScreenBuffer) {
        let all = rows(reader, width: screen.width, measure: screen.measure)
        let visible = ScreenMetrics(columns: screen.width, rows: screen.height).listRows
        let top = min(scroll, max(0, all.count - visible))
        let more = top + visible < all.count ? " · \(min(100, (top + visible) * 100 / max(1, all.count)))%" : ""
        ReaderView.bar(&screen, y: 0, left: "Help · keys" + more, right: "", style: .bold)
        for (k, row) in all.dropFirst(top).prefix(visible).enumerated() {
            for p in row.pieces { screen.put(p.text, x: p.x, y: 1 + k, style: p.style) }
        }
        ReaderView.bar(&screen, y: screen.height - 1, left: "j/k/Space scroll · Esc, q or h close", right: "", style: .dim)
    }
}

/// The help's rows at the last width asked for. A reference type, so that copies of a `Reader`
/// share it (as `TimelineCache`).
final class HelpCache {
    var width: Int?
    var ambiguousWidth: Int?
    var keys: KeyMap?
    var rows: [HelpView.Row] = []
}
