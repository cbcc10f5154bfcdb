import DubenModel

/// Searching the whole library: `/` and `?` from the top of the screen to the end (start) of the
/// library and round once, `n` and `N`, the counts on the status line, the history.
extension Reader {
    /// Compiles what was typed in a search prompt (an empty pattern repeats the last search)
    /// and searches. An invalid regex keeps the prompt open with the text and says why.
    mutating func acceptSearch(_ p: Prompt, forward: Bool) -> [Effect] {
        let text = p.editor.text
        if text.isEmpty {
            guard search != nil else { return [] }
            search?.forward = forward
            search?.lastMatch = nil
            find(forward: forward, from: (documentIndex, top.block, topOffset), inclusive: true)
            return []
        }
        guard let effects = beginSearch(p, forward: forward) else { return [] }
        find(forward: forward, from: (documentIndex, top.block, topOffset), inclusive: true)
        return effects
    }

    /// Makes the pattern typed in a search prompt the search (a new generation, counted in the
    /// library off the main loop, kept in the history). An invalid pattern keeps the prompt
    /// open with its text and says why; then nil.
    mutating func beginSearch(_ p: Prompt, forward: Bool) -> [Effect]? {
        let text = p.editor.text
        let pattern: SearchPattern
        do {
            pattern = try SearchPattern(text, mode: p.literal ? .literal : .regex)
        } catch {
            prompt = p
            notice = .error("Invalid pattern: \(error.description) (Ctrl-R: literal)")
            return nil
        }
        searchGeneration += 1
        search = SearchState(pattern: pattern, forward: forward, generation: searchGeneration)
        var effects: [Effect] = [.countMatches(pattern, generation: searchGeneration)]
        if remember(search: text) { effects.append(.saveSearchHistory(searchHistory)) }
        return effects
    }

    /// Puts a search first in the history (newest first, each pattern once, at most
    /// `historyLimit`); returns whether the history changed.
    mutating func remember(search text: String) -> Bool {
        guard searchHistory.first != text else { return false }
        searchHistory.removeAll { $0 == text }
        searchHistory.insert(text, at: 0)
        if searchHistory.count > Reader.historyLimit { searchHistory.removeLast(searchHistory.count - Reader.historyLimit) }
        return true
    }

    /// Searches kept in the history.
    public static let historyLimit = 100

    /// n and N: the next match in the search's direction, or the other way.
    mutating func repeatSearch(reverse: Bool) {
        guard let s = search else { notice = .info("No previous search"); return }
        let forward = reverse ? !s.forward : s.forward
        if let m = s.lastMatch, m.document == documentIndex {
            find(forward: forward, from: (m.document, m.block, m.range.lowerBound), inclusive: false, end: m.range.upperBound)
        } else {
            find(forward: forward, from: (documentIndex, top.block, topOffset), inclusive: !forward)
        }
    }

    /// The matches of the search in a document.
    func matches(inDocument index: Int) -> [TextMatch] {
        guard let s = search else { return [] }
        return matchCache.matches(s.pattern, document: index, in: corpus)
    }

    /// Looks for the next match from a position, in this document, then the next ones, round
    /// the library once ("search wrapped to the first document").
    /// `end`: where the match the search starts from ends (n and N step past it exactly).
    mutating func find(forward: Bool, from start: (document: Int, block: Int, offset: Int), inclusive: Bool, end: Int? = nil) {
        guard let s = search else { return }
        let count = corpus.documents.count
        let here = matches(inDocument: start.document)
        // Matches outside the blocks (empty ranges) come before the block's own at offset 0.
        let position = { (m: TextMatch) in (m.block, m.range.lowerBound, m.range.upperBound) }
        let origin = (start.block, start.offset, end ?? start.offset)
        let found: TextMatch? = forward
            ? here.first { inclusive ? position($0) >= origin : position($0) > origin }
            : here.last { inclusive ? position($0) <= origin : position($0) < origin }
        if let m = found { return show(m, in: start.document, wrapped: false, forward: forward) }
        for step in 1...count {
            let d = ((start.document + (forward ? step : -step)) % count + count) % count
            let wrapped = forward ? d <= start.document : d >= start.document
            let list = matches(inDocument: d)
            if d == start.document {
                // Round the library: the part of this document before (after) the start.
                let rest: TextMatch? = forward ? list.first { position($0) < origin } : list.last { position($0) > origin }
                if let m = rest { return show(m, in: d, wrapped: true, forward: forward) }
                break
            }
            if let m = forward ? list.first : list.last { return show(m, in: d, wrapped: wrapped, forward: forward) }
        }
        notice = .error("Pattern not found: \(s.text)")
    }

    /// Shows a match: its line at the top, and where it is on the status line.
    mutating func show(_ m: TextMatch, in document: Int, wrapped: Bool, forward: Bool) {
        let other = document != documentIndex
        if other { open(document: document) }
        search?.lastMatch = MatchLocation(document: document, block: m.block, range: m.range)
        show(block: m.block, offset: m.range.lowerBound)
        var notes: [String] = []
        if m.isOutsideBlocks { notes.append(m.block == 0 ? "in the title" : "in a line above") }
        if wrapped { notes.append(forward ? "search wrapped to the first document" : "search wrapped to the last document") }
        if other { notes.append("document \(document + 1)/\(corpus.documents.count): \(corpus.documents[document].title)") }
        searchNotes = notes
        notice = searchNotice
    }

    /// "match 3/19 · 57 in library", then what else the last jump did (wrapped, another
    /// document). The library count reads "counting…" until it arrives.
    var searchNotice: Notice? {
        guard let s = search, let m = s.lastMatch else { return nil }
        let list = matches(inDocument: m.document)
        let index = (list.firstIndex { $0.block == m.block && $0.range == m.range } ?? 0) + 1
        let library = s.libraryCount.map { "\($0) in library" } ?? "counting…"
        return .info((["match \(index)/\(list.count) · \(library)"] + searchNotes).joined(separator: " · "))
    }

    /// Takes in the library count of a search; a count for an older search is dropped.
    mutating func receiveCount(_ total: Int, generation: Int) {
        guard search?.generation == generation else { return }
        let before = searchNotice
        search?.libraryCount = total
        // The status line still says "counting…" for this search: it gets the number.
        if notice != nil && notice == before { notice = searchNotice }
    }
}
