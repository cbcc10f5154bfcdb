import DubenLayout
import DubenModel
import DubenStore

/// The reader: the corpus, where we are, what is open. `handle(_:)` is a pure function of the
/// state and a key: it changes only this value and returns the `Effect`s for the outside world
/// (files, clock, ids), which the session performs and reports back through `apply(_:)`.
/// Drawing reads the state only (`ReaderView`).
///
/// The state is kept by concern: the page (`page`), the last search (`search`), the bookmarks
/// (`bookmarks`), the open overlay with its own selection (`overlay`), the prompt (`prompt`),
/// and the notice on the status line (`notice`).
///
/// Positions are anchored to text — the block and the scalar offset of the top line — never to
/// screen rows, so a resize or another width keeps the first visible character in view.
public struct Reader {
    /// The library; it grows while it is indexed in the background (`update(corpus:progress:)`).
    public internal(set) var corpus: Corpus
    /// How far the background indexing is, 0…1; nil when the library is complete.
    public internal(set) var indexing: Double?
    public internal(set) var page = PagePosition()
    public internal(set) var columns: Int
    public internal(set) var rows: Int
    public internal(set) var overlay: Overlay = .none
    public internal(set) var prompt: Prompt?
    /// What the status line says until the next key.
    public internal(set) var notice: Notice?
    public internal(set) var search: SearchState?
    /// Earlier searches, newest first (Up and Down in the / and ? prompts).
    public internal(set) var searchHistory: [String] = []
    /// Counts searches, so that a late library count is matched to its search.
    var searchGeneration = 0
    /// What the last search jump did besides finding (wrapped, opened another document).
    var searchNotes: [String] = []
    let matchCache = MatchCache()
    let estimatedRows = EstimatedRows()
    /// A number typed before a command (for N%).
    public internal(set) var count: Int?
    /// `:` or `'` typed, waiting for the key that completes it.
    public internal(set) var pendingPrefix: Action?
    /// Where jumps started, for `''` and Ctrl-O.
    public internal(set) var jumps = JumpList()
    public internal(set) var bookmarks: BookmarkState
    /// The sentences selected with `v`, in the open document.
    public internal(set) var selection: Selection?
    /// How `y` cites what it copies.
    public let citationStyle: CitationStyle
    /// The keys in force (the configuration file's rebindings on the shipped table).
    public var keyMap: KeyMap = .standard
    /// Where the page's status line goes (the configuration's `status-line`).
    public var statusLine: StatusLinePosition = .bottom
    /// The format `E` proposes (the configuration's export `format`).
    public var exportFormat: ExportFormat = .markdown
    /// Effects to perform before the first key (re-anchored bookmarks to store).
    var startEffects: [Effect] = []

    /// The chronologies of `corpus`, made when first used.
    var chronologies: ChronologyCache
    /// Quotations and dated documents in date order (for ")", "(" and "@").
    public var quotationsByDate: Chronology { chronologies.quotationsByDate }
    /// Quotations and report passages in date order (for the timeline).
    public var datedItems: Chronology { chronologies.datedItems }
    /// Saved positions of documents not indexed yet (applied when they arrive).
    var pendingPositions: [String: ReadingPosition] = [:]
    /// The document to resume once it is indexed.
    var pendingResume: String?
    /// The files said to have changed on disk since they were read (until `R`); each is said
    /// once (the session looks only at the others).
    public private(set) var changedFiles: Set<String> = []
    /// Whether the one document the reader has is one the library has not come to yet (the
    /// document resumed, parsed alone): its number in the library is not known ("?/1+").
    public var aheadOfLibrary = false

    public let widthOverride: Int?
    public let ambiguousWidth: Int
    public let indent: LayoutOptions.Indent
    let layouts: LayoutCache
    let timelineCache = TimelineCache()
    let helpCache = HelpCache()

    /// Smallest terminal the reader draws in; smaller ones get a notice.
    public static let minimumColumns = ScreenMetrics.minimumColumns
    public static let minimumRows = ScreenMetrics.minimumRows

    /// A reader on `corpus`. `bookmarks` is what the session read from the bookmark file; they
    /// are re-anchored to the texts here, and the moved ones come out of `start()` as an effect.
    public init(corpus: Corpus, columns: Int, rows: Int, width: Int? = nil, ambiguousWidth: Int = 1, indent: LayoutOptions.Indent = .keep,
                bookmarks: BookmarkState = .off, citationStyle: CitationStyle = .source) {
        self.corpus = corpus
        self.columns = columns
        self.rows = rows
        widthOverride = width
        self.ambiguousWidth = ambiguousWidth
        self.indent = indent
        self.bookmarks = bookmarks
        self.citationStyle = citationStyle
        layouts = LayoutCache(options: LayoutOptions(width: 80))
        chronologies = ChronologyCache(corpus)
        layouts.set(options: layoutOptions)
        reanchorBookmarks()
        if let why = bookmarks.readOnlyReason { notice = .error("\(why) — bookmarks are read-only") }
    }

    /// The effects to perform once, before the first key: the bookmarks that re-anchoring moved.
    public mutating func start() -> [Effect] {
        defer { startEffects = [] }
        return startEffects
    }

    /// The document shown (index in `corpus.documents`).
    public internal(set) var documentIndex: Int {
        get { page.documentIndex }
        set { page.documentIndex = newValue }
    }
    /// Top row of the text area (`page.top`).
    public internal(set) var top: RowPosition {
        get { page.top }
        set { page.top = newValue }
    }
    /// Scalar offset of the first character shown, in the top block (`page.topOffset`).
    public internal(set) var topOffset: Int {
        get { page.topOffset }
        set { page.topOffset = newValue }
    }

    /// Shows a notice on the status line (until the next key), e.g. a problem found before the
    /// reader started.
    public mutating func report(_ notice: Notice) {
        self.notice = notice
    }

    /// The notice's text (nil when the status line shows the position).
    public var message: String? { notice?.text }

    /// Why bookmarks are read-only this session, if they are.
    public var bookmarksReadOnly: String? { bookmarks.readOnlyReason }

    // MARK: Geometry

    /// Where the parts of the screen go at the current size (shared with the views).
    public var metrics: ScreenMetrics { ScreenMetrics(columns: columns, rows: rows, statusLine: statusLine) }
    public var isTooSmall: Bool { metrics.isTooSmall }
    /// Rules under the title and above the status line when there is room.
    public var hasRules: Bool { metrics.hasRules }
    public var textTop: Int { metrics.textTop }
    public var textHeight: Int { metrics.textHeight }
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
    public var readingPositions: [String: ReadingPosition] {
        var out: [String: ReadingPosition] = [:]
        for (d, p) in page.left { out[corpus.documents[d].id] = p }
        out[document.id] = ReadingPosition(block: top.block, offset: topOffset)
        return out
    }

    /// What to do on the way out, however the reader ends (q, a signal, a hang-up): save where
    /// each document was left, unless the bookmark file (beside which the state is kept) could
    /// not be read.
    public var closingEffects: [Effect] {
        guard bookmarks.readOnlyReason == nil else { return [] }
        return [.savePositions(readingPositions, current: document.id, place: document.place)]
    }

    /// Takes the search history kept from earlier sessions (newest first).
    public mutating func restore(searchHistory: [String]) {
        self.searchHistory = Array(searchHistory.prefix(Reader.historyLimit))
    }

    /// Restores saved positions (by document id) and shows the first document's. Positions of
    /// documents not indexed yet are kept until they arrive.
    public mutating func restore(positions saved: [String: ReadingPosition]) {
        pendingPositions = saved
        for (id, p) in saved {
            guard let d = corpus.documents.firstIndex(ofID: id) else { continue }
            if p.block < corpus.documents[d].blocks.count { page.left[d] = p }
            pendingPositions[id] = nil
        }
        if let p = page.left[documentIndex] { show(block: p.block, offset: p.offset, pastEnd: false) }
    }

    /// Takes in a larger library from the background indexer (the same documents first, in
    /// the same order, then more) and how far it is (nil: complete). Chronologies and the
    /// timeline are rebuilt, saved positions and bookmarks of the new documents applied, and
    /// a running search is counted again. Returns the effects that follow (bookmarks moved by
    /// re-anchoring, the new count).
    public mutating func update(corpus grown: Corpus, progress: Double?) -> [Effect] {
        let before = corpus.documents.count
        indexing = progress
        // The last snapshot is always taken: its first document may come from the whole file
        // where the reader's came from the file's start (`LibraryIndexer.quickFirstDocument`).
        guard grown.documents.count != before || grown.warnings.count != corpus.warnings.count || progress == nil else { return [] }
        // A document shown before it was whole (the start of a huge first document, parsed
        // from the start of its file), or before the library came to it (the document
        // resumed, parsed alone from where it lay), is replaced: what was made from it goes.
        func differs(_ d: Int) -> Bool {
            corpus.documents[d].source !== grown.documents[d].source || corpus.documents[d].range != grown.documents[d].range
        }
        // Only the first document can be provisional (nothing else is shown before it is
        // parsed whole), so only it is compared: a walk over every document on every snapshot
        // took the frames of a gigabyte being indexed.
        let replaced = min(before, grown.documents.count) > 0 && differs(0)
        let currentReplaced = replaced && documentIndex == 0
        // Where the provisional document is in the library: at 0 when it was the start of the
        // first; else found by id (nil: it is not there, the library changed).
        var movedTo: Int? = 0
        if replaced, grown.documents.id(at: 0) != corpus.documents.id(at: 0) {
            movedTo = grown.documents.firstIndex(ofID: corpus.documents.id(at: 0))
        }
        // The documents new to the reader: all of them when the one it had was not the first.
        let fresh = replaced && movedTo != 0 ? 0 : before
        if grown.documents.count != before || progress == nil { aheadOfLibrary = false }
        if fresh == 0 && replaced { jumps.move(document: 0, to: movedTo) }
        take(grown)
        if replaced {
            layouts.removeAll()
            matchCache.removeAll()
            estimatedRows.removeAll()
        }
        if currentReplaced {
            // The same place in the whole document: its block and offset, when it has them
            // (the whole document may join lines its start kept apart).
            let block = page.top.block, offset = page.topOffset
            selection = nil
            page.top = RowPosition(block: 0, row: 0)
            page.topOffset = 0
            documentIndex = movedTo ?? 0
            if movedTo != nil { show(block: block, offset: offset, pastEnd: false) }
        }
        // By id: a document from the index cache is decoded only when a position waits for it.
        if !pendingPositions.isEmpty {
            let found = grown.documents.indices(ofIDs: Set(pendingPositions.keys), in: fresh..<grown.documents.count)
            for (id, d) in found where d != documentIndex || !currentReplaced {
                if let p = pendingPositions.removeValue(forKey: id), p.block < grown.documents[d].blocks.count {
                    page.left[d] = p
                }
            }
        }
        if let id = pendingResume, let d = grown.documents.firstIndex(ofID: id) {
            pendingResume = nil
            open(document: d)
            notice = .info("resumed · \(document.title)")
        } else if progress == nil {
            pendingResume = nil
        }
        reanchorBookmarks(from: fresh)
        return start() + recount()
    }

    /// Takes in the library read again (R): the documents may have changed, so every cache
    /// goes; the document being read is reopened by id where it was left (when it is still
    /// there, once it is indexed), and a running search starts over.
    public mutating func reload(corpus fresh: Corpus, progress: Double?) -> [Effect] {
        let current = document.id
        let positions = readingPositions
        take(fresh)
        changedFiles = []
        indexing = progress
        layouts.removeAll()
        matchCache.removeAll()
        estimatedRows.removeAll()
        overlay = .none
        prompt = nil
        selection = nil
        page = PagePosition()
        pendingPositions = [:]
        restore(positions: positions)
        search?.lastMatch = nil
        // Reopened now, or when the indexer reaches it (`update`).
        notice = resume(document: current) ? .info("Read the files again · \(document.title)") : .info("Read the files again")
        let effects = recount()
        reanchorBookmarks()
        return effects + start()
    }

    /// Takes a library as the one read: it and the chronologies made from it; the timeline
    /// is made again when next asked for.
    mutating func take(_ library: Corpus) {
        corpus = library
        chronologies = ChronologyCache(library)
        timelineCache.invalidate()
    }

    /// A running search counted again in a library that changed (a new generation drops the
    /// count under way); no effect without a search.
    mutating func recount() -> [Effect] {
        guard let s = search else { return [] }
        searchGeneration += 1
        search?.generation = searchGeneration
        search?.libraryCount = nil
        return [.countMatches(s.pattern, generation: searchGeneration)]
    }

    /// Says that a file of the library changed on disk since it was read (the session looks).
    /// The notice goes with the next key; the status line keeps "changed: R" in place of the
    /// help hint while a document of that file is shown, until `R`.
    public mutating func fileChanged(_ path: String, gone: Bool) {
        changedFiles.insert(path)
        // What to do first: a long path is what a narrow status line cuts.
        notice = .warning(gone ? "Gone from the disk (R reads the files again): \(path)" : "Changed on disk (R reads it again): \(path)")
    }

    /// Whether the file of the document shown changed on disk since it was read.
    public var documentFileChanged: Bool { changedFiles.contains(document.source.path) }

    /// "indexing 43%" while the library is indexed in the background, else nil.
    public var indexingLabel: String? {
        indexing.map { "indexing \(Int(($0 * 100).rounded(.down)))%" }
    }

    /// Reopens the document that was being read when the last session ended (by id), where it
    /// was left; the status line says "resumed". False when no document has that id.
    @discardableResult
    public mutating func resume(document id: String) -> Bool {
        guard let d = corpus.documents.firstIndex(ofID: id) else {
            // Not indexed yet: opened when it arrives (`update`).
            if indexing != nil { pendingResume = id }
            return false
        }
        open(document: d)
        notice = .info("resumed · \(document.title)")
        return true
    }

    /// Opens a document at its start (for tools and benchmarks; the keys use `open`).
    public mutating func jump(toDocument index: Int) {
        open(document: index)
        setTop(RowPosition(block: 0, row: 0))
    }

    /// Opens another document where it was left (or at its start). A selection belongs to
    /// one document: opening another ends it.
    mutating func open(document index: Int) {
        guard index >= 0, index < corpus.documents.count else { return }
        if index != documentIndex { selection = nil }
        page.left[documentIndex] = ReadingPosition(block: top.block, offset: topOffset)
        documentIndex = index
        let saved = page.left[index] ?? ReadingPosition(block: 0, offset: 0)
        top = RowPosition(block: 0, row: 0)
        // `show` does nothing in a document without blocks (a title alone): the offset must not
        // stay the last document's (found by fuzzing: a stale offset in a blockless document).
        topOffset = 0
        show(block: saved.block, offset: saved.offset)
    }
}
