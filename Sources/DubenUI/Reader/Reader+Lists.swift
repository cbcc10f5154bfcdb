import DubenModel

/// The overlays' keys: contents, library, help and occasion lists here; the bookmark list in
/// Reader+Bookmarks, the timeline in Reader+Timeline.
extension Reader {
    /// A key in an overlay, looked up in the overlay's rows of the key table. The key that
    /// opened an overlay closes it.
    mutating func handleOverlay(_ key: Key) -> [Effect] {
        let action = KeyBindings.action(for: key, in: overlay.keyContext)
        if action == .redraw { return [.redraw] }
        if case .timeline(let selection) = overlay { return handleTimeline(action, selection) }
        if action == .close || (action == nil && KeyBindings.action(for: key, in: .reader) == overlay.openingAction) {
            overlay = .none
            return []
        }
        switch overlay {
        case .tableOfContents(let selected):
            let entries = document.toc
            if action == .choose {
                overlay = .none
                if selected < entries.count { setTop(RowPosition(block: entries[selected].block, row: 0), pastEnd: true) }
                return []
            }
            overlay = .tableOfContents(selected: moveSelection(selected, count: entries.count, action: action))
        case .library(let selected):
            if action == .choose {
                overlay = .none
                if selected != documentIndex { open(document: selected) }
                return []
            }
            overlay = .library(selected: moveSelection(selected, count: corpus.documents.count, action: action))
        case .help(let scroll):
            // The help scrolls like a list whose entries are its possible top rows; Enter
            // moves down a line, as in the text.
            let lastTop = max(0, HelpView.lineCount - metrics.listRows)
            overlay = .help(scroll: moveSelection(scroll, count: lastTop + 1, action: action == .choose ? .selectNext : action))
        case .occasion(let selected, let items):
            if action == .choose {
                overlay = .none
                if selected < items.count { go(to: items[selected]) }
                return []
            }
            overlay = .occasion(selected: moveSelection(selected, count: items.count, action: action), items: items)
        case .bookmarks(let state):
            return handleBookmarkList(action, state)
        case .occurrences(let state):
            return handleOccurrences(action, state)
        case .none, .timeline: break
        }
        return []
    }

    /// A list selection moved by a list action, kept within `0..<count`. A page is the rows a
    /// list shows (`ScreenMetrics.listRows`).
    func moveSelection(_ selected: Int, count: Int, action: Action?) -> Int {
        let page = metrics.listRows
        var s = selected
        switch action {
        case .selectNext: s += 1
        case .selectPrevious: s -= 1
        case .selectPageDown: s += page
        case .selectPageUp: s -= page
        case .selectFirst: s = 0
        case .selectLast: s = count - 1
        default: break
        }
        return min(max(0, s), max(0, count - 1))
    }
}
