import DubenLayout
import DubenModel

/// Draws the reader into a screen buffer: title line, text area, status line, and any overlay
/// or prompt. Reads the state only.
public enum ReaderView {
    public static func draw(_ reader: Reader) -> ScreenBuffer {
        var screen = ScreenBuffer(width: reader.columns, height: reader.rows, measure: DisplayWidth(ambiguousWidth: reader.ambiguousWidth))
        if reader.isTooSmall {
            TooSmallView.draw(reader, into: &screen)
            return screen
        }
        switch reader.overlay {
        case .none:
            PageView.draw(reader, into: &screen)
        case .tableOfContents(let selected, let filter):
            TableOfContentsView.draw(reader, selected: selected, filter: filter, into: &screen)
        case .library(let selected):
            LibraryView.draw(reader, selected: selected, into: &screen)
        case .help(let scroll):
            HelpView.draw(reader, scroll: scroll, into: &screen)
        case .occasion(let selected, let items):
            OccasionView.draw(reader, selected: selected, items: items, into: &screen)
        case .bookmarks(let state):
            BookmarkListView.draw(reader, state: state, into: &screen)
            if reader.prompt != nil { StatusLine.draw(reader, into: &screen) }
        case .occurrences(let state):
            OccurrenceListView.draw(reader, state: state, into: &screen)
            if reader.prompt != nil { StatusLine.draw(reader, into: &screen) }
        case .timeline(let selection):
            TimelineView.draw(reader, selection: selection, into: &screen)
            if reader.prompt != nil { StatusLine.draw(reader, into: &screen) }
        }
        return screen
    }

    /// The cursor position to show (in a prompt), if any: from the same `PromptLine` the
    /// status line draws.
    public static func cursor(_ reader: Reader) -> (x: Int, y: Int)? {
        guard let p = reader.prompt, !reader.isTooSmall else { return nil }
        let line = PromptLine(p, width: reader.columns, measure: DisplayWidth(ambiguousWidth: reader.ambiguousWidth))
        return (line.cursorX, StatusLine.row(reader))
    }

    /// A line with `left` at the start and `right` flush right, `left` cut to fit.
    static func bar(_ screen: inout ScreenBuffer, y: Int, left: String, right: String, style: Style, rightStyle: Style? = nil) {
        let measure = screen.measure
        let style = style.union(.bar)
        screen.fill(y: y, style: style)
        let rightWidth = measure.width(of: right)
        let room = max(0, screen.width - rightWidth - 3)
        screen.put(measure.truncate(left, to: room), x: 1, y: y, style: style)
        if rightWidth + 2 <= screen.width {
            screen.put(right, x: screen.width - rightWidth - 1, y: y, style: (rightStyle ?? style).union(.bar))
        }
    }

    static func rule(_ screen: inout ScreenBuffer, y: Int) {
        screen.put(String(repeating: "─", count: screen.width), x: 0, y: y, style: .dim)
    }
}

/// "terminal too small", until the terminal is enlarged.
enum TooSmallView {
    static func draw(_ reader: Reader, into screen: inout ScreenBuffer) {
        guard screen.height > 0, screen.width > 0 else { return }
        let candidates = ["terminal too small (\(reader.columns)x\(reader.rows), need \(Reader.minimumColumns)x\(Reader.minimumRows))",
                          "terminal too small", "too small", "small"]
        let text = candidates.first { screen.measure.width(of: $0) <= screen.width } ?? "!"
        screen.put(text, x: 0, y: 0, style: .bold)
    }
}

/// The page: title line, text area with highlights, status or prompt line.
enum PageView {
    static func draw(_ reader: Reader, into screen: inout ScreenBuffer) {
        let doc = reader.document
        var title = doc.title
        if let s = reader.currentSection { title += " · " + doc.toc[s].label }
        // While the library is indexed the number of documents is not known yet: "1/12+"; nor
        // the number of a document resumed before the library came to it: "?/1+".
        let count = "\(reader.corpus.documents.count)\(reader.indexing == nil ? "" : "+")"
        let number = reader.aheadOfLibrary ? "?" : "\(reader.documentIndex + 1)"
        ReaderView.bar(&screen, y: 0, left: title, right: "\(number)/\(count)", style: .bold, rightStyle: [])
        for y in reader.metrics.ruleRows { ReaderView.rule(&screen, y: y) }
        drawText(reader, into: &screen)
        StatusLine.draw(reader, into: &screen)
    }

    static func drawText(_ reader: Reader, into screen: inout ScreenBuffer) {
        let layout = reader.layout
        let doc = reader.document
        guard !doc.blocks.isEmpty else { return }
        var p = reader.top
        var highlightCache: [Int: [Range<Int>]] = [:]
        let marked = reader.bookmarkedRanges
        let selected = reader.selectedPassage
        for y in reader.textTop..<(reader.textTop + reader.textHeight) {
            let lines = layout.lines(ofBlock: p.block)
            if p.row < lines.count {
                let line = lines[p.row]
                var style: Style = []
                switch line.kind {
                case .heading: style = .bold
                case .citation: style = .accent
                case .paragraph: break
                case .note: style = .dim
                }
                let x0 = reader.leftMargin + line.indent
                screen.put(line, x: x0, y: y, style: style)
                // A bookmarked line carries a marker in the margin.
                if let ranges = marked[p.block], reader.leftMargin >= 2,
                   ranges.contains(where: { $0.lowerBound < max(line.end, line.start + 1) && $0.upperBound > line.start }) {
                    screen.put("▌", x: reader.leftMargin - 2, y: y, style: .accent)
                }
                if let range = selected?.range(inBlock: p.block) {
                    markSelection(line, range: range, x0: x0, y: y, screen: &screen)
                }
                if let pattern = reader.search?.pattern {
                    let ranges = highlightCache[p.block] ?? matchesInDisplay(lines, pattern)
                    highlightCache[p.block] = ranges
                    highlight(line, lineIndex: p.row, lines: lines, ranges: ranges, x0: x0, y: y, screen: &screen)
                }
            }
            let next = reader.advance(p, by: 1)
            if next == p { break }
            p = next
        }
    }

    /// Draws the selected part of a line in reverse video (visible without colour). Columns
    /// come from the line's cells; a line whose shown text differs from its source (a tab
    /// expanded, a control replaced) is marked whole when the selection reaches into it.
    static func markSelection(_ line: DisplayLine, range: Range<Int>, x0: Int, y: Int, screen: inout ScreenBuffer) {
        let lower = max(range.lowerBound, line.start), upper = min(range.upperBound, max(line.end, line.start + 1))
        guard lower < upper else { return }
        let columns = scalarColumns(line, x0: x0)
        guard columns.count == line.end - line.start + 1 else {
            screen.addStyle(.reverse, y: y, from: x0, to: columns.last ?? x0)
            return
        }
        screen.addStyle(.reverse, y: y, from: columns[lower - line.start], to: columns[min(upper, line.end) - line.start])
    }

    /// The column of each scalar of a drawn line, then the column after it. Columns come from
    /// the cells the layout measured (`forEachCluster`): the scalars of one cluster share its
    /// start column (the last ones the column after it, so a range ends after the cluster).
    static func scalarColumns(_ line: DisplayLine, x0: Int) -> [Int] {
        var columns: [Int] = []
        columns.reserveCapacity(line.end - line.start + 1)
        var col = x0
        line.forEachCluster { utf8, width in
            var first = true
            for b in utf8 where b & 0xC0 != 0x80 {
                columns.append(first ? col : col + width)
                first = false
            }
            col += width
            return true
        }
        columns.append(col)
        return columns
    }

    /// Matches in the block's display text (its lines joined), as scalar ranges of that text.
    static func matchesInDisplay(_ lines: [DisplayLine], _ pattern: SearchPattern) -> [Range<Int>] {
        pattern.matches(in: lines.map(\.text).joined())
    }

    /// Marks the matches on a drawn line. Columns come from the cells the layout measured
    /// (`forEachCluster`): the scalars of one cluster share its start column, and a match ends
    /// after the whole cluster.
    static func highlight(_ line: DisplayLine, lineIndex: Int, lines: [DisplayLine], ranges: [Range<Int>], x0: Int, y: Int, screen: inout ScreenBuffer) {
        guard !ranges.isEmpty else { return }
        var start = 0
        // Offsets are those of the block's display text (tabs expanded), line after line.
        for k in 0..<lineIndex { start += lines[k].utf8.reduce(0) { $1 & 0xC0 != 0x80 ? $0 + 1 : $0 } }
        let columns = scalarColumns(line, x0: x0)
        let end = start + columns.count - 1
        for r in ranges where r.upperBound > start && r.lowerBound < end {
            let a = max(r.lowerBound, start) - start, b = min(r.upperBound, end) - start
            screen.addStyle(.match, y: y, from: columns[a], to: columns[b])
        }
    }
}

/// The status line: a prompt, a message, or where we are.
enum StatusLine {
    /// Its row: the page's status row, or the bottom line over a list.
    static func row(_ reader: Reader) -> Int {
        reader.overlay == .none ? reader.metrics.statusRow : reader.metrics.footerRow
    }

    static func draw(_ reader: Reader, into screen: inout ScreenBuffer) {
        let y = row(reader)
        if let p = reader.prompt {
            // A pattern the prompt refused: why, on the row next to the prompt (above it at the
            // bottom, below it at the top), while the text is fixed.
            let next = y == reader.metrics.footerRow ? y - 1 : y + 1
            if let n = reader.notice, n.severity != .info, next > 0, next < screen.height {
                ReaderView.bar(&screen, y: next, left: n.text, right: "", style: .accent)
            }
            let line = PromptLine(p, width: screen.width, measure: screen.measure)
            screen.fill(y: y, style: .bar)
            screen.put(line.label, x: 1, y: y, style: [.bold, .bar])
            screen.put(line.shown, x: line.textX, y: y, style: .bar)
            return
        }
        let position = reader.linePosition
        let line = "line \(position.exact ? "" : "~")\(position.line)/\(position.total)"
        // The longest form that leaves room on a narrow terminal.
        let percent = reader.percent(at: position)
        // While the library is indexed, its progress takes the place of the help hint; while
        // the document's file has changed on disk, the way to read it again does.
        let hint = reader.indexingLabel ?? (reader.documentFileChanged ? "changed: R" : "h help")
        let forms = ["\(line)  \(percent)%   \(hint)", "\(line)  \(percent)%", "\(percent)%"]
        let right = forms.first { screen.measure.width(of: $0) <= screen.width / 2 } ?? forms[forms.count - 1]
        if let n = reader.notice ?? reader.selectionNotice {
            // A warning or an error takes the whole line when it needs it: it names a file and
            // says what went wrong, and the position can wait for the next key.
            let fits = screen.measure.width(of: n.text) <= screen.width - screen.measure.width(of: right) - 3
            ReaderView.bar(&screen, y: y, left: n.text, right: n.severity == .info || fits ? right : "",
                           style: n.severity == .info ? .bold : .accent, rightStyle: .dim)
            return
        }
        let doc = reader.document
        if let q = reader.currentQuotation {
            // Inside a quotation: its date and occasion, and its number. The occasion is cut
            // first; on a narrow terminal the position and the word "quotation" give way too, so
            // that the date and the number always show.
            let measure = screen.measure
            let date = q.citation.date.description
            let numbers = [" · quotation \(q.index + 1)/\(doc.quotations.count)", " · \(q.index + 1)/\(doc.quotations.count)"]
            var choice = (right: forms[forms.count - 1], number: numbers[1])
            search: for r in forms + [""] where measure.width(of: r) <= screen.width / 2 {
                for n in numbers where screen.width - measure.width(of: r) - 3 - measure.width(of: n) >= measure.width(of: date) {
                    choice = (r, n)
                    break search
                }
            }
            let room = max(0, screen.width - measure.width(of: choice.right) - 3 - measure.width(of: choice.number))
            let described = reader.describe(q)
            let shown = measure.width(of: described) <= room || room >= measure.width(of: date) + 2
                ? measure.truncate(described, to: room) : date
            let left = shown + choice.number
            ReaderView.bar(&screen, y: y, left: left, right: choice.right, style: .accent, rightStyle: .dim)
            return
        }
        var left = doc.kind.rawValue
        if let a = doc.author { left = a + " · " + left }
        ReaderView.bar(&screen, y: y, left: left, right: right, style: .dim)
    }
}
