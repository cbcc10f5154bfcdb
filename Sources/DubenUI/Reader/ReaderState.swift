import DubenLayout
import DubenModel
import DubenStore

/// A row of the text area: line `row` of block `block`; `row == lines.count` is the empty
/// separator row after the block (every block but the last has one).
public struct RowPosition: Hashable, Sendable, Comparable {
    public var block: Int
    public var row: Int

    public init(block: Int, row: Int) {
        self.block = block
        self.row = row
    }

    public static func < (a: RowPosition, b: RowPosition) -> Bool { (a.block, a.row) < (b.block, b.row) }
}

/// Overlays drawn over the page.
public enum Overlay: Hashable, Sendable {
    case none
    case tableOfContents(selected: Int)
    case library(selected: Int)
    case help(scroll: Int)
    /// The quotations of one occasion (same occasion, same date).
    case occasion(selected: Int, items: [DatedItem])
    case timeline(TimelineSelection)
    /// The bookmark list; `deleted` holds what `x` removed, for `u`.
    case bookmarks(selected: Int, deleted: [Bookmark])
}

/// Where the timeline view is: its filter and the selected item of the selected period.
public struct TimelineSelection: Hashable, Sendable {
    public var filter: String = ""
    public var period = 0
    public var item = 0
}

/// A prompt on the bottom line.
public struct Prompt: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case searchForward, searchBackward, date, timelineFilter, bookmarkNote, editNote(String), export }
    public var kind: Kind
    public var editor = LineEditor()

    public var label: String {
        switch kind {
        case .searchForward: return "/"
        case .searchBackward: return "?"
        case .date: return "@ date (2020-03-27, 2020-03, 3月27日, 3-27): "
        case .timelineFilter: return "filter: "
        case .bookmarkNote: return "bookmark note (Enter saves, Esc cancels): "
        case .editNote: return "note: "
        case .export: return "export FORMAT FILE (markdown, json, csv, html): "
        }
    }
}

/// Where a search match is.
public struct MatchLocation: Hashable, Sendable {
    public var document: Int
    public var block: Int
    public var range: Range<Int>
}

/// What the terminal backend should do after a key.
public enum Effect: Equatable, Sendable {
    case none
    /// Clear and redraw everything (Ctrl-L, after a resize).
    case fullRedraw
    case quit
}

/// The reader: the corpus, where we are, what is open. Key handling is a pure function of the
/// state and the key (`handle(_:)`); drawing reads the state only (`ReaderView`).
///
/// Positions are anchored to text — the block and the scalar offset of the top line — never to
/// screen rows, so a resize or another width keeps the first visible character in view.
public struct Reader {
    public let corpus: Corpus
    public internal(set) var documentIndex = 0
    /// Top row of the text area.
    public internal(set) var top = RowPosition(block: 0, row: 0)
    /// Scalar offset, in the top block, of the first character shown: the anchor kept across
    /// re-wrapping.
    public internal(set) var topOffset = 0
    public internal(set) var columns: Int
    public internal(set) var rows: Int
    public internal(set) var overlay: Overlay = .none
    public internal(set) var prompt: Prompt?
    public internal(set) var message: String?
    public internal(set) var messageIsError = false
    public internal(set) var search: (matcher: TextMatcher, pattern: String, forward: Bool)?
    public internal(set) var lastMatch: MatchLocation?
    /// A number typed before a command (for N%).
    public internal(set) var count: Int?
    /// Where each visited document was left (block, offset), for Tab and Shift-Tab.
    var positions: [Int: (block: Int, offset: Int)] = [:]

    /// Quotations in date order (for ")", "(" and "@").
    public let quotationsByDate: Chronology
    /// Quotations and report passages in date order (for the timeline).
    public let datedItems: Chronology

    /// The bookmark file (nil: bookmarks off) and its bookmarks. When the file cannot be read,
    /// `bookmarksReadOnly` says why and nothing is written.
    public let bookmarkStore: BookmarkStore?
    public internal(set) var bookmarks: [Bookmark] = []
    public internal(set) var bookmarksReadOnly: String?

    public let widthOverride: Int?
    public let ambiguousWidth: Int
    public let indent: LayoutOptions.Indent
    let layouts: LayoutCache
    let timelineCache = TimelineCache()

    /// Smallest terminal the reader draws in; smaller ones get a notice.
    public static let minimumColumns = 20
    public static let minimumRows = 6

    public init(corpus: Corpus, columns: Int, rows: Int, width: Int? = nil, ambiguousWidth: Int = 1, indent: LayoutOptions.Indent = .keep,
                bookmarkStore: BookmarkStore? = nil) {
        self.bookmarkStore = bookmarkStore
        self.corpus = corpus
        self.columns = columns
        self.rows = rows
        widthOverride = width
        self.ambiguousWidth = ambiguousWidth
        self.indent = indent
        layouts = LayoutCache(options: LayoutOptions(width: 80))
        quotationsByDate = Chronology(corpus)
        datedItems = Chronology(corpus, includePassages: true)
        layouts.set(options: layoutOptions)
        loadBookmarks()
    }

    // MARK: Geometry

    public var isTooSmall: Bool { columns < Reader.minimumColumns || rows < Reader.minimumRows }
    /// Rules under the title and above the status line when there is room.
    public var hasRules: Bool { rows >= 12 }
    public var textTop: Int { hasRules ? 2 : 1 }
    public var textHeight: Int { max(1, rows - (hasRules ? 4 : 2)) }
    public var textWidth: Int {
        let w = widthOverride.map { min($0, columns) } ?? LayoutOptions.defaultWidth(terminalColumns: columns)
        return max(LayoutOptions.minimumWidth, min(w, columns))
    }
    public var leftMargin: Int { max(0, (columns - textWidth) / 2) }

    var layoutOptions: LayoutOptions {
        LayoutOptions(width: textWidth, ambiguousWidth: ambiguousWidth, indent: indent)
    }

    public var document: Document { corpus.documents[documentIndex] }
    public var layout: DocumentLayout { layouts.layout(documentIndex, of: corpus) }

    // MARK: Rows

    /// Rows of a block: its lines and the empty row after it (none after the last block).
    /// 0 outside the document, so a document without blocks (a title alone) has no rows.
    func rowCount(_ block: Int) -> Int {
        guard block >= 0, block < document.blocks.count else { return 0 }
        return layout.lines(ofBlock: block).count + (block < document.blocks.count - 1 ? 1 : 0)
    }

    /// The position `n` rows after `p`, stopping at the last row.
    func advance(_ p: RowPosition, by n: Int) -> RowPosition {
        var p = p
        var left = n
        while left > 0 {
            if p.row + 1 < rowCount(p.block) { p.row += 1 }
            else if p.block + 1 < document.blocks.count { p = RowPosition(block: p.block + 1, row: 0) }
            else { break }
            left -= 1
        }
        return p
    }

    /// The position `n` rows before `p`, stopping at the first row.
    func retreat(_ p: RowPosition, by n: Int) -> RowPosition {
        var p = p
        var left = n
        while left > 0 {
            if p.row > 0 { p.row -= 1 }
            else if p.block > 0 { p = RowPosition(block: p.block - 1, row: rowCount(p.block - 1) - 1) }
            else { break }
            left -= 1
        }
        return p
    }

    var lastRow: RowPosition {
        let b = max(0, document.blocks.count - 1)
        return RowPosition(block: b, row: max(0, rowCount(b) - 1))
    }

    /// The furthest the top may go: the last row at the bottom of the text area.
    var maxTop: RowPosition { retreat(lastRow, by: textHeight - 1) }

    /// Moves the top and records the text anchor. Scrolling stops with the last row at the
    /// bottom; a jump (`pastEnd`) may put any row at the top, so a quotation or heading near
    /// the end still starts the screen. Scrolling never pulls such a top back up by itself.
    mutating func setTop(_ p: RowPosition, pastEnd: Bool = false) {
        guard !document.blocks.isEmpty else { top = RowPosition(block: 0, row: 0); topOffset = 0; return }
        var p = p
        p.block = min(max(0, p.block), document.blocks.count - 1)
        p.row = min(max(0, p.row), rowCount(p.block) - 1)
        let limit = pastEnd ? lastRow : max(maxTop, min(top, lastRow))
        top = min(p, limit)
        let lines = layout.lines(ofBlock: top.block)
        topOffset = top.row < lines.count ? lines[top.row].start : (lines.last?.end ?? 0)
    }

    /// Puts the line holding `offset` of `block` at the top.
    mutating func show(block: Int, offset: Int, pastEnd: Bool = true) {
        guard block < document.blocks.count else { return }
        setTop(RowPosition(block: block, row: layout.lineIndex(ofBlock: block, offset: offset)), pastEnd: pastEnd)
    }

    /// The quotation at the top of the screen, if the top row is inside one.
    public var currentQuotation: Quotation? { document.quotation(at: top.block) }

    /// Line number (1-based) of the top row and the document's row count. Exact for
    /// documents of up to `exactLimit` blocks; estimated (from byte counts) above.
    public var linePosition: (line: Int, total: Int, exact: Bool) {
        let blocks = document.blocks
        guard !blocks.isEmpty else { return (1, 1, true) }
        let exact = blocks.count <= Reader.exactLimit
        let w = max(1, textWidth)
        // Exact: wrap every block. Estimated: CJK text takes about two cells per three bytes.
        let rows: (Int) -> Int = exact ? { rowCount($0) } : { max(1, (blocks[$0].range.count * 2 / 3 + w - 1) / w) + 1 }
        var before = 0
        var total = 0
        for b in blocks.indices {
            let n = rows(b)
            if b < top.block { before += n }
            total += n
        }
        let line = before + top.row + 1
        return (line, max(total, line), exact)
    }

    static let exactLimit = 5000

    /// How far through the document the last row shown is, 0–100.
    public var percent: Int { percent(at: linePosition) }

    /// The same, from a line position already computed (it walks every block).
    public func percent(at p: (line: Int, total: Int, exact: Bool)) -> Int {
        let bottom = min(p.total, p.line + textHeight - 1)
        return p.total <= 0 ? 100 : min(100, bottom * 100 / p.total)
    }

    /// The innermost heading at or above the top row, as a TOC index.
    public var currentSection: Int? { document.section(at: top.block) }

    // MARK: Size and width

    /// A new terminal size: re-wrap and keep the first visible character at the top.
    public mutating func resize(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        relayout()
    }

    mutating func relayout() {
        guard !isTooSmall else { return }
        let block = top.block, offset = topOffset
        let atSeparator = top.row > 0 && top.row == layout.lines(ofBlock: block).count
        layouts.set(options: layoutOptions)
        if atSeparator {
            setTop(RowPosition(block: block, row: layout.lines(ofBlock: block).count), pastEnd: true)
        } else {
            show(block: block, offset: offset)
        }
    }

    // MARK: Documents

    /// Where each document was left, the current one included (to save on quit).
    public var readingPositions: [String: (block: Int, offset: Int)] {
        var out: [String: (block: Int, offset: Int)] = [:]
        for (d, p) in positions { out[corpus.documents[d].id] = p }
        out[document.id] = (top.block, topOffset)
        return out
    }

    /// Restores saved positions (by document id) and shows the first document's.
    public mutating func restore(positions saved: [String: (block: Int, offset: Int)]) {
        for (d, doc) in corpus.documents.enumerated() {
            if let p = saved[doc.id], p.block < doc.blocks.count { positions[d] = p }
        }
        if let p = positions[documentIndex] { show(block: p.block, offset: p.offset, pastEnd: false) }
    }

    /// Opens a document at its start (for tools and benchmarks; the keys use `open`).
    public mutating func jump(toDocument index: Int) {
        open(document: index)
        setTop(RowPosition(block: 0, row: 0))
    }

    /// Opens another document where it was left (or at its start).
    mutating func open(document index: Int) {
        guard index >= 0, index < corpus.documents.count else { return }
        positions[documentIndex] = (top.block, topOffset)
        documentIndex = index
        let saved = positions[index] ?? (0, 0)
        top = RowPosition(block: 0, row: 0)
        show(block: saved.block, offset: saved.offset)
    }
}
