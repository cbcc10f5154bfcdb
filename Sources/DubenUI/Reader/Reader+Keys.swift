import DubenModel

extension Reader {
    /// Applies one key: the only way the state changes in response to the user. Pure: it
    /// changes this value only and returns what the outside world must do, in order.
    public mutating func handle(_ key: Key) -> [Effect] {
        if case .resize(let c, let r) = key {
            resize(columns: c, rows: r)
            return [.redraw]
        }
        // A jump records where it started (for '' and Ctrl-O) once it has moved the page.
        let before = here
        let jump = isJump(key)
        let effects = dispatch(key)
        if jump && here != before { jumps.record(before) }
        return effects
    }

    /// Page actions that are jumps (recorded in the jump list), as in less and vim.
    static let jumpActions: Set<Action> = [
        .documentStart, .documentEnd, .percent, .nextHeading, .previousHeading, .nextDocument, .previousDocument,
        .nextMatch, .previousMatch, .nextQuotation, .previousQuotation, .nextByDate, .previousByDate,
    ]

    /// Whether `key`, in the present state, is a jump: a page jump, a list's choice, an accepted
    /// search or date, `:n`/`:p`.
    func isJump(_ key: Key) -> Bool {
        if let p = prompt {
            let jumping = p.kind == .searchForward || p.kind == .searchBackward || p.kind == .date
            return jumping && keyMap.action(for: key, in: .prompt) == .accept
        }
        if overlay != .none { return keyMap.action(for: key, in: overlay.keyContext) == .choose }
        if pendingPrefix == .commandPrefix { return true }
        guard selection == nil, let action = keyMap.action(for: key, in: .reader) else { return false }
        return Reader.jumpActions.contains(action)
    }

    /// The page's place: the document and the first character shown.
    public var here: Place { Place(document: documentIndex, block: top.block, offset: topOffset) }

    /// Shows a place (another document where it says, not where that document was left).
    mutating func go(to place: Place) {
        guard place.document >= 0, place.document < corpus.documents.count else { return }
        if place.document != documentIndex { open(document: place.document) }
        show(block: place.block, offset: place.offset)
    }

    mutating func dispatch(_ key: Key) -> [Effect] {
        if prompt != nil { return handlePrompt(key) }
        if overlay != .none { return handleOverlay(key) }
        if isTooSmall {
            // Only quitting works until the terminal is large enough (Ctrl-C is SIGINT).
            return keyMap.action(for: key, in: .reader) == .quit ? closingEffects + [.quit] : []
        }
        notice = nil
        if let prefix = pendingPrefix {
            pendingPrefix = nil
            count = nil
            let context: KeyContext = prefix == .commandPrefix ? .afterColon : .afterQuote
            guard let action = keyMap.action(for: key, in: context) else {
                notice = .info("No such command after \(prefix == .commandPrefix ? ":" : "'") — press h for help")
                return []
            }
            return perform(action, count: nil)
        }
        if case .char(let c) = key, let d = c.wholeNumberValue, c.isASCII {
            count = min(9_999, (count ?? 0) * 10 + d)
            notice = .info("\(count!)")
            return []
        }
        let n = count
        count = nil
        guard let action = keyMap.action(for: key, in: selection == nil ? .reader : .selection) else {
            notice = .info("Press h for help")
            return []
        }
        let wheel = key == .wheelUp || key == .wheelDown
        if selection != nil { return handleSelection(action, count: wheel ? 3 : n) }
        return perform(action, count: wheel ? 3 : n)
    }

    /// Carries out a page action.
    mutating func perform(_ action: Action, count: Int?) -> [Effect] {
        let page = max(1, textHeight)
        switch action {
        case .lineDown: setTop(advance(top, by: count ?? 1))
        case .lineUp: setTop(retreat(top, by: count ?? 1))
        case .pageDown: setTop(advance(top, by: page * (count ?? 1)))
        case .pageUp: setTop(retreat(top, by: page * (count ?? 1)))
        case .halfPageDown: setTop(advance(top, by: max(1, page / 2) * (count ?? 1)))
        case .halfPageUp: setTop(retreat(top, by: max(1, page / 2) * (count ?? 1)))
        case .documentStart, .documentEnd:
            // With a count, line N (as less and vim).
            if let n = count { setTop(advance(RowPosition(block: 0, row: 0), by: max(0, n - 1))) }
            else { setTop(action == .documentStart ? RowPosition(block: 0, row: 0) : maxTop) }
        case .percent: go(toPercent: count ?? 0)
        case .nextHeading:
            if let e = document.toc.first(where: { $0.block > top.block }) {
                setTop(RowPosition(block: e.block, row: 0), pastEnd: true)
            } else {
                notice = .info("No more headings")
            }
        case .previousHeading:
            let current = top.row == 0 ? top.block : top.block + 1
            if let e = document.toc.last(where: { $0.block < current }) {
                setTop(RowPosition(block: e.block, row: 0), pastEnd: true)
            } else {
                notice = .info("No earlier heading")
            }
        case .nextDocument:
            if let indexing = indexingLabel, documentIndex == corpus.documents.count - 1 {
                notice = .info("\(indexing): the next document is not read yet")
                return []
            }
            open(document: (documentIndex + 1) % corpus.documents.count)
            notice = .info("Document \(documentIndex + 1)/\(corpus.documents.count)")
        case .previousDocument:
            open(document: (documentIndex + corpus.documents.count - 1) % corpus.documents.count)
            notice = .info("Document \(documentIndex + 1)/\(corpus.documents.count)")
        case .tableOfContents:
            if document.toc.isEmpty { notice = .info("This document has no headings") }
            else { overlay = .tableOfContents(selected: currentSectionEntry ?? 0) }
        case .library: overlay = .library(selected: documentIndex)
        case .searchForward: prompt = Prompt(kind: .searchForward)
        case .searchBackward: prompt = Prompt(kind: .searchBackward)
        case .occurrences: prompt = Prompt(kind: .occurrences)
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
            if bookmarksWritable() { prompt = Prompt(kind: .bookmarkNote) }
        case .bookmarkList: overlay = .bookmarks(BookmarkListState())
        case .select: startSelection()
        case .copy: return copyPassage()
        case .export: return startExport()
        case .help: overlay = .help(scroll: 0)
        case .redraw: return [.redraw]
        case .reload: return [.reload]
        case .quit: return closingEffects + [.quit]
        case .commandPrefix:
            pendingPrefix = .commandPrefix
            notice = .info(":")
        case .markPrefix:
            pendingPrefix = .markPrefix
            notice = .info("'")
        case .jumpBack, .jumpOlder:
            let from = documentIndex
            if let target = action == .jumpBack ? jumps.toggle(from: here) : jumps.older(from: here) {
                go(to: target)
                let line = "back to line \(linePosition.line)"
                notice = .info(documentIndex == from ? line : "\(line) of \(document.title)")
            } else {
                notice = .info(jumps.places.isEmpty ? "No earlier position: nothing has jumped yet" : "At the oldest position")
            }
        case .showInfo: notice = .info(infoLine)
        case .suspend: return [.suspend]
        default: break
        }
        return []
    }

    /// What `=` and Ctrl-G say: the document, the section, the line, the percentage and the
    /// byte offset of the first character shown (as less's `=`).
    var infoLine: String {
        let doc = document
        let position = linePosition
        var parts = ["\(documentIndex + 1)/\(corpus.documents.count) \(doc.title)"]
        if let s = currentSectionEntry { parts.append(doc.toc[s].label) }
        parts.append("line \(position.exact ? "" : "~")\(position.line)/\(position.total)")
        parts.append("\(percent(at: position))%")
        let byte = doc.blocks.isEmpty ? doc.range.lowerBound
            : doc.byteOffset(of: TextAnchor(document: doc.id, block: top.block, offset: topOffset))
        parts.append("byte \(byte)/\(doc.source.bytes.count)")
        return parts.joined(separator: " · ")
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

    /// A key in a prompt: edits the text; Enter carries out what the prompt is for.
    mutating func handlePrompt(_ key: Key) -> [Effect] {
        guard var p = prompt else { return [] }
        if case .resize = key { return [] }
        // A notice (an invalid pattern) lasts until the next key.
        notice = nil
        if p.isSearch {
            switch keyMap.action(for: key, in: .prompt) {
            case .historyPrevious, .historyNext:
                p.walk(searchHistory, older: keyMap.action(for: key, in: .prompt) == .historyPrevious)
                prompt = p
                return []
            case .toggleLiteral:
                p.literal.toggle()
                prompt = p
                return []
            default: break
            }
        }
        let outcome = p.editor.handle(key, keys: keyMap)
        switch outcome {
        case .editing: prompt = p
        case .cancelled: prompt = nil
        case .accepted:
            prompt = nil
            let text = p.editor.text
            switch p.kind {
            case .searchForward: return acceptSearch(p, forward: true)
            case .searchBackward: return acceptSearch(p, forward: false)
            case .occurrences: return listOccurrences(p)
            case .date: jump(toDate: text)
            case .bookmarkNote: return addBookmark(note: text)
            case .editNote(let id): return [.bookmarks(.setNote(id: id, note: text.isEmpty ? nil : text))]
            case .export: return export(text)
            case .filter:
                if case .timeline(var selection) = overlay {
                    selection.filter = text
                    selection.period = 0
                    selection.item = 0
                    overlay = .timeline(selection)
                } else if case .bookmarks(var list) = overlay {
                    list.filter = text
                    list.selected = 0
                    overlay = .bookmarks(list)
                } else if case .tableOfContents(_, _) = overlay {
                    let shown = contentsEntries(filter: text)
                    // The current section stays selected when the filter keeps it.
                    let current = currentSectionEntry.flatMap { shown.firstIndex(of: $0) } ?? 0
                    overlay = .tableOfContents(selected: current, filter: text)
                } else if case .occurrences(var list) = overlay {
                    filterOccurrences(&list, text)
                    overlay = .occurrences(list)
                }
            }
        }
        return []
    }
}
