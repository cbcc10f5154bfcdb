import DubenModel

/// The list of every match in the library (&), like less's `&` and vim's `:g`.
extension Reader {
    /// & + pattern: the pattern becomes the search (n and N walk the same matches) and every
    /// match in the library is listed.
    mutating func listOccurrences(_ p: Prompt) -> [Effect] {
        let text = p.editor.text
        guard !text.isEmpty else { return [] }
        let pattern: SearchPattern
        do {
            pattern = try SearchPattern(text, mode: p.literal ? .literal : .regex)
        } catch {
            prompt = p
            notice = .error("Invalid pattern: \(error.description) (Ctrl-R: literal)")
            return []
        }
        searchGeneration += 1
        search = SearchState(pattern: pattern, forward: true, generation: searchGeneration)
        var items: [MatchLocation] = []
        for d in corpus.documents.indices {
            for m in matches(inDocument: d) { items.append(MatchLocation(document: d, block: m.block, range: m.range)) }
        }
        search?.libraryCount = items.count
        var effects: [Effect] = []
        if remember(search: text) { effects.append(.saveSearchHistory(searchHistory)) }
        guard !items.isEmpty else {
            notice = .error("Pattern not found: \(text)")
            return effects
        }
        var state = OccurrenceListState(pattern: text, items: items)
        // Start at the first match at or after the top of the screen.
        state.selected = items.firstIndex { ($0.document, $0.block, $0.range.lowerBound) >= (documentIndex, top.block, topOffset) } ?? 0
        overlay = .occurrences(state)
        return effects
    }

    /// Keys of the occurrences list: jump, filter, Esc clears the filter then closes.
    mutating func handleOccurrences(_ action: Action?, _ state: OccurrenceListState) -> [Effect] {
        switch action {
        case .choose:
            overlay = .none
            guard state.selected < state.shown.count else { return [] }
            let m = state.items[state.shown[state.selected]]
            searchNotes = []
            if m.document != documentIndex {
                open(document: m.document)
                searchNotes = ["document \(m.document + 1)/\(corpus.documents.count): \(corpus.documents[m.document].title)"]
            }
            search?.lastMatch = m
            show(block: m.block, offset: m.range.lowerBound)
            notice = searchNotice
        case .filter:
            prompt = Prompt(kind: .filter, editor: LineEditor(state.filter))
        case .cancel:
            if state.filter.isEmpty {
                overlay = .none
            } else {
                var all = state
                filterOccurrences(&all, "")
                overlay = .occurrences(all)
            }
        default:
            var moved = state
            moved.selected = moveSelection(state.selected, count: state.shown.count, action: action)
            overlay = .occurrences(moved)
        }
        return []
    }

    /// Keeps the matches whose block holds `filter` (the one literal matcher), or all.
    mutating func filterOccurrences(_ state: inout OccurrenceListState, _ filter: String) {
        state.filter = filter
        state.selected = 0
        guard let matcher = TextMatcher(filter) else {
            state.shown = Array(state.items.indices)
            return
        }
        var holds: [Int: [Int: Bool]] = [:]
        state.shown = state.items.indices.filter { i in
            let m = state.items[i]
            if let known = holds[m.document]?[m.block] { return known }
            let yes = matcher.occurs(in: corpus.documents[m.document].text(of: m.block))
            holds[m.document, default: [:]][m.block] = yes
            return yes
        }
    }
}
