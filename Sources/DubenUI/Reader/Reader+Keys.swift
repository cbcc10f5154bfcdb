import DubenModel

extension Reader {
    /// Applies one key. The only way the state changes in response to the user.
    public mutating func handle(_ key: Key) -> Effect {
        if case .resize(let c, let r) = key {
            resize(columns: c, rows: r)
            return .fullRedraw
        }
        if prompt != nil { return handlePrompt(key) }
        switch overlay {
        case .none: break
        default: return handleOverlay(key)
        }
        if isTooSmall {
            return key == .char("q") || key == .ctrl("c") ? .quit : .none
        }
        message = nil
        if case .char(let c) = key, let d = c.wholeNumberValue, c.isASCII {
            count = min(9_999, (count ?? 0) * 10 + d)
            message = "\(count!)"
            return .none
        }
        let n = count
        count = nil
        guard let action = KeyBindings.action(for: key) else {
            if key != .escape { message = "Press h for help" }
            return .none
        }
        let wheel = key == .wheelUp || key == .wheelDown
        return perform(action, count: wheel ? 3 : n)
    }

    mutating func perform(_ action: Action, count: Int?) -> Effect {
        let page = max(1, textHeight)
        switch action {
        case .lineDown: setTop(advance(top, by: count ?? 1))
        case .lineUp: setTop(retreat(top, by: count ?? 1))
        case .pageDown: setTop(advance(top, by: page))
        case .pageUp: setTop(retreat(top, by: page))
        case .halfPageDown: setTop(advance(top, by: max(1, page / 2)))
        case .halfPageUp: setTop(retreat(top, by: max(1, page / 2)))
        case .documentStart: setTop(RowPosition(block: 0, row: 0))
        case .documentEnd: setTop(maxTop)
        case .percent: go(toPercent: count ?? 0)
        case .nextHeading:
            if let e = document.toc.first(where: { $0.block > top.block }) {
                setTop(RowPosition(block: e.block, row: 0), pastEnd: true)
            } else {
                message = "No more headings"
            }
        case .previousHeading:
            let current = top.row == 0 ? top.block : top.block + 1
            if let e = document.toc.last(where: { $0.block < current }) {
                setTop(RowPosition(block: e.block, row: 0), pastEnd: true)
            } else {
                message = "No earlier heading"
            }
        case .nextDocument:
            open(document: (documentIndex + 1) % corpus.documents.count)
            message = "Document \(documentIndex + 1)/\(corpus.documents.count)"
        case .previousDocument:
            open(document: (documentIndex + corpus.documents.count - 1) % corpus.documents.count)
            message = "Document \(documentIndex + 1)/\(corpus.documents.count)"
        case .tableOfContents:
            if document.toc.isEmpty { message = "This document has no headings" }
            else { overlay = .tableOfContents(selected: currentSectionEntry ?? 0) }
        case .library: overlay = .library(selected: documentIndex)
        case .searchForward: prompt = Prompt(kind: .searchForward)
        case .searchBackward: prompt = Prompt(kind: .searchBackward)
        case .nextMatch: repeatSearch(reverse: false)
        case .previousMatch: repeatSearch(reverse: true)
        case .nextQuotation: stepQuotation(forward: true)
        case .previousQuotation: stepQuotation(forward: false)
        case .nextByDate: stepByDate(forward: true)
        case .previousByDate: stepByDate(forward: false)
        case .jumpToDate: prompt = Prompt(kind: .date)
        case .occasion: openOccasion()
        case .timeline: overlay = .timeline(initialTimelineSelection())
        case .bookmark:
            if bookmarkStore == nil { message = "Bookmarks are off" }
            else if let why = bookmarksReadOnly { message = why; messageIsError = true } else { prompt = Prompt(kind: .bookmarkNote) }
        case .bookmarkList: overlay = .bookmarks(selected: 0, deleted: [])
        case .export:
            if bookmarkStore == nil { message = "Bookmarks are off" }
            else { prompt = Prompt(kind: .export, editor: LineEditor("markdown duben-bookmarks.md")) }
        case .help: overlay = .help(scroll: 0)
        case .redraw: return .fullRedraw
        case .quit: return .quit
        case .closeOverlay: break
        }
        return .none
    }

    /// The TOC entry (heading or run-in point) at or above the top row.
    var currentSectionEntry: Int? {
        document.toc.lastIndex { $0.block <= top.block }
    }

    mutating func go(toPercent p: Int) {
        let pct = min(100, max(0, p))
        let position = linePosition
        if position.exact {
            let target = (position.total - 1) * pct / 100
            setTop(advance(RowPosition(block: 0, row: 0), by: target))
        } else {
            let doc = document
            let byte = doc.range.lowerBound + doc.range.count * pct / 100
            let anchor = doc.anchor(atByte: byte)
            setTop(RowPosition(block: anchor.block, row: 0))
        }
    }

    mutating func handleOverlay(_ key: Key) -> Effect {
        if case .timeline(let selection) = overlay { return handleTimeline(key, selection) }
        if case .char("q") = key { overlay = .none; return .none }
        if key == .escape { overlay = .none; return .none }
        if key == .ctrl("l") { return .fullRedraw }
        switch overlay {
        case .tableOfContents(let selected):
            if key == .char("t") { overlay = .none; return .none }
            let entries = document.toc
            if key == .enter {
                overlay = .none
                if selected < entries.count { setTop(RowPosition(block: entries[selected].block, row: 0), pastEnd: true) }
                return .none
            }
            overlay = .tableOfContents(selected: moveSelection(selected, count: entries.count, key: key))
        case .library(let selected):
            if key == .char("L") { overlay = .none; return .none }
            if key == .enter {
                overlay = .none
                if selected != documentIndex { open(document: selected) }
                return .none
            }
            overlay = .library(selected: moveSelection(selected, count: corpus.documents.count, key: key))
        case .help(let scroll):
            if key == .char("h") || key == .function(1) { overlay = .none; return .none }
            // The help scrolls like a list whose entries are its possible top rows; Enter
            // moves down a line, as in the text.
            let lastTop = max(0, HelpView.lineCount - max(1, rows - 4))
            overlay = .help(scroll: moveSelection(scroll, count: lastTop + 1, key: key == .enter ? .down : key))
        case .occasion(let selected, let items):
            if key == .char("o") { overlay = .none; return .none }
            if key == .enter {
                overlay = .none
                if selected < items.count { go(to: items[selected]) }
                return .none
            }
            overlay = .occasion(selected: moveSelection(selected, count: items.count, key: key), items: items)
        case .bookmarks(let selected, let deleted):
            return handleBookmarkList(key, selected: selected, deleted: deleted)
        case .none, .timeline: break
        }
        return .none
    }

    /// A list selection moved by a key (j/k, pages, g/G), kept within `0..<count`.
    func moveSelection(_ selected: Int, count: Int, key: Key) -> Int {
        let page = max(1, rows - 4)
        var s = selected
        switch key {
        case .char("j"), .down, .wheelDown, .ctrl("n"): s += 1
        case .char("k"), .up, .wheelUp, .ctrl("p"): s -= 1
        case .char(" "), .pageDown, .char("f"): s += page
        case .char("b"), .pageUp: s -= page
        case .char("g"), .home: s = 0
        case .char("G"), .end: s = count - 1
        default: break
        }
        return min(max(0, s), max(0, count - 1))
    }

    mutating func handlePrompt(_ key: Key) -> Effect {
        guard var p = prompt else { return .none }
        if case .resize = key { return .none }
        let outcome = p.editor.handle(key)
        switch outcome {
        case .editing: prompt = p
        case .cancelled: prompt = nil
        case .accepted:
            prompt = nil
            let text = p.editor.text
            switch p.kind {
            case .searchForward: startSearch(text, forward: true)
            case .searchBackward: startSearch(text, forward: false)
            case .date: jump(toDate: text)
            case .bookmarkNote: addBookmark(note: text)
            case .editNote(let id): editNote(id: id, note: text)
            case .export: export(text)
            case .timelineFilter:
                if case .timeline(var selection) = overlay {
                    selection.filter = text
                    selection.period = 0
                    selection.item = 0
                    overlay = .timeline(selection)
                }
            }
        }
        return .none
    }
}
