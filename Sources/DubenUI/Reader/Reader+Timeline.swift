import DubenModel

extension Reader {
    /// The dated items the timeline shows under a filter (quotations whose citation or text
    /// contains it; report passages whose paragraph contains it; documents whose title does).
    /// A filter that is a date in any form `@` takes (2020-03-27, 2020/3/27, 3月27日, 3-27)
    /// also keeps the items dated within it.
    public func timelineItems(filter: String) -> [DatedItem] {
        guard let matcher = TextMatcher(filter) else { return datedItems.items }
        let date = Reader.dateFilter(filter, contextYear: currentQuotation?.citation.date.start.year
            ?? document.ownDate?.start.year ?? quotationsByDate.items.first?.date.start.year)
        return datedItems.items.filter { item in
            if let date, item.date.isWithin(date) { return true }
            let doc = corpus.documents[item.documentIndex]
            if item.kind == .document { return matcher.occurs(in: doc.title) }
            if let qi = item.quotation {
                let q = doc.quotations[qi]
                return matcher.occurs(in: q.citation.text) || matcher.occurs(in: doc.quotationText(q))
            }
            return matcher.occurs(in: doc.text(of: item.block))
        }
    }

    /// A filter read as a date: only a date written as one (with a separator, 年月日, or four,
    /// six or eight digits), so that "3" or "20" stay text.
    static func dateFilter(_ text: String, contextYear: Int?) -> PartialDate? {
        let t = text.filter { $0 != " " && $0 != "\u{3000}" }
        let written = t.contains { "-/.年月日".contains($0) } || ([4, 6, 8].contains(t.count) && t.allSatisfy(\.isASCII) && t.allSatisfy(\.isNumber))
        return written ? PartialDate(query: t, contextYear: contextYear) : nil
    }

    /// The periods of the timeline under a filter, with each period's items (quotations and
    /// report passages) in date order.
    public func timelinePeriods(filter: String) -> [(period: Timeline.PeriodCounts, items: Timeline.PeriodItems)] {
        timeline(filter: filter).periods
    }

    /// The timeline under a filter, with its heading figures (cached per filter).
    func timeline(filter: String) -> TimelineCache.Entry {
        timelineCache.entry(filter: filter) { Timeline.periods(timelineItems(filter: filter)) }
    }

    /// The timeline opens on the current quotation's month (or the first month).
    func initialTimelineSelection() -> TimelineSelection {
        var selection = TimelineSelection()
        guard let q = currentQuotation else { return selection }
        let periods = timelinePeriods(filter: "")
        for (p, entry) in periods.enumerated() {
            if let i = entry.items.firstIndex(where: { $0.documentIndex == documentIndex && $0.quotation == q.index }) {
                selection.period = p
                selection.item = i
            }
        }
        return selection
    }

    /// Keys of the timeline (T): items, months, the filter prompt, jumping.
    mutating func handleTimeline(_ action: Action?, _ selection: TimelineSelection) -> [Effect] {
        var s = selection
        let periods = timelinePeriods(filter: s.filter)
        let items = s.period < periods.count ? periods[s.period].items : Timeline.PeriodItems([])
        switch action {
        case .cancel:
            if !s.filter.isEmpty { s.filter = ""; s.period = 0; s.item = 0 } else { overlay = .none; return [] }
        case .close:
            overlay = .none
            return []
        case .filter:
            prompt = Prompt(kind: .filter, editor: LineEditor(s.filter))
            return []
        case .choose:
            overlay = .none
            if s.item < items.count { go(to: items[s.item]) }
            return []
        case .selectNext:
            if s.item + 1 < items.count { s.item += 1 }
            else if s.period + 1 < periods.count { s.period += 1; s.item = 0 }
        case .selectPrevious:
            if s.item > 0 { s.item -= 1 }
            else if s.period > 0 { s.period -= 1; s.item = max(0, periods[s.period].items.count - 1) }
        case .nextPeriod:
            if s.period + 1 < periods.count { s.period += 1; s.item = 0 }
        case .previousPeriod:
            if s.period > 0 { s.period -= 1; s.item = 0 }
        case .selectFirst: s.period = 0; s.item = 0
        case .selectLast:
            s.period = max(0, periods.count - 1)
            s.item = max(0, (periods.last?.items.count ?? 1) - 1)
        default: break
        }
        overlay = .timeline(s)
        return []
    }
}
