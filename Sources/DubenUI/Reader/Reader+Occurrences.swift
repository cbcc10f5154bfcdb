import DubenModel

/// The list of every match in the library (&), like less's `&` and vim's `:g`.
extension Reader {
    /// & + pattern: the pattern becomes the search (n and N walk the same matches, and the
    /// library is counted off the main loop as for `/`) and its matches are listed.
    mutating func listOccurrences(_ p: Prompt) -> [Effect] {
        let text = p.editor.text
        guard !text.isEmpty else { return [] }
        guard let effects = beginSearch(p, forward: true) else { return [] }
        var state = OccurrenceListState(pattern: text)
        extend(&state, toHold: metrics.listRows * 2)
        guard !state.items.isEmpty else {
            notice = .error("Pattern not found: \(text)")
            return effects
        }
        overlay = .occurrences(state)
        return effects
    }

    /// Whether every document has been searched.
    func isComplete(_ state: OccurrenceListState) -> Bool { state.nextDocument >= corpus.documents.count }

    /// Searches more documents until the list shows `count` rows or the library is done.
    mutating func extend(_ state: inout OccurrenceListState, toHold count: Int) {
        let matcher = state.filter.isEmpty ? nil : TextMatcher(state.filter)
        while state.shown.count < count && !isComplete(state) {
            let d = state.nextDocument
            state.nextDocument += 1
            let found = matches(inDocument: d)
            guard !found.isEmpty else { continue }
            state.documents += 1
            let doc = corpus.documents[d]
            var holds: [Int: Bool] = [:]
            for m in found {
                state.items.append(MatchLocation(document: d, block: m.block, range: m.range))
                if let matcher {
                    if holds[m.block] == nil { holds[m.block] = matcher.occurs(in: doc.text(of: m.block)) }
                    guard holds[m.block] == true else { continue }
                }
                state.shown.append(state.items.count - 1)
            }
        }
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
            // The last row needs the whole library; other moves need a page beyond the selection.
            if action == .selectLast { extend(&moved, toHold: Int.max) }
            moved.selected = moveSelection(state.selected, count: moved.shown.count, action: action)
            extend(&moved, toHold: moved.selected + metrics.listRows * 2)
            overlay = .occurrences(moved)
        }
        return []
    }

    /// Keeps the matches whose block holds `filter` (the one literal matcher), or all; the
    /// documents not searched yet are filtered as they are.
    mutating func filterOccurrences(_ state: inout OccurrenceListState, _ filter: String) {
        state.filter = filter
        state.selected = 0
        if let matcher = TextMatcher(filter) {
            var holds: [Int: [Int: Bool]] = [:]
            state.shown = state.items.indices.filter { i in
                let m = state.items[i]
                if let known = holds[m.document]?[m.block] { return known }
                let yes = matcher.occurs(in: corpus.documents[m.document].text(of: m.block))
                holds[m.document, default: [:]][m.block] = yes
                return yes
            }
        } else {
            state.shown = Array(state.items.indices)
        }
        extend(&state, toHold: metrics.listRows * 2)
    }
}
