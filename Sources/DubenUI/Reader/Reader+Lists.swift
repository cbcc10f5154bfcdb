import DubenLayout
import DubenModel

/// The overlays' keys: contents, library, help and occasion lists here; the bookmark list in
/// Reader+Bookmarks, the timeline in Reader+Timeline.
extension Reader {
    /// A key in an overlay, looked up in the overlay's rows of the key table. The key that
    /// opened an overlay closes it.
    mutating func handleOverlay(_ key: Key) -> [Effect] {
        // A number typed in the contents list, for N Enter.
        if case .tableOfContents = overlay, case .char(let c) = key, let d = c.wholeNumberValue, c.isASCII {
            count = min(9_999, (count ?? 0) * 10 + d)
            return []
        }
        let typed = count
        count = nil
        let action = keyMap.action(for: key, in: overlay.keyContext)
        if action == .redraw { return [.redraw] }
        if case .timeline(let selection) = overlay { return handleTimeline(action, selection) }
        if action == .close || (action == nil && keyMap.action(for: key, in: .reader) == overlay.openingAction) {
            overlay = .none
            return []
        }
        switch overlay {
        case .tableOfContents(let selected, let filter):
            let shown = contentsEntries(filter: filter)
            switch action {
            case .choose:
                let entries = document.toc
                if let n = typed {
                    // N Enter: the Nth top-level entry, whatever the filter shows.
                    guard let i = topLevelNumbers.firstIndex(where: { $0 == n }) else {
                        notice = .info("No entry \(n): \(topLevelNumbers.compactMap { $0 }.count) top-level entries")
                        return []
                    }
                    overlay = .none
                    setTop(RowPosition(block: entries[i].block, row: 0), pastEnd: true)
                    return []
                }
                overlay = .none
                if selected < shown.count { setTop(RowPosition(block: entries[shown[selected]].block, row: 0), pastEnd: true) }
            case .filter:
                prompt = Prompt(kind: .filter, editor: LineEditor(filter))
            case .cancel:
                overlay = filter.isEmpty ? .none : .tableOfContents(selected: 0)
            default:
                overlay = .tableOfContents(selected: moveSelection(selected, count: shown.count, action: action), filter: filter)
            }
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
            let count = HelpView.rows(self, width: columns, measure: DisplayWidth(ambiguousWidth: ambiguousWidth)).count
            let lastTop = max(0, count - metrics.listRows)
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

    /// The contents entries (indices into the TOC) whose label holds `filter` (all when empty).
    public func contentsEntries(filter: String) -> [Int] {
        guard let matcher = TextMatcher(filter) else { return Array(document.toc.indices) }
        return document.toc.indices.filter { matcher.occurs(in: document.toc[$0].label) }
    }

    /// For each TOC entry, its number among the top-level headings (the headings of the
    /// smallest level; run-in points never), or nil.
    public var topLevelNumbers: [Int?] {
        let toc = document.toc
        guard let top = toc.filter({ !$0.isRunIn }).map(\.level).min() else { return toc.map { _ in nil } }
        var n = 0
        return toc.map { e in
            guard !e.isRunIn && e.level == top else { return nil }
            n += 1
            return n
        }
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
