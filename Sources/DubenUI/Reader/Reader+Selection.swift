import DubenModel
import DubenStore

/// Sentences on the page: the selection (`v`), and what `m` and `y` keep without one.
extension Reader {
    /// The sentences of a block of the open document, as scalar ranges of its text.
    func sentences(_ block: Int) -> [Range<Int>] {
        guard block >= 0, block < document.blocks.count else { return [] }
        return document.sentences(of: block)
    }

    /// The first sentence that begins on the screen; when none begins there (one long
    /// sentence fills the page), the sentence holding the top line.
    var firstSentenceOnScreen: SentenceRef? {
        guard !document.blocks.isEmpty else { return nil }
        var p = top
        var cached: (block: Int, ranges: [Range<Int>])? = nil
        for _ in 0..<max(1, textHeight) {
            let lines = layout.lines(ofBlock: p.block)
            if p.row < lines.count {
                if cached?.block != p.block { cached = (p.block, sentences(p.block)) }
                let line = lines[p.row]
                let from = p == top ? topOffset : line.start
                let last = p.row == lines.count - 1
                if let i = cached!.ranges.firstIndex(where: { $0.lowerBound >= from && ($0.lowerBound < line.end || last) }) {
                    return SentenceRef(block: p.block, index: i)
                }
            }
            let next = advance(p, by: 1)
            if next == p { break }
            p = next
        }
        return sentenceHoldingTop
    }

    /// The sentence the top line starts in (or the next one, when it starts between two).
    var sentenceHoldingTop: SentenceRef? {
        var block = top.block
        var from = topOffset
        while block < document.blocks.count {
            let ranges = sentences(block)
            if let i = ranges.firstIndex(where: { $0.upperBound > from }) { return SentenceRef(block: block, index: i) }
            block += 1
            from = 0
        }
        return previousSentence(before: SentenceRef(block: document.blocks.count, index: 0))
    }

    /// The sentence after `s`, across blocks (blocks without text have none).
    func nextSentence(after s: SentenceRef) -> SentenceRef? {
        if s.index + 1 < sentences(s.block).count { return SentenceRef(block: s.block, index: s.index + 1) }
        var b = s.block + 1
        while b < document.blocks.count {
            if !sentences(b).isEmpty { return SentenceRef(block: b, index: 0) }
            b += 1
        }
        return nil
    }

    /// The sentence before `s`, across blocks.
    func previousSentence(before s: SentenceRef) -> SentenceRef? {
        if s.index > 0 { return SentenceRef(block: s.block, index: s.index - 1) }
        var b = s.block - 1
        while b >= 0 {
            let n = sentences(b).count
            if n > 0 { return SentenceRef(block: b, index: n - 1) }
            b -= 1
        }
        return nil
    }

    /// The text a selection covers.
    func passage(of selection: Selection) -> Passage {
        let a = sentences(selection.first.block)[selection.first.index]
        let b = sentences(selection.last.block)[selection.last.index]
        return Passage(startBlock: selection.first.block, startOffset: a.lowerBound,
                       endBlock: selection.last.block, endOffset: b.upperBound)
    }

    /// The selection's passage, for drawing (nil when nothing is selected).
    public var selectedPassage: Passage? { selection.map(passage(of:)) }

    /// How many characters (grapheme clusters, paragraph breaks not counted) and sentences
    /// the selection holds.
    public var selectionSize: (characters: Int, sentences: Int)? {
        guard let sel = selection else { return nil }
        var characters = 0, count = 0
        for block in sel.first.block...sel.last.block {
            let ranges = sentences(block)
            guard !ranges.isEmpty else { continue }
            let from = block == sel.first.block ? sel.first.index : 0
            let to = block == sel.last.block ? sel.last.index : ranges.count - 1
            guard from <= to else { continue }
            count += to - from + 1
            let scalars = Array(document.text(of: block).unicodeScalars)
            let slice = scalars[ranges[from].lowerBound..<ranges[to].upperBound]
            characters += String(String.UnicodeScalarView(slice)).count
        }
        return (characters, count)
    }

    // MARK: Keys

    /// v: selects the first sentence that begins on screen.
    mutating func startSelection() {
        guard let s = firstSentenceOnScreen else { notice = .info("Nothing to select: this document has no text"); return }
        selection = Selection(first: s, last: s)
        describeSelection()
    }

    /// A key while selecting: the selection's own rows, else the page's (scrolling keeps the
    /// selection; leaving the document ends it).
    mutating func handleSelection(_ action: Action, count: Int?) -> [Effect] {
        guard var sel = selection else { return [] }
        switch action {
        case .extendSentence:
            for _ in 0..<max(1, count ?? 1) {
                guard let next = nextSentence(after: sel.last) else { notice = .info("End of the document"); break }
                sel.last = next
            }
        case .shrinkSentence:
            for _ in 0..<max(1, count ?? 1) where sel.last > sel.first {
                sel.last = previousSentence(before: sel.last) ?? sel.first
            }
        case .extendParagraph:
            let n = sentences(sel.last.block).count
            if sel.last.index < n - 1 {
                sel.last.index = n - 1
            } else if let next = nextSentence(after: sel.last) {
                sel.last = SentenceRef(block: next.block, index: sentences(next.block).count - 1)
            } else {
                notice = .info("End of the document")
            }
        case .shrinkParagraph:
            // Drops the last paragraph of the selection; within one paragraph, back to the first sentence.
            if sel.last.block > sel.first.block, let prev = previousSentence(before: SentenceRef(block: sel.last.block, index: 0)) {
                sel.last = max(prev, sel.first)
            } else {
                sel.last = sel.first
            }
        case .bookmark:
            if bookmarksWritable() { prompt = Prompt(kind: .bookmarkNote) }
            return []
        case .copy:
            return copyPassage()
        case .cancel:
            selection = nil
            notice = .info("Selection cancelled")
            return []
        default:
            // The page's keys; one that opens another document ends the selection (`open`).
            return perform(action, count: count)
        }
        selection = sel
        keepInView(sel.last)
        if notice == nil { describeSelection() }
        return []
    }

    /// "Selected 86 characters · 2 sentences — m bookmark · y copy · Esc cancel": what the
    /// status line shows while selecting, when no other notice is up.
    public var selectionNotice: Notice? {
        guard let size = selectionSize else { return nil }
        let s = size.sentences == 1 ? "sentence" : "sentences"
        return .info("Selected \(size.characters) characters · \(size.sentences) \(s) — m bookmark · y copy · Esc cancel")
    }

    mutating func describeSelection() {
        notice = selectionNotice
    }

    /// Scrolls the least that shows the end of a sentence (or its start, above the page).
    mutating func keepInView(_ s: SentenceRef) {
        let range = sentences(s.block)[s.index]
        let lineIndex = layout.lineIndex(ofBlock: s.block, offset: max(range.lowerBound, range.upperBound - 1))
        let end = RowPosition(block: s.block, row: lineIndex)
        let bottom = advance(top, by: max(1, textHeight) - 1)
        if end > bottom {
            setTop(retreat(end, by: max(1, textHeight) - 1), pastEnd: true)
        } else if end < top {
            setTop(end, pastEnd: true)
        }
    }

    // MARK: What m and y keep

    /// The bookmark m and y keep: the selection; else the quotation the top of the screen is
    /// in; else the first sentence on screen. Never a screen line.
    func passageBookmark(note: String?) -> Bookmark? {
        let doc = document
        if let sel = selection {
            let p = passage(of: sel)
            return Bookmark.make(in: doc, from: (p.startBlock, p.startOffset), to: (p.endBlock, p.endOffset),
                                 note: note, label: nil, id: "", now: "")
        }
        if let q = currentQuotation, !q.blocks.isEmpty {
            return Bookmark.make(in: doc, quotation: q.index, note: note, id: "", now: "")
        }
        guard let s = firstSentenceOnScreen else { return nil }
        let range = sentences(s.block)[s.index]
        return Bookmark.make(in: doc, block: s.block, offset: range.lowerBound, length: range.count, note: note, id: "", now: "")
    }

    /// y: copies the passage m would keep, with its citation in the reader's style.
    mutating func copyPassage() -> [Effect] {
        guard let b = passageBookmark(note: nil) else { notice = .info("Nothing to copy: this document has no text"); return [] }
        return [.copy(citationStyle.passageWithCitation(b), characters: b.quote.exact.filter { $0 != "\n" }.count)]
    }
}
